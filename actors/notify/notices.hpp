#pragma once
/// The writer of low-balance notices (/notify/low_balance): the handler of `notify.low_balance`
/// jobs, which a charge enqueues in its own transaction when it takes a tenant's balance below
/// the threshold (persistence/repo/ledger_repo.hpp). It loads the tenant through /directory
/// (rarely: once per crossing) and writes one message job per branch `notify` address and
/// channel of this node (outbox.hpp low_balance_outbox), keyed by the ledger entry, so a retried
/// job writes nothing twice. The messages then go out as any other.
/// Answers (jobs::run_job_atom, job_record) with caf::ok_atom once the messages are queued;
/// errc::invalid_argument for a payload it cannot read (the job is dead at once).
/// Thread-safety: messages only.

#include "actors/notify/outbox_policy.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <chrono>
#include <string>

namespace askpro::actors::notify {

struct notices_config {
  outbox_policy_ptr policy;        ///< the channels this node has
  runtime::registry_ptr registry;  ///< required: /directory, /db
  runtime::clock_ptr clock;        ///< required
  std::chrono::milliseconds timeout{10000};
};

/// The child "low_balance" (kind "notices") of /notify.
runtime::child_spec notices_child_spec(notices_config cfg);

}  // namespace askpro::actors::notify
