#include "actors/call/functions.hpp"
#include "actors/call/voice_internal.hpp"
#include "actors/observe/business_metrics.hpp"
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"

#include <spdlog/spdlog.h>

#include <caf/all.hpp>
#include <chrono>

namespace askpro::actors::call {

Result<tenant::tenant_handle> tenant_of(const voice_deps& deps, const tenant_route& route) {
  return runtime::ask<tenant::tenant_handle>(*deps.sys, deps.registry->actor_at("/directory"),
                                             deps.timeout, tenant::tenant_atom::value,
                                             route.route.company_slug);
}

namespace {

session_args args_for(const voice_deps& deps, const tenant::tenant_handle& h,
                      const tenant_route& route, const std::string& call_id,
                      const std::optional<std::string>& from_number) {
  session_args a;
  a.model = h.model;
  a.tenant_path = h.path;
  a.call_id = call_id;
  a.branch = route.route.branch_slug;
  a.caller = from_number;
  a.registry = deps.registry;
  a.clock = deps.clock;
  a.booking_timeout = deps.booking_timeout;
  a.grace = deps.grace;
  a.notify = h.notify;
  return a;
}

/// The session of `call_id`: a new child of the calls supervisor, or the running one when the
/// supervisor already has it (callers look in the registry first, so starting is the usual
/// case; two concurrent first calls: the loser of start_child finds the winner's).
Result<caf::actor> session_of(const voice_deps& deps, const tenant::tenant_handle& h,
                              const session_args& args) {
  auto calls = deps.registry->actor_at(h.path + "/calls");
  if (!calls) return make_error(errc::unavailable, "calls supervisor not running");
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto started =
        runtime::ask<caf::actor>(*deps.sys, calls, deps.timeout, runtime::start_child_atom::value,
                                 args.call_id, caf::make_message(args));
    if (started || code_of(started.error()) != errc::conflict) return started;
    auto found = runtime::ask<caf::actor>(*deps.sys, calls, deps.timeout,
                                          runtime::child_atom::value, args.call_id);
    if (found || code_of(found.error()) != errc::not_found) return found;
  }
  return make_error(errc::unavailable, "call session could not be started");
}

/// The running session of `call_id` as the tree registry knows it (invalid when none).
caf::actor running_session(const voice_deps& deps, const tenant_route& route,
                           const std::string& call_id) {
  return deps.registry->actor_at("/tenants/" + route.route.company_slug + "/calls/" + call_id);
}

/// Asks `session` to run `request`; errors are the session's (a dead one: not a timeout).
Result<function_reply> ask_session(const voice_deps& deps, const caf::actor& session,
                                   const function_request& request) {
  return runtime::ask<function_reply>(*deps.sys, session, deps.function_timeout,
                                      function_atom::value, request);
}

Result<function_reply> run_in_session(const voice_deps& deps, const tenant_route& route,
                                      const std::string& call_id,
                                      const std::optional<std::string>& from_number,
                                      const function_request& request) {
  if (auto running = running_session(deps, route, call_id)) {
    auto out = ask_session(deps, running, request);
    if (out || code_of(out.error()) == errc::timeout) return out;
  }
  Result<function_reply> out{make_error(errc::unavailable, "no session")};
  for (int attempt = 0; attempt < 3; ++attempt) {  // a killed session is replaced
    auto handle = tenant_of(deps, route);
    if (!handle) return std::move(handle.error());
    auto session = session_of(deps, *handle, args_for(deps, *handle, route, call_id, from_number));
    if (!session) return std::move(session.error());
    out = ask_session(deps, *session, request);
    if (out || code_of(out.error()) == errc::timeout) return out;
  }
  return out;  // a session that died again and again
}

/// "ok", the reply's error code, or the code of the error that left the call unanswered.
std::string outcome_of(const Result<function_reply>& out) {
  if (!out) {
    auto code = code_of(out.error());
    return code ? to_string(*code) : "failed";
  }
  if (out->success) return "ok";
  return out->error_code.value_or("failed");
}

}  // namespace

Result<function_reply> run_function(const voice_deps& deps, const tenant_route& route,
                                    const std::string& call_id,
                                    const std::optional<std::string>& from_number,
                                    function_request request) {
  const auto started = std::chrono::steady_clock::now();
  auto out = run_in_session(deps, route, call_id, from_number, request);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  observe::count_function(to_string(function_of(request.name)), outcome_of(out), took.count());
  return out;
}

Result<void> start_session(const voice_deps& deps, const tenant_route& route,
                           const std::string& call_id,
                           const std::optional<std::string>& from_number) {
  if (running_session(deps, route, call_id)) return caf::unit;
  auto handle = tenant_of(deps, route);
  if (!handle) return std::move(handle.error());
  auto session = session_of(deps, *handle, args_for(deps, *handle, route, call_id, from_number));
  if (!session) return std::move(session.error());
  return caf::unit;
}

namespace {

/// Starts the session from a short-lived actor: the directory's handle, then the calls
/// supervisor's start_child (a conflict means another start won: nothing to do).
void start_from_actor(caf::event_based_actor* self, voice_deps deps, tenant_route route,
                      std::string call_id, std::optional<std::string> from_number) {
  auto warn = [](const caf::error& e) {
    if (code_of(e) != errc::conflict) spdlog::warn("call session not started: {}", describe(e));
  };
  self->request(deps.registry->actor_at("/directory"), deps.timeout, tenant::tenant_atom::value,
                route.route.company_slug)
      .then(
          [=](const tenant::tenant_handle& h) {
            auto calls = deps.registry->actor_at(h.path + "/calls");
            if (!calls) return warn(make_error(errc::unavailable, "calls supervisor not running"));
            self->request(calls, deps.timeout, runtime::start_child_atom::value, call_id,
                          caf::make_message(args_for(deps, h, route, call_id, from_number)))
                .then([](const caf::actor&) {}, [=](caf::error& e) { warn(e); });
          },
          [=](caf::error& e) { warn(e); });
}

}  // namespace

void start_session_async(const voice_deps& deps, const tenant_route& route,
                         const std::string& call_id,
                         const std::optional<std::string>& from_number) {
  if (running_session(deps, route, call_id)) return;
  deps.sys->spawn(start_from_actor, deps, route, call_id, from_number);
}

}  // namespace askpro::actors::call
