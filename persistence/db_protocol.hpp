#pragma once
/// The message protocol of the persistence actors (/db). Domain actors never touch a connection
/// directly: they send a `db_task` — a function over a connection — and get its result back.
///
///   (db_run_atom, db_task)   -> the task's value (whatever `make_task<T>` wraps), or its error
///   (runtime::ping_atom)     -> caf::ok_atom when `SELECT 1` succeeds, else the error
///   (runtime::inspect_atom)  -> std::string JSON {driver, workers, running, queued, in_flight,
///                               dispatched, completed, errors, last_error, slots[]}
///
/// A task runs on a detached worker thread that owns one connection (never on the cooperative
/// scheduler), so it may block; it must not capture references to actor state, and it must not
/// keep the connection. Tasks with `access::write` go to the single SQLite writer (serialising
/// all writes of the node); `access::read` tasks go to the least busy SQLite reader on the WAL.
/// On MySQL both go to the least busy connection of the pool.
///
/// Thread-safety: db_task is a value; its function runs on exactly one worker thread.
/// Errors in replies: the task's own Result error; errc::internal when the task threw;
/// errc::unavailable when the queue is full or the connection cannot be opened; a CAF error
/// (broken_promise) when the worker died during the task — it may or may not have committed.
/// A task sent to a worker that died before starting it is re-sent to its restarted incarnation.

#include "persistence/connection.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>
#include <caf/make_message.hpp>
#include <caf/message.hpp>

#include <functional>
#include <string>
#include <type_traits>
#include <utility>

namespace askpro::persistence {

/// `(db_run_atom, db_task)` -> the task's reply.
using db_run_atom = caf::atom_constant<caf::atom("dbrun")>;

enum class access : uint8_t { read, write };

struct db_task {
  access mode = access::read;
  /// Runs on a worker; returns the reply message or an error.
  std::function<Result<caf::message>(connection&)> fn;
};

/// Wraps `fn` (connection& -> Result<T>) into a task whose reply is a T (caf::ok_atom for
/// Result<void>). T must be sendable in a local message (any copyable type; see row.hpp for
/// result_set).
template <class T, class F>
db_task make_task(access mode, F fn) {
  return db_task{mode, [fn = std::move(fn)](connection& conn) mutable -> Result<caf::message> {
                   Result<T> out = fn(conn);
                   if (!out) return std::move(out.error());
                   if constexpr (std::is_void_v<T>) {
                     return caf::make_message(caf::ok_atom::value);
                   } else {
                     return caf::make_message(std::move(*out));
                   }
                 }};
}

/// The reply type of a task built by `make_task<T>`.
template <class T>
using db_reply_t = std::conditional_t<std::is_void_v<T>, caf::ok_atom, T>;

}  // namespace askpro::persistence

// db_task travels in local messages only (it holds a std::function).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::db_task)
