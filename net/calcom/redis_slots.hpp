#pragma once
/// Cal.com slot answers shared by every node through Redis (the L2 cache of the connections of
/// one account), and the invalidations that keep them honest:
///
/// - `redis_slots`: answers under `<prefix><account>:<question>` for the cache's ttl, indexed
///   in a set per account; `invalidate` deletes them all and PUBLISHes the account on
///   `invalidation_channel` in one atomic script. The account is the SHA-256 of the API key and
///   base URL: no secret is ever part of a Redis key or message.
/// - `slot_invalidations`: each node's subscriber to that channel. Connections are attached by
///   account when their tenant loads; a message sends drop_atom to the attached connections
///   (their own L1 cache), including the node that published (harmless: it dropped already).
///
/// Thread-safety: `redis_slots` belongs to one connection's worker (blocking, bounded by
/// `timeout` per round trip); `slot_invalidations` is thread-safe (attach from any thread; the
/// subscriber's thread sends). Ownership: both borrow the actor system, which must outlive them
/// (the subscription stops when the invalidations object goes). Errors: none surface — the
/// shared cache is an optimisation; failures are logged once and the connection asks Cal.com.

#include "actors/calendar/remote_calendar.hpp"
#include "persistence/redis/redis_url.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace askpro::persistence {
class redis_subscriber;
}

namespace askpro::net::calcom {

inline constexpr const char* invalidation_channel = "askpro:calcom:invalidate";  ///< default

/// The account name of a credential in Redis: hex SHA-256.
std::string account_of(const std::string& credential);

struct redis_slots_options {
  std::string redis_path = "/redis";
  std::string key_prefix = "askpro:calcom:slots:";
  std::string channel = invalidation_channel;
  std::chrono::milliseconds timeout{250};
};

std::unique_ptr<actors::calendar::shared_slots> make_redis_slots(const std::string& account,
                                                                 caf::actor_system& sys,
                                                                 runtime::registry_ptr registry,
                                                                 redis_slots_options options = {});

class slot_invalidations {
 public:
  slot_invalidations(persistence::redis_endpoint endpoint, caf::actor_system& sys,
                     runtime::registry_ptr registry, std::string channel = invalidation_channel);
  ~slot_invalidations();

  /// The connection under `breaker_path` serves `account`.
  void attach(const std::string& account, const std::string& breaker_path);
  /// Whether the subscription is up (tests wait for it).
  bool listening() const;

 private:
  void on_message(const std::string& account);

  caf::actor_system& sys_;
  runtime::registry_ptr registry_;
  std::mutex mutex_;
  std::map<std::string, std::set<std::string>> paths_;  ///< account -> breaker paths
  std::unique_ptr<persistence::redis_subscriber> subscriber_;
};

}  // namespace askpro::net::calcom
