#pragma once
/// Who makes a change, and the id that ties it to its request or call (audit_repo.hpp).
/// Actors: "api:<token name>", "call:<Retell call id>", "calcom", "stripe", "retell",
/// "ops:<user>", "cli", "system". Never personal data. Thread-safety: a plain value.

#include <string>

namespace askpro::persistence {

struct audit_context {
  std::string actor = "system";
  std::string correlation;
};

}  // namespace askpro::persistence
