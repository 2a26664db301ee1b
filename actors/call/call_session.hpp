#pragma once
/// The call session actor (/tenants/<slug>/calls/<retell_call_id>, a temporary child of the
/// tenant's `calls` supervisor): one per live call. It holds the call's context — tenant, branch,
/// the caller's number, reservations made and the results of earlier functions — and runs the
/// voice agent's custom functions (SPEC S6) against the tenant's booking actor
/// (actors/calendar/protocol.hpp).
///
/// Protocol:
///   (function_atom, function_request) -> function_reply   always a value: business failures
///       and every error on the way (timeouts, a dead booking actor, an open breaker) become a
///       reply with success = false, an error code of contract.md and a speakable message.
///   (runtime::inspect_atom) -> std::string JSON {call_id, branch, functions, reservations,
///       ended} (no personal data)
///   (ended_atom) -> caf::ok_atom   the call ended: the session stops after `grace`.
///
/// Idempotency: a booking carries request_key = call id + service + start + customer phone, so
/// a retried or repeated booking returns the same appointment (also after a restart); repeated
/// cancel / reschedule calls with the same arguments return the first outcome — remembered in
/// the session, and after a rebuild derived from the database (the caller's appointment already
/// cancelled, or already moved to that start, answers as the first call did). A hold is
/// released only by the call that made it (the reservation's call id); a callback request is
/// stored once per call. Database reads go through /db (persistence/db_client.hpp).
/// Callers: only the caller's own appointments (customer matched by the caller's number) can be
/// queried, cancelled or moved; a suppressed number gets `caller_unknown`, a booking without any
/// number `phone_required`.
/// Thread-safety: messages only. Ownership: shares the tenant's read-only model.

#include "actors/notify/outbox_policy.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace askpro::actors::call {

using function_atom = caf::atom_constant<caf::atom("function")>;
using ended_atom = caf::atom_constant<caf::atom("callended")>;

/// What a session starts with (the `start_child` argument of the calls supervisor).
struct session_args {
  tenant::tenant_model_ptr model;     ///< required
  std::string tenant_path;            ///< "/tenants/<slug>"
  std::string call_id;                ///< Retell call id
  std::string branch;                 ///< branch slug the call came in on
  std::optional<std::string> caller;  ///< from_number as sent (personal data)
  runtime::registry_ptr registry;     ///< required: finds <tenant_path>/booking
  runtime::clock_ptr clock;           ///< required
  std::chrono::milliseconds booking_timeout{8000};
  std::chrono::milliseconds grace{30000};  ///< after call_ended
  notify::outbox_policy_ptr notify;        ///< the callback notice's channels (null: none)
};

/// A custom function call: name as sent (versioned, alias) and raw arguments.
struct function_request {
  std::string name;
  std::map<std::string, std::string> args;
};

/// The response envelope's parts (contract.md "Function responses").
struct function_reply {
  bool success = false;
  std::string message;           ///< one speakable sentence in the tenant's locale
  std::string data_json = "{}";  ///< a JSON object's text
  std::optional<std::string> error_code;
};

/// A failure with the standard sentence of contract code `code`, in the language of the
/// tenant's `locale` ("en…": English, else German).
function_reply failure_of(const std::string& locale, const std::string& code);

/// The calls supervisor's child template start function: `args` must hold one session_args
/// (anything else starts a session that answers every function with `invalid_argument`).
runtime::start_fn call_session_start();

}  // namespace askpro::actors::call

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::session_args)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::function_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::function_reply)
