#pragma once
/// Conveniences for running a db task through /db (see db_actor.hpp, db_protocol.hpp).
///
///   // from a blocking thread (HTTP handler, CLI), never from inside an actor handler:
///   auto count = run_blocking<int64_t>(sys, db, access::read, 2s,
///                                      [](connection& c) -> Result<int64_t> {
///     auto rs = c.query("SELECT COUNT(*) FROM webhook_inbox");
///     if (!rs) return std::move(rs.error());
///     return (*rs)[0].get<int64_t>(0);
///   });
///
///   // from an event-based actor:
///   request_db<int64_t>(self, db, access::write, 2s, fn).then(on_value, on_error);
///
/// Thread-safety: `run_blocking` is callable from any non-actor thread; `request_db` only from
/// the actor `self`. Errors: the task's error, errc::timeout when no reply came in time,
/// errc::unavailable when `db` is not running.

#include "persistence/db_protocol.hpp"
#include "runtime/bridge.hpp"

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <chrono>
#include <type_traits>
#include <utility>

namespace askpro::persistence {

/// Runs `fn` (connection& -> Result<T>) on a /db worker and waits for its result.
template <class T, class F>
[[nodiscard]] Result<T> run_blocking(caf::actor_system& sys, const caf::actor& db, access mode,
                                     std::chrono::milliseconds timeout, F fn) {
  auto reply = runtime::ask<db_reply_t<T>>(sys, db, timeout, db_run_atom::value,
                                           make_task<T>(mode, std::move(fn)));
  if constexpr (std::is_void_v<T>) {
    if (!reply) return std::move(reply.error());
    return caf::unit;
  } else {
    return reply;
  }
}

/// Sends `fn` to /db as a request from `self`; continue with `.then(on_value, on_error)` where
/// on_value takes `db_reply_t<T>`. Always give the error handler.
template <class T, class Self, class F>
auto request_db(Self* self, const caf::actor& db, access mode, std::chrono::milliseconds timeout,
                F fn) {
  return self->request(db, timeout, db_run_atom::value, make_task<T>(mode, std::move(fn)));
}

}  // namespace askpro::persistence
