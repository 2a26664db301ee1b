// A stolen database reveals no personal data (SPEC S11): the real server, a realistic workload
// (a voice call that books with the caller's name, asks for a callback and ends with a
// transcript and summary; an API booking with name, number, e-mail and notes), then the raw
// bytes of the SQLite file and its WAL — and a mysqldump of MariaDB — contain none of the names,
// numbers (E.164 or national), e-mail addresses or transcript words. Also `askpro keys rotate`.
#include "tests/fakes/retell_client.hpp"
#include "tests/integration/cli/cli_runner.hpp"
#include "tests/support/services.hpp"
#include "tests/support/test_keys.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

const char* const demo_key = "key_demo_0000000000000000000000";
const char* const demo_number = "+493091204410";
const char* const caller = "+4917612398765";

/// Every secret of the workload, and the national forms of the numbers.
const std::vector<std::string> secrets{
    "Quellenberg",    "Friederike",      "+4917612398765",
    "017612398765",   "17612398765",     "Wendelstein",
    "+4915798765432", "015798765432",    "wendelstein@example.org",
    "Haselnuss",      "Zitronenmelisse", "Wellnesswochenende",
    "Dachbodenumbau"};

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void voice_call(serve_process& serve, const std::string& start) {
  auto api = serve.api_url();
  fakes::retell_client retell{
      "127.0.0.1", static_cast<uint16_t>(std::stoi(api.substr(api.rfind(':') + 1))), demo_key};
  auto send = [&](const std::string& path, const json& body, int status) {
    auto res = retell.post(path, body.dump(), now_ms());
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == status);
  };
  using fakes::retell_client;
  send("/webhooks/retell", retell_client::event("call_started", "call_rest", caller, demo_number),
       204);
  auto fn = [&](const std::string& name, const json& args) {
    send("/webhooks/retell/functions",
         retell_client::function(name, args, "call_rest", caller, demo_number), 200);
  };
  fn("book_appointment", {{"date", start.substr(0, 10)},
                          {"time", start.substr(11, 5)},
                          {"service", "herrenhaarschnitt"},
                          {"name", "Friederike Quellenberg"}});
  fn("request_callback", {{"name", "Friederike Quellenberg"}, {"grund", "Dachbodenumbau"}});
  send("/webhooks/retell",
       retell_client::event("call_ended", "call_rest", caller, demo_number,
                            {{"transcript", "User: Ich mag Zitronenmelisse, Friederike hier."},
                             {"duration_ms", 61000}}),
       204);
  send("/webhooks/retell",
       retell_client::event("call_analyzed", "call_rest", caller, demo_number,
                            {{"call_analysis", {{"call_summary", "Wellnesswochenende geplant"}}}}),
       204);
}

void api_booking(serve_process& serve, const std::string& token, const std::string& start) {
  httplib::Client api{serve.api_url()};
  httplib::Headers auth{{"Authorization", "Bearer " + token}};
  json body{{"branch", "mitte"},
            {"service", "herrenhaarschnitt"},
            {"start", start},
            {"notes", "Haselnuss im Haus"},
            {"customer",
             {{"name", "Bartholomaeus Wendelstein"},
              {"phone", "015798765432"},
              {"email", "wendelstein@example.org"}}}};
  auto booked = api.Post("/api/v2/appointments", auth, body.dump(), "application/json");
  REQUIRE(booked);
  INFO(booked->body);
  REQUIRE(booked->status == 201);
}

/// The workload against a served site; the demo tenant applied first.
void workload(const cli_site& site, serve_process& serve) {
  auto token =
      site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "rest"}).last_line();
  voice_call(serve, first_free_slot(serve.api_url(), token));
  api_booking(serve, token, first_free_slot(serve.api_url(), token));  // after the call's booking
  httplib::Client api{serve.api_url()};
  httplib::Headers auth{{"Authorization", "Bearer " + token}};
  // What was stored reads back plain through the API.
  auto found = api.Get("/api/v2/customers?name=wendel", auth);
  REQUIRE(found);
  REQUIRE(found->status == 200);
  auto items = json::parse(found->body)["data"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["email"] == "wendelstein@example.org");
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// `marked`: the bytes must hold the tenant's slug (proof that the right bytes were read).
void check_no_secrets(const std::string& where, const std::string& bytes, bool marked = true) {
  INFO(where);
  REQUIRE_FALSE(bytes.empty());
  if (marked) REQUIRE(bytes.find("salon-lindenblatt") != std::string::npos);
  for (const auto& s : secrets) {
    INFO(where << " contains " << s);
    CHECK(bytes.find(s) == std::string::npos);
  }
}

