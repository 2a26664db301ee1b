// The /db dispatcher: routes db tasks to the worker pool it supervises (see db_actor.hpp).
#include "persistence/db_actor.hpp"
#include "persistence/db_protocol.hpp"
#include "persistence/db_routing.hpp"
#include "persistence/db_worker.hpp"
#include "runtime/atoms.hpp"

#include "runtime/counted_actor.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/exit_reason.hpp>
#include <caf/sec.hpp>
#include <caf/stateful_actor.hpp>
#include <nlohmann/json.hpp>

#include <deque>

namespace askpro::persistence {
namespace {

struct dispatcher_config {
  std::string path;
  config::storage_settings storage;
  runtime::registry_ptr registry;
  runtime::clock_ptr clock;
  db_options options;
};

/// A task on its way: the message shared with the in-flight request, so a task bounced by a
/// worker that died before starting it can be sent again.
struct pending_task {
  access mode = access::read;
  caf::message msg;  ///< (db_run_atom, db_task)
  caf::response_promise rp;
  int attempts = 0;
};

/// Sends to workers that died before taking a task are retried on another incarnation.
constexpr int max_attempts = 3;

struct dispatcher_state {
  dispatcher_config cfg;
  std::vector<detail::worker_slot> slots;
  std::deque<pending_task> queue;
  caf::actor pool;
  caf::error stop_reason;
  uint64_t dispatched = 0;
  uint64_t completed = 0;
  uint64_t errors = 0;
  std::string last_error;
  static inline const char* name = "db";
};

using dispatcher_actor = runtime::counted_stateful<dispatcher_state>;

bool is_mysql(const dispatcher_state& st) {
  return st.cfg.storage.driver == "mysql";
}

void settle(dispatcher_actor* self, std::size_t index, const caf::actor& worker,
            const caf::error& err) {
  auto& st = self->state;
  auto& slot = st.slots[index];
  if (slot.handle == worker && slot.pending > 0) --slot.pending;
  ++st.completed;
  if (err) {
    ++st.errors;
    st.last_error = describe(err);
  }
}

void route(dispatcher_actor* self, pending_task task);

void on_failure(dispatcher_actor* self, pending_task& task, std::size_t index,
                const caf::actor& worker, caf::error& err) {
  auto& slot = self->state.slots[index];
  if (err == caf::sec::request_receiver_down && task.attempts < max_attempts) {
    if (slot.handle == worker) {  // it is dead: wait for the restarted one's hello
      slot.handle = nullptr;
      slot.pending = 0;
    }
    return route(self, std::move(task));
  }
  settle(self, index, worker, err);
  task.rp.deliver(std::move(err));
}

bool try_dispatch(dispatcher_actor* self, pending_task& task) {
  auto& st = self->state;
  auto index = detail::pick_slot(st.slots, is_mysql(st), task.mode);
  if (!index) return false;
  auto worker = st.slots[*index].handle;
  ++st.slots[*index].pending;
  ++st.dispatched;
  ++task.attempts;
  auto reply = self->request(worker, caf::infinite, task.msg);
  reply.then(
      [self, index, worker, rp = task.rp](detail::db_reply& r) mutable {
        settle(self, *index, worker, {});
        rp.deliver(std::move(r.payload));
      },
      [self, index, worker, task](caf::error& err) mutable {
        on_failure(self, task, *index, worker, err);
      });
  return true;
}

/// Dispatches now, or queues while no suitable worker runs (bounded by max_queue).
void route(dispatcher_actor* self, pending_task task) {
  auto& st = self->state;
  if (try_dispatch(self, task)) return;
  if (st.queue.size() >= st.cfg.options.max_queue)
    task.rp.deliver(make_error(errc::unavailable, "database queue is full"));
  else
    st.queue.push_back(std::move(task));
}

caf::response_promise submit(dispatcher_actor* self, db_task task) {
  auto rp = self->make_response_promise();
  if (self->state.stop_reason) {
    rp.deliver(make_error(errc::unavailable, "database actors are shutting down"));
    return rp;
  }
  auto mode = task.mode;
  route(self, pending_task{mode, caf::make_message(db_run_atom::value, std::move(task)), rp, 0});
  return rp;
}

void flush_queue(dispatcher_actor* self) {
  std::deque<pending_task> waiting;
  auto& queue = self->state.queue;
  while (!queue.empty()) {
    auto item = std::move(queue.front());
    queue.pop_front();
    if (!try_dispatch(self, item)) waiting.push_back(std::move(item));
  }
  queue = std::move(waiting);
}

void on_hello(dispatcher_actor* self, uint32_t index, caf::actor worker) {
  auto& slots = self->state.slots;
  if (index >= slots.size() || !worker) return;
  slots[index].handle = worker;
  slots[index].pending = 0;
  self->monitor(worker);
  flush_queue(self);
}

int64_t queued_count(const dispatcher_state& st) {
  int64_t queued = static_cast<int64_t>(st.queue.size());
  for (const auto& s : st.slots) queued += s.pending > 1 ? s.pending - 1 : 0;
  return queued;
}

std::string inspect_json(const dispatcher_state& st) {
  nlohmann::json j;
  j["driver"] = st.cfg.storage.driver;
  j["workers"] = st.slots.size();
  int64_t in_flight = 0;
  int running = 0;
  nlohmann::json slots = nlohmann::json::array();
  for (const auto& s : st.slots) {
    in_flight += s.pending;
    running += s.handle ? 1 : 0;
    slots.push_back(
        {{"id", s.id}, {"running", static_cast<bool>(s.handle)}, {"pending", s.pending}});
  }
  j["running"] = running;
  j["in_flight"] = in_flight;
  j["queued"] = queued_count(st);
  j["dispatched"] = st.dispatched;
  j["completed"] = st.completed;
  j["errors"] = st.errors;
  j["last_error"] = st.last_error;
  j["slots"] = std::move(slots);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

runtime::child_spec worker_child(dispatcher_actor* self, uint32_t index) {
  const auto& slot = self->state.slots[index];
  detail::worker_config cfg;
  cfg.storage = self->state.cfg.storage;
  cfg.options.read_only = slot.reader;
  cfg.role = is_mysql(self->state) ? "conn" : (slot.reader ? "reader" : "writer");
  cfg.slot = index;
  cfg.dispatcher = self->address();
  auto start = [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return detail::spawn_worker(sys, cfg);
  };
  return {slot.id, "db_worker", start, runtime::restart_type::permanent, std::chrono::seconds{5}};
}

void start_pool(dispatcher_actor* self) {
  auto& st = self->state;
  runtime::supervisor_spec spec;
  spec.path = runtime::tree_registry::join(st.cfg.path, "pool");
  spec.strat = runtime::strategy::one_for_one;
  spec.intensity = st.cfg.options.pool_intensity;
  spec.period = st.cfg.options.pool_period;
  spec.registry = st.cfg.registry;
  spec.clock = st.cfg.clock;
  for (uint32_t i = 0; i < st.slots.size(); ++i) spec.children.push_back(worker_child(self, i));
  st.pool = runtime::supervisor_start(spec)(self->system(), spec.path, caf::message{});
  self->monitor(st.pool);
  self->link_to(st.pool);
  runtime::tree_node node;
  node.path = spec.path;
  node.kind = spec.kind;
  node.parent = st.cfg.path;
  node.status = runtime::node_status::running;
  node.started = st.cfg.clock->now();
  node.handle = st.pool;
  st.cfg.registry->put(std::move(node));
}

/// Stopping /db stops the pool first (workers finish their current task), then the dispatcher.
void install_lifecycle(dispatcher_actor* self) {
  self->set_exit_handler([self](caf::exit_msg& msg) {
    auto& st = self->state;
    if (msg.source == st.pool.address()) return self->quit(msg.reason);
    if (!msg.reason || st.stop_reason) return;
    st.stop_reason = msg.reason;
    self->send_exit(st.pool, msg.reason);
  });
  self->set_down_handler([self](caf::down_msg& msg) {
    auto& st = self->state;
    if (msg.source == st.pool.address())
      return self->quit(st.stop_reason ? st.stop_reason : msg.reason);
    for (auto& slot : st.slots)
      if (slot.handle && slot.handle.address() == msg.source) {
        slot.handle = nullptr;
        slot.pending = 0;
      }
  });
}

caf::behavior dispatcher(dispatcher_actor* self, dispatcher_config cfg) {
  self->state.cfg = std::move(cfg);
  self->state.slots = detail::make_slots(self->state.cfg.storage);
  install_lifecycle(self);
  start_pool(self);
  return {
      [self](db_run_atom, db_task& task) { return submit(self, std::move(task)); },
      [self](runtime::ping_atom) {
        auto mode = is_mysql(self->state) ? access::read : access::write;
        return submit(self, make_task<void>(mode, [](connection& c) { return c.ping(); }));
      },
      [self](runtime::inspect_atom) { return inspect_json(self->state); },
      [self](detail::db_hello_atom, uint32_t index, caf::actor& worker) {
        on_hello(self, index, std::move(worker));
      },
  };
}

}  // namespace

runtime::child_spec db_child_spec(const config::storage_settings& storage,
                                  runtime::registry_ptr registry, runtime::clock_ptr clock,
                                  db_options options) {
  if (!clock) clock = runtime::make_system_clock();
  if (!registry) registry = std::make_shared<runtime::tree_registry>();
  auto start = [=](caf::actor_system& sys, const std::string& path, const caf::message&) {
    return sys.spawn(dispatcher, dispatcher_config{path, storage, registry, clock, options});
  };
  return {"db", "db", start, runtime::restart_type::permanent, std::chrono::seconds{10}};
}

}  // namespace askpro::persistence
