// The audit trail of the tenant API: each booking, move and cancellation through the API is
// one chained event naming the token and carrying the request's X-Request-Id.
#include "persistence/repo/audit_repo.hpp"
#include "tests/integration/api_case.hpp"
#include "tests/integration/api_fixture.hpp"

using namespace askpro;
using namespace askpro::test;

API_CASE("api audit - bookings, moves and cancellations name the token and the request id",
         "[appointments][audit]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto book = node.post(
      a, "/api/v2/appointments",
      nlohmann::json{{"service", "cut"},
                     {"staff", "anna"},
                     {"start", "2026-12-02T10:00:00+01:00"},
                     {"customer", {{"name", "Erika Muster"}, {"phone", "+4915112345678"}}}},
      {{"X-Request-Id", "audit-book-1"}});
  INFO(book.body);
  REQUIRE(book.status == 201);
  const auto path = "/api/v2/appointments/" + std::to_string(book.json()["id"].get<int64_t>());
  auto moved =
      node.post(a, path + "/reschedule", nlohmann::json{{"date", "2026-12-03"}, {"time", "11:15"}},
                {{"X-Request-Id", "audit-move-1"}});
  REQUIRE(moved.status == 200);
  const auto moved_path =
      "/api/v2/appointments/" + std::to_string(moved.json()["id"].get<int64_t>());
  REQUIRE(
      node.post(a, moved_path + "/cancel", std::string{"{}"}, {{"X-Request-Id", "audit-cancel-1"}})
          .status == 200);

  auto conn = db.connect();
  persistence::tenant_scope scope{node.company_id("salon-a")};
  auto events = expect_ok(persistence::list_audit(*conn, scope, 0, 100));
  std::vector<persistence::audit_event> api_events;
  for (const auto& e : events)
    if (e.actor == "api:test") api_events.push_back(e);
  REQUIRE(api_events.size() == 3);
  CHECK(api_events[0].action == "appointment.booked");
  CHECK(api_events[0].correlation == "audit-book-1");
  CHECK(api_events[1].action == "appointment.rescheduled");
  CHECK(api_events[1].correlation == "audit-move-1");
  CHECK(api_events[2].action == "appointment.cancelled");
  CHECK(api_events[2].correlation == "audit-cancel-1");
  for (const auto& e : events) {
    CHECK(e.payload.find("Erika") == std::string::npos);
    CHECK(e.payload.find("15112345678") == std::string::npos);
  }
  auto verdict = expect_ok(persistence::verify_audit(*conn, scope));
  CHECK_FALSE(verdict.broken_at);
  CHECK(verdict.events == static_cast<int64_t>(events.size()));
}
