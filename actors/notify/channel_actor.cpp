// A channel's sender actor and the /notify subtree (channels.hpp). The sender is detached: it
// blocks on its gateway, one message at a time, and never holds up the scheduler's threads.
#include "actors/notify/channels.hpp"

#include "persistence/repo/job_repo.hpp"
#include "runtime/atoms.hpp"
#include "runtime/breaker.hpp"
#include "runtime/counted_actor.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

namespace askpro::actors::notify {
namespace {

struct sender_state {
  std::string channel;
  sender_factory factory;
  std::unique_ptr<message_sender> sender;
  int64_t sent = 0, failed = 0;
  std::string last_error;
  static inline const char* name = "notify_sender";
};
using sender_actor = runtime::counted_stateful<sender_state>;

Result<void> deliver(sender_state& st, const persistence::job_record& job) {
  auto msg = from_payload(job.payload);
  if (!msg) return std::move(msg.error());
  if (msg->channel != st.channel)
    return make_error(errc::invalid_argument,
                      "a " + msg->channel + " message reached the " + st.channel + " channel");
  msg->idempotency_key = job.idempotency_key;
  if (!st.sender) st.sender = st.factory();
  return st.sender->send(*msg);
}

caf::behavior sender(sender_actor* self, std::string channel, sender_factory factory) {
  self->state.channel = std::move(channel);
  self->state.factory = std::move(factory);
  return {
      [self](jobs::run_job_atom, const persistence::job_record& job) -> caf::result<caf::ok_atom> {
        auto& st = self->state;
        auto sent = deliver(st, job);
        if (!sent) {
          ++st.failed;
          st.last_error = describe(sent.error());
          return std::move(sent.error());
        }
        ++st.sent;
        return caf::ok_atom::value;
      },
      [self](runtime::inspect_atom) {
        const auto& st = self->state;
        nlohmann::json j{{"channel", st.channel}, {"sent", st.sent}, {"failed", st.failed}};
        j["last_error"] =
            st.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.last_error);
        return j.dump();
      },
  };
}

runtime::supervisor_spec base_spec(const channels_config& cfg) {
  runtime::supervisor_spec spec;
  spec.strat = runtime::strategy::one_for_one;
  spec.intensity = 5;
  spec.period = std::chrono::seconds{10};
  spec.registry = cfg.registry;
  spec.clock = cfg.clock;
  return spec;
}

runtime::child_spec channel_spec(const channels_config& cfg, const std::string& channel,
                                 const sender_factory& factory) {
  runtime::breaker_spec breaker;
  breaker.max_failures = cfg.breaker_failures;
  breaker.reset_timeout = cfg.breaker_reset;
  breaker.max_reset_timeout = std::max(cfg.breaker_reset, std::chrono::milliseconds{300000});
  breaker.call_timeout = cfg.call_timeout;
  breaker.registry = cfg.registry;
  breaker.clock = cfg.clock;
  breaker.child = {
      "sender", "notify_sender",
      [channel, factory](caf::actor_system& sys, const std::string&, const caf::message&) {
        return sys.spawn<caf::detached>(sender, channel, factory);
      },
      runtime::restart_type::permanent, std::chrono::seconds{5}};
  auto spec = base_spec(cfg);
  spec.kind = "channel";
  spec.children.push_back({"breaker", "breaker", runtime::breaker_start(std::move(breaker)),
                           runtime::restart_type::permanent, std::chrono::seconds{5}});
  return {channel, "channel", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, std::chrono::seconds{10}};
}

}  // namespace

runtime::child_spec channels_child_spec(channels_config cfg) {
  auto spec = base_spec(cfg);
  spec.kind = "notify";
  for (const auto& [channel, factory] : cfg.senders.channels)
    spec.children.push_back(channel_spec(cfg, channel, factory));
  for (auto& child : cfg.extra) spec.children.push_back(std::move(child));
  return {"notify", "notify", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, std::chrono::seconds{10}};
}

std::string job_kind(std::string_view channel) {
  return "notify." + std::string{channel};
}

std::vector<jobs::job_handler> job_handlers(const channel_senders& senders) {
  std::vector<jobs::job_handler> out;
  for (const auto& [channel, factory] : senders.channels)
    out.push_back({job_kind(channel), "/notify/" + channel + "/breaker"});
  return out;
}

}  // namespace askpro::actors::notify
