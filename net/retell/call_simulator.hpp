#pragma once
/// A whole call as Retell would make it, against our own API listener, for the shell's
/// `rt.simulate_call` (SPEC S13): call_inbound, call_started, each function in order, call_ended
/// — every request signed with the tenant's Retell key exactly as Retell's SDK signs, so a script
/// exercises the real webhook and function handlers.
/// Thread-safety: each call is independent (its own HTTP client); blocking.
/// Errors: errc::not_found when the number belongs to no tenant (404), errc::unavailable when a
/// webhook answers anything else unexpected or the listener cannot be reached.

#include "runtime/error.hpp"

#include <string>
#include <utility>
#include <vector>

namespace askpro::net::retell {

struct call_script {
  std::string base_url;  ///< "http://127.0.0.1:8080"
  std::string api_key;   ///< the tenant's Retell key (secret: never logged)
  std::string from, to;  ///< caller and dialled number, E.164
  std::string call_id;
  std::vector<std::pair<std::string, std::string>> steps;  ///< (function name, args JSON)
};

/// The function responses in order (each the JSON text of the envelope).
[[nodiscard]] Result<std::vector<std::string>> simulate_call(const call_script& script);

}  // namespace askpro::net::retell
