// The outbox on both backends: a booking, a move, a cancellation and a callback request enqueue
// their jobs in their own transaction — with the row, never without it (a lost race writes
// neither), never twice (an idempotent repeat enqueues nothing again), and a change withdraws
// the queued jobs it names.
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::test::booking;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

constexpr int64_t now = t0 - minutes(48 * 60);

/// An outbox that enqueues "<what>:<row id>" now and "reminder:<row id>" an hour before the
/// start, and withdraws the reminder of the row a move came from (or of a cancelled row).
appointment_outbox outbox_of(const std::string& what, int* calls = nullptr) {
  return [what, calls](const appointment_record& a, const std::optional<customer_record>& c) {
    if (calls) ++*calls;
    outbox_effects out;
    job_spec notice;
    notice.kind = "notify.sms";
    notice.payload = c ? "{\"customer\":" + std::to_string(c->id) + "}" : "{}";
    notice.run_at = now;
    notice.idempotency_key = what + ":" + std::to_string(a.id);
    out.enqueue.push_back(notice);
    if (what != "cancel") {
      auto reminder = notice;
      reminder.run_at = a.start_at - minutes(60);
      reminder.idempotency_key = "reminder:" + std::to_string(a.id);
      out.enqueue.push_back(reminder);
    }
    if (a.rescheduled_from)
      out.withdraw.push_back("reminder:" + std::to_string(*a.rescheduled_from));
    if (what == "cancel") out.withdraw.push_back("reminder:" + std::to_string(a.id));
    return out;
  };
}

std::string status_of(connection& conn, const std::string& key) {
  auto job = expect_ok(find_job_by_key(conn, key));
  return job ? job->status : "none";
}

}  // namespace

PERSISTENCE_CASE("a booking enqueues its jobs with the row, once", "[jobs][outbox]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto customer = expect_ok(find_or_create_customer(*conn, ids.scope(), "+4915112345678", "Erika",
                                                    now, "erika@example.org"));
  CHECK(customer.email == "erika@example.org");
  int calls = 0;
  auto req = booking(ids, t0, t0 + minutes(30));
  req.customer_id = customer.id;
  req.request_key = "call-1/book";
  req.outbox = outbox_of("confirm", &calls);
  auto first = expect_ok(book(*conn, ids.scope(), req, now));
  REQUIRE_FALSE(first.taken);
  const auto key = "confirm:" + std::to_string(first.record.id);
  auto job = expect_ok(find_job_by_key(*conn, key));
  REQUIRE(job);
  CHECK(job->payload == "{\"customer\":" + std::to_string(customer.id) + "}");
  CHECK(status_of(*conn, "reminder:" + std::to_string(first.record.id)) == "queued");
  // The voice agent retries: the same request key answers the first row and enqueues nothing.
  auto again = expect_ok(book(*conn, ids.scope(), req, now + 5));
  CHECK(again.existing);
  CHECK(calls == 1);
  CHECK(expect_ok(list_jobs(*conn, "", 10)).size() == 2);
  // Another request for the same time loses: no row and no job.
  auto other = booking(ids, t0, t0 + minutes(30));
  other.outbox = outbox_of("confirm", &calls);
  CHECK(expect_ok(book(*conn, ids.scope(), other, now)).taken);
  CHECK(calls == 1);
  CHECK(expect_ok(list_jobs(*conn, "", 10)).size() == 2);
}

PERSISTENCE_CASE("a move and a cancellation withdraw the reminder they replace", "[jobs][outbox]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto req = booking(ids, t0, t0 + minutes(30));
  req.outbox = outbox_of("confirm");
  auto first = expect_ok(book(*conn, ids.scope(), req, now)).record;
  reschedule_request move{first.id, 0, t0 + minutes(120), t0 + minutes(150), {}, true};
  move.outbox = outbox_of("moved");
  auto moved = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now + 1)).record;
  CHECK(status_of(*conn, "reminder:" + std::to_string(first.id)) == "cancelled");
  CHECK(status_of(*conn, "reminder:" + std::to_string(moved.id)) == "queued");
  CHECK(status_of(*conn, "moved:" + std::to_string(moved.id)) == "queued");
  auto cancelled =
      expect_ok(cancel_appointment(*conn, ids.scope(), moved.id, now + 2, outbox_of("cancel")));
  CHECK(cancelled.status == "cancelled");
  CHECK(status_of(*conn, "reminder:" + std::to_string(moved.id)) == "cancelled");
  CHECK(status_of(*conn, "cancel:" + std::to_string(moved.id)) == "queued");
  // Cancelling again changes nothing and enqueues nothing.
  int calls = 0;
  expect_ok(cancel_appointment(*conn, ids.scope(), moved.id, now + 3, outbox_of("x", &calls)));
  CHECK(calls == 0);
}

PERSISTENCE_CASE("a callback request enqueues its notice once per call", "[jobs][outbox]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  callback_request req;
  req.branch_id = ids.branch;
  req.retell_call_id = "call-9";
  req.name = "Max";
  req.reason = "Rückfrage";
  int calls = 0;
  req.outbox = [&calls](const callback_record& cb) {
    ++calls;
    outbox_effects out;
    job_spec notice;
    notice.kind = "notify.email";
    notice.run_at = now;
    notice.idempotency_key = "callback:" + std::to_string(cb.id);
    out.enqueue.push_back(notice);
    return out;
  };
  auto first = expect_ok(record_callback(*conn, ids.scope(), req, now));
  auto again = expect_ok(record_callback(*conn, ids.scope(), req, now + 1));
  CHECK(again.existing);
  CHECK(again.record.id == first.record.id);
  CHECK(calls == 1);
  CHECK(status_of(*conn, "callback:" + std::to_string(first.record.id)) == "queued");
}
