#include "actors/call/speech.hpp"
#include "actors/call/speech_internal.hpp"
#include "actors/call/speech_words.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace askpro::actors::call {
namespace detail {
namespace {

enum class day_part { none, morning, afternoon };

struct clock_time {
  int hour = 0;
  int minute = 0;
};

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

/// Words that say nothing about the time ("uhr", "um", "at", "gegen", …).
bool noise(std::string_view w) {
  return one_of(w, {"uhr", "um", "at", "gegen", "ca", "ca.", "circa", "etwa", "around", "about",
                    "o'clock", "oclock", "o", "clock", "so", "bitte", "please", "den", "the"});
}

day_part part_of(std::string_view w) {
  if (one_of(w, {"pm", "p.m.", "p.m", "nachmittags", "nachmittag", "abends", "abend", "afternoon",
                 "evening"}))
    return day_part::afternoon;
  if (one_of(w, {"a.m.", "a.m", "morgens", "vormittags", "vormittag", "frueh", "morning"}))
    return day_part::morning;
  return day_part::none;
}

/// "14:30", "14.30", "14." → a clock time.
std::optional<clock_time> clock_token(std::string_view w) {
  std::size_t sep = w.find_first_of(":.");
  if (sep == std::string_view::npos) return std::nullopt;
  auto h = words::number(w.substr(0, sep));
  auto rest = w.substr(sep + 1);
  if (!h || w.substr(0, sep).empty()) return std::nullopt;
  if (rest.empty()) return clock_time{*h, 0};
  auto m = words::number(rest);
  if (!m || rest.size() != 2) return std::nullopt;
  return clock_time{*h, *m};
}

/// The hour before `h` on a 12-hour dial ("halb eins" is 12:30).
int previous_hour(int h) {
  return h == 1 ? 12 : h - 1;
}

/// "halb drei", "viertel nach zehn", "quarter to eleven", "zehn nach drei", "half past three".
std::optional<clock_time> relative_to_hour(const token_list& t) {
  if (t.size() == 2 && t[0] == "halb")
    if (auto h = words::number(t[1])) return clock_time{previous_hour(*h), 30};
  if (t.size() == 2 && t[0] == "dreiviertel")
    if (auto h = words::number(t[1])) return clock_time{previous_hour(*h), 45};
  if (t.size() != 3) return std::nullopt;
  auto h = words::number(t[2]);
  if (!h) return std::nullopt;
  std::optional<int> minutes = words::number(t[0]);
  if (t[0] == "viertel" || t[0] == "quarter") minutes = 15;
  if (t[0] == "half") minutes = 30;
  if (!minutes || *minutes >= 60) return std::nullopt;
  if (one_of(t[1], {"nach", "past", "after"})) return clock_time{*h, *minutes};
  if (one_of(t[1], {"vor", "to", "before"})) return clock_time{previous_hour(*h), 60 - *minutes};
  return std::nullopt;
}

/// "14", "14 30", "three thirty", "14:30".
std::optional<clock_time> plain(const token_list& t) {
  if (t.size() == 1) {
    if (auto c = clock_token(t[0])) return c;
    if (auto h = words::number(t[0])) return clock_time{*h, 0};
  }
  if (t.size() == 2) {
    auto h = words::number(t[0]);
    auto m = words::number(t[1]);
    if (h && m) return clock_time{*h, *m};
  }
  return std::nullopt;
}

/// Applies am/pm or the business-hours rule (speech.hpp) and validates.
Result<int> finish(clock_time c, day_part part) {
  if (c.hour < 0 || c.hour > 23 || c.minute < 0 || c.minute > 59) return unparseable_time();
  if (part == day_part::afternoon && c.hour < 12) c.hour += 12;
  if (part == day_part::morning && c.hour == 12) c.hour = 0;
  if (part == day_part::none && c.hour >= 1 && c.hour <= 7) c.hour += 12;
  return c.hour * 60 + c.minute;
}

}  // namespace

Result<int> parse_time_tokens(const token_list& tokens) {
  token_list t;
  day_part part = day_part::none;
  bool said_noon = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& w = tokens[i];
    bool after_number = i > 0 && words::number(tokens[i - 1]).has_value();
    if (w == "am" && after_number) {
      part = day_part::morning;
    } else if (one_of(w, {"mittag", "mittags", "noon"})) {
      said_noon = true;
      part = day_part::afternoon;
    } else if (auto p = part_of(w); p != day_part::none) {
      part = p;
    } else if (!noise(w) && w != "am") {
      t.push_back(w);
    }
  }
  if (t.empty() && said_noon) return 12 * 60;
  for (auto parse : {relative_to_hour, plain})
    if (auto c = parse(t)) return finish(*c, part);
  return unparseable_time();
}

}  // namespace detail

Result<int> parse_spoken_time(std::string_view text) {
  return detail::parse_time_tokens(words::tokens(text));
}

}  // namespace askpro::actors::call
