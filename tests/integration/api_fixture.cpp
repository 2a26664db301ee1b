#include "tests/integration/api_fixture.hpp"

#include "actors/api/api_service.hpp"
#include "actors/tenant/api_token.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "net/api/api_routes.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/token_repo.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"
#include "tests/integration/http_fixture.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"

#include <date/date.h>
#include <caf/all.hpp>

#include <algorithm>

namespace askpro::test {
namespace {

using persistence::tenant_catalog;

persistence::branch_record branch(const std::string& slug, const std::string& number) {
  persistence::branch_record b;
  b.slug = slug;
  b.name = slug;
  b.time_zone = "Europe/Berlin";
  for (int wd = 0; wd < 6; ++wd) b.hours.push_back({wd, 9 * 60, 18 * 60});
  b.phone_numbers = {number};
  return b;
}

persistence::staff_record staff(const std::string& slug, const std::string& branch,
                                const std::string& service) {
  persistence::staff_record s;
  s.slug = slug;
  s.name = slug;
  s.branch_slug = branch;
  s.service_slugs = {service};
  return s;
}

tenant_catalog tenant(const std::string& slug, const std::string& service, int minutes) {
  tenant_catalog c;
  c.company.slug = slug;
  c.company.name = slug;
  c.company.time_zone = "Europe/Berlin";
  c.company.locale = "de-DE";
  c.company.country = "DE";
  persistence::service_record s;
  s.slug = service;
  s.name = service;
  s.duration_min = minutes;
  c.services.push_back(s);
  return c;
}

tenant_catalog tenant_a() {
  auto c = tenant("salon-a", "cut", 30);
  c.branches = {branch("mitte", "+49301110001"), branch("nord", "+49301110002")};
  c.staff = {staff("anna", "mitte", "cut"), staff("ben", "mitte", "cut"),
             staff("cleo", "nord", "cut")};
  return c;
}

tenant_catalog tenant_b() {
  auto c = tenant("salon-b", "color", 60);
  c.branches = {branch("west", "+49301110003")};
  c.staff = {staff("dora", "west", "color")};
  return c;
}

}  // namespace

std::string api_answer::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string{} : it->second;
}

api_node::api_node(const backend& db)
    : db_(db),
      registry_(std::make_shared<runtime::tree_registry>()),
      clock_(std::make_shared<runtime::manual_clock>(date::sys_days{date::year{2026} / 12 / 1} +
                                                     std::chrono::hours{8})) {
  auto conn = db.migrated();
  auto now = runtime::to_unix_ms(clock_->now());
  expect_ok(persistence::apply_tenant(*conn, tenant_a(), now));
  expect_ok(persistence::apply_tenant(*conn, tenant_b(), now));
  cfg_.add_error_category(error_category(), render_error);
  cfg_.set("scheduler.max-threads", 4);
  sys_ = std::make_unique<caf::actor_system>(cfg_);
  actors::tenant::directory_config dir;
  dir.tenant.registry = registry_;
  dir.tenant.clock = clock_;
  dir.tick_interval = std::chrono::hours{1};
  root_ = runtime::spawn_supervisor(*sys_, actors::tenant::tenancy_root_spec(db.settings(), dir));
  edge_ = std::make_unique<net::edge>(testing::http_test_settings(), *sys_, registry_);
  actors::api::api_deps deps{sys_.get(), registry_, clock_};
  deps.timeout = std::chrono::seconds{20};
  deps.booking_timeout = std::chrono::seconds{25};
  edge_->add_api_routes(net::api::make_api_routes(deps));
  auto ports = edge_->start();
  REQUIRE(ports);
  port_ = ports->api;
}

api_node::~api_node() {
  edge_->stop();
  edge_.reset();
  if (root_) stop_and_wait(*sys_, root_, caf::exit_reason::user_shutdown);
}

void api_node::drop_staff_of_a(const std::string& slug) {
  auto catalog = tenant_a();
  auto& staff = catalog.staff;
  staff.erase(
      std::remove_if(staff.begin(), staff.end(), [&](const auto& s) { return s.slug == slug; }),
      staff.end());
  auto conn = db_.connect();
  expect_ok(persistence::apply_tenant(*conn, catalog, runtime::to_unix_ms(clock_->now())));
  expect_ok(runtime::ask<caf::ok_atom>(*sys_, registry_->actor_at("/directory"),
                                       std::chrono::seconds{20}, actors::tenant::reload_atom::value,
                                       std::string{"salon-a"}));
}

int64_t api_node::company_id(const std::string& tenant) const {
  auto conn = db_.connect();
  auto found = expect_ok(persistence::find_company(*conn, tenant));
  REQUIRE(found);
  return found->id;
}

std::string api_node::token(const std::string& tenant, const std::string& scope,
                            const std::vector<std::string>& branches) {
  auto secret = expect_ok(actors::tenant::make_token());
  auto conn = db_.connect();
  persistence::tenant_scope ts{company_id(tenant)};
  expect_ok(persistence::insert_token(*conn, ts, "test", actors::tenant::token_hash(secret), scope,
                                      branches, runtime::to_unix_ms(clock_->now())));
  return secret;
}

namespace {

httplib::Headers with_token(const std::string& token, httplib::Headers headers) {
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return headers;
}

api_answer answer_of(const httplib::Result& res) {
  REQUIRE(res);
  return {res->status, res->body, res->headers};
}

}  // namespace

api_answer api_node::get(const std::string& token, const std::string& path,
                         const httplib::Headers& headers) const {
  httplib::Client client{"127.0.0.1", port_};
  client.set_read_timeout(60, 0);
  return answer_of(client.Get(path.c_str(), with_token(token, headers)));
}

api_answer api_node::post(const std::string& token, const std::string& path,
                          const std::string& body, const httplib::Headers& headers) const {
  httplib::Client client{"127.0.0.1", port_};
  client.set_read_timeout(60, 0);
  return answer_of(client.Post(path.c_str(), with_token(token, headers), body, "application/json"));
}

nlohmann::json api_node::book(const std::string& token, const std::string& start,
                              const std::string& service, const std::string& staff) {
  nlohmann::json body{
      {"service", service},
      {"start", start},
      {"customer",
       {{"name", "Kunde"}, {"phone", "0151 1234" + std::to_string(5600 + ++customers_)}}}};
  if (!staff.empty()) body["staff"] = staff;
  auto a = post(token, "/api/v2/appointments", body);
  INFO(a.body);
  REQUIRE(a.status == 201);
  return a.json();
}

nlohmann::json expect_problem(const api_answer& a, int status, const std::string& code) {
  INFO(a.body);
  REQUIRE(a.status == status);
  CHECK(a.header("Content-Type") == "application/problem+json");
  auto doc = a.json();
  CHECK(doc["status"] == status);
  CHECK(doc["code"] == code);
  CHECK(doc["type"].get<std::string>().find(code) != std::string::npos);
  CHECK(doc.contains("title"));
  CHECK(doc.contains("detail"));
  return doc;
}

std::vector<std::string> error_fields(const nlohmann::json& problem) {
  std::vector<std::string> out;
  if (problem.contains("errors"))
    for (const auto& e : problem["errors"]) out.push_back(e["field"].get<std::string>());
  return out;
}

}  // namespace askpro::test
