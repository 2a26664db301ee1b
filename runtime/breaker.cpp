// The circuit-breaker actor: an internal one_for_one supervisor keeps the child alive; this actor
// admits, forwards and relays requests, and feeds the outcomes into breaker_fsm.
#include "runtime/breaker.hpp"

#include "runtime/atoms.hpp"
#include "runtime/breaker_relay.hpp"
#include "runtime/counted_actor.hpp"
#include "runtime/inspect.hpp"
#include "runtime/metrics/registry.hpp"
#include "runtime/metrics/tree_metrics.hpp"

#include <spdlog/spdlog.h>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/exit_reason.hpp>
#include <caf/sec.hpp>
#include <caf/system_messages.hpp>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace askpro::runtime {

bool default_is_failure(const caf::error& err) {
  auto code = code_of(err);  // CAF's request timeout maps to errc::timeout
  if (!code) return true;    // broken promise, receiver down, unexpected message, …
  switch (*code) {
    case errc::timeout:
    case errc::storage:
    case errc::unavailable:
    case errc::internal:
    case errc::calendar_unavailable:
      return true;
    default:
      return false;
  }
}

namespace {

breaker_policy policy_of(const breaker_spec& spec) {
  return {spec.max_failures, spec.reset_timeout, spec.max_reset_timeout, spec.multiplier};
}

class breaker_impl final : public counted<caf::event_based_actor> {
 public:
  breaker_impl(caf::actor_config& cfg, breaker_spec spec)
      : counted(cfg), spec_(std::move(spec)), fsm_(policy_of(spec_)) {
    if (!spec_.clock) spec_.clock = make_system_clock();
    if (!spec_.registry) spec_.registry = std::make_shared<tree_registry>();
    if (!spec_.is_failure) spec_.is_failure = default_is_failure;
    child_path_ = tree_registry::join(spec_.path, spec_.child.id);
    fsm_.on_transition([this](const breaker_transition& t) { exported(t); });
  }

  /// The state as the metrics export it: 0 closed, 1 half-open, 2 open.
  int state_code() const noexcept { return code_.load(std::memory_order_relaxed); }

  const char* name() const override { return "askpro.breaker"; }

  caf::behavior make_behavior() override {
    set_exit_handler([this](caf::exit_msg& msg) { on_exit_msg(msg); });
    set_down_handler([this](caf::down_msg& msg) { on_down_msg(msg); });
    set_default_handler(
        [this](caf::scheduled_actor*, caf::message_view& x) { return on_unmatched(x); });
    start_supervisor();
    return {
        [this](inspect_atom) { return inspect_json(); },
        [this](breaker_state_atom) {
          fsm_.refresh(spec_.clock->now());
          return std::string{to_string(fsm_.state())};
        },
        [this](breaker_reset_atom) {
          fsm_.force_close(spec_.clock->now());
          spdlog::info("breaker {} reset by operator", spec_.path);
          return caf::ok_atom::value;
        },
        // The operator's restart and stop of the one child (the ops API asks the parent).
        [this](restart_child_atom a, std::string& id) { return delegate(sup_, a, std::move(id)); },
        [this](stop_child_atom a, std::string& id) { return delegate(sup_, a, std::move(id)); },
        [this](breaker_open_atom) {
          fsm_.force_open(spec_.clock->now());
          spdlog::info("breaker {} opened by operator", spec_.path);
          return caf::ok_atom::value;
        },
    };
  }

 private:
  using ticket = breaker_fsm::ticket;

  void start_supervisor() {
    supervisor_spec s;
    s.path = spec_.path;
    s.kind = "breaker";
    s.strat = strategy::one_for_one;
    s.intensity = spec_.intensity;
    s.period = spec_.period;
    s.children = {spec_.child};
    s.registry = spec_.registry;
    s.clock = spec_.clock;
    sup_ = supervisor_start(std::move(s))(system(), spec_.path, caf::message{});
    monitor(sup_);
    // One-way link: the child supervision ends with us, however we end (see supervisor.hpp).
    attach_functor([this](const caf::error& reason) {
      send_exit(sup_, reason ? reason : caf::error{caf::exit_reason::user_shutdown});
    });
  }

