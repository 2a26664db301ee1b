#include "tests/unit/runtime/runtime_fixture.hpp"

#include <algorithm>
#include <thread>

namespace askpro::testing {

void probe_log::add(std::string event) {
  std::lock_guard<std::mutex> guard{mtx_};
  events_.push_back(std::move(event));
}

std::vector<std::string> probe_log::events() const {
  std::lock_guard<std::mutex> guard{mtx_};
  return events_;
}

std::vector<std::string> probe_log::matching(const std::string& prefix) const {
  std::vector<std::string> out;
  for (auto& e : events())
    if (e.compare(0, prefix.size(), prefix) == 0) out.push_back(e);
  return out;
}

std::size_t probe_log::count(const std::string& event) const {
  auto all = events();
  return static_cast<std::size_t>(std::count(all.begin(), all.end(), event));
}

namespace {

caf::behavior probe_worker(caf::event_based_actor* self, std::string path, caf::message args,
                           probe_ptr log, bool stubborn) {
  self->attach_functor([log, path](const caf::error&) { log->add("stop:" + path); });
  if (stubborn) self->set_exit_handler([](caf::exit_msg&) {});
  if (args.match_elements<caf::actor>()) self->link_to(args.get_as<caf::actor>(0));
  return {
      [](runtime::ping_atom) { return caf::ok_atom::value; },
      [self](crash_atom) { self->quit(make_error(errc::internal, "crash on request")); },
      [self](finish_atom) { self->quit(); },
      [args](args_atom) { return caf::to_string(args); },
      [path](path_atom) { return path; },
      [path](runtime::inspect_atom) { return "{\"worker\":\"" + path + "\"}"; },
  };
}

}  // namespace

runtime::start_fn probe_start(probe_ptr log, bool stubborn) {
  return
      [log, stubborn](caf::actor_system& sys, const std::string& path, const caf::message& args) {
        log->add("start:" + path);  // logged by the supervisor's call, in its start order
        return sys.spawn(probe_worker, path, args, log, stubborn);
      };
}

runtime::child_spec probe_child(const std::string& id, probe_ptr log, runtime::restart_type restart,
                                std::chrono::milliseconds shutdown) {
  return {id, "worker", probe_start(std::move(log)), restart, shutdown};
}

runtime_fixture::runtime_fixture()
    : sys_ptr([this] {
        cfg.add_error_category(error_category(), render_error);
        cfg.set("scheduler.max-threads", 4);
        return std::make_unique<caf::actor_system>(cfg);
      }()),
      sys(*sys_ptr) {}

runtime_fixture::~runtime_fixture() {
  // Roots first: a killed supervisor takes its children down without restarting them.
  for (auto& a : spawned_) caf::anon_send_exit(a, caf::exit_reason::kill);
  for (auto& a : spawned_) wait_down(a, 1000ms);
  spawned_.clear();
  for (auto& node : registry->snapshot())
    if (node.handle) caf::anon_send_exit(node.handle, caf::exit_reason::kill);
  sys_ptr.reset();
}

runtime::child_spec runtime_fixture::breaker_child(const std::string& id) {
  runtime::breaker_spec b;
  b.child = probe_child("conn", log);
  b.registry = registry;
  b.clock = clock;
  return {id, "breaker", runtime::breaker_start(b)};
}

runtime::supervisor_spec runtime_fixture::spec(const std::string& path, runtime::strategy strat,
                                               std::vector<runtime::child_spec> children) {
  runtime::supervisor_spec s;
  s.path = path;
  s.strat = strat;
  s.intensity = 10;
  s.period = 5000ms;
  s.children = std::move(children);
  s.registry = registry;
  s.clock = clock;
  return s;
}

int runtime_fixture::restarts(const std::string& path) const {
  auto node = registry->find(path);
  return node ? node->restarts : -1;
}

bool runtime_fixture::eventually(const std::function<bool()>& pred,
                                 std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(1ms);  // polling interval, not an ordering sleep
  }
  return pred();
}

caf::actor runtime_fixture::replaced(const std::string& path, const caf::actor& old) {
  caf::actor now;
  eventually([&] {
    auto node = registry->find(path);
    if (!node || node->status != runtime::node_status::running || !node->handle) return false;
    now = node->handle;
    return now != old;
  });
  return now != old ? now : caf::actor{};
}

std::optional<caf::error> runtime_fixture::wait_down(const caf::actor& a,
                                                     std::chrono::milliseconds limit) {
  caf::scoped_actor self{sys};
  self->monitor(a);
  std::optional<caf::error> out;
  self->receive([&](caf::down_msg& msg) { out = msg.reason; }, caf::after(limit) >> [] {});
  return out;
}

caf::actor runtime_fixture::track(caf::actor a) {
  spawned_.push_back(a);
  return a;
}

caf::actor runtime_fixture::root(runtime::supervisor_spec s) {
  return track(runtime::spawn_supervisor(sys, std::move(s)));
}

}  // namespace askpro::testing
