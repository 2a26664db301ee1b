#include "tests/integration/api_call_fixture.hpp"

#include "actors/api/api_service.hpp"
#include "actors/tenant/api_token.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "net/api/api_routes.hpp"
#include "net/stripe/webhook_routes.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/token_repo.hpp"
#include "runtime/supervisor.hpp"
#include "tests/fakes/stripe_client.hpp"
#include "tests/integration/http_fixture.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"

#include <caf/all.hpp>

namespace askpro::test {
namespace {

/// The second tenant: two branches in Vienna, one service, one staff member per branch.
persistence::tenant_catalog bistro_catalog() {
  persistence::tenant_catalog c;
  c.company.slug = "bistro";
  c.company.name = "Bistro Test";
  c.company.time_zone = "Europe/Vienna";
  c.company.locale = "de-AT";
  c.company.country = "AT";
  for (auto [slug, number] : {std::pair{"nord", "+4311110000"}, std::pair{"sued", "+4312220000"}}) {
    persistence::branch_record b;
    b.slug = slug;
    b.name = slug;
    b.time_zone = "Europe/Vienna";
    for (int wd = 0; wd < 5; ++wd) b.hours.push_back({wd, 10 * 60, 16 * 60});
    b.phone_numbers = {number};
    c.branches.push_back(b);
  }
  persistence::service_record s;
  s.slug = "table";
  s.name = "Tisch";
  c.services.push_back(s);
  for (auto [who, branch] : {std::pair{"carla", "nord"}, std::pair{"dora", "sued"}}) {
    persistence::staff_record st;
    st.slug = who;
    st.name = who;
    st.branch_slug = branch;
    st.service_slugs = {"table"};
    c.staff.push_back(st);
  }
  return c;
}

}  // namespace

api_node::api_node(const backend& db, net::http::rate_limit_spec limits)
    : api_node(db, [limits](caf::actor_system&, const runtime::registry_ptr&,
                            const runtime::clock_ptr& clock) {
        return std::make_shared<net::http::local_rate_limiter>(limits, clock);
      }) {}

api_node::api_node(const backend& db, const limiter_factory& make_limiter)
    : db_(db),
      registry_(std::make_shared<runtime::tree_registry>()),
      clock_(std::make_shared<runtime::manual_clock>(scenario_now())) {
  seed_salon(db);
  {
    auto conn = db.connect();
    expect_ok(
        persistence::apply_tenant(*conn, bistro_catalog(), runtime::to_unix_ms(scenario_now())));
  }
  cfg_.add_error_category(error_category(), render_error);
  cfg_.set("scheduler.max-threads", 4);
  sys_ = std::make_unique<caf::actor_system>(cfg_);
  actors::tenant::directory_config dir;
  dir.tenant.registry = registry_;
  dir.tenant.clock = clock_;
  dir.tick_interval = std::chrono::hours{1};
  root_ = runtime::spawn_supervisor(*sys_, actors::tenant::tenancy_root_spec(db.settings(), dir));
  auto settings = testing::http_test_settings();
  settings.http.threads = 72;
  edge_ = std::make_unique<net::edge>(settings, *sys_, registry_);
  actors::api::api_deps deps{sys_.get(), registry_, clock_};
  deps.timeout = std::chrono::seconds{20};
  net::api::api_options options;
  options.limiter = make_limiter(*sys_, registry_, clock_);
  edge_->add_api_routes(net::api::make_api_routes(deps, options));
  edge_->add_api_routes(net::stripe::make_webhook_routes(
      {sys_.get(), registry_, clock_, std::chrono::seconds{20}, {}}, stripe_secret));
  auto ports = edge_->start();
  REQUIRE(ports);
  port_ = ports->api;
}

api_node::~api_node() {
  edge_->stop();
  edge_.reset();
  if (root_) stop_and_wait(*sys_, root_, caf::exit_reason::user_shutdown);
}

persistence::tenant_scope api_node::scope(const std::string& slug) const {
  auto conn = db_.connect();
  auto company = expect_ok(persistence::find_company(*conn, slug));
  REQUIRE(company);
  return persistence::tenant_scope{company->id};
}

int64_t api_node::branch_id(const std::string& slug, const std::string& branch) const {
  auto conn = db_.connect();
  auto catalog = expect_ok(persistence::load_catalog(*conn, scope(slug)));
  for (const auto& b : catalog.branches)
    if (b.slug == branch) return b.id;
  FAIL("no branch " << branch);
  return 0;
}

std::string api_node::token(const std::string& slug, const std::string& scope_name,
                            const std::vector<std::string>& branches) {
  auto secret = expect_ok(actors::tenant::make_token());
  auto conn = db_.connect();
  expect_ok(persistence::insert_token(*conn, scope(slug), "test",
                                      actors::tenant::token_hash(secret), scope_name, branches,
                                      runtime::to_unix_ms(clock_->now())));
  return secret;
}

persistence::customer_record api_node::add_customer(const std::string& slug,
                                                    const std::string& phone,
                                                    const std::string& name) {
  auto conn = db_.connect();
  return expect_ok(persistence::find_or_create_customer(*conn, scope(slug), phone, name,
                                                        runtime::to_unix_ms(clock_->now())));
}

persistence::call_record api_node::add_call(const std::string& slug, const std::string& call_id,
                                            std::optional<int64_t> branch) {
  auto conn = db_.connect();
  auto now = runtime::to_unix_ms(clock_->now());
  persistence::call_opening open;
  open.retell_call_id = call_id;
  open.branch_id = branch;
  open.agent_id = "agent";
  open.from_number = "+4915112345678";
  expect_ok(persistence::open_call(*conn, scope(slug), open, now));
  persistence::call_update up;
  up.status = "ended";
  up.transcript = "Agent: Hallo\nUser: Einen Termin bitte";
  up.transcript_object = R"([{"role":"agent","content":"Hallo"}])";
  up.analysis = R"({"call_summary":"booked","user_sentiment":"Positive"})";
  up.summary = "booked";
  return expect_ok(persistence::update_call(*conn, scope(slug), call_id, up, now));
}

httplib::Client api_node::client() const {
  httplib::Client c{"127.0.0.1", port_};
  c.set_read_timeout(std::chrono::seconds{30});
  return c;
}

httplib::Result api_node::get(const std::string& path, const std::string& token,
                              httplib::Headers headers) const {
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return client().Get(path.c_str(), headers);
}

httplib::Result api_node::patch(const std::string& path, const std::string& token,
                                const std::string& body) const {
  httplib::Headers headers{{"Authorization", "Bearer " + token}};
  return client().Patch(path.c_str(), headers, body, "application/json");
}

nlohmann::json api_node::get_json(const std::string& path, const std::string& token) const {
  auto res = get(path, token);
  REQUIRE(res);
  INFO(path << " -> " << res->status << " " << res->body);
  REQUIRE(res->status == 200);
  return nlohmann::json::parse(res->body);
}

std::vector<int64_t> ids_of(const nlohmann::json& page) {
  std::vector<int64_t> out;
  for (const auto& item : page.at("data")) out.push_back(item.at("id").get<int64_t>());
  return out;
}

httplib::Result api_node::post_stripe(const std::string& body,
                                      std::optional<std::vector<std::string>> secrets,
                                      int64_t age_s) const {
  auto keys = secrets.value_or(std::vector<std::string>{stripe_secret});
  httplib::Headers headers;
  auto now_s = runtime::to_unix_ms(clock_->now()) / 1000 - age_s;
  if (!keys.empty())
    headers.emplace("Stripe-Signature", fakes::stripe_signature(keys, body, now_s));
  return client().Post("/webhooks/stripe", headers, body, "application/json");
}

}  // namespace askpro::test
