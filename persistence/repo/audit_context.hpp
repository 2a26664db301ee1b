#pragma once
/// Who makes a change, and the id that ties it to its request or call (audit_repo.hpp).
/// Actors: "api:<token name>", "caller:<E.164>" (a phone caller: stored as "caller:<the number's
/// blind index>", so the trail ties a caller's changes together without holding the number),
/// "call:<Retell call id>" (a caller without a number), "calcom", "stripe", "retell",
/// "ops:<user>", "cli", "system". Never personal data. Thread-safety: a plain value.

#include <string>

namespace askpro::persistence {

struct audit_context {
  std::string actor = "system";
  std::string correlation;
};

}  // namespace askpro::persistence
