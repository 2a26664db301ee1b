#pragma once
/// Matching what a caller said to a service or a staff member.
/// Thread-safety: pure functions. Ownership: returned pointers point into the caller's vector.
///
/// Text is normalised before comparing: lower case (ASCII and German umlauts), ä/ö/ü → ae/oe/ue,
/// ß → ss, every other non-alphanumeric character is a word break. Matching then tries, in order,
/// and stops at the first level that finds anything:
///  1. exact: the normalised text equals a slug, name or synonym;
///  2. folded: the same with ae/oe/ue reduced to a/o/u (so "Farben" finds "Färben");
///  3. words: the text contains a label as whole words ("einen Herrenhaarschnitt bitte");
///  4. part: a label contains the text (at least 4 characters), e.g. "Haarschnitt".
/// One service found → it; several → errc::conflict whose detail lists the candidates' slugs
/// ("ambiguous: damenhaarschnitt, herrenhaarschnitt"); none → errc::not_found.

#include "actors/booking/model.hpp"
#include "runtime/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::booking {

/// The normalised form of `text` (see above), words separated by single spaces.
std::string normalize_label(std::string_view text);
/// The same, but ASCII characters listed in `keep` (e.g. ".:") are kept instead of breaking.
std::string normalize_label(std::string_view text, std::string_view keep);

/// Indices of the services that the first successful level finds, in vector order.
std::vector<std::size_t> service_candidates(const std::vector<service>& services,
                                            std::string_view said);

/// The service the caller means (by slug, name or synonym).
[[nodiscard]] Result<const service*> match_service(const std::vector<service>& services,
                                                   std::string_view said);

/// The staff member the caller means (by slug or name).
[[nodiscard]] Result<const staff_member*> match_staff(const std::vector<staff_member>& staff,
                                                      std::string_view said);

}  // namespace askpro::actors::booking
