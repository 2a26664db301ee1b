// Retell webhooks through the real edge: signatures, inbound routing, call events and the
// redelivery of every event (SQLite and MariaDB).
#include "tests/integration/voice_fixture.hpp"

#include "actors/tenant/tenant_directory.hpp"
#include "net/retell/signature.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "runtime/bridge.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;

namespace {

constexpr int64_t minute_ms = 60 * 1000;

void require_nothing_stored(const backend& db) {
  CHECK(count_rows(db, "calls") == 0);
  CHECK(count_rows(db, "webhook_inbox") == 0);
  CHECK(count_rows(db, "appointments") == 0);
}

int status_of(const httplib::Result& r) {
  REQUIRE(r);
  return r->status;
}

}  // namespace

VOICE_CASE("retell requests with a bad signature are refused and store nothing", "[signature]") {
  voice_node n{db};
  auto body = retell_client::event("call_started", "call_sig", caller_number, salon_number).dump();
  auto fn =
      retell_client::function("book_appointment_v3", {{"date", "2026-12-02"}, {"time", "10:00"}},
                              "call_sig", caller_number, salon_number)
          .dump();
  auto now = n.now_ms();
  for (const auto* path : {"/webhooks/retell", "/webhooks/retell/functions"}) {
    const auto& b = std::string{path} == "/webhooks/retell" ? body : fn;
    auto c = n.client();
    INFO(path);
    CHECK(status_of(c.post(path, b, now, std::string{"key_other_tenant"})) == 401);
    CHECK(status_of(c.post(path, b, now - 6 * minute_ms)) == 401);
    CHECK(status_of(c.post(path, b, now + 6 * minute_ms)) == 401);
    CHECK(status_of(c.post(path, b, std::nullopt)) == 401);
    // Forged: a well-formed header whose digest is not the body's.
    httplib::Client raw{"127.0.0.1", n.client_port()};
    httplib::Headers forged{
        {"x-retell-signature", "v=" + std::to_string(now) + ",d=" + std::string(64, 'a')}};
    CHECK(status_of(raw.Post(path, forged, b, "application/json")) == 401);
    // Altered after signing: the signature of another body.
    httplib::Headers replayed{{"x-retell-signature", net::retell::sign(salon_key, b + " ", now)}};
    CHECK(status_of(raw.Post(path, replayed, b, "application/json")) == 401);
  }
  require_nothing_stored(db);
  // Signed correctly, the same request is accepted (the refusals were about the signature).
  CHECK(status_of(n.client().post("/webhooks/retell", body, now)) == 204);
  CHECK(count_rows(db, "calls") == 1);
}

VOICE_CASE("call_inbound answers the tenant's variables and an unknown number 404", "[inbound]") {
  voice_node n{db};
  {
    auto conn = db.connect();
    auto scope = persistence::tenant_scope{1};
    auto rs = expect_ok(conn->query("SELECT id FROM companies WHERE slug = 'salon'"));
    scope = persistence::tenant_scope{expect_ok(rs[0].get<int64_t>("id"))};
    expect_ok(persistence::find_or_create_customer(*conn, scope, caller_number, "Erika Muster",
                                                   n.now_ms()));
  }
  auto res = n.post("/webhooks/retell", retell_client::inbound(caller_number, salon_number));
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  auto vars = nlohmann::json::parse(res->body)["call_inbound"]["dynamic_variables"];
  CHECK(vars["tenant"] == "Salon Test");
  CHECK(vars["branch"] == "Mitte");
  CHECK(vars["today"] == "2026-12-01");
  CHECK(vars["today_de"] == "Dienstag, 1. Dezember 2026");
  CHECK(vars["weekday"] == "Dienstag");
  CHECK(vars["time"] == "09:00");
  CHECK(vars["tomorrow"] == "2026-12-02");
  CHECK(vars["customer_name"] == "Erika Muster");
  for (auto& v : vars) CHECK(v.is_string());

  auto unknown = n.post("/webhooks/retell", retell_client::inbound(caller_number, "+49309999999"));
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(unknown->body.find("Salon") == std::string::npos);

  auto anonymous = n.post("/webhooks/retell", retell_client::inbound("anonymous", salon_number));
  REQUIRE(anonymous);
  REQUIRE(anonymous->status == 200);
  CHECK_FALSE(nlohmann::json::parse(anonymous->body)["call_inbound"]["dynamic_variables"].contains(
      "customer_name"));
}

VOICE_CASE("malformed bodies are 400 and unknown events 204", "[parse]") {
  voice_node n{db};
  auto c = n.client();
  auto now = n.now_ms();
  // Signed but not JSON at all: no dialled number to choose a key by.
  CHECK(status_of(c.post("/webhooks/retell", "{not json", now)) == 400);
  // Args-only function form: it carries no call.
  nlohmann::json args_only{{"date", "2026-12-02"}, {"to_number", salon_number}};
  auto fn =
      c.post("/webhooks/retell/functions",
             nlohmann::json{{"call_inbound", {{"to_number", salon_number}}}, {"date", "2026-12-02"}}
                 .dump(),
             now);
  CHECK(status_of(fn) == 400);
  auto unknown = retell_client::event("call_mystery", "call_u", caller_number, salon_number);
  CHECK(status_of(c.post("/webhooks/retell", unknown.dump(), now)) == 204);
  CHECK(count_rows(db, "calls") == 0);
}

VOICE_CASE("an oversized retell body is 413 and stores nothing", "[limits]") {
  voice_node n{db};
  auto body = retell_client::event("call_started", "call_big", caller_number, salon_number,
                                   {{"transcript", std::string(2 * 1024 * 1024, 'x')}})
                  .dump();
  CHECK(status_of(n.client().post("/webhooks/retell", body, n.now_ms())) == 413);
  require_nothing_stored(db);
}
