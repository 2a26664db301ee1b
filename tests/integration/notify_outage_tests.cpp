// A dead SMS gateway (SQLite and MariaDB): the confirmation is retried with growing gaps, the
// channel's breaker opens after three failures (the fourth try fails fast without reaching the
// gateway) and the job is dead with its last error; once the gateway is back and the breaker's
// open period passed, a retry through the ops API delivers it exactly once and closes the
// breaker. E-mail, on its own channel, is not held up.
#include "tests/integration/notify_fixture.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

const httplib::Headers ops_auth{{"Authorization", "Bearer ops-secret"}, {"X-Ops-User", "test"}};

json ops_get(voice_node& n, const std::string& path) {
  httplib::Client ops{"127.0.0.1", n.ops_port()};
  auto res = ops.Get(path.c_str(), ops_auth);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return json::parse(res->body);
}

std::string breaker_state(voice_node& n) {
  return ops_get(n, "/ops/actors/notify/sms/breaker")["state"].value("breaker", std::string{});
}

int gateway_attempts(notify_server& fake, const std::string& key) {
  int n = 0;
  for (const auto& a : fake.attempts())
    if (a["channel"] == "sms" && a.value("idempotency_key", std::string{}) == key) ++n;
  return n;
}

/// Waits until the job's attempt `attempt` is over (queued again or dead).
persistence::job_record after_attempt(const backend& db, const std::string& key, int attempt) {
  persistence::job_record job;
  REQUIRE(eventually([&] {
    job = job_by_key(db, key);
    return job.attempts == attempt && job.status != "running";
  }));
  return job;
}

}  // namespace

VOICE_CASE("a dead gateway: growing gaps, an open breaker, a dead letter, an ops retry",
           "[notify][outage]") {
  notify_server fake{{"gw-token"}};
  fake.control({{"sms", "fail"}});
  voice_node n{db, delivery_node(fake)};
  auto booked = n.call("book_appointment",
                       {{"date", "2026-12-03"}, {"time", "11:00"}, {"email", "erika@example.org"}},
                       "call_outage");
  REQUIRE(booked["success"] == true);
  const auto id = booked["data"]["appointment_id"].get<std::string>();
  const auto key = message_key(db, "confirmation", id, "sms");
  REQUIRE(eventually([&] {
    return job_by_key(db, message_key(db, "confirmation", id, "email")).status == "done";
  }));
  std::vector<int64_t> gaps;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto job = after_attempt(db, key, attempt);
    REQUIRE(job.status == "queued");
    gaps.push_back(job.run_at - n.now_ms());
    n.clock().set(n.clock().now() + std::chrono::milliseconds{gaps.back()});
    poke(n);
  }
  // 1 s doubling, jittered into the upper half of each gap.
  CHECK(gaps[0] >= 500);
  CHECK(gaps[0] <= 1000);
  CHECK(gaps[1] >= 1000);
  CHECK(gaps[1] <= 2000);
  CHECK(gaps[2] >= 2000);
  CHECK(gaps[2] <= 4000);
  auto dead = after_attempt(db, key, 4);
  CHECK(dead.status == "dead");
  REQUIRE(dead.last_error);
  CHECK(gateway_attempts(fake, key) == 3);  // the fourth was refused by the open breaker
  CHECK(breaker_state(n) == "open");
  auto listed = ops_get(n, "/ops/jobs?status=dead")["data"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == dead.id);
  CHECK(listed[0]["attempts"] == 4);
  CHECK(listed[0]["last_error"] == *dead.last_error);

  fake.control({{"sms", "ok"}});
  n.clock().set(n.clock().now() + std::chrono::seconds{61});
  httplib::Client ops{"127.0.0.1", n.ops_port()};
  auto path = "/ops/jobs/" + std::to_string(dead.id) + "/retry";
  auto retried = ops.Post(path.c_str(), ops_auth, "", "application/json");
  REQUIRE(retried);
  INFO(retried->body);
  REQUIRE(retried->status == 200);
  CHECK(json::parse(retried->body)["status"] == "queued");
  REQUIRE(eventually([&] { return job_by_key(db, key).status == "done"; }));
  CHECK(delivered(fake, key).size() == 1);
  CHECK(breaker_state(n) == "closed");
  auto again = ops.Post(path.c_str(), ops_auth, "", "application/json");
  REQUIRE(again);
  CHECK(again->status == 409);
  auto missing = ops.Post("/ops/jobs/999999/retry", ops_auth, "", "application/json");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

// The outcome of a send must reach the queue even when the database refuses the write at first:
// lost, the job would stay running until its lease ran out and then be sent a second time.
VOICE_CASE("a job's outcome the database refused at first is recorded once it can be",
           "[notify][outage]") {
  notify_server fake{{"gw-token"}};
  fake.control({{"sms", "hang"}});
  voice_node n{db, delivery_node(fake)};
  auto booked =
      n.call("book_appointment", {{"date", "2026-12-03"}, {"time", "11:00"}}, "call_outcome");
  REQUIRE(booked["success"] == true);
  const auto key =
      message_key(db, "confirmation", booked["data"]["appointment_id"].get<std::string>(), "sms");
  REQUIRE(eventually([&] { return gateway_attempts(fake, key) == 1; }));
  auto retries = [&] {
    int64_t sum = 0;
    for (auto w : {"worker-1", "worker-2"})
      sum += ops_get(n, std::string{"/ops/actors/jobs/"} + w)["state"]["outcome_retries"]
                 .get<int64_t>();
    return sum;
  };
  {
    // Hold the job's row (MariaDB) or the write lock (SQLite) while the send fails.
    auto holder = db.connect();
    expect_ok(holder->begin());
    expect_ok(holder->query("SELECT id FROM jobs WHERE idempotency_key = ?" +
                                std::string{holder->sql_dialect().for_update},
                            {key}));
    fake.control({{"sms", "ok"}});  // the held request is dropped unanswered: the attempt failed
    REQUIRE(eventually([&] { return retries() >= 1; }, std::chrono::seconds{30}));
    CHECK(job_by_key(db, key).status == "running");
    expect_ok(holder->rollback());
  }
  auto failed = after_attempt(db, key, 1);
  CHECK(failed.status == "queued");
  CHECK(failed.last_error);
  n.clock().set(n.clock().now() + std::chrono::seconds{2});
  poke(n);
  REQUIRE(eventually([&] { return job_by_key(db, key).status == "done"; }));
  CHECK(job_by_key(db, key).attempts == 2);
  CHECK(gateway_attempts(fake, key) == 2);
  CHECK(delivered(fake, key).size() == 1);
}
