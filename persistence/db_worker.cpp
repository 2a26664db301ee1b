#include "persistence/db_worker.hpp"

#include "persistence/db_protocol.hpp"
#include "runtime/atoms.hpp"

#include "runtime/counted_actor.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>
#include <nlohmann/json.hpp>

#include <exception>
#include <memory>

namespace askpro::persistence::detail {
namespace {

struct worker_state {
  worker_config cfg;
  std::unique_ptr<connection> conn;
  uint64_t tasks = 0;
  uint64_t errors = 0;
  std::string last_error;
  static inline const char* name = "db_worker";
};

using worker_actor = runtime::counted_stateful<worker_state>;

caf::error ensure_open(worker_state& st) {
  if (st.conn) return {};
  auto conn = open(st.cfg.storage, st.cfg.options);
  if (!conn) {
    spdlog::warn("db {} {}: cannot open: {}", st.cfg.role, st.cfg.slot, describe(conn.error()));
    return std::move(conn.error());
  }
  st.conn = std::move(*conn);
  return {};
}

Result<caf::message> invoke(worker_state& st, const db_task& task) {
  try {
    return task.fn(*st.conn);
  } catch (const std::exception& e) {
    return make_error(errc::internal, std::string{"db task threw: "} + e.what());
  } catch (...) {
    return make_error(errc::internal, "db task threw");
  }
}

Result<caf::message> run(worker_state& st, const db_task& task) {
  if (auto err = ensure_open(st)) return err;
  auto out = invoke(st, task);
  if (st.conn->in_transaction()) {
    spdlog::warn("db {} {}: a task left a transaction open; rolling back", st.cfg.role,
                 st.cfg.slot);
    (void)st.conn->rollback();
  }
  return out;
}

void count(worker_state& st, const Result<caf::message>& out) {
  ++st.tasks;
  if (out) return;
  ++st.errors;
  st.last_error = describe(out.error());
}

std::string inspect_json(const worker_state& st) {
  nlohmann::json j;
  j["role"] = st.cfg.role;
  j["driver"] = st.cfg.storage.driver;
  j["connected"] = st.conn != nullptr;
  j["tasks"] = st.tasks;
  j["errors"] = st.errors;
  j["last_error"] = st.last_error;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

caf::behavior worker(worker_actor* self, worker_config cfg) {
  self->state.cfg = std::move(cfg);
  (void)ensure_open(self->state);
  if (auto dispatcher = caf::actor_cast<caf::actor>(self->state.cfg.dispatcher))
    self->send(dispatcher, db_hello_atom::value, self->state.cfg.slot,
               caf::actor_cast<caf::actor>(self));
  return {
      [self](db_run_atom, const db_task& task) -> Result<db_reply> {
        auto out = run(self->state, task);
        count(self->state, out);
        if (!out) return std::move(out.error());
        return db_reply{std::move(*out)};
      },
      [self](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

caf::actor spawn_worker(caf::actor_system& sys, worker_config cfg) {
  return sys.spawn<caf::detached>(worker, std::move(cfg));
}

}  // namespace askpro::persistence::detail
