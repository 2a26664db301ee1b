#pragma once
/// The project's error vocabulary: one enum registered as the CAF error category "askpro".
/// Thread-safety: all functions are pure. Errors travel inside `caf::error`, so they cross actor
/// boundaries unchanged; `Result<T>` is `caf::expected<T>`.

#include <caf/error.hpp>
#include <caf/expected.hpp>
#include <caf/make_message.hpp>
#include <caf/message.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace askpro {

enum class errc : uint8_t {
  not_found = 1,
  slot_taken,
  calendar_unavailable,
  invalid_argument,
  unauthorized,
  forbidden,
  conflict,
  timeout,
  storage,
  unavailable,
  internal,
  config,
};

template <class T>
using Result = caf::expected<T>;

/// Stable snake_case name of a code (used in problem+json `code` and logs).
const char* to_string(errc code);

/// Builds an askpro error carrying a human-readable detail (never secrets or personal data).
caf::error make_error(errc code, std::string detail = {});

/// The askpro code of `err`, if it belongs to our category; CAF's request timeout maps to
/// `errc::timeout`.
std::optional<errc> code_of(const caf::error& err);

/// The detail text of an askpro error, or CAF's rendering of a foreign one.
std::string describe(const caf::error& err);

/// Only the detail text of an askpro error ("" for other errors or none given).
std::string detail_of(const caf::error& err);

/// Renderer for `actor_system_config::add_error_category`.
std::string render_error(uint8_t code, caf::atom_value category, const caf::message& context);

/// The category atom.
constexpr caf::atom_value error_category() {
  return caf::atom("askpro");
}

}  // namespace askpro

CAF_ERROR_CODE_ENUM(askpro::errc, "askpro")
