#pragma once
/// What this node can notify by (outbox.hpp turns changes into messages under it): the channels
/// configured here and how often a message is tried. Light on purpose: configuration structs of
/// tenants, calendars and calls carry it.
/// Thread-safety: an immutable value, shared read-only.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::notify {

struct outbox_policy {
  std::vector<std::string> channels;  ///< the channels configured on this node
  int max_attempts = 5;
  bool has(std::string_view channel) const;
};
using outbox_policy_ptr = std::shared_ptr<const outbox_policy>;

}  // namespace askpro::actors::notify
