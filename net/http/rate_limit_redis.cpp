#include "net/http/rate_limit_redis.hpp"

#include "persistence/redis/redis_script.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/bridge.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace askpro::net::http {
namespace {

using persistence::redis_reply;

/// KEYS[1] bucket; ARGV rate per second, burst, now (Unix ms). Returns {allowed 0|1, wait ms
/// until one token is back, whole tokens left}. Tokens and the update time live in a hash.
constexpr const char* bucket_script = R"lua(
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 't', 'u')
local tokens = tonumber(state[1])
local updated = tonumber(state[2])
if tokens == nil or updated == nil then
  tokens = burst
  updated = now
end
if now > updated then
  tokens = math.min(burst, tokens + (now - updated) * rate / 1000)
  updated = now
end
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(updated))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait, math.floor(tokens)}
)lua";

const persistence::redis_script& script() {
  static const persistence::redis_script s{bucket_script};
  return s;
}

std::string number(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  return buf;
}

/// The decision in the script's reply; nullopt when it has another shape.
std::optional<rate_decision> decision_of(const redis_reply& r) {
  if (r.type != redis_reply::kind::array || r.elements.size() != 3) return std::nullopt;
  for (const auto& e : r.elements)
    if (e.type != redis_reply::kind::integer) return std::nullopt;
  rate_decision d;
  d.allowed = r.elements[0].integer == 1;
  int64_t wait_ms = r.elements[1].integer;
  d.retry_after_s = d.allowed ? 0 : std::max<int64_t>(1, (wait_ms + 999) / 1000);
  d.remaining = std::max<int64_t>(0, r.elements[2].integer);
  return d;
}

}  // namespace

redis_rate_limiter::redis_rate_limiter(rate_limit_spec spec, runtime::clock_ptr clock,
                                       caf::actor_system& sys, runtime::registry_ptr registry,
                                       redis_rate_options options)
    : spec_(spec),
      clock_(clock),
      sys_(sys),
      registry_(std::move(registry)),
      options_(std::move(options)),
      fallback_(spec, clock) {}

rate_decision redis_rate_limiter::take(const std::string& key) {
  if (auto shared = take_shared(key)) {
    note_success();
    return *shared;
  }
  return fallback_.take(key);
}

std::optional<rate_decision> redis_rate_limiter::take_shared(const std::string& key) {
  auto redis = registry_ ? registry_->actor_at(options_.redis_path) : caf::actor{};
  if (!redis) {
    note_failure("no Redis actor at " + options_.redis_path);
    return std::nullopt;
  }
  const auto now = std::to_string(runtime::to_unix_ms(clock_->now()));
  auto reply = script().run(sys_, redis, options_.timeout, {options_.key_prefix + key},
                            {number(spec_.rate_per_s), number(spec_.burst), now});
  if (!reply) {
    note_failure(detail_of(reply.error()));
    return std::nullopt;
  }
  auto decision = decision_of(*reply);
  if (!decision) note_failure(reply->is_error() ? reply->str : "unexpected reply shape");
  return decision;
}

void redis_rate_limiter::note_failure(const std::string& why) {
  if (!degraded_.exchange(true))
    spdlog::warn("rate limits: Redis unavailable, limiting per node until it is back ({})", why);
}

void redis_rate_limiter::note_success() {
  if (degraded_.exchange(false)) spdlog::info("rate limits: shared through Redis again");
}

std::shared_ptr<rate_limiter> make_rate_limiter(rate_limit_spec spec, runtime::clock_ptr clock,
                                                bool redis_enabled, caf::actor_system& sys,
                                                runtime::registry_ptr registry) {
  if (!redis_enabled) return std::make_shared<local_rate_limiter>(spec, std::move(clock));
  return std::make_shared<redis_rate_limiter>(spec, std::move(clock), sys, std::move(registry));
}

}  // namespace askpro::net::http
