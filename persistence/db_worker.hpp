#pragma once
/// One persistence worker (internal to /db): a detached actor owning one connection, running
/// the `db_task`s the dispatcher delegates to it. It tells the dispatcher when it is up
/// (`db_hello_atom`) and when each task is done (`db_done_atom`), so the dispatcher can route by
/// load and report in-flight work. A connection that cannot be opened is retried on each task.
/// A task that leaves a transaction open has it rolled back.
///
///   worker → dispatcher: (db_hello_atom, uint32_t slot, caf::actor self)
///   worker → dispatcher: (db_done_atom, uint32_t slot, caf::error result)   empty when ok
///   (db_run_atom, db_task) -> the task's reply;  (inspect_atom) -> JSON
///
/// Thread-safety: messages only. Ownership: owns its connection; closes it on exit.

#include "config/settings.hpp"
#include "persistence/database.hpp"

#include <caf/actor.hpp>
#include <caf/actor_addr.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include <cstdint>
#include <string>

namespace askpro::persistence::detail {

using db_hello_atom = caf::atom_constant<caf::atom("dbhello")>;
using db_done_atom = caf::atom_constant<caf::atom("dbdone")>;

struct worker_config {
  config::storage_settings storage;
  open_options options;
  std::string role;  ///< "writer", "reader" or "conn" (shown in inspect)
  uint32_t slot = 0;
  caf::actor_addr dispatcher;  ///< weak: the dispatcher owns the pool, not the other way round
};

caf::actor spawn_worker(caf::actor_system& sys, worker_config cfg);

}  // namespace askpro::persistence::detail
