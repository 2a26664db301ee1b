// Slots of a remote calendar connection: the worker round trip, the cache, the tenant's rules on
// top of the account's answer, and the windows questions are asked in.
#include "actors/calendar/remote_internal.hpp"

#include <date/tz.h>
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <algorithm>

namespace askpro::actors::calendar::detail {

namespace {

/// The account refused our credentials: retrying cannot help (the breaker does not count it);
/// the operator must fix the branch's calendar settings, so the error names the branch.
caf::error configuration_error(const provider_state& st) {
  auto where = st.cfg.model->slug + "/" + st.branch->slug;
  spdlog::error("calendar of branch {}: {} refused the API key; fix the tenant file", where,
                st.remote->cfg.provider);
  return make_error(errc::config, st.remote->cfg.provider + " refused the API key of branch " +
                                      where + " (calendar settings)");
}

}  // namespace

void remote_call(provider_actor* self, remote_op op, caf::response_promise rp,
                 std::function<void(remote_result&)> next,
                 std::function<bool(caf::error&)> on_error) {
  auto& remote = *self->state.remote;
  ++remote.calls;
  const auto budget = remote.cfg.max_wait + remote.cfg.request_timeout;
  op.deadline = std::chrono::steady_clock::now() + remote.cfg.max_wait;
  self->request(remote.worker, budget + std::chrono::milliseconds{250}, remote_atom::value,
                std::move(op))
      .then([next](remote_result& r) mutable { next(r); },
            [self, rp, on_error](caf::error& err) mutable {
              if (on_error && on_error(err)) return;
              if (code_of(err) == errc::unauthorized) err = configuration_error(self->state);
              auto& remote = *self->state.remote;
              if (detail_of(err).rfind(throttled_prefix, 0) == 0)
                ++remote.throttled;
              else
                ++remote.remote_errors;
              fail(self, rp, std::move(err));
            });
}

Result<int64_t> event_type_of(const resolved& what) {
  if (!what.svc->calcom_event_type_id)
    return make_error(errc::not_found, "service has no calcom_event_type_id for this calendar");
  return *what.svc->calcom_event_type_id;
}

Result<std::string> staff_for(const provider_state& st, const resolved& what) {
  if (what.staff) return *what.staff;
  for (const auto& m : st.branch->staff)
    if (m.performs(what.svc->slug)) return m.slug;
  return make_error(errc::not_found, "no staff member of the branch performs the service");
}

const std::string& zone_of(const provider_state& st) {
  return st.branch->hours.time_zone.empty() ? st.cfg.model->time_zone : st.branch->hours.time_zone;
}

int64_t local_midnight_ms(const provider_state& st, date::local_days day) {
  const auto& zone = zone_of(st);
  try {
    auto zt =
        date::make_zoned(zone, date::local_seconds{day.time_since_epoch()}, date::choose::earliest);
    return to_ms(time_point{zt.get_sys_time()});
  } catch (const std::exception&) {  // an unknown zone: the tenant file validated it, so UTC
    return to_ms(time_point{date::sys_days{day.time_since_epoch()}});
  }
}

std::optional<check_status> rule_refusal(const provider_state& st, time_point start) {
  const auto now = st.now();
  const auto& rules = st.cfg.model->rules;
  if (start < now) return check_status::in_past;
  if (start < now + rules.min_notice) return check_status::too_soon;
  if (start >= now + std::chrono::hours{24} * rules.horizon_days)
    return check_status::beyond_horizon;
  return std::nullopt;
}

std::pair<int64_t, int64_t> window_around(const provider_state& st, time_point start) {
  const auto& zone = zone_of(st);
  date::local_days day;
  try {
    day = date::floor<date::days>(date::make_zoned(zone, start).get_local_time());
  } catch (const std::exception&) {
    day = date::local_days{date::floor<date::days>(start).time_since_epoch()};
  }
  return {local_midnight_ms(st, day - date::days{1}), local_midnight_ms(st, day + date::days{6})};
}

std::vector<slot> nearest(std::vector<slot> slots, time_point start, std::size_t n) {
  auto distance = [start](const slot& s) {
    return s.start_utc > start ? s.start_utc - start : start - s.start_utc;
  };
  std::stable_sort(slots.begin(), slots.end(),
                   [&](const slot& a, const slot& b) { return distance(a) < distance(b); });
  if (slots.size() > n) slots.resize(n);
  std::sort(slots.begin(), slots.end(),
            [](const slot& a, const slot& b) { return a.start_utc < b.start_utc; });
  return slots;
}

namespace {

std::vector<slot> to_slots(const provider_state& st, const resolved& what, const std::string& staff,
                           const std::vector<int64_t>& starts) {
  std::vector<slot> out;
  for (auto ms : starts) {
    auto start = from_ms(ms);
    if (rule_refusal(st, start)) continue;
    out.push_back(slot{start, start + what.svc->duration, staff});
  }
  return out;
}

}  // namespace

void with_slots(provider_actor* self, const resolved& what, int64_t from_ms, int64_t to_ms,
                bool fresh, caf::response_promise rp,
                std::function<void(std::vector<slot>&)> next) {
  auto event_type = event_type_of(what);
  if (!event_type) return fail(self, rp, std::move(event_type.error()));
  auto staff = staff_for(self->state, what);
  if (!staff) return fail(self, rp, std::move(staff.error()));
  const int length = static_cast<int>(what.svc->duration.count());
  slot_cache::key key{*event_type, from_ms, to_ms, length};
  auto& remote = *self->state.remote;
  if (!fresh)
    if (auto hit = remote.cache.get(key, self->state.now())) {
      auto slots = to_slots(self->state, what, *staff, *hit);
      return next(slots);
    }
  remote_op op;
  op.what = remote_op::kind::slots;
  op.fresh = fresh;
  op.slots = {*event_type, from_ms, to_ms, zone_of(self->state), length};
  remote_call(self, std::move(op), rp,
              [self, what, key, staff = *staff, next](remote_result& r) mutable {
                self->state.remote->cache.put(key, r.starts, self->state.now());
                auto slots = to_slots(self->state, what, staff, r.starts);
                next(slots);
              });
}

void changed(provider_actor* self) {
  auto& remote = *self->state.remote;
  remote.cache.clear();
  if (!remote.cfg.shared) return;
  remote_op op;
  op.what = remote_op::kind::invalidate;
  caf::anon_send(remote.worker, remote_atom::value, std::move(op));  // nobody waits for it
}

}  // namespace askpro::actors::calendar::detail
