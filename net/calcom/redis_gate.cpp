#include "net/calcom/redis_gate.hpp"

#include "persistence/redis/redis_script.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/bridge.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <random>

namespace askpro::net::calcom {
namespace {

using persistence::redis_reply;
using time_point = runtime::clock::time_point;

/// KEYS[1] the window (sorted set of grant times), KEYS[2] the pause (Unix ms until which
/// nothing is granted). ARGV limit, window ms, now ms, a unique member. Returns {granted 0|1,
/// ms until a grant may come}. A grant made exactly one window ago still counts.
constexpr const char* window_script = R"lua(
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {0, paused - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - window))
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window + 1000)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now + 1}
)lua";

const persistence::redis_script& script() {
  static const persistence::redis_script s{window_script};
  return s;
}

int64_t ms_of(time_point t) {
  return runtime::to_unix_ms(t);
}

class redis_gate final : public actors::calendar::request_gate {
 public:
  redis_gate(const std::string& credential, int limit, std::chrono::milliseconds window,
             caf::actor_system& sys, runtime::registry_ptr registry, redis_gate_options o)
      : key_(o.key_prefix + persistence::sha256_hex(credential)),
        limit_(limit),
        window_(window),
        sys_(sys),
        registry_(std::move(registry)),
        options_(std::move(o)),
        local_(actors::calendar::make_local_gate(limit, window)),
        node_(std::to_string(std::random_device{}())) {}

  std::optional<time_point> try_acquire(time_point now) override {
    auto member = node_ + ":" + std::to_string(++counter_);
    auto reply = run({std::to_string(limit_), std::to_string(window_.count()),
                      std::to_string(ms_of(now)), member});
    if (!reply) return local_->try_acquire(now);
    if (reply->elements[0].integer == 1) return std::nullopt;
    return now + std::chrono::milliseconds{reply->elements[1].integer};
  }

  void pause_until(time_point until) override {
    local_->pause_until(until);
    auto redis = registry_->actor_at(options_.redis_path);
    auto ms = std::to_string(ms_of(until));
    const std::string px = "3600000";  // the value decides; expiry only cleans up
    auto r =
        runtime::ask<redis_reply>(sys_, redis, options_.timeout, persistence::redis_cmd_atom::value,
                                  std::vector<std::string>{"SET", key_ + ":pause", ms, "PX", px});
    if (!r) note(false, detail_of(r.error()));
  }

 private:
  /// The script's reply when it has the expected shape; nullopt (logged once) otherwise.
  std::optional<redis_reply> run(const std::vector<std::string>& args) {
    auto redis = registry_ ? registry_->actor_at(options_.redis_path) : caf::actor{};
    if (!redis) return note(false, "no Redis actor"), std::nullopt;
    auto reply = script().run(sys_, redis, options_.timeout, {key_, key_ + ":pause"}, args);
    if (!reply) return note(false, detail_of(reply.error())), std::nullopt;
    if (reply->type != redis_reply::kind::array || reply->elements.size() != 2)
      return note(false, reply->is_error() ? reply->str : "unexpected reply"), std::nullopt;
    note(true, {});
    return std::move(*reply);
  }

  void note(bool ok, const std::string& why) {
    if (!ok && !degraded_.exchange(true))
      spdlog::warn("Cal.com rate limit: Redis unavailable, limiting per node ({})", why);
    if (ok && degraded_.exchange(false))
      spdlog::info("Cal.com rate limit: shared through Redis again");
  }

  std::string key_;
  int limit_;
  std::chrono::milliseconds window_;
  caf::actor_system& sys_;
  runtime::registry_ptr registry_;
  redis_gate_options options_;
  std::shared_ptr<actors::calendar::request_gate> local_;
  std::string node_;
  std::atomic<uint64_t> counter_{0};
  std::atomic<bool> degraded_{false};
};

}  // namespace

std::shared_ptr<actors::calendar::request_gate> make_redis_gate(
    const std::string& credential, int limit, std::chrono::milliseconds window,
    caf::actor_system& sys, runtime::registry_ptr registry, redis_gate_options options) {
  return std::make_shared<redis_gate>(credential, limit, window, sys, std::move(registry),
                                      std::move(options));
}

}  // namespace askpro::net::calcom
