#pragma once
/// The request gate of one Cal.com API key shared by every node through Redis (config
/// `redis.url` set): a sorted set of the grant times of the last window (`<prefix><sha256 of
/// the key>`, so no secret is ever a Redis key), trimmed and counted by one atomic Lua script;
/// a pause key holds every node back after a 429. Same semantics as runtime::window_limiter: at
/// most `limit` grants in ANY window. Time travels as an argument (the injected clock).
///
/// When Redis cannot answer, the gate decides in-process (a local window of the same limit),
/// logging the first failure once and the recovery once — the node keeps under the limit on
/// its own, though not jointly with the others while Redis is away.
/// Thread-safety: callable concurrently from any non-actor thread (a connection's detached
/// worker); blocks for at most `timeout` per Redis round trip.
/// Ownership: borrows the actor system (must outlive the gate); shares the registry.

#include "actors/calendar/remote_calendar.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace askpro::net::calcom {

struct redis_gate_options {
  std::string redis_path = "/redis";
  std::string key_prefix = "askpro:calcom:window:";
  std::chrono::milliseconds timeout{250};
};

/// A gate for `credential` (the API key and base URL; only its SHA-256 reaches Redis).
std::shared_ptr<actors::calendar::request_gate> make_redis_gate(
    const std::string& credential, int limit, std::chrono::milliseconds window,
    caf::actor_system& sys, runtime::registry_ptr registry, redis_gate_options options = {});

}  // namespace askpro::net::calcom
