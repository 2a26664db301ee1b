#pragma once
/// Vocabulary shared by the date and time parsers (speech.hpp): tokenising, number words, month
/// and weekday names in German and English. Internal to actors/call.
/// Thread-safety: pure functions over immutable tables.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::call::words {

/// Lower-cased, umlaut-folded words of `text`; '.', ':', '/', '-' and '\'' stay inside words.
/// Digits followed by letters are split ("3pm" → "3", "pm"; "19th" stays: see `ordinal`).
std::vector<std::string> tokens(std::string_view text);

/// 0..59 for a number word ("drei", "zwanzig", "three", "fifteen") or digits; nullopt otherwise.
std::optional<int> number(std::string_view word);

/// A day number from "7", "7.", "19th", "1st", "3rd"; nullopt otherwise.
std::optional<int> ordinal(std::string_view word);

/// 1..12 for a month name or abbreviation ("dezember", "dez", "december", "dec").
std::optional<int> month(std::string_view word);

/// 0 (Monday) … 6 (Sunday) for a weekday name ("montag", "monday").
std::optional<int> weekday(std::string_view word);

/// True for words that carry no meaning for a date or time ("am", "on", "the", "den", "of", …).
bool filler(std::string_view word);

}  // namespace askpro::actors::call::words
