// The job queue's rows on SQLite and MariaDB: one job per idempotency key, claims with leases
// (expired ones taken again, a node's own released at its start), retries until dead, a dead
// job queued again, and — on MariaDB — two nodes claiming at once never share a job.
#include "persistence/repo/job_repo.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace askpro;
using namespace askpro::persistence;
using askpro::test::expect_ok;

namespace {

job_spec spec_of(const std::string& key, int64_t run_at, int priority = 0) {
  job_spec s;
  s.kind = "sms";
  s.payload = R"({"to":"+4915112345678"})";
  s.run_at = run_at;
  s.priority = priority;
  s.max_attempts = 3;
  s.idempotency_key = key;
  return s;
}

std::vector<job_record> claim(connection& conn, const std::string& node, int64_t now, int limit) {
  return expect_ok(claim_jobs(conn, node, now, 60'000, limit));
}

}  // namespace

PERSISTENCE_CASE("a job is enqueued once per idempotency key", "[jobs]") {
  auto conn = db.migrated();
  auto first = expect_ok(enqueue_job(*conn, spec_of("confirm:1", 1000), 500));
  CHECK(first.fresh);
  CHECK(first.job.status == "queued");
  CHECK(first.job.attempts == 0);
  auto again = expect_ok(enqueue_job(*conn, spec_of("confirm:1", 9000), 600));
  CHECK_FALSE(again.fresh);
  CHECK(again.job.id == first.job.id);
  CHECK(again.job.run_at == 1000);  // as stored
  CHECK(expect_ok(list_jobs(*conn, "", 10)).size() == 1);
  auto bad = enqueue_job(*conn, spec_of("", 1000), 500);
  REQUIRE_FALSE(bad);
  CHECK(code_of(bad.error()) == errc::invalid_argument);
}

PERSISTENCE_CASE("due jobs are claimed by priority with a lease", "[jobs]") {
  auto conn = db.migrated();
  expect_ok(enqueue_job(*conn, spec_of("a", 1000), 0));
  expect_ok(enqueue_job(*conn, spec_of("b", 1000, 5), 0));
  expect_ok(enqueue_job(*conn, spec_of("later", 50'000), 0));
  auto got = claim(*conn, "node-1", 2000, 10);
  REQUIRE(got.size() == 2);
  CHECK(got[0].idempotency_key == "b");  // higher priority first
  CHECK(got[0].status == "running");
  CHECK(got[0].claimed_by == std::optional<std::string>{"node-1"});
  CHECK(got[0].claimed_until == std::optional<int64_t>{62'000});
  CHECK(got[0].attempts == 1);
  CHECK(claim(*conn, "node-2", 3000, 10).empty());       // held, and "later" is not due
  auto taken_over = claim(*conn, "node-2", 62'001, 10);  // node-1's lease ran out
  CHECK(taken_over.size() == 3);
  CHECK_FALSE(expect_ok(finish_job(*conn, got[0].id, "node-1", 62'002)));  // its claim is gone
  CHECK(expect_ok(finish_job(*conn, got[0].id, "node-2", 62'003)));
  CHECK(expect_ok(list_jobs(*conn, "done", 10)).size() == 1);
  // A restarted node-2 gives back what it held before its start, not what it claims since.
  CHECK(expect_ok(release_claims(*conn, "node-2", 62'001, 62'004)) == 0);
  CHECK(expect_ok(release_claims(*conn, "node-2", 62'002, 62'004)) == 2);
  CHECK(expect_ok(list_jobs(*conn, "queued", 10)).size() == 2);
}

PERSISTENCE_CASE("a failing job is retried until dead, then queued again by hand", "[jobs]") {
  auto conn = db.migrated();
  auto id = expect_ok(enqueue_job(*conn, spec_of("flaky", 0), 0)).job.id;
  int64_t now = 1000;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto got = claim(*conn, "node-1", now, 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].attempts == attempt);
    CHECK(expect_ok(fail_job(*conn, id, "node-1", "gateway 500", now + 1000, now)));
    now += 1000;
  }
  auto dead = expect_ok(list_jobs(*conn, "dead", 10));
  REQUIRE(dead.size() == 1);
  CHECK(dead[0].last_error == std::optional<std::string>{"gateway 500"});
  CHECK(claim(*conn, "node-1", now + 100'000, 1).empty());
  auto counts = expect_ok(count_jobs(*conn));
  CHECK(counts == std::vector<std::pair<std::string, int64_t>>{{"dead", 1}});
  auto again = expect_ok(retry_job(*conn, id, now, {"ops:test", ""}));
  CHECK(again.status == "queued");
  CHECK(again.attempts == 0);
  auto not_dead = retry_job(*conn, id, now, {"ops:test", ""});
  REQUIRE_FALSE(not_dead);
  CHECK(code_of(not_dead.error()) == errc::conflict);
  auto missing = retry_job(*conn, 987654, now, {"ops:test", ""});
  REQUIRE_FALSE(missing);
  CHECK(code_of(missing.error()) == errc::not_found);
}

PERSISTENCE_CASE("a refused job is dead at once; old done jobs are purged", "[jobs]") {
  auto conn = db.migrated();
  auto refused = expect_ok(enqueue_job(*conn, spec_of("refused", 0), 0)).job.id;
  auto sent = expect_ok(enqueue_job(*conn, spec_of("sent", 0), 0)).job.id;
  auto fresh = expect_ok(enqueue_job(*conn, spec_of("fresh", 0), 0)).job.id;
  REQUIRE(claim(*conn, "node-1", 1000, 3).size() == 3);
  CHECK(expect_ok(fail_job(*conn, refused, "node-1", "HTTP 400", 2000, 1000, true)));
  CHECK(expect_ok(find_job_by_key(*conn, "refused"))->status == "dead");
  CHECK(expect_ok(finish_job(*conn, sent, "node-1", 1000)));
  CHECK(expect_ok(finish_job(*conn, fresh, "node-1", 9000)));
  CHECK(expect_ok(purge_jobs(*conn, 5000)) == 1);  // only the done job changed before 5000
  CHECK_FALSE(expect_ok(find_job_by_key(*conn, "sent")));
  CHECK(expect_ok(find_job_by_key(*conn, "fresh")));
  CHECK(expect_ok(find_job_by_key(*conn, "refused")));  // dead letters stay
}

PERSISTENCE_CASE("two nodes claiming at once never share a job", "[jobs]") {
  if (!db.is_mysql()) return;  // SQLite has one writer: claims are serial by construction
  auto a = db.migrated();
  auto b = db.connect();
  for (int i = 0; i < 10; ++i) expect_ok(enqueue_job(*a, spec_of("k" + std::to_string(i), 0), 0));
  expect_ok(begin_claim(*a));  // node-a's claim stays open while node-b claims
  auto mine = expect_ok(claim_due_jobs(*a, "node-a", 1000, 60'000, 4));
  auto theirs = claim(*b, "node-b", 1000, 10);  // skips the rows node-a holds locked
  expect_ok(a->commit());
  CHECK(mine.size() == 4);
  CHECK(theirs.size() == 6);
  std::set<int64_t> ids;
  for (const auto& j : mine) ids.insert(j.id);
  for (const auto& j : theirs) ids.insert(j.id);
  CHECK(ids.size() == 10);
}
