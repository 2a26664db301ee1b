#include "actors/call/speech_words.hpp"

#include "actors/booking/matching.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace askpro::actors::call::words {
namespace {

struct named {
  std::string_view word;
  int value;
};

constexpr std::array<named, 46> number_words{{
    {"null", 0},
    {"zero", 0},
    {"ein", 1},
    {"eins", 1},
    {"eine", 1},
    {"one", 1},
    {"zwei", 2},
    {"two", 2},
    {"drei", 3},
    {"three", 3},
    {"vier", 4},
    {"four", 4},
    {"fuenf", 5},
    {"five", 5},
    {"sechs", 6},
    {"six", 6},
    {"sieben", 7},
    {"seven", 7},
    {"acht", 8},
    {"eight", 8},
    {"neun", 9},
    {"nine", 9},
    {"zehn", 10},
    {"ten", 10},
    {"elf", 11},
    {"eleven", 11},
    {"zwoelf", 12},
    {"twelve", 12},
    {"dreizehn", 13},
    {"vierzehn", 14},
    {"fuenfzehn", 15},
    {"fifteen", 15},
    {"sechzehn", 16},
    {"siebzehn", 17},
    {"achtzehn", 18},
    {"neunzehn", 19},
    {"zwanzig", 20},
    {"twenty", 20},
    {"einundzwanzig", 21},
    {"zweiundzwanzig", 22},
    {"dreiundzwanzig", 23},
    {"dreissig", 30},
    {"thirty", 30},
    {"vierzig", 40},
    {"forty", 40},
    {"fuenfundvierzig", 45},
}};

constexpr std::array<named, 35> month_words{{
    {"januar", 1},   {"jaenner", 1},   {"january", 1},   {"jan", 1},   {"februar", 2},
    {"february", 2}, {"feb", 2},       {"maerz", 3},     {"march", 3}, {"mar", 3},
    {"april", 4},    {"apr", 4},       {"mai", 5},       {"may", 5},   {"juni", 6},
    {"june", 6},     {"jun", 6},       {"juli", 7},      {"july", 7},  {"jul", 7},
    {"august", 8},   {"aug", 8},       {"september", 9}, {"sep", 9},   {"sept", 9},
    {"oktober", 10}, {"october", 10},  {"okt", 10},      {"oct", 10},  {"november", 11},
    {"nov", 11},     {"dezember", 12}, {"december", 12}, {"dez", 12},  {"dec", 12},
}};

constexpr std::array<named, 14> weekday_words{{
    {"montag", 0},
    {"monday", 0},
    {"dienstag", 1},
    {"tuesday", 1},
    {"mittwoch", 2},
    {"wednesday", 2},
    {"donnerstag", 3},
    {"thursday", 3},
    {"freitag", 4},
    {"friday", 4},
    {"samstag", 5},
    {"saturday", 5},
    {"sonntag", 6},
    {"sunday", 6},
}};

constexpr std::array<std::string_view, 16> filler_words{
    "am",    "an",     "on",   "the", "den", "dem",  "der", "of",
    "bitte", "please", "fuer", "for", "so",  "also", "ja",  "gerne"};

template <std::size_t N>
std::optional<int> lookup(const std::array<named, N>& table, std::string_view word) {
  for (const auto& entry : table)
    if (entry.word == word) return entry.value;
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

/// "3pm" → {"3", "pm"}, "3:30pm" → {"3:30", "pm"}, "14uhr" → {"14", "uhr"}; "19th" stays whole.
void split_digit_letters(const std::string& word, std::vector<std::string>& out) {
  std::size_t i = 0;
  while (i < word.size() && !std::isalpha(static_cast<unsigned char>(word[i]))) ++i;
  std::string_view rest = std::string_view{word}.substr(i);
  bool suffix = rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
  bool letters = std::all_of(rest.begin(), rest.end(),
                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  if (i == 0 || i == word.size() || suffix || !letters ||
      !std::isdigit(static_cast<unsigned char>(word[i - 1]))) {
    out.push_back(word);
    return;
  }
  out.push_back(word.substr(0, i));
  out.emplace_back(rest);
}

}  // namespace

std::vector<std::string> tokens(std::string_view text) {
  const std::string norm = booking::normalize_label(text, ".:/-'");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < norm.size()) {
    std::size_t end = norm.find(' ', start);
    if (end == std::string::npos) end = norm.size();
    if (end > start) split_digit_letters(norm.substr(start, end - start), out);
    start = end + 1;
  }
  return out;
}

std::optional<int> number(std::string_view word) {
  if (all_digits(word)) return to_int(word);
  return lookup(number_words, word);
}

std::optional<int> ordinal(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() > 2) {
    auto suffix = word.substr(word.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") word.remove_suffix(2);
  }
  if (!all_digits(word) || word.size() > 2) return std::nullopt;
  return to_int(word);
}

std::optional<int> month(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return lookup(month_words, word);
}

std::optional<int> weekday(std::string_view word) {
  return lookup(weekday_words, word);
}

bool filler(std::string_view word) {
  for (auto f : filler_words)
    if (f == word) return true;
  return false;
}

}  // namespace askpro::actors::call::words
