// Supervisor: public entry points, the message protocol and the inspect summary.
// Children and restarts live in supervisor_children.cpp, stopping and system messages in
// supervisor_stop.cpp.
#include "runtime/supervisor.hpp"

#include "runtime/atoms.hpp"
#include "runtime/error.hpp"
#include "runtime/supervisor_impl.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>
#include <nlohmann/json.hpp>

namespace askpro::runtime {

const char* to_string(strategy s) {
  switch (s) {
    case strategy::one_for_one:
      return "one_for_one";
    case strategy::one_for_all:
      return "one_for_all";
    case strategy::rest_for_one:
      return "rest_for_one";
    case strategy::simple_one_for_one:
      return "simple_one_for_one";
  }
  return "unknown";
}

const char* to_string(restart_type r) {
  switch (r) {
    case restart_type::permanent:
      return "permanent";
    case restart_type::transient:
      return "transient";
    case restart_type::temporary:
      return "temporary";
  }
  return "unknown";
}

caf::actor spawn_supervisor(caf::actor_system& sys, supervisor_spec spec) {
  auto sup = sys.spawn<detail::supervisor_impl>(std::move(spec));
  // The first message is handled after the static children started: wait for its answer.
  caf::scoped_actor self{sys};
  self->request(sup, caf::infinite, ping_atom::value)
      .receive(
          [](caf::ok_atom) {},
          [](caf::error& err) { spdlog::error("supervisor failed to start: {}", describe(err)); });
  return sup;
}

start_fn supervisor_start(supervisor_spec spec) {
  return [spec](caf::actor_system& sys, const std::string& path, const caf::message&) {
    auto copy = spec;
    copy.path = path;
    return sys.spawn<detail::supervisor_impl>(std::move(copy));
  };
}

namespace detail {

std::string reason_text(const caf::error& reason) {
  if (!reason || reason == caf::exit_reason::normal) return "normal";
  return describe(reason);
}

bool is_normal_exit(const caf::error& reason) {
  return !reason || reason == caf::exit_reason::normal || reason == caf::exit_reason::user_shutdown;
}

supervisor_impl::supervisor_impl(caf::actor_config& cfg, supervisor_spec spec)
    : counted(cfg), spec_(std::move(spec)) {
  if (!spec_.clock) spec_.clock = make_system_clock();
  if (!spec_.registry) spec_.registry = std::make_shared<tree_registry>();
  if (spec_.intensity < 0) spec_.intensity = 0;
}

caf::behavior supervisor_impl::make_behavior() {
  set_exit_handler([this](caf::exit_msg& msg) { on_exit_msg(msg); });
  set_down_handler([this](caf::down_msg& msg) { on_down_msg(msg); });
  set_error_handler([this](caf::error& err) {
    spdlog::warn("supervisor {}: unexpected error message: {}", spec_.path, describe(err));
  });
  attach_functor([this](const caf::error& reason) { take_children_down(reason); });
  register_self();
  start_static_children();
  return {
      [this](start_child_atom, const std::string& id, caf::message& args) {
        return on_start_dynamic(id, std::move(args));
      },
      [this](start_child_atom, child_spec& spec) { return on_start_static(std::move(spec)); },
      [this](stop_child_atom, const std::string& id) { return on_stop_child(id); },
      [this](restart_child_atom, const std::string& id) { return on_restart_child(id); },
      [this](child_atom, const std::string& id) { return on_child(id); },
      [this](which_children_atom) { return order_; },
      [this](inspect_atom) { return inspect_json(); },
      [](ping_atom) { return caf::ok_atom::value; },
      [this](stop_timeout_atom, uint64_t gen) { on_stop_timeout(gen); },
  };
}

caf::result<caf::actor> supervisor_impl::on_start_dynamic(const std::string& id,
                                                          caf::message args) {
  if (spec_.strat != strategy::simple_one_for_one)
    return make_error(errc::invalid_argument,
                      "start_child with arguments needs simple_one_for_one");
  if (terminating_) return make_error(errc::unavailable, "supervisor is shutting down");
  auto spec = spec_.child_template;
  spec.id = id;
  if (auto err = add_and_start(std::move(spec), std::move(args))) return err;
  return entries_.at(id).handle;
}

caf::result<caf::actor> supervisor_impl::on_start_static(child_spec spec) {
  if (spec_.strat == strategy::simple_one_for_one)
    return make_error(errc::invalid_argument, "simple_one_for_one starts children from args");
  if (terminating_) return make_error(errc::unavailable, "supervisor is shutting down");
  auto id = spec.id;
  if (auto err = add_and_start(std::move(spec), caf::message{})) return err;
  return entries_.at(id).handle;
}

caf::result<caf::ok_atom> supervisor_impl::on_stop_child(const std::string& id) {
  if (entries_.count(id) == 0) return make_error(errc::not_found, "no child " + id);
  auto rp = make_response_promise<caf::ok_atom>();
  auto run = [this, id, rp]() mutable {
    if (entries_.count(id) == 0) {
      rp.deliver(make_error(errc::not_found, "no child " + id));
      return op_done();
    }
    stop_children({{id}}, [this, id, rp]() mutable {
      forget(id);
      rp.deliver(caf::ok_atom::value);
      op_done();
    });
  };
  schedule(run, [rp]() mutable {
    rp.deliver(make_error(errc::unavailable, "supervisor is shutting down"));
  });
  return rp;
}

caf::result<caf::actor> supervisor_impl::on_restart_child(const std::string& id) {
  if (entries_.count(id) == 0) return make_error(errc::not_found, "no child " + id);
  auto rp = make_response_promise<caf::actor>();
  auto run = [this, id, rp]() mutable {
    if (entries_.count(id) == 0) {
      rp.deliver(make_error(errc::not_found, "no child " + id));
      return op_done();
    }
    stop_children({{id}}, [this, id, rp]() mutable {
      if (start_incarnation(id, true))
        rp.deliver(entries_.at(id).handle);
      else
        rp.deliver(make_error(errc::internal, "child " + id + " failed to start"));
      op_done();
    });
  };
  schedule(run, [rp]() mutable {
    rp.deliver(make_error(errc::unavailable, "supervisor is shutting down"));
  });
  return rp;
}

caf::result<caf::actor> supervisor_impl::on_child(const std::string& id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return make_error(errc::not_found, "no child " + id);
  if (!it->second.handle) return make_error(errc::unavailable, "child " + id + " is down");
  return it->second.handle;
}

std::string supervisor_impl::inspect_json() {
  nlohmann::json j;
  j["kind"] = spec_.kind;
  j["strategy"] = to_string(spec_.strat);
  j["intensity"] = spec_.intensity;
  j["period_ms"] = spec_.period.count();
  j["children"] = order_.size();
  j["restarts_in_window"] = restarts_in_window();
  j["pending_operations"] = ops_.size() + (busy_ ? 1 : 0);
  j["terminating"] = terminating_;
  return j.dump();
}

}  // namespace detail
}  // namespace askpro::runtime
