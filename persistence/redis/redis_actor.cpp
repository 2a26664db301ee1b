// The /redis client actor (see persistence/redis_actor.hpp).
#include "persistence/redis_actor.hpp"

#include "persistence/redis/redis_connection.hpp"
#include "runtime/atoms.hpp"

#include "runtime/counted_actor.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace askpro::persistence {
namespace {

using redis_retry_atom = caf::atom_constant<caf::atom("redisretry")>;
using steady = std::chrono::steady_clock;

struct redis_state {
  Result<redis_endpoint> endpoint{redis_endpoint{}};
  redis_options options;
  std::unique_ptr<redis_connection> conn;
  bool ever_connected = false;
  bool retry_scheduled = false;
  int reconnects = 0;
  uint64_t commands = 0;
  uint64_t failures = 0;
  std::string last_error;
  std::chrono::milliseconds backoff{0};
  steady::time_point next_attempt{};
  static inline const char* name = "redis";
};

using redis_actor = runtime::counted_stateful<redis_state>;

void schedule_retry(redis_actor* self) {
  auto& st = self->state;
  if (st.retry_scheduled) return;
  st.retry_scheduled = true;
  self->delayed_send(self, st.backoff, redis_retry_atom::value);
}

void lost(redis_actor* self, const caf::error& err) {
  auto& st = self->state;
  st.conn.reset();
  st.last_error = describe(err);
  ++st.failures;
}

/// One connection attempt; on failure the next one waits for the (growing) backoff.
caf::error attempt(redis_actor* self) {
  auto& st = self->state;
  if (!st.endpoint) return st.endpoint.error();
  auto conn = redis_connection::connect(*st.endpoint, st.options.timeout);
  if (!conn) {
    lost(self, conn.error());
    st.backoff = std::clamp(st.backoff * 2, st.options.min_backoff, st.options.max_backoff);
    st.next_attempt = steady::now() + st.backoff;
    schedule_retry(self);
    return std::move(conn.error());
  }
  st.conn = std::move(*conn);
  if (st.ever_connected) {
    ++st.reconnects;
    spdlog::info("redis {}: reconnected", st.endpoint->display());
  }
  st.ever_connected = true;
  st.backoff = std::chrono::milliseconds{0};
  return {};
}

/// A usable connection, rebuilding a lost one unless the backoff says to wait.
caf::error ensure_connected(redis_actor* self) {
  auto& st = self->state;
  if (st.conn && !st.conn->peer_closed()) return {};
  if (st.conn) lost(self, make_error(errc::unavailable, "redis: server closed the connection"));
  if (steady::now() < st.next_attempt)
    return make_error(errc::unavailable, "redis disconnected: " + st.last_error);
  return attempt(self);
}

Result<redis_reply> run_command(redis_actor* self, const std::vector<std::string>& argv) {
  if (auto err = ensure_connected(self)) return err;
  auto& st = self->state;
  ++st.commands;
  auto reply = st.conn->command(argv);
  if (!reply && st.conn->broken()) {
    lost(self, reply.error());
    (void)attempt(self);  // rebuild now so the next command finds a connection
  }
  return reply;
}

std::string inspect_json(const redis_state& st) {
  nlohmann::json j;
  j["endpoint"] = st.endpoint ? st.endpoint->display() : std::string{"invalid"};
  j["connected"] = st.conn != nullptr && !st.conn->broken();
  j["last_error"] = st.last_error;
  j["reconnects"] = st.reconnects;
  j["commands"] = st.commands;
  j["failures"] = st.failures;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

caf::behavior redis_client(redis_actor* self, Result<redis_endpoint> endpoint,
                           redis_options options) {
  self->state.endpoint = std::move(endpoint);
  self->state.options = options;
  if (auto err = attempt(self)) spdlog::warn("redis: not connected yet: {}", describe(err));
  return {
      [self](redis_cmd_atom, const std::vector<std::string>& argv) {
        return run_command(self, argv);
      },
      [self](runtime::ping_atom) -> Result<caf::ok_atom> {
        auto reply = run_command(self, {"PING"});
        if (!reply) return std::move(reply.error());
        if (reply->str != "PONG") return make_error(errc::unavailable, "redis PING: " + reply->str);
        return caf::ok_atom::value;
      },
      [self](runtime::inspect_atom) { return inspect_json(self->state); },
      [self](redis_retry_atom) {
        self->state.retry_scheduled = false;
        if (!self->state.conn) (void)attempt(self);  // schedules the next retry if it fails
      },
  };
}

}  // namespace

caf::actor spawn_redis(caf::actor_system& sys, Result<redis_endpoint> endpoint,
                       redis_options options) {
  return sys.spawn<caf::detached>(redis_client, std::move(endpoint), options);
}

runtime::child_spec redis_child_spec(const config::redis_settings& settings,
                                     redis_options options) {
  auto endpoint = endpoint_of(settings);
  auto start = [endpoint, options](caf::actor_system& sys, const std::string&,
                                   const caf::message&) {
    return spawn_redis(sys, endpoint, options);
  };
  return {"redis", "redis", start, runtime::restart_type::permanent, std::chrono::seconds{5}};
}

}  // namespace askpro::persistence
