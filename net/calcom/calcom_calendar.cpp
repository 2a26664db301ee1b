#include "net/calcom/calcom_calendar.hpp"

#include "net/calcom/client.hpp"
#include "net/calcom/redis_gate.hpp"

#include <algorithm>

namespace askpro::net::calcom {
namespace {

using actors::calendar::remote_booking;
using actors::calendar::remote_booking_input;
using actors::calendar::remote_slots_query;

remote_booking to_remote(booking_data b) {
  return remote_booking{std::move(b.uid), std::move(b.status), b.start_ms, b.end_ms,
                        std::move(b.metadata)};
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

std::shared_ptr<const actors::tenant::remote_calendars> make_remote_calendars(
    const config::settings& settings, std::shared_ptr<actors::calendar::gate_pool> gates) {
  const auto calcom = settings.calcom;
  if (!gates)
    gates = std::make_shared<actors::calendar::gate_pool>([calcom](const std::string&) {
      return actors::calendar::make_local_gate(calcom.rate_per_min, std::chrono::minutes{1});
    });
  auto out = std::make_shared<actors::tenant::remote_calendars>();
  out->breaker_failures = calcom.breaker_failures;
  out->breaker_reset = calcom.breaker_reset;
  out->breaker_reset_max = calcom.breaker_reset_max;
  actors::calendar::remote_config base;
  base.provider = "calcom";
  base.request_timeout = calcom.timeout;
  base.max_wait = std::min<std::chrono::milliseconds>(calcom.timeout, std::chrono::seconds{2});
  base.cache_ttl = calcom.cache_ttl;
  // A booking is at most three requests (find by key, book, fresh slots on a refusal).
  out->call_timeout = 3 * (base.request_timeout + base.max_wait) + std::chrono::seconds{1};
  const auto default_url = settings.providers.calcom_base_url;
  out->make = [base, gates, default_url](const actors::tenant::tenant_model&,
                                         const actors::tenant::branch_model& branch) {
    auto cfg = base;
    const auto& cal = branch.calendar;
    auto url = cal.base_url.empty() ? default_url : cal.base_url;
    auto key = cal.api_key;
    auto timeout = cfg.request_timeout;
    cfg.factory = [url, key, timeout] { return make_calcom_calendar(url, key, timeout); };
    cfg.gate = gates->gate_for(url + "|" + key);
    return cfg;
  };
  return out;
}

std::shared_ptr<actors::calendar::gate_pool> make_gate_pool(const config::settings& settings,
                                                            caf::actor_system& sys,
                                                            runtime::registry_ptr registry) {
  const int limit = settings.calcom.rate_per_min;
  const std::chrono::milliseconds window = std::chrono::minutes{1};
  if (!settings.redis.enabled())
    return std::make_shared<actors::calendar::gate_pool>([limit, window](const std::string&) {
      return actors::calendar::make_local_gate(limit, window);
    });
  auto* system = &sys;
  return std::make_shared<actors::calendar::gate_pool>(
      [limit, window, system, registry](const std::string& credential) {
        return make_redis_gate(credential, limit, window, *system, registry);
      });
}

}  // namespace askpro::net::calcom
