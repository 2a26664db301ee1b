// The job queue across process deaths and nodes, with the real `askpro serve`:
// - kill -9 after a booking committed and while the gateway had not answered: after the restart
//   the message is sent, and every attempt carried the same idempotency key;
// - two runtimes on one MariaDB drain 1,000 jobs: each delivered exactly once, both took part.
#include "actors/notify/channels.hpp"
#include "actors/notify/message.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/transaction.hpp"
#include "runtime/clock.hpp"
#include "tests/fakes/notify_server.hpp"
#include "tests/integration/cli/cli_runner.hpp"
#include "tests/support/test_keys.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

std::string delivery_toml(notify_server& fake, const std::string& node, int workers) {
  return "[notify]\nsms_url = \"" + fake.sms_url() +
         "\"\nsms_token = \"gw-token\"\nsms_from = \"+4930999000\"\ntimeout_ms = 60000\n\n"
         "[jobs]\npoll_ms = 20\nbackoff_ms = 200\nlease_ms = 120000\nworkers = " +
         std::to_string(workers) + "\n\n[runtime]\nnode_id = \"" + node + "\"\n";
}

/// Polls `pred` every 20 ms for up to `limit`.
bool within(std::chrono::seconds limit, const std::function<bool()>& pred) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});  // polling another process
  }
  return pred();
}

std::optional<persistence::job_record> job_of(persistence::connection& c, const std::string& key) {
  return expect_ok(persistence::find_job_by_key(c, key));
}

/// Books the first free slot a week ahead through the tenant API; the appointment's id.
int64_t book_next_week(serve_process& serve, const std::string& token) {
  httplib::Client api{serve.api_url()};
  httplib::Headers auth{{"Authorization", "Bearer " + token}};
  json body{{"branch", "mitte"},
            {"service", "herrenhaarschnitt"},
            {"start", first_free_slot(serve.api_url(), token)},
            {"customer", {{"name", "Erika Muster"}, {"phone", "+4915112345678"}}}};
  auto booked = api.Post("/api/v2/appointments", auth, body.dump(), "application/json");
  REQUIRE(booked);
  INFO(booked->body);
  REQUIRE(booked->status == 201);
  return json::parse(booked->body)["id"].get<int64_t>();
}

}  // namespace

TEST_CASE("a send cut by kill -9 is made after the restart, with the same key", "[jobs][kill]") {
  notify_server fake{{"gw-token"}};
  fake.control({{"sms", "hang"}});
  cli_site site;
  REQUIRE(
      site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())}).exit_code ==
      0);
  auto token =
      site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "jobs"}).last_line();
  serve_options opts;
  opts.extra_toml = delivery_toml(fake, "node-a", 2);
  auto conn = site.connect();
  std::string key;
  {
    serve_process serve{site, opts};
    auto id = book_next_week(serve, token);
    auto rs = expect_ok(conn->query("SELECT id FROM companies WHERE slug = 'salon-lindenblatt'"));
    key = "confirmation:" + std::to_string(expect_ok(rs[0].get<int64_t>("id"))) + ":" +
          std::to_string(id) + ":sms";
    // The booking committed with its job; the gateway holds the send without answering.
    REQUIRE(within(std::chrono::seconds{30}, [&] {
      for (const auto& a : fake.attempts())
        if (a["idempotency_key"] == key && a["outcome"] == "hung") return true;
      return false;
    }));
    serve.kill();
  }
  auto held = job_of(*conn, key);
  REQUIRE(held);
  CHECK(held->status == "running");
  CHECK(held->claimed_by == std::optional<std::string>{"node-a"});
  fake.control({{"sms", "ok"}});
  serve_process again{site, opts};  // node-a again: it gives back what it held at once
  REQUIRE(within(std::chrono::seconds{30}, [&] { return job_of(*conn, key)->status == "done"; }));
  int sms_attempts = 0;
  for (const auto& a : fake.attempts()) {
    if (a["channel"] != "sms") continue;
    ++sms_attempts;
    CHECK(a["idempotency_key"] == key);
  }
  CHECK(sms_attempts >= 2);
  int sent = 0;
  for (const auto& m : fake.messages()) sent += m["idempotency_key"] == key ? 1 : 0;
  CHECK(sent == 1);
}

namespace {

void enqueue_drain_jobs(persistence::connection& conn, int n, int64_t now) {
  expect_ok(persistence::with_transaction(conn, [&](persistence::connection& c) -> Result<void> {
    for (int i = 0; i < n; ++i) {
      actors::notify::outgoing_message m;
      m.channel = "sms";
      m.to = "+49151" + std::to_string(10'000'000 + i);
      m.body = "Nachricht " + std::to_string(i);
      persistence::job_spec spec;
      spec.kind = actors::notify::job_kind("sms");
      spec.payload = actors::notify::to_payload(m);
      spec.run_at = now;
      spec.idempotency_key = "drain:" + std::to_string(i);
      if (auto job = persistence::enqueue_job(c, spec, now); !job) return std::move(job.error());
    }
    return caf::unit;
  }));
}

std::string mysql_toml(const config::storage_settings& s) {
  return "[storage]\ndriver = \"mysql\"\nmysql_host = \"" + s.mysql_host +
         "\"\nmysql_port = " + std::to_string(s.mysql_port) + "\nmysql_user = \"" + s.mysql_user +
         "\"\nmysql_password = \"" + s.mysql_password + "\"\nmysql_database = \"" +
         s.mysql_database + "\"\n\n" + test_keys_toml();  // nodes on one database share keys
}

/// Jobs the workers of the node at `ops_url` finished (their inspect's `done`).
int64_t done_by(serve_process& serve, int workers) {
  httplib::Client ops{serve.ops_url()};
  int64_t done = 0;
  for (int i = 1; i <= workers; ++i) {
    auto res = ops.Get(("/ops/actors/jobs/worker-" + std::to_string(i)).c_str(),
                       {{"Authorization", "Bearer ops-cli-secret"}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    done += json::parse(res->body)["state"].value("done", int64_t{0});
  }
  return done;
}

}  // namespace

TEST_CASE("two runtimes on one MariaDB drain 1,000 jobs, each exactly once", "[jobs][mysql]") {
  with_mysql([](backend& db) {
    notify_server fake{{"gw-token"}};
    auto conn = db.migrated();
    enqueue_drain_jobs(*conn, 1000, runtime::to_unix_ms(std::chrono::system_clock::now()));
    cli_site site_a, site_b;
    serve_process a{
        site_a, {"ops-cli-secret", mysql_toml(db.settings()), delivery_toml(fake, "node-a", 4)}};
    serve_process b{
        site_b, {"ops-cli-secret", mysql_toml(db.settings()), delivery_toml(fake, "node-b", 4)}};
    REQUIRE(within(std::chrono::seconds{180}, [&] {
      auto rs = expect_ok(conn->query("SELECT COUNT(*) AS n FROM jobs WHERE status = 'done'"));
      return expect_ok(rs[0].get<int64_t>("n")) == 1000;
    }));
    std::set<std::string> keys;
    for (const auto& m : fake.messages()) keys.insert(m["idempotency_key"].get<std::string>());
    CHECK(keys.size() == 1000);
    CHECK(fake.messages().size() == 1000);
    CHECK(fake.attempts().size() == 1000);  // no job was sent twice, not even as a duplicate
    auto by_a = done_by(a, 4);
    auto by_b = done_by(b, 4);
    CHECK(by_a + by_b == 1000);
    CHECK(by_a > 0);
    CHECK(by_b > 0);
  });
}
