#include "actors/call/call_session.hpp"

#include "actors/call/session_internal.hpp"
#include "runtime/atoms.hpp"

#include <spdlog/spdlog.h>

namespace askpro::actors::call {
namespace {

using grace_over_atom = caf::atom_constant<caf::atom("graceover")>;

/// The branch's zone, else the tenant's (checked to exist before the spawn).
const date::time_zone* zone_of(const session_args& a) {
  const auto* branch = a.model->branch(a.branch);
  if (branch && !branch->hours.time_zone.empty()) {
    try {
      return date::locate_zone(branch->hours.time_zone);
    } catch (const std::exception&) {
      spdlog::warn("call session: unknown branch time zone; using the tenant's");
    }
  }
  return date::locate_zone(a.model->time_zone);
}

handler_fn handler_of(function_kind kind) {
  switch (kind) {
    case function_kind::get_current_context:
      return fn_current_context;
    case function_kind::parse_date:
      return fn_parse_date;
    case function_kind::list_services:
    case function_kind::get_service_info:
      return fn_list_services;
    case function_kind::check_availability:
      return fn_check_availability;
    case function_kind::find_next_available:
      return fn_find_next_available;
    case function_kind::reserve_slot:
      return fn_reserve_slot;
    case function_kind::book_appointment:
      return fn_book_appointment;
    case function_kind::query_appointment:
      return fn_query_appointment;
    case function_kind::cancel_appointment:
      return fn_cancel_appointment;
    case function_kind::reschedule_appointment:
      return fn_reschedule_appointment;
    case function_kind::check_customer:
      return fn_check_customer;
    case function_kind::get_opening_hours:
      return fn_opening_hours;
    case function_kind::release_slot_reservation:
      return fn_release_reservation;
    case function_kind::collect_appointment_data:
      return fn_collect_appointment;
    case function_kind::request_callback:
      return fn_request_callback;
    default:
      return nullptr;
  }
}

std::string language_of(const std::string& locale) {
  return locale.rfind("en", 0) == 0 ? "en" : "de";
}

std::string inspect_json(const session_state& st) {
  // stage: connected (no function yet), in_call, ending (call_ended seen, grace running)
  const char* stage = st.ended ? "ending" : st.functions == 0 ? "connected" : "in_call";
  nlohmann::json j{{"call_id", st.args.call_id},
                   {"tenant", st.args.model ? st.args.model->slug : std::string{}},
                   {"stage", stage},
                   {"branch", st.args.branch},
                   {"functions", st.functions},
                   {"reservations", st.reservations.size()},
                   {"ended", st.ended}};
  return j.dump();
}

promise run_function(session_actor* self, function_request& req) {
  auto rp = self->make_response_promise();
  ++self->state.functions;
  auto kind = function_of(req.name);
  auto fn = handler_of(kind);
  if (!fn) {
    rp.deliver(fail_reply(self->state.lang, "unknown_function"));
    return rp;
  }
  fn(self, canonical_args(req.args), rp);
  return rp;
}

caf::behavior session_behavior(session_actor* self, session_args args) {
  auto& st = self->state;
  st.args = std::move(args);
  st.lang = language_of(st.args.model->locale);
  st.zone = zone_of(st.args);
  return {
      [=](function_atom, function_request& req) { return run_function(self, req); },
      [=](ended_atom) {
        self->state.ended = true;
        self->delayed_send(self, self->state.args.grace, grace_over_atom::value);
        return caf::ok_atom::value;
      },
      [=](grace_over_atom) { self->quit(); },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

caf::behavior broken_session(caf::event_based_actor*) {
  return {[](function_atom, function_request&) {
            function_reply r;
            r.error_code = "invalid_argument";
            r.message = "Das hat leider nicht geklappt.";
            return r;
          },
          [](runtime::inspect_atom) { return std::string{"{}"}; }};
}

}  // namespace

runtime::start_fn call_session_start() {
  return [](caf::actor_system& sys, const std::string&, const caf::message& args) -> caf::actor {
    if (!args.match_elements<session_args>()) return sys.spawn(broken_session);
    auto a = args.get_as<session_args>(0);
    if (!a.model || !a.registry || !a.clock) return sys.spawn(broken_session);
    try {
      date::locate_zone(a.model->time_zone);
    } catch (const std::exception&) {
      spdlog::error("call session: unknown time zone");
      return sys.spawn(broken_session);
    }
    return sys.spawn(session_behavior, std::move(a));
  };
}

}  // namespace askpro::actors::call
