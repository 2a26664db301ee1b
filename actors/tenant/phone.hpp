#pragma once
/// Phone numbers: normalisation to E.164 with libphonenumber and suppressed caller ids.
/// Thread-safety: pure functions (libphonenumber's singleton is thread-safe).
/// Numbers are personal data: they never appear in error details.

#include "runtime/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace askpro::actors::tenant {

/// `input` in E.164 ("+493012345678"). National forms are read with `default_region`
/// (ISO 3166 alpha-2, e.g. "DE"): "030 1234567", "+49 30 1234567", "0049301234567" and
/// "(030) 123-4567" all give "+49301234567".
/// Errors: errc::invalid_argument when the text is not a valid number for its region.
[[nodiscard]] Result<std::string> to_e164(std::string_view input, std::string_view default_region);

/// True when libphonenumber knows `region` (e.g. "DE", "AT"); upper case only.
bool known_region(std::string_view region);

/// True for a caller id that identifies nobody: missing, empty or blank, "anonymous",
/// "unknown", "private", "restricted", "withheld", "unavailable" (any case) or "+266696687"
/// (the "ANONYMOUS" number some carriers send).
bool is_suppressed_caller(std::optional<std::string_view> from_number);

}  // namespace askpro::actors::tenant
