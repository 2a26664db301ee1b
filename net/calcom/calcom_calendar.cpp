#include "net/calcom/calcom_calendar.hpp"

#include "net/calcom/client.hpp"
#include "net/calcom/redis_gate.hpp"
#include "net/calcom/redis_slots.hpp"

#include <algorithm>

namespace askpro::net::calcom {
namespace {

using actors::calendar::remote_booking;
using actors::calendar::remote_booking_input;
using actors::calendar::remote_slots_query;

remote_booking to_remote(booking_data b) {
  return remote_booking{std::move(b.uid), std::move(b.status), b.start_ms, b.end_ms};
}

Result<remote_booking> to_remote(Result<booking_data> b) {
  if (!b) return std::move(b.error());
  return to_remote(std::move(*b));
}

bool live(const booking_data& b) {
  return b.status != "cancelled" && b.status != "rejected";
}

class calcom_calendar final : public actors::calendar::remote_calendar {
 public:
  explicit calcom_calendar(client_options opts) : client_(std::move(opts)) {}

  Result<std::vector<int64_t>> slots(const remote_slots_query& q) override {
    auto starts = client_.slots({q.event_type_id, q.from_ms, q.to_ms, q.time_zone, q.duration_min});
    if (!starts) return starts;
    // Only [from, to): Cal.com's own range ends are inclusive.
    starts->erase(std::remove_if(starts->begin(), starts->end(),
                                 [&](int64_t s) { return s < q.from_ms || s >= q.to_ms; }),
                  starts->end());
    return starts;
  }

  Result<remote_booking> book(const remote_booking_input& in) override {
    booking_input out;
    out.start_ms = in.start_ms;
    out.event_type_id = in.event_type_id;
    out.length_min = in.length_min;
    out.name = in.name;
    out.time_zone = in.time_zone;
    out.email = in.email;
    out.phone = in.phone;
    out.language = in.language;
    if (in.request_key) out.metadata[std::string{request_key_field}] = *in.request_key;
    return to_remote(client_.book(out));
  }

  Result<std::optional<remote_booking>> find(int64_t event_type_id, int64_t from_ms, int64_t to_ms,
                                             const std::string& key) override {
    auto list = client_.bookings(event_type_id, from_ms, to_ms);
    if (!list) return std::move(list.error());
    for (auto& b : *list) {
      auto it = b.metadata.find(std::string{request_key_field});
      if (it != b.metadata.end() && it->second == key && live(b))
        return std::optional<remote_booking>{to_remote(std::move(b))};
    }
    return std::optional<remote_booking>{};
  }

  Result<remote_booking> cancel(const std::string& uid, const std::string& reason) override {
    return to_remote(client_.cancel(uid, reason));
  }

  Result<remote_booking> reschedule(const std::string& uid, int64_t start_ms,
                                    const std::string& reason) override {
    return to_remote(client_.reschedule(uid, start_ms, reason));
  }

  std::optional<std::chrono::milliseconds> retry_after() const override {
    return client_.retry_after();
  }

 private:
  client client_;
};

}  // namespace

std::unique_ptr<actors::calendar::remote_calendar> make_calcom_calendar(
    std::string base_url, std::string api_key, std::chrono::milliseconds timeout) {
  return std::make_unique<calcom_calendar>(
      client_options{std::move(base_url), std::move(api_key), timeout});
}

namespace {

std::shared_ptr<actors::calendar::gate_pool> local_gates(int limit) {
  return std::make_shared<actors::calendar::gate_pool>([limit](const std::string&) {
    return actors::calendar::make_local_gate(limit, std::chrono::minutes{1});
  });
}

actors::calendar::remote_config base_config(const config::calcom_settings& calcom) {
  actors::calendar::remote_config base;
  base.provider = "calcom";
  base.request_timeout = calcom.timeout;
  base.max_wait = std::min<std::chrono::milliseconds>(calcom.timeout, std::chrono::seconds{2});
  base.cache_ttl = calcom.cache_ttl;
  return base;
}

}  // namespace

std::shared_ptr<const actors::tenant::remote_calendars> make_remote_calendars(
    const config::settings& settings, calcom_sharing sharing) {
  const auto calcom = settings.calcom;
  if (!sharing.gates) sharing.gates = local_gates(calcom.rate_per_min);
  auto out = std::make_shared<actors::tenant::remote_calendars>();
  out->breaker_failures = calcom.breaker_failures;
  out->breaker_reset = calcom.breaker_reset;
  out->breaker_reset_max = calcom.breaker_reset_max;
  auto base = base_config(calcom);
  // A booking is at most three requests (find by key, book, fresh slots on a refusal).
  out->call_timeout = 3 * (base.request_timeout + base.max_wait) + std::chrono::seconds{1};
  const auto default_url = settings.providers.calcom_base_url;
  out->make = [base, sharing, default_url](const actors::tenant::tenant_model& tenant,
                                           const actors::tenant::branch_model& branch) {
    auto cfg = base;
    const auto& cal = branch.calendar;
    auto url = cal.base_url.empty() ? default_url : cal.base_url;
    auto key = cal.api_key;
    auto timeout = cfg.request_timeout;
    cfg.factory = [url, key, timeout] { return make_calcom_calendar(url, key, timeout); };
    cfg.gate = sharing.gates->gate_for(url + "|" + key);
    if (sharing.slots) {
      auto account = account_of(url + "|" + key);
      cfg.shared = [make = sharing.slots, account] { return make(account); };
      if (sharing.invalidations)
        sharing.invalidations->attach(
            account, "/tenants/" + tenant.slug + "/calendars/" + branch.slug + "/breaker");
    }
    return cfg;
  };
  return out;
}

calcom_sharing make_sharing(const config::settings& settings, caf::actor_system& sys,
                            runtime::registry_ptr registry, const std::string& prefix) {
  calcom_sharing out;
  const int limit = settings.calcom.rate_per_min;
  if (!settings.redis.enabled()) {
    out.gates = local_gates(limit);
    return out;
  }
  auto* system = &sys;
  redis_gate_options gate_options;
  gate_options.key_prefix = prefix + "window:";
  out.gates = std::make_shared<actors::calendar::gate_pool>(
      [limit, system, registry, gate_options](const std::string& credential) {
        return make_redis_gate(credential, limit, std::chrono::minutes{1}, *system, registry,
                               gate_options);
      });
  redis_slots_options slot_options;
  slot_options.key_prefix = prefix + "slots:";
  slot_options.channel = prefix + "invalidate";
  out.slots = [system, registry, slot_options](const std::string& account) {
    return make_redis_slots(account, *system, registry, slot_options);
  };
  if (auto endpoint = persistence::parse_redis_url(settings.redis.url))
    out.invalidations =
        std::make_shared<slot_invalidations>(*endpoint, sys, registry, slot_options.channel);
  return out;
}

}  // namespace askpro::net::calcom