  caf::result<caf::message> on_unmatched(caf::message_view& x) {
    auto msg = x.move_content_to_message();
    if (!current_mailbox_element()->mid.is_request()) {
      // A plain send: nobody waits for an outcome, so pass it on untracked (or drop it).
      auto child = spec_.registry->actor_at(child_path_);
      if (child && !stopping_ && fsm_.state() == breaker_state::closed)
        return delegate(child, std::move(msg));
      return caf::delegated<caf::message>{};
    }
    if (stopping_) return make_error(errc::unavailable, spec_.path + " is stopping");
    auto t = fsm_.admit(spec_.clock->now());
    if (t.kind == breaker_fsm::verdict::reject)
      return make_error(spec_.open_error, "circuit open: " + spec_.path);
    auto rp = make_response_promise();
    dispatch(std::move(msg), t, rp);
    return rp;
  }

  void dispatch(caf::message msg, ticket t, caf::response_promise rp) {
    if (auto child = spec_.registry->actor_at(child_path_))
      return call(child, std::move(msg), t, std::move(rp));
    // Not registered (yet): the internal supervisor answers once its child started.
    request(sup_, spec_.call_timeout, child_atom::value, spec_.child.id)
        .then([this, msg, t, rp](caf::actor& child) mutable { call(child, msg, t, rp); },
              [this, t, rp](caf::error& err) mutable {
                fsm_.record(t, true, spec_.clock->now(), describe(err));
                rp.deliver(make_error(errc::unavailable, child_path_ + " is not running"));
              });
  }

  void call(const caf::actor& child, caf::message msg, ticket t, caf::response_promise rp) {
    const auto id = ++last_call_;
    in_flight_.emplace(id, in_flight{t, std::move(rp), child.id()});
    if (child != watched_) {  // a new incarnation: its down fails its calls at once
      watched_ = child;
      monitor(child);
    }
    auto handle = request(child, spec_.call_timeout, std::move(msg));
    add_multiplexed_response_handler(handle.id(),
                                     detail::any_response([this, id](caf::message& answer) {
                                       auto it = in_flight_.find(id);
                                       if (it == in_flight_.end())
                                         return;  // already failed when the child went down
                                       auto c = std::move(it->second);
                                       in_flight_.erase(it);
                                       on_answer(c.t, answer, c.rp);
                                     }));
  }

  /// Fails the calls in flight to a child incarnation that went down.
  void fail_calls_to(caf::actor_id child, const caf::error& reason) {
    const auto now = spec_.clock->now();
    for (auto it = in_flight_.begin(); it != in_flight_.end();) {
      if (it->second.child != child) {
        ++it;
        continue;
      }
      fsm_.record(it->second.t, true, now, "child went down: " + describe(reason));
      it->second.rp.deliver(make_error(errc::unavailable, child_path_ + " went down"));
      it = in_flight_.erase(it);
    }
  }

  void on_answer(const ticket& t, caf::message& answer, caf::response_promise& rp) {
    const auto now = spec_.clock->now();
    if (answer.match_elements<caf::error>()) {
      const auto& err = answer.get_as<caf::error>(0);
      fsm_.record(t, spec_.is_failure(err), now, describe(err));
      rp.deliver(translate(err));
      return;
    }
    fsm_.record(t, false, now, {});
    rp.deliver(std::move(answer));
  }

  caf::error translate(const caf::error& err) const {
    if (err.category() == error_category()) return err;
    if (err == caf::sec::request_timeout)
      return make_error(errc::timeout, child_path_ + " gave no answer within " +
                                           std::to_string(spec_.call_timeout.count()) + " ms");
    return make_error(errc::unavailable, child_path_ + ": " + describe(err));
  }

  void on_exit_msg(caf::exit_msg& msg) {
    if (!msg.reason || msg.reason == caf::exit_reason::normal || stopping_) return;
    stopping_ = true;
    stop_reason_ = msg.reason;
    send_exit(sup_, msg.reason);  // the supervisor stops the child in order; then we quit
  }

