// The GDPR routes on SQLite and MariaDB: GET /api/v2/customers/{id}/export holds everything on
// the customer (appointments, calls with transcripts, callbacks, notifications) for admin tokens
// only; DELETE /api/v2/customers/{id} anonymises it everywhere, keeps its appointments as
// anonymous rows and the balance as it was, records the erasure without the erased data, and
// the same number calling again is a new customer.
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "tests/integration/api_fixture.hpp"

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

const std::string wed_10 = "2026-12-02T10:00:00+01:00";

/// A booked customer of tenant A with a call (transcript), a callback request and a message.
/// Neither the call nor the callback is linked to the customer (a call where nothing was
/// booked): they are the customer's by the number they came from. A call from another number
/// is not the customer's.
struct holder {
  int64_t customer = 0, appointment = 0;
  std::string phone;
};

holder seed_holder(api_node& node, const std::string& admin) {
  auto appt = node.book(admin, wed_10, "cut", "anna");
  holder h{appt["customer_id"].get<int64_t>(), appt["id"].get<int64_t>(), ""};
  auto conn = node.db().connect();
  persistence::tenant_scope scope{node.company_id("salon-a")};
  h.phone = *expect_ok(persistence::find_customer(*conn, scope, h.customer))->phone_e164;
  persistence::call_opening o;
  o.retell_call_id = "call_gdpr";
  o.agent_id = "agent";
  o.from_number = h.phone;
  persistence::call_update u;
  u.transcript = "User: Mein Hund heisst Bello";
  u.summary = "Bello";
  expect_ok(persistence::apply_call(*conn, scope, o, u, 1));
  o.retell_call_id = "call_stranger";
  o.from_number = "+4930999999";
  u.transcript = "User: Ich bin jemand anderes";
  expect_ok(persistence::apply_call(*conn, scope, o, u, 1));
  persistence::callback_request cb;
  cb.retell_call_id = "call_gdpr";
  cb.phone_e164 = h.phone;
  cb.name = "Kunde";
  cb.reason = "Bello ist krank";
  expect_ok(persistence::record_callback(*conn, scope, cb, 2));
  persistence::job_spec sms;
  sms.company_id = scope.company_id();
  sms.kind = "notify.sms";
  sms.payload = json{{"channel", "sms"}, {"to", h.phone}, {"body", "Termin am Mittwoch"}}.dump();
  sms.idempotency_key = "reminder:gdpr:sms";
  sms.run_at = 1'900'000'000'000;
  expect_ok(persistence::enqueue_job(*conn, sms, 3));
  return h;
}

api_answer erase(const api_node& node, const std::string& token, int64_t id) {
  httplib::Client c{"127.0.0.1", node.port()};
  auto res = c.Delete(("/api/v2/customers/" + std::to_string(id)).c_str(),
                      {{"Authorization", "Bearer " + token}});
  REQUIRE(res);
  return {res->status, res->body, res->headers};
}

std::string path_of(int64_t id, const std::string& tail = "") {
  return "/api/v2/customers/" + std::to_string(id) + tail;
}

}  // namespace

API_CASE("api customers: the export holds everything on the customer, admin tokens only",
         "[customers][gdpr]") {
  api_node node{db};
  auto admin = node.token("salon-a");
  auto h = seed_holder(node, admin);
  auto got = node.get(admin, path_of(h.customer, "/export"));
  INFO(got.body);
  REQUIRE(got.status == 200);
  CHECK(got.header("Content-Disposition").find("customer-") != std::string::npos);
  auto doc = got.json();
  CHECK(doc["customer"]["phone"] == h.phone);
  REQUIRE(doc["appointments"].size() == 1);
  CHECK(doc["appointments"][0]["id"] == h.appointment);
  REQUIRE(doc["calls"].size() == 1);
  CHECK(doc["calls"][0]["transcript"] == "User: Mein Hund heisst Bello");
  REQUIRE(doc["callbacks"].size() == 1);
  CHECK(doc["callbacks"][0]["reason"] == "Bello ist krank");
  REQUIRE(doc["notifications"].size() == 1);
  CHECK(doc["notifications"][0]["to"] == h.phone);
  CHECK(doc["notifications"][0]["body"] == "Termin am Mittwoch");
  auto conn = node.db().connect();
  auto audit = expect_ok(
      conn->query("SELECT actor, payload FROM audit_events WHERE action = 'customer.exported'"));
  REQUIRE(audit.size() == 1);  // every disclosure is in the trail, by token, without the data
  CHECK(expect_ok(audit[0].get<std::string>("actor")).rfind("api:", 0) == 0);
  CHECK(json::parse(expect_ok(audit[0].get<std::string>("payload")))["calls"] == 1);
  expect_problem(node.get(node.token("salon-a", "read"), path_of(h.customer, "/export")), 403,
                 "forbidden");
  expect_problem(node.get(node.token("salon-b"), path_of(h.customer, "/export")), 404, "not_found");
}

