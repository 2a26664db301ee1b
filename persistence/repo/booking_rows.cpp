// Row mapping, staff lock and overlap check shared by the booking repository files.
#include "persistence/repo/booking_rows.hpp"

#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/audit_repo.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <random>
#include <thread>
#include <utility>

namespace askpro::persistence::booking_detail {

const char* const appointment_columns =
    "id, company_id, branch_id, service_id, staff_id, customer_id, start_at, end_at, "
    "buffer_before_min, "
    "buffer_after_min, status, source, call_id, external_uid, request_key, rescheduled_from, "
    "notes, created_at, updated_at";

const char* const reservation_columns =
    "id, branch_id, service_id, staff_id, call_id, start_at, end_at, buffer_before_min, "
    "buffer_after_min, expires_at, status, appointment_id";

namespace {

template <class Map>
auto first_or_none(Result<result_set> rs, Map map)
    -> Result<std::optional<typename decltype(map(std::declval<const row&>()))::value_type>> {
  using Record = typename decltype(map(std::declval<const row&>()))::value_type;
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return std::optional<Record>{};
  auto rec = map((*rs)[0]);
  if (!rec) return std::move(rec.error());
  return std::optional<Record>{std::move(*rec)};
}

std::string lock_suffix(connection& conn, bool lock) {
  return lock ? std::string{conn.sql_dialect().for_update} : std::string{};
}

}  // namespace

Result<appointment_record> to_appointment(const connection& conn, const row& r) {
  appointment_record a;
  caf::error err;
  int64_t company = 0;
  take(r, "company_id", company, err);
  take(r, "id", a.id, err);
  take(r, "branch_id", a.branch_id, err);
  take(r, "service_id", a.service_id, err);
  take(r, "staff_id", a.staff_id, err);
  take(r, "customer_id", a.customer_id, err);
  take(r, "start_at", a.start_at, err);
  take(r, "end_at", a.end_at, err);
  take(r, "buffer_before_min", a.buffer_before_min, err);
  take(r, "buffer_after_min", a.buffer_after_min, err);
  take(r, "status", a.status, err);
  take(r, "source", a.source, err);
  take(r, "call_id", a.call_id, err);
  take(r, "external_uid", a.external_uid, err);
  take(r, "request_key", a.request_key, err);
  take(r, "rescheduled_from", a.rescheduled_from, err);
  take(r, "notes", a.notes, err);
  take(r, "created_at", a.created_at, err);
  take(r, "updated_at", a.updated_at, err);
  unseal_into(conn, company, "appointments.notes", a.notes, err);
  if (err) return err;
  return a;
}

Result<reservation_record> to_reservation(const row& r) {
  reservation_record x;
  caf::error err;
  take(r, "id", x.id, err);
  take(r, "branch_id", x.branch_id, err);
  take(r, "service_id", x.service_id, err);
  take(r, "staff_id", x.staff_id, err);
  take(r, "call_id", x.call_id, err);
  take(r, "start_at", x.start_at, err);
  take(r, "end_at", x.end_at, err);
  take(r, "buffer_before_min", x.buffer_before_min, err);
  take(r, "buffer_after_min", x.buffer_after_min, err);
  take(r, "expires_at", x.expires_at, err);
  take(r, "status", x.status, err);
  take(r, "appointment_id", x.appointment_id, err);
  if (err) return err;
  return x;
}

Result<std::optional<appointment_record>> select_appointment(connection& conn, tenant_scope scope,
                                                             int64_t id, bool lock) {
  auto sql = std::string{"SELECT "} + appointment_columns +
             " FROM appointments WHERE company_id = ? AND id = ?" + lock_suffix(conn, lock);
  return first_or_none(conn.query(sql, {scope.company_id(), id}),
                       [&](const row& r) { return to_appointment(conn, r); });
}

Result<std::optional<reservation_record>> select_reservation(connection& conn, tenant_scope scope,
                                                             int64_t id, bool lock) {
  auto sql = std::string{"SELECT "} + reservation_columns +
             " FROM reservations WHERE company_id = ? AND id = ?" + lock_suffix(conn, lock);
  return first_or_none(conn.query(sql, {scope.company_id(), id}), &to_reservation);
}

Result<std::optional<appointment_record>> select_by_request_key(connection& conn,
                                                                tenant_scope scope,
                                                                const std::string& request_key,
                                                                bool lock) {
  auto sql = std::string{"SELECT "} + appointment_columns +
             " FROM appointments WHERE company_id = ? AND request_key = ?" +
             lock_suffix(conn, lock);
  auto stored = stored_request_key(conn, scope.company_id(), request_key);
  if (!stored) return std::move(stored.error());
  return first_or_none(conn.query(sql, {scope.company_id(), *stored}),
                       [&](const row& r) { return to_appointment(conn, r); });
}

Result<std::optional<appointment_record>> select_by_external_uid(connection& conn,
                                                                 tenant_scope scope,
                                                                 const std::string& uid,
                                                                 bool lock) {
  auto sql = std::string{"SELECT "} + appointment_columns +
             " FROM appointments WHERE company_id = ? AND external_uid = ?" +
             lock_suffix(conn, lock);
  return first_or_none(conn.query(sql, {scope.company_id(), uid}),
                       [&](const row& r) { return to_appointment(conn, r); });
}

Result<void> lock_staff(connection& conn, tenant_scope scope, int64_t staff_id) {
  auto rs = conn.query("SELECT id FROM staff WHERE company_id = ? AND id = ? AND active = 1" +
                           std::string{conn.sql_dialect().for_update},
                       {scope.company_id(), staff_id});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::not_found, "staff member not found or inactive");
  return caf::unit;
}

