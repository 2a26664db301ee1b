#include "net/calcom/redis_slots.hpp"

#include "actors/calendar/remote_provider.hpp"
#include "persistence/redis/redis_script.hpp"
#include "persistence/redis/redis_subscriber.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/bridge.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <sstream>

namespace askpro::net::calcom {
namespace {

using persistence::redis_reply;

/// KEYS[1] the account's index set; ARGV the channel, the account. Deletes every indexed
/// answer and the index, then publishes the account. Returns how many answers went.
constexpr const char* invalidate_script = R"lua(
local keys = redis.call('SMEMBERS', KEYS[1])
for _, k in ipairs(keys) do redis.call('DEL', k) end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return #keys
)lua";

/// KEYS[1] the answer, KEYS[2] the index; ARGV the answer's text, its ttl in ms.
constexpr const char* put_script = R"lua(
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], KEYS[1])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]) + 1000)
return 1
)lua";

std::string encode(const std::vector<int64_t>& starts) {
  std::string out;
  for (auto s : starts) out += (out.empty() ? "" : ",") + std::to_string(s);
  return out;
}

std::optional<std::vector<int64_t>> decode(const std::string& text) {
  std::vector<int64_t> out;
  std::istringstream in{text};
  std::string item;
  while (std::getline(in, item, ',')) try {
      out.push_back(std::stoll(item));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  return out;
}

class redis_slots final : public actors::calendar::shared_slots {
 public:
  redis_slots(const std::string& account, caf::actor_system& sys, runtime::registry_ptr reg,
              redis_slots_options o)
      : account_(account),
        prefix_(o.key_prefix + account + ":"),
        sys_(sys),
        registry_(std::move(reg)),
        options_(std::move(o)) {}

  std::optional<std::vector<int64_t>> get(const std::string& key) override {
    auto r = runtime::ask<redis_reply>(sys_, redis(), options_.timeout,
                                       persistence::redis_cmd_atom::value,
                                       std::vector<std::string>{"GET", prefix_ + key});
    if (!r || r->type != redis_reply::kind::string) return failed(r), std::nullopt;
    return decode(r->str);
  }

  void put(const std::string& key, const std::vector<int64_t>& starts,
           std::chrono::milliseconds ttl) override {
    static const persistence::redis_script script{put_script};
    failed(script.run(sys_, redis(), options_.timeout, {prefix_ + key, index()},
                      {encode(starts), std::to_string(ttl.count())}));
  }

  void invalidate() override {
    static const persistence::redis_script script{invalidate_script};
    failed(script.run(sys_, redis(), options_.timeout, {index()}, {options_.channel, account_}));
  }

 private:
  caf::actor redis() const { return registry_->actor_at(options_.redis_path); }
  std::string index() const { return prefix_ + "index"; }

  /// Logs a failed round trip (not a miss) once per store.
  void failed(const Result<redis_reply>& r) {
    if (r && !r->is_error()) return;
    if (!logged_) spdlog::warn("Cal.com shared slot cache: Redis did not answer; asking Cal.com");
    logged_ = true;
  }

  std::string account_, prefix_;
  caf::actor_system& sys_;
  runtime::registry_ptr registry_;
  redis_slots_options options_;
  bool logged_ = false;
};

}  // namespace

std::string account_of(const std::string& credential) {
  return persistence::sha256_hex(credential);
}

std::unique_ptr<actors::calendar::shared_slots> make_redis_slots(const std::string& account,
                                                                 caf::actor_system& sys,
                                                                 runtime::registry_ptr registry,
                                                                 redis_slots_options options) {
  return std::make_unique<redis_slots>(account, sys, std::move(registry), std::move(options));
}

slot_invalidations::slot_invalidations(persistence::redis_endpoint endpoint, caf::actor_system& sys,
                                       runtime::registry_ptr registry, std::string channel)
    : sys_(sys), registry_(std::move(registry)) {
  subscriber_ = std::make_unique<persistence::redis_subscriber>(
      std::move(endpoint), std::move(channel),
      [this](const std::string& account) { on_message(account); });
}

slot_invalidations::~slot_invalidations() {
  subscriber_.reset();  // joins the thread before the maps go
}

void slot_invalidations::attach(const std::string& account, const std::string& breaker_path) {
  std::lock_guard<std::mutex> lock{mutex_};
  paths_[account].insert(breaker_path);
}

bool slot_invalidations::listening() const {
  return subscriber_ && subscriber_->subscribed();
}

void slot_invalidations::on_message(const std::string& account) {
  std::set<std::string> paths;
  {
    std::lock_guard<std::mutex> lock{mutex_};
    auto it = paths_.find(account);
    if (it == paths_.end()) return;
    paths = it->second;
  }
  for (const auto& p : paths)
    if (auto breaker = registry_->actor_at(p))  // the breaker passes sends on to its connection
      caf::anon_send(breaker, actors::calendar::drop_atom::value);
}

}  // namespace askpro::net::calcom