API_CASE("api customers: erasure anonymises everywhere, keeps appointments and the balance",
         "[customers][gdpr]") {
  api_node node{db};
  auto admin = node.token("salon-a");
  auto h = seed_holder(node, admin);
  auto conn = node.db().connect();
  auto balance = [&] {
    auto rs = expect_ok(conn->query("SELECT balance_cents FROM companies WHERE slug = 'salon-a'"));
    return expect_ok(rs[0].get<int64_t>("balance_cents"));
  };
  const auto before = balance();
  expect_problem(erase(node, node.token("salon-a", "read"), h.customer), 403, "forbidden");
  expect_problem(erase(node, node.token("salon-b"), h.customer), 404, "not_found");
  auto done = erase(node, admin, h.customer);
  INFO(done.body);
  REQUIRE(done.status == 200);
  auto receipt = done.json();
  CHECK(receipt["erased"] == true);
  CHECK(receipt["appointments"] == 1);
  CHECK(receipt["calls"] == 1);
  CHECK(receipt["callbacks"] == 1);
  CHECK(receipt["notifications"] == 1);

  expect_problem(node.get(admin, path_of(h.customer)), 404, "not_found");
  expect_problem(node.get(admin, path_of(h.customer, "/export")), 404, "not_found");
  expect_problem(erase(node, admin, h.customer), 404, "not_found");
  auto appt = node.get(admin, "/api/v2/appointments/" + std::to_string(h.appointment));
  REQUIRE(appt.status == 200);  // kept, anonymous
  CHECK(appt.json()["status"] == "booked");
  CHECK(balance() == before);
  auto one = [&](const std::string& sql) {
    auto rs = expect_ok(conn->query(sql));
    REQUIRE(rs.size() == 1);
    return rs[0];
  };
  auto c = one("SELECT phone_e164, phone_index, name, erased_at FROM customers");
  CHECK_FALSE(expect_ok(c.nullable<std::string>("phone_e164")));
  CHECK_FALSE(expect_ok(c.nullable<std::string>("phone_index")));
  CHECK(expect_ok(c.get<std::string>("name")).empty());
  CHECK(expect_ok(c.nullable<int64_t>("erased_at")));
  auto call =
      one("SELECT from_number, from_index, transcript, summary FROM calls "
          "WHERE retell_call_id = 'call_gdpr'");
  CHECK_FALSE(expect_ok(call.nullable<std::string>("from_index")));
  CHECK_FALSE(expect_ok(call.nullable<std::string>("from_number")));
  CHECK_FALSE(expect_ok(call.nullable<std::string>("transcript")));
  CHECK_FALSE(expect_ok(call.nullable<std::string>("summary")));
  auto stranger = one("SELECT transcript FROM calls WHERE retell_call_id = 'call_stranger'");
  CHECK(expect_ok(stranger.nullable<std::string>("transcript")));  // not the customer's
  CHECK(expect_ok(one("SELECT reason FROM callback_requests").get<std::string>("reason")).empty());
  auto job = one("SELECT payload, status FROM jobs WHERE idempotency_key = 'reminder:gdpr:sms'");
  CHECK(expect_ok(job.get<std::string>("payload")) == "{}");
  CHECK(expect_ok(job.get<std::string>("status")) == "cancelled");
  auto audit = one("SELECT actor, payload FROM audit_events WHERE action = 'customer.erased'");
  auto payload = expect_ok(audit.get<std::string>("payload"));
  CHECK(json::parse(payload)["customer"] == h.customer);
  CHECK(payload.find(h.phone) == std::string::npos);
  CHECK(payload.find("Bello") == std::string::npos);

  persistence::tenant_scope scope{node.company_id("salon-a")};
  auto again = expect_ok(persistence::find_or_create_customer(*conn, scope, h.phone, "Neu", 9));
  CHECK(again.id != h.customer);
}
