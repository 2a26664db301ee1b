// Tenant API: authentication (401/403, last use recorded), catalog routes, tenant isolation of
// the catalog and branch-limited tokens.
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/token_repo.hpp"
#include "tests/integration/api_fixture.hpp"

#include <algorithm>

using namespace askpro;
using namespace askpro::test;

namespace {

std::vector<std::string> slugs(const api_answer& a) {
  INFO(a.body);
  REQUIRE(a.status == 200);
  std::vector<std::string> out;
  auto doc = a.json();  // the range must outlive the loop
  for (const auto& item : doc["data"]) out.push_back(item["slug"].get<std::string>());
  return out;
}

int64_t id_of(api_node& node, const std::string& token, const std::string& path,
              const std::string& slug) {
  auto a = node.get(token, path + "/" + slug);
  INFO(a.body);
  REQUIRE(a.status == 200);
  return a.json()["id"].get<int64_t>();
}

}  // namespace

API_CASE("api auth - missing or unknown token is 401, a read token writing is 403", "[auth]") {
  api_node node{db};
  auto none = node.get("", "/api/v2/branches");
  expect_problem(none, 401, "unauthorized");
  CHECK(none.header("WWW-Authenticate") == "Bearer");
  expect_problem(node.get("apk_not_a_token", "/api/v2/branches"), 401, "unauthorized");
  expect_problem(node.get("", "/api/v2/branches", {{"Authorization", "Basic eDp5"}}), 401,
                 "unauthorized");

  auto reader = node.token("salon-a", "read");
  CHECK(node.get(reader, "/api/v2/branches").status == 200);
  expect_problem(node.post(reader, "/api/v2/appointments", nlohmann::json::object()), 403,
                 "forbidden");
  expect_problem(node.post(reader, "/api/v2/appointments/1/cancel", std::string{"{}"}), 403,
                 "forbidden");
  expect_problem(node.post(reader, "/api/v2/appointments/1/reschedule", std::string{"{}"}), 403,
                 "forbidden");

  auto conn = db.connect();
  auto rs =
      expect_ok(conn->query("SELECT COUNT(*) AS n FROM api_tokens WHERE last_used_at IS NOT NULL"));
  CHECK(expect_ok(rs[0].get<int64_t>("n")) == 1);
}

API_CASE("api auth - a token of a tenant that is not active is 401 like an unknown one", "[auth]") {
  api_node node{db};
  auto a = node.token("salon-a", "read");
  auto b = node.token("salon-b", "read");
  REQUIRE(node.get(a, "/api/v2/branches").status == 200);
  {
    auto conn = db.connect();
    expect_ok(persistence::set_company_status(
        *conn, persistence::tenant_scope{node.company_id("salon-a")}, "suspended"));
  }
  auto refused = node.get(a, "/api/v2/branches");
  auto unknown = node.get("apk_not_a_token", "/api/v2/branches");
  expect_problem(refused, 401, "unauthorized");
  CHECK(refused.header("WWW-Authenticate") == "Bearer");
  CHECK(refused.json().dump() == unknown.json().dump());
  CHECK(node.get(b, "/api/v2/branches").status == 200);  // the other tenant is unaffected
  {
    auto conn = db.connect();
    expect_ok(persistence::set_company_status(
        *conn, persistence::tenant_scope{node.company_id("salon-a")}, "active"));
  }
  CHECK(node.get(a, "/api/v2/branches").status == 200);
}

API_CASE("api catalog - branches, services and staff by list, id and slug", "[catalog]") {
  api_node node{db};
  auto a = node.token("salon-a");
  CHECK(slugs(node.get(a, "/api/v2/branches")) == std::vector<std::string>{"mitte", "nord"});
  CHECK(slugs(node.get(a, "/api/v2/services")) == std::vector<std::string>{"cut"});
  CHECK(slugs(node.get(a, "/api/v2/staff")) == std::vector<std::string>{"anna", "ben", "cleo"});

  auto mitte = node.get(a, "/api/v2/branches/mitte").json();
  CHECK(mitte["timezone"] == "Europe/Berlin");
  CHECK(mitte["hours"]["mon"] == nlohmann::json::parse(R"([["09:00","18:00"]])"));
  CHECK(mitte["hours"]["sun"].empty());
  auto by_id = node.get(a, "/api/v2/branches/" + std::to_string(mitte["id"].get<int64_t>()));
  CHECK(by_id.json() == mitte);
  auto cleo = node.get(a, "/api/v2/staff/cleo").json();
  CHECK(cleo["branch"] == "nord");
  CHECK(cleo["services"] == nlohmann::json::array({"cut"}));
  auto cut = node.get(a, "/api/v2/services/cut").json();
  CHECK(cut["duration_min"] == 30);
  CHECK_FALSE(mitte.contains("retell_api_key"));

  auto page = node.get(a, "/api/v2/staff?limit=2").json();
  REQUIRE(page["data"].size() == 2);
  REQUIRE(page["next_cursor"].is_string());
  auto rest = node.get(a, "/api/v2/staff?limit=2&cursor=" + page["next_cursor"].get<std::string>());
  CHECK(slugs(rest) == std::vector<std::string>{"cleo"});
  CHECK(rest.json()["next_cursor"].is_null());
}

API_CASE("api catalog isolation - another tenant's ids answer 404 exactly like missing ones",
         "[catalog][isolation]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto b = node.token("salon-b");
  CHECK(slugs(node.get(b, "/api/v2/branches")) == std::vector<std::string>{"west"});
  CHECK(slugs(node.get(b, "/api/v2/services")) == std::vector<std::string>{"color"});
  CHECK(slugs(node.get(b, "/api/v2/staff")) == std::vector<std::string>{"dora"});
  struct target {
    const char* path;
    const char* slug;
  };
  for (auto t : {target{"/api/v2/branches", "mitte"}, target{"/api/v2/services", "cut"},
                 target{"/api/v2/staff", "anna"}}) {
    auto id = id_of(node, a, t.path, t.slug);
    auto foreign = node.get(b, std::string{t.path} + "/" + std::to_string(id));
    auto foreign_slug = node.get(b, std::string{t.path} + "/" + t.slug);
    auto missing = node.get(b, std::string{t.path} + "/99999999");
    auto missing_slug = node.get(b, std::string{t.path} + "/no-such-slug");
    expect_problem(foreign, 404, "not_found");
    CHECK(foreign.body == missing.body);
    CHECK(foreign_slug.body == missing_slug.body);
    CHECK(foreign.body == missing_slug.body);
  }
}

API_CASE("api branch-limited token - sees only its branches and their staff",
         "[catalog][branches]") {
  api_node node{db};
  auto all = node.token("salon-a");
  auto nord = node.token("salon-a", "read", {"nord"});
  CHECK(slugs(node.get(nord, "/api/v2/branches")) == std::vector<std::string>{"nord"});
  CHECK(slugs(node.get(nord, "/api/v2/staff")) == std::vector<std::string>{"cleo"});
  CHECK(slugs(node.get(nord, "/api/v2/services")) == std::vector<std::string>{"cut"});
  auto mitte_id = id_of(node, all, "/api/v2/branches", "mitte");
  auto hidden = node.get(nord, "/api/v2/branches/" + std::to_string(mitte_id));
  expect_problem(hidden, 404, "not_found");
  CHECK(hidden.body == node.get(nord, "/api/v2/branches/99999999").body);
  expect_problem(node.get(nord, "/api/v2/staff/anna"), 404, "not_found");
}