  void on_down_msg(caf::down_msg& msg) {
    if (msg.source != sup_.address()) {
      if (watched_ && msg.source == watched_.address()) watched_ = nullptr;
      return fail_calls_to(msg.source.id(), msg.reason);
    }
    if (stopping_) return quit(stop_reason_);
    spdlog::error("breaker {}: child supervision gave up: {}", spec_.path, describe(msg.reason));
    quit(msg.reason ? msg.reason : make_error(errc::internal, "breaker child supervisor stopped"));
  }

  std::string inspect_json() {
    fsm_.refresh(spec_.clock->now());
    nlohmann::json j;
    j["kind"] = "breaker";
    j["breaker"] = to_string(fsm_.state());  // the ops contract's name (state.breaker)
    j["state"] = j["breaker"];               // kept for existing readers
    j["consecutive_failures"] = fsm_.consecutive_failures();
    j["max_failures"] = fsm_.policy().max_failures;
    j["total_failures"] = fsm_.total_failures();
    j["total_successes"] = fsm_.total_successes();
    j["total_rejections"] = fsm_.total_rejections();
    j["reset_timeout_ms"] = fsm_.reset_timeout().count();
    j["base_reset_timeout_ms"] = fsm_.policy().reset_timeout.count();
    j["max_reset_timeout_ms"] = fsm_.policy().max_reset_timeout.count();
    j["call_timeout_ms"] = spec_.call_timeout.count();
    j["opened_at"] = fsm_.opened_at() ? nlohmann::json(format_utc(*fsm_.opened_at())) : nullptr;
    // When an open breaker lets its next trial call through (null unless open).
    j["next_trial_at"] = fsm_.state() == breaker_state::open && fsm_.opened_at()
                             ? nlohmann::json(format_utc(*fsm_.opened_at() + fsm_.reset_timeout()))
                             : nullptr;
    j["trial_in_flight"] = fsm_.trial_in_flight();
    j["calls_in_flight"] = in_flight_.size();
    j["transitions"] = nlohmann::json::array();
    for (const auto& tr : fsm_.transitions())
      j["transitions"].push_back({{"from", to_string(tr.from)},
                                  {"to", to_string(tr.to)},
                                  {"at", format_utc(tr.at)},
                                  {"reason", tr.reason}});
    auto node = spec_.registry->find(child_path_);
    j["child"] = child_path_;
    j["child_restarts"] = node ? node->restarts : 0;
    j["child_running"] = node && node->status == node_status::running;
    return j.dump();
  }

  void exported(const breaker_transition& t) {
    code_.store(t.to == breaker_state::closed      ? 0
                : t.to == breaker_state::half_open ? 1
                                                   : 2,
                std::memory_order_relaxed);
    if (metrics::enabled()) metrics::breaker_transitions().at({spec_.path, to_string(t.to)}).add();
  }

  breaker_spec spec_;
  breaker_fsm fsm_;
  std::atomic<int> code_{0};
  std::string child_path_;
  caf::actor sup_;
  bool stopping_ = false;
  caf::error stop_reason_;
  struct in_flight {
    ticket t;
    caf::response_promise rp;
    caf::actor_id child;
  };
  std::unordered_map<uint64_t, in_flight> in_flight_;  ///< forwarded calls awaiting an answer
  uint64_t last_call_ = 0;
  caf::actor watched_;  ///< the child incarnation we monitor
};

}  // namespace

std::optional<int> breaker_state_code(const caf::actor& handle) {
  if (!handle) return std::nullopt;
  auto* raw = caf::actor_cast<caf::abstract_actor*>(handle);
  auto* b = raw ? dynamic_cast<const breaker_impl*>(raw) : nullptr;
  return b ? std::optional<int>(b->state_code()) : std::nullopt;
}

caf::actor spawn_breaker(caf::actor_system& sys, breaker_spec spec) {
  return sys.spawn<breaker_impl>(std::move(spec));
}

start_fn breaker_start(breaker_spec spec) {
  return [spec](caf::actor_system& sys, const std::string& path, const caf::message&) {
    auto copy = spec;
    copy.path = path;
    return sys.spawn<breaker_impl>(std::move(copy));
  };
}

}  // namespace askpro::runtime
