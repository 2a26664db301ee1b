#pragma once
/// Token-level entry points of the date and time parsers, so `parse_spoken_when` can split one
/// phrase into both parts. Internal to actors/call; semantics as in speech.hpp.

#include "runtime/error.hpp"

#include <date/date.h>

#include <string>
#include <vector>

namespace askpro::actors::call::detail {

using token_list = std::vector<std::string>;

[[nodiscard]] Result<date::year_month_day> parse_date_tokens(const token_list& tokens,
                                                             date::year_month_day today);
[[nodiscard]] Result<int> parse_time_tokens(const token_list& tokens);

/// Error helpers: errc::invalid_argument with the contract's code as detail.
caf::error unparseable_date();
caf::error unparseable_time();
caf::error in_past();

}  // namespace askpro::actors::call::detail
