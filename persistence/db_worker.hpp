#pragma once
/// One persistence worker (internal to /db): a detached actor owning one connection, running
/// the `db_task`s the dispatcher sends it. It tells the dispatcher when it is up
/// (`db_hello_atom`). A connection that cannot be opened is retried on each task. A task that
/// leaves a transaction open has it rolled back.
///
///   worker → dispatcher: (db_hello_atom, uint32_t slot, caf::actor self)
///   (db_run_atom, db_task) -> db_reply (the task's reply message) or the task's error
///   (inspect_atom) -> JSON
///
/// Thread-safety: messages only. Ownership: owns its connection; closes it on exit.

#include "config/settings.hpp"
#include "persistence/database.hpp"

#include <caf/actor.hpp>
#include <caf/actor_addr.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/message.hpp>

#include <cstdint>
#include <string>

namespace askpro::persistence::detail {

using db_hello_atom = caf::atom_constant<caf::atom("dbhello")>;

/// A task's reply, wrapped so the dispatcher can forward any reply type unchanged.
struct db_reply {
  caf::message payload;
};

struct worker_config {
  config::storage_settings storage;
  open_options options;
  std::string role;  ///< "writer", "reader" or "conn" (shown in inspect)
  uint32_t slot = 0;
  caf::actor_addr dispatcher;  ///< weak: the dispatcher owns the pool, not the other way round
};

caf::actor spawn_worker(caf::actor_system& sys, worker_config cfg);

}  // namespace askpro::persistence::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::detail::db_reply)
