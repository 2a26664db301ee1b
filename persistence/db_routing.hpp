#pragma once
/// Routing of db tasks to workers (internal to /db): which worker slots a driver has and which
/// slot a task goes to. Thread-safety: plain data, used only inside the dispatcher.

#include "config/settings.hpp"
#include "persistence/db_protocol.hpp"

#include <caf/actor.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence::detail {

struct worker_slot {
  std::string id;       ///< child id under /db/pool: "writer", "reader-1", "conn-1"
  bool reader = false;  ///< SQLite reader (PRAGMA query_only)
  caf::actor handle;    ///< invalid while the worker is (re)starting
  int64_t pending = 0;  ///< tasks delegated and not yet reported done
};

/// SQLite: "writer" then "reader-1".."reader-N" (storage.sqlite_readers); MySQL: "conn-1"..
/// "conn-N" (storage.mysql_pool, at least 1).
std::vector<worker_slot> make_slots(const config::storage_settings& storage);

/// The slot for a task: SQLite writes go to the writer; SQLite reads to the least busy running
/// reader (the writer when no readers are configured); MySQL tasks to the least busy running
/// connection. nullopt while the chosen kind of worker is not running (the task waits).
std::optional<std::size_t> pick_slot(const std::vector<worker_slot>& slots, bool mysql,
                                     access mode);

}  // namespace askpro::persistence::detail
