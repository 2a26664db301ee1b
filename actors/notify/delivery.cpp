// The delivering subtrees and the outbox policy from the settings (delivery.hpp).
#include "actors/notify/delivery.hpp"

#include "actors/jobs/jobs.hpp"
#include "actors/notify/channels.hpp"
#include "actors/notify/notices.hpp"
#include "persistence/repo/ledger_repo.hpp"

namespace askpro::actors::notify {
namespace {

runtime::child_spec channels_spec(const config::settings& s, channel_senders senders,
                                  const outbox_policy_ptr& policy,
                                  const runtime::registry_ptr& registry,
                                  const runtime::clock_ptr& clock) {
  channels_config cfg;
  cfg.extra.push_back(notices_child_spec({policy, registry, clock, s.runtime.ask_timeout}));
  cfg.senders = std::move(senders);
  cfg.breaker_failures = s.notify.breaker_failures;
  cfg.breaker_reset = s.notify.breaker_reset;
  cfg.call_timeout = s.notify.timeout + std::chrono::seconds{2};
  cfg.registry = registry;
  cfg.clock = clock;
  return channels_child_spec(std::move(cfg));
}

runtime::child_spec queue_spec(const config::settings& s, const channel_senders& senders,
                               const std::string& node_id, const runtime::registry_ptr& registry,
                               const runtime::clock_ptr& clock) {
  jobs::jobs_config cfg;
  cfg.node_id = node_id;
  cfg.workers = s.jobs.workers;
  cfg.backoff = s.jobs.backoff;
  cfg.poll = s.jobs.poll;
  cfg.lease = s.jobs.lease;
  cfg.handlers = job_handlers(senders);
  cfg.handlers.push_back({persistence::low_balance_job, "/notify/low_balance"});
  cfg.registry = registry;
  cfg.clock = clock;
  cfg.db_timeout = s.runtime.ask_timeout;
  return jobs::jobs_child_spec(std::move(cfg));
}

}  // namespace

delivery_parts make_delivery(const config::settings& s, channel_senders senders,
                             const std::string& node_id, const runtime::registry_ptr& registry,
                             const runtime::clock_ptr& clock) {
  auto policy = std::make_shared<outbox_policy>();
  for (const auto& [channel, factory] : senders.channels) policy->channels.push_back(channel);
  policy->max_attempts = s.jobs.max_attempts;
  delivery_parts out;
  out.policy = std::move(policy);
  out.children.push_back(queue_spec(s, senders, node_id, registry, clock));
  out.children.insert(out.children.begin(),
                      channels_spec(s, std::move(senders), out.policy, registry, clock));
  return out;
}

}  // namespace askpro::actors::notify
