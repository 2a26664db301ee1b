#include "actors/call/speech.hpp"
#include "actors/call/speech_internal.hpp"
#include "actors/call/speech_words.hpp"

#include <string_view>

namespace askpro::actors::call {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (s == w) return true;
  return false;
}

/// True when tokens[i] starts the time part of a phrase (see speech.hpp).
bool starts_time(const detail::token_list& t, std::size_t i) {
  const auto& w = t[i];
  if (one_of(w, {"um", "at", "gegen", "halb", "dreiviertel", "viertel", "quarter", "half", "mittag",
                 "mittags", "noon"}))
    return true;
  if (w.find(':') != std::string::npos) return true;
  if (i + 1 >= t.size() || !words::number(w)) return false;
  const auto& next = t[i + 1];
  return one_of(next, {"uhr", "pm", "p.m.", "am", "a.m.", "nach", "vor", "past"});
}

/// The index of the first token of the time part, when there is one.
bool split_index(const detail::token_list& t, std::size_t& index) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (starts_time(t, i)) {
      index = i;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<spoken_when> parse_spoken_when(std::string_view text, date::year_month_day today) {
  auto tokens = words::tokens(text);
  std::size_t split = tokens.size();
  bool has_time = split_index(tokens, split);
  detail::token_list date_part(tokens.begin(), tokens.begin() + static_cast<long>(split));
  detail::token_list time_part(tokens.begin() + static_cast<long>(split), tokens.end());
  spoken_when out{today, std::nullopt};
  if (!date_part.empty()) {
    auto d = detail::parse_date_tokens(date_part, today);
    if (!d) return std::move(d.error());
    out.date = *d;
  } else if (!has_time) {
    return detail::unparseable_date();
  }
  if (has_time) {
    auto t = detail::parse_time_tokens(time_part);
    if (!t) return std::move(t.error());
    out.minute_of_day = *t;
  }
  return out;
}

}  // namespace askpro::actors::call
