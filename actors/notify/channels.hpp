#pragma once
/// The notification channels' subtree (SPEC S10), under the root as
///
///   /notify                          supervisor, one_for_one (kind "notify")
///     /notify/<channel>              supervisor of one channel (sms, whatsapp, email)
///       /notify/<channel>/breaker    circuit breaker (notify.breaker_failures, …_reset_ms)
///         …/breaker/sender           a detached actor owning the channel's message_sender
///
/// Jobs of kind `notify.<channel>` carry one rendered message (message.hpp payload); the job
/// queue hands them to the channel's breaker as `(run_job_atom, job_record)`, the sender puts the
/// message on the wire with the job's idempotency key and answers `caf::ok_atom`. While a
/// gateway is down the breaker answers at once (errc::unavailable) and jobs wait for their next
/// try instead of piling up time-outs. A refusal of the message (errc::invalid_argument) is not
/// a gateway failure: the breaker stays closed and the job is dead at once.
/// Thread-safety: building specs is pure; the actors talk by messages only.

#include "actors/jobs/jobs.hpp"
#include "actors/notify/message.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::notify {

struct channels_config {
  channel_senders senders;  ///< the channels this node has configured
  int breaker_failures = 5;
  std::chrono::milliseconds breaker_reset{10000};
  std::chrono::milliseconds call_timeout{12000};  ///< one send, above the sender's own limit
  runtime::registry_ptr registry;                 ///< required
  runtime::clock_ptr clock;                       ///< required
  std::vector<runtime::child_spec> extra;         ///< more children of /notify (notices)
};

/// The child spec of /notify for the root supervisor (no channel children when none is set).
runtime::child_spec channels_child_spec(channels_config cfg);

/// The job kind of a channel's messages: "notify.<channel>".
std::string job_kind(std::string_view channel);

/// The queue's handlers of the configured channels: notify.<channel> → /notify/<channel>/breaker.
std::vector<jobs::job_handler> job_handlers(const channel_senders& senders);

}  // namespace askpro::actors::notify
