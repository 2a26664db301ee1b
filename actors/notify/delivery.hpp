#pragma once
/// The part of a runtime that delivers messages, built from the process settings: /notify (a
/// breaker and sender per channel in `senders`, and /notify/low_balance, notices.hpp) and /jobs
/// (workers handing `notify.<channel>` jobs to those breakers, `notify.low_balance` to the
/// notices), and the outbox policy tenants use to enqueue messages for exactly
/// these channels. `askpro serve` and the test nodes build it the same way.
/// Thread-safety: builds plain values.

#include "actors/notify/message.hpp"
#include "actors/notify/outbox_policy.hpp"
#include "config/settings.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <string>
#include <vector>

namespace askpro::actors::notify {

struct delivery_parts {
  outbox_policy_ptr policy;                   ///< for tenant_options::notify
  std::vector<runtime::child_spec> children;  ///< /notify, then /jobs, for the root
};

/// `s.notify` (breakers, send time limit) and `s.jobs` (workers, backoff, poll, lease,
/// attempts) over `senders`; the queue's claims are named `node_id`.
delivery_parts make_delivery(const config::settings& s, channel_senders senders,
                             const std::string& node_id, const runtime::registry_ptr& registry,
                             const runtime::clock_ptr& clock);

}  // namespace askpro::actors::notify
