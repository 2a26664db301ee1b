// Tenant API: availability, booking (201, idempotency key, 409 slot_taken, 422 per field, 400
// unparseable), reading, cancelling and rescheduling appointments; isolation between tenants
// and branch-limited tokens on every appointment route.
#include "tests/integration/api_fixture.hpp"

#include <algorithm>

using namespace askpro;
using namespace askpro::test;

namespace {

const std::string wed_10 = "2026-12-02T10:00:00+01:00";

bool has_field(const nlohmann::json& problem, const std::string& field) {
  auto fields = error_fields(problem);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::string path_of(const nlohmann::json& appt, const std::string& tail = "") {
  return "/api/v2/appointments/" + std::to_string(appt["id"].get<int64_t>()) + tail;
}

}  // namespace

API_CASE("api availability - slots in the branch offset and 422 per invalid parameter",
         "[availability]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto ok =
      node.get(a, "/api/v2/availability?service=cut&branch=nord&from=2026-12-02&to=2026-12-03");
  INFO(ok.body);
  REQUIRE(ok.status == 200);
  auto slots = ok.json()["data"];
  REQUIRE(slots.size() == 35);  // starts 09:00 … 17:30 every 15 minutes
  CHECK(slots[0]["start"] == "2026-12-02T09:00:00+01:00");
  CHECK(slots[0]["end"] == "2026-12-02T09:30:00+01:00");
  CHECK(slots[0]["staff"] == "cleo");

  auto bad =
      node.get(a, "/api/v2/availability?from=2026-13-01&to=2026-12-01&staff=zed&branch=mitte");
  auto doc = expect_problem(bad, 422, "invalid_argument");
  CHECK(has_field(doc, "service"));
  CHECK(has_field(doc, "from"));
  auto order =
      node.get(a, "/api/v2/availability?service=cut&branch=mitte&from=2026-12-03&to=2026-12-02");
  CHECK(has_field(expect_problem(order, 422, "invalid_argument"), "to"));
  auto several = node.get(a, "/api/v2/availability?service=cut&from=2026-12-02&to=2026-12-03");
  CHECK(has_field(expect_problem(several, 422, "invalid_argument"), "branch"));

  auto b = node.token("salon-b");
  auto foreign =
      node.get(b, "/api/v2/availability?service=cut&branch=mitte&from=2026-12-02&to=2026-12-03");
  auto fdoc = expect_problem(foreign, 422, "invalid_argument");
  CHECK(has_field(fdoc, "service"));
  CHECK(has_field(fdoc, "branch"));
}

API_CASE("api appointments - book, read, cancel and reschedule through the booking actor",
         "[appointments]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto appt = node.book(a, wed_10, "cut", "anna");
  CHECK(appt["start"] == wed_10);
  CHECK(appt["end"] == "2026-12-02T10:30:00+01:00");
  CHECK(appt["status"] == "booked");
  CHECK(appt["source"] == "api");
  CHECK(appt["staff"] == "anna");
  CHECK(appt["service"] == "cut");
  CHECK(appt["customer_id"].is_number_integer());
  CHECK(appt["call_id"].is_null());
  CHECK(node.get(a, path_of(appt)).json() == appt);

  auto moved = node.post(a, path_of(appt, "/reschedule"),
                         nlohmann::json{{"date", "2026-12-03"}, {"time", "11:15"}});
  INFO(moved.body);
  REQUIRE(moved.status == 200);
  CHECK(moved.json()["start"] == "2026-12-03T11:15:00+01:00");
  CHECK(moved.json()["rescheduled_from"] == appt["id"]);
  CHECK(node.get(a, path_of(appt)).json()["status"] == "rescheduled");

  auto cancelled = node.post(a, path_of(moved.json(), "/cancel"), std::string{"{}"});
  REQUIRE(cancelled.status == 200);
  CHECK(cancelled.json()["status"] == "cancelled");
  auto again = node.post(a, path_of(moved.json(), "/cancel"), std::string{""});
  CHECK(again.status == 200);
  CHECK(again.json()["status"] == "cancelled");
}

API_CASE("api appointments - an Idempotency-Key retry returns the same appointment",
         "[appointments]") {
  api_node node{db};
  auto a = node.token("salon-a");
  nlohmann::json body{{"service", "cut"},
                      {"branch", "mitte"},
                      {"date", "2026-12-02"},
                      {"time", "14:00"},
                      {"customer", {{"name", "Kunde"}, {"phone", "+4915112345678"}}}};
  auto first = node.post(a, "/api/v2/appointments", body, {{"Idempotency-Key", "k-1"}});
  INFO(first.body);
  REQUIRE(first.status == 201);
  auto second = node.post(a, "/api/v2/appointments", body, {{"Idempotency-Key", "k-1"}});
  INFO(second.body);
  REQUIRE(second.status == 201);
  CHECK(second.json()["id"] == first.json()["id"]);
  auto list = node.get(a, "/api/v2/appointments").json()["data"];
  CHECK(list.size() == 1);
  auto other = node.post(a, "/api/v2/appointments", body, {{"Idempotency-Key", "k-2"}});
  CHECK(other.status == 201);
  CHECK(other.json()["id"] != first.json()["id"]);
}

API_CASE("api appointments - problem documents for 400, 409 and 422", "[appointments][problems]") {
  api_node node{db};
  auto a = node.token("salon-a");
  node.book(a, wed_10, "cut", "anna");
  nlohmann::json taken{{"service", "cut"},
                       {"staff", "anna"},
                       {"branch", "mitte"},
                       {"start", wed_10},
                       {"customer", {{"phone", "+4915112345679"}}}};
  auto doc = expect_problem(node.post(a, "/api/v2/appointments", taken), 409, "slot_taken");
  REQUIRE(doc["alternatives"].is_array());
  CHECK_FALSE(doc["alternatives"].empty());

  expect_problem(node.post(a, "/api/v2/appointments", std::string{"{not json"}), 400,
                 "bad_request");
  auto invalid = node.post(a, "/api/v2/appointments",
                           nlohmann::json{{"service", "perm"},
                                          {"start", "tomorrow"},
                                          {"staff", 12},
                                          {"customer", {{"phone", "12"}}}});
  auto idoc = expect_problem(invalid, 422, "invalid_argument");
  CHECK(has_field(idoc, "service"));
  CHECK(has_field(idoc, "start"));
  CHECK(has_field(idoc, "branch"));
  CHECK(has_field(idoc, "customer.phone"));
  auto no_customer =
      node.post(a, "/api/v2/appointments",
                nlohmann::json{{"service", "cut"}, {"branch", "nord"}, {"start", wed_10}});
  CHECK(has_field(expect_problem(no_customer, 422, "invalid_argument"), "customer"));
  auto past = node.post(a, "/api/v2/appointments",
                        nlohmann::json{{"service", "cut"},
                                       {"branch", "nord"},
                                       {"start", "2026-11-30T10:00:00+01:00"},
                                       {"customer", {{"phone", "+4915112345671"}}}});
  auto pdoc = expect_problem(past, 422, "in_past");
  CHECK(has_field(pdoc, "start"));
  // A customer's fields are bounded as a customer change is: a 100,000-character name and a
  // malformed e-mail address are refused, naming each field.
  auto huge = node.post(a, "/api/v2/appointments",
                        nlohmann::json{{"service", "cut"},
                                       {"branch", "nord"},
                                       {"start", wed_10},
                                       {"customer",
                                        {{"phone", "+4915112345672"},
                                         {"name", std::string(100'000, 'x')},
                                         {"email", "not-an-address"}}}});
  auto hdoc = expect_problem(huge, 422, "invalid_argument");
  CHECK(has_field(hdoc, "customer.name"));
  CHECK(has_field(hdoc, "customer.email"));
}

API_CASE("api appointments isolation - tenant B's token gets 404 for A's appointments",
         "[appointments][isolation]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto b = node.token("salon-b");
  auto appt = node.book(a, wed_10, "cut", "anna");
  auto missing = nlohmann::json{{"id", 99999999}};
  for (const std::string tail : {"", "/cancel", "/reschedule"}) {
    auto foreign = tail.empty() ? node.get(b, path_of(appt))
                                : node.post(b, path_of(appt, tail),
                                            nlohmann::json{{"start", "2026-12-04T10:00:00+01:00"}});
    auto none = tail.empty() ? node.get(b, path_of(missing))
                             : node.post(b, path_of(missing, tail),
                                         nlohmann::json{{"start", "2026-12-04T10:00:00+01:00"}});
    expect_problem(foreign, 404, "not_found");
    CHECK(foreign.body == none.body);
  }
  CHECK(node.get(b, "/api/v2/appointments").json()["data"].empty());
  auto a_refs = nlohmann::json{{"service", "cut"},
                               {"branch", "mitte"},
                               {"staff", "anna"},
                               {"start", "2026-12-02T11:00:00+01:00"},
                               {"customer", {{"phone", "+4915112345672"}}}};
  auto refused =
      expect_problem(node.post(b, "/api/v2/appointments", a_refs), 422, "invalid_argument");
  CHECK(has_field(refused, "service"));
  CHECK(has_field(refused, "branch"));
  CHECK(node.get(a, "/api/v2/appointments").json()["data"].size() == 1);
  CHECK(node.get(a, path_of(appt)).json()["status"] == "booked");
  auto customer = nlohmann::json{{"service", "color"},
                                 {"start", "2026-12-02T11:00:00+01:00"},
                                 {"customer_id", appt["customer_id"]}};
  CHECK(has_field(
      expect_problem(node.post(b, "/api/v2/appointments", customer), 422, "invalid_argument"),
      "customer_id"));
}

API_CASE("api appointments - a branch-limited token sees and books only its branches",
         "[appointments][branches]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto nord = node.token("salon-a", "admin", {"nord"});
  auto in_mitte = node.book(a, wed_10, "cut", "anna");
  auto in_nord = node.book(a, wed_10, "cut", "cleo");
  auto list = node.get(nord, "/api/v2/appointments").json()["data"];
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == in_nord["id"]);
  auto hidden = node.get(nord, path_of(in_mitte));
  expect_problem(hidden, 404, "not_found");
  CHECK(hidden.body == node.get(nord, "/api/v2/appointments/99999999").body);
  expect_problem(node.post(nord, path_of(in_mitte, "/cancel"), std::string{"{}"}), 404,
                 "not_found");
  auto elsewhere = node.post(nord, "/api/v2/appointments",
                             nlohmann::json{{"service", "cut"},
                                            {"branch", "mitte"},
                                            {"start", "2026-12-02T12:00:00+01:00"},
                                            {"customer", {{"phone", "+4915112345670"}}}});
  CHECK(has_field(expect_problem(elsewhere, 422, "invalid_argument"), "branch"));
  auto own = node.post(nord, "/api/v2/appointments",
                       nlohmann::json{{"service", "cut"},
                                      {"start", "2026-12-02T12:00:00+01:00"},
                                      {"customer", {{"phone", "+4915112345670"}}}});
  INFO(own.body);
  CHECK(own.status == 201);
  CHECK(own.json()["branch"] == "nord");
}