void apply_demo(const cli_site& site) {
  REQUIRE(
      site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())}).exit_code ==
      0);
}

/// The workload on a MariaDB server process, then a mysqldump of its database.
void mysql_workload_dump(const config::storage_settings& s) {
  cli_site site;
  const auto storage = "[storage]\ndriver = \"mysql\"\nmysql_host = \"" + s.mysql_host +
                       "\"\nmysql_port = " + std::to_string(s.mysql_port) + "\nmysql_user = \"" +
                       s.mysql_user + "\"\nmysql_password = \"" + s.mysql_password +
                       "\"\nmysql_database = \"" + s.mysql_database + "\"\n";
  site.write_file("askpro.toml", storage + "\n[log]\nlevel = \"warn\"\n\n" + test_keys_toml());
  apply_demo(site);
  serve_process serve{site, serve_options{"ops-cli-secret", storage, test_keys_toml()}};
  workload(site, serve);
  const auto dump = site.dir() + "/dump.sql";
  const auto cmd = "mysqldump --skip-comments -h " + s.mysql_host + " -P " +
                   std::to_string(s.mysql_port) + " -u " + s.mysql_user + " -p" + s.mysql_password +
                   " " + s.mysql_database + " > " + dump;
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto bytes = read_bytes(dump);
  REQUIRE(bytes.find("INSERT INTO `customers`") != std::string::npos);
  check_no_secrets("the dump", bytes);
}

}  // namespace

TEST_CASE("the SQLite file and its WAL hold no personal data in the clear", "[cli][keys]") {
  cli_site site;
  apply_demo(site);
  serve_process serve{site};
  workload(site, serve);
  CHECK(site.count("customers") == 2);
  check_no_secrets("askpro.db-wal (running)", read_bytes(site.dir() + "/askpro.db-wal"), false);
  check_no_secrets("askpro.db (running)", read_bytes(site.dir() + "/askpro.db"));
  CHECK(serve.stop() == 0);
  check_no_secrets("askpro.db (stopped)", read_bytes(site.dir() + "/askpro.db"));
}

TEST_CASE("a mysqldump of MariaDB holds no personal data in the clear", "[cli][keys][mysql]") {
  with_mysql([](backend& db) { mysql_workload_dump(db.settings()); });
}

TEST_CASE("keys rotate seals every field with the new key, resumably and idempotently",
          "[cli][keys]") {
  cli_site site;
  apply_demo(site);
  {
    serve_process serve{site};
    workload(site, serve);
  }
  const std::string k2 = "k2:" + std::string(43, 'C') + "=";
  site.write_file("askpro.toml", "[storage]\ndriver = \"sqlite\"\nsqlite_path = \"" + site.dir() +
                                     "/askpro.db\"\n\n[security]\nencryption_keys = [\"" + k2 +
                                     "\", \"" + test_field_key + "\"]\nblind_index_key = \"" +
                                     test_blind_key + "\"\n");
  auto rotated = site.run({"keys", "rotate"});
  INFO(rotated.out << rotated.err);
  REQUIRE(rotated.exit_code == 0);
  CHECK(rotated.out.find("sealed with key 'k2'") != std::string::npos);
  CHECK(rotated.out.find("keys rotate: 0 value") == std::string::npos);
  auto rs = site.connect()->query("SELECT name FROM customers");
  REQUIRE(rs);
  for (const auto& r : *rs) CHECK((*r.get<std::string>("name")).rfind("enc1:k2:", 0) == 0);
  auto again = site.run({"keys", "rotate"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("keys rotate: 0 value(s) in 0 row(s)") != std::string::npos);
  // Without the new key, its values are an error, never garbage.
  site.write_file("askpro.toml", "[storage]\ndriver = \"sqlite\"\nsqlite_path = \"" + site.dir() +
                                     "/askpro.db\"\n\n[security]\nencryption_keys = [\"" +
                                     test_field_key + "\"]\nblind_index_key = \"" + test_blind_key +
                                     "\"\n");
  auto missing = site.run({"keys", "rotate"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("k2") != std::string::npos);
}