Result<void> check_branch_service(connection& conn, tenant_scope scope, int64_t branch_id,
                                  int64_t service_id) {
  auto rs = conn.query(
      "SELECT (SELECT COUNT(*) FROM branches WHERE company_id = ? AND id = ? AND active = 1) "
      "AS branches, "
      "(SELECT COUNT(*) FROM services WHERE company_id = ? AND id = ? AND active = 1) AS services",
      {scope.company_id(), branch_id, scope.company_id(), service_id});
  if (!rs) return std::move(rs.error());
  auto branches = (*rs)[0].get<int64_t>("branches");
  if (!branches) return std::move(branches.error());
  auto services = (*rs)[0].get<int64_t>("services");
  if (!services) return std::move(services.error());
  if (*branches == 0) return make_error(errc::not_found, "branch not found or inactive");
  if (*services == 0) return make_error(errc::not_found, "service not found or inactive");
  return caf::unit;
}

namespace {

/// Counts rows of `sql` (which ends before the lock suffix); > 0 means blocked.
Result<bool> any_row(connection& conn, const std::string& sql, const std::vector<value>& binds) {
  auto rs = conn.query(sql + std::string{conn.sql_dialect().for_update}, binds);
  if (!rs) return std::move(rs.error());
  return !rs->empty();
}

}  // namespace

Result<void> check_span(const claim_span& span) {
  if (span.end_at <= span.start_at)
    return make_error(errc::invalid_argument, "interval must end after it starts");
  if (span.end_at - span.start_at > max_span_ms)
    return make_error(errc::invalid_argument, "interval longer than 7 days");
  for (int buffer : {span.buffer_before_min, span.buffer_after_min})
    if (buffer < 0 || buffer > max_buffer_min)
      return make_error(errc::invalid_argument, "buffer outside 0..1440 minutes");
  return caf::unit;
}

Result<bool> span_taken(connection& conn, tenant_scope scope, const claim_span& span,
                        int64_t now_ms, claim_exclusions excl) {
  const int64_t from = span.start_at - int64_t{span.buffer_before_min} * 60000;
  const int64_t to = span.end_at + int64_t{span.buffer_after_min} * 60000;
  // Buffered spans [s - before, e + after) and [from, to) meet iff each starts before the
  // other ends. Locking reads (MySQL) see the latest committed rows, not the snapshot. The
  // limits of check_span bound s: from - (max span + max buffer) < s < to + max buffer.
  const int64_t max_buffer_ms = int64_t{max_buffer_min} * 60000;
  const int64_t lowest = from - max_span_ms - max_buffer_ms;
  const int64_t highest = to + max_buffer_ms;
  auto booked =
      any_row(conn,
              "SELECT id FROM appointments WHERE company_id = ? AND staff_id = ? AND "
              "start_at > ? AND start_at < ? AND status = 'booked' AND id <> ? AND "
              "start_at - buffer_before_min * 60000 < ? AND "
              "end_at + buffer_after_min * 60000 > ?",
              {scope.company_id(), span.staff_id, lowest, highest, excl.appointment_id, to, from});
  if (!booked || *booked) return booked;
  return any_row(conn,
                 "SELECT id FROM reservations WHERE company_id = ? AND staff_id = ? AND "
                 "status = 'held' AND expires_at > ? AND id <> ? AND "
                 "start_at - buffer_before_min * 60000 < ? AND "
                 "end_at + buffer_after_min * 60000 > ?",
                 {scope.company_id(), span.staff_id, now_ms, excl.reservation_id, to, from});
}

Result<void> audit_appointment(connection& conn, tenant_scope scope, const audit_context& who,
                               std::string_view action, const appointment_record& rec,
                               int64_t now_ms) {
  nlohmann::json payload{{"appointment", rec.id},     {"branch", rec.branch_id},
                         {"service", rec.service_id}, {"staff", rec.staff_id},
                         {"start", rec.start_at},     {"end", rec.end_at},
                         {"source", rec.source}};
  if (rec.rescheduled_from) payload["replaces"] = *rec.rescheduled_from;
  return append_audit(conn, scope, who, action, payload.dump(), now_ms);
}

Result<void> write_outbox(connection& conn, tenant_scope scope, const appointment_outbox& outbox,
                          const appointment_record& written, int64_t now_ms) {
  if (!outbox) return caf::unit;
  std::optional<customer_record> customer;
  if (written.customer_id) {
    auto found = find_customer(conn, scope, *written.customer_id);
    if (!found) return std::move(found.error());
    customer = std::move(*found);
  }
  return apply_outbox(conn, outbox(written, customer), now_ms);
}

Result<appointment_record> inserted_appointment(connection& conn, tenant_scope scope) {
  auto id = conn.last_insert_id();
  if (!id) return std::move(id.error());
  auto rec = select_appointment(conn, scope, *id, false);
  if (!rec) return std::move(rec.error());
  if (!*rec) return make_error(errc::storage, "inserted appointment not found");
  return std::move(**rec);
}

Result<reservation_record> inserted_reservation(connection& conn, tenant_scope scope) {
  auto id = conn.last_insert_id();
  if (!id) return std::move(id.error());
  auto rec = select_reservation(conn, scope, *id, false);
  if (!rec) return std::move(rec.error());
  if (!*rec) return make_error(errc::storage, "inserted reservation not found");
  return std::move(**rec);
}

void retry_backoff(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  std::uniform_int_distribution<int> jitter{1, 4 * attempt};
  std::this_thread::sleep_for(std::chrono::milliseconds{jitter(rng)});
}

}  // namespace askpro::persistence::booking_detail
