#pragma once
/// The /db subtree: a dispatcher actor at /db that routes `db_task`s (db_protocol.hpp) to
/// detached workers, each owning one connection, supervised at /db/pool:
///
///   /db                 dispatcher (kind "db")          answers ping and inspect
///   /db/pool            supervisor, one_for_one
///   /db/pool/writer     SQLite: the single writer        (kind "db_worker")
///   /db/pool/reader-N   SQLite: WAL readers (storage.sqlite_readers)
///   /db/pool/conn-N     MySQL: storage.mysql_pool connections, reads and writes
///
/// How a domain actor runs a query (non-blocking; the reply arrives as a message):
///
///   auto db = registry->actor_at("/db");
///   self->request(db, 5s, db_run_atom::value,
///                 make_task<int64_t>(access::write, [id](connection& c) {
///                   return c.execute("UPDATE jobs SET done = 1 WHERE id = ?", {id});
///                 }))
///       .then([=](int64_t changed) { … }, [=](caf::error& err) { … });
///
/// Blocking callers (HTTP handlers, CLI) use `run_blocking` from db_client.hpp.
/// Look the dispatcher up by path for each use (or again after an error): a restart replaces it.
///
/// Thread-safety: messages only. Ownership: the dispatcher owns (links) the pool supervisor,
/// which owns the workers; stopping /db stops the pool after the workers finish their task.
/// Errors: see db_protocol.hpp; a task waiting for a worker that is (re)starting is queued,
/// up to `db_options::max_queue`, then refused with errc::unavailable.

#include "config/settings.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <chrono>
#include <cstddef>

namespace askpro::persistence {

struct db_options {
  std::size_t max_queue = 10000;  ///< tasks waiting for a worker before refusing more
  int pool_intensity = 5;         ///< worker restarts allowed …
  std::chrono::milliseconds pool_period{10000};  ///< … within this window
};

/// The child spec of /db for the root supervisor (id "db", permanent).
runtime::child_spec db_child_spec(const config::storage_settings& storage,
                                  runtime::registry_ptr registry, runtime::clock_ptr clock,
                                  db_options options = {});

}  // namespace askpro::persistence
