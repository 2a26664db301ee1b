#include "tests/integration/voice_fixture.hpp"

#include "actors/notify/delivery.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "net/calcom/webhook_routes.hpp"
#include "net/notify/senders.hpp"
#include "net/ops/job_routes.hpp"
#include "net/retell/routes.hpp"
#include "net/stripe/webhook_routes.hpp"
#include "persistence/db_actor.hpp"
#include "runtime/supervisor.hpp"
#include "tests/integration/http_fixture.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"

#include <caf/all.hpp>

namespace askpro::test {

void seed_voice_salon(const backend& db) {
  seed_salon(db);
  auto conn = db.connect();
  expect_ok(conn->execute("UPDATE companies SET retell_api_key = ? WHERE slug = 'salon'",
                          {std::string{salon_key}}));
}

void post_event(voice_node& n, const std::string& name, const std::string& call_id,
                const nlohmann::json& extra) {
  auto res = n.post("/webhooks/retell",
                    fakes::retell_client::event(name, call_id, caller_number, salon_number, extra));
  REQUIRE(res);
  INFO(name << ": " << res->body);
  REQUIRE(res->status == 204);
}

int64_t count_rows(const backend& db, const std::string& table) {
  auto conn = db.connect();
  auto rs = expect_ok(conn->query("SELECT COUNT(*) AS n FROM " + table));
  return expect_ok(rs[0].get<int64_t>("n"));
}

voice_node::voice_node(const backend& db, voice_node_options options)
    : registry_(std::make_shared<runtime::tree_registry>()),
      clock_(std::make_shared<runtime::manual_clock>(scenario_now())) {
  if (options.seed)
    options.seed(db);
  else
    seed_voice_salon(db);
  cfg_.add_error_category(error_category(), render_error);
  cfg_.set("scheduler.max-threads", 4);
  sys_ = std::make_unique<caf::actor_system>(cfg_);
  actors::tenant::directory_config dir;
  dir.tenant.registry = registry_;
  dir.tenant.clock = clock_;
  if (options.remote) dir.tenant.remote = options.remote(*sys_, registry_);
  dir.tick_interval = std::chrono::hours{1};
  std::vector<runtime::child_spec> delivery;
  if (options.delivery) {
    auto parts = actors::notify::make_delivery(*options.delivery,
                                               net::notify::make_senders(options.delivery->notify),
                                               options.node_id, registry_, clock_);
    dir.tenant.notify = parts.policy;
    delivery = std::move(parts.children);
  }
  auto root = actors::tenant::tenancy_root_spec(db.settings(), dir);
  for (auto& child : delivery) root.children.push_back(std::move(child));
  root_ = runtime::spawn_supervisor(*sys_, std::move(root));
  auto settings = testing::http_test_settings();
  settings.http.threads = 48;
  edge_ = std::make_unique<net::edge>(settings, *sys_, registry_);
  actors::call::voice_deps deps{sys_.get(), registry_, clock_};
  deps.timeout = std::chrono::seconds{20};
  deps.function_timeout = std::chrono::seconds{30};
  deps.booking_timeout = std::chrono::seconds{25};
  deps.grace = std::chrono::milliseconds{200};
  edge_->add_api_routes(net::retell::make_routes(deps));
  edge_->add_ops_routes(std::make_shared<net::ops::job_routes>(
      actors::jobs::admin_deps{sys_.get(), registry_, clock_, std::chrono::seconds{10}}));
  if (options.calcom_webhooks)
    edge_->add_api_routes(net::calcom::make_webhook_routes({sys_.get(), registry_, clock_}));
  if (!options.stripe_secret.empty())
    edge_->add_api_routes(net::stripe::make_webhook_routes(
        {sys_.get(), registry_, clock_, std::chrono::seconds{20}, {}}, options.stripe_secret));
  auto ports = edge_->start();
  REQUIRE(ports);
  port_ = ports->api;
  ops_port_ = ports->ops;
}

voice_node::~voice_node() {
  edge_->stop();
  edge_.reset();
  if (root_) stop_and_wait(*sys_, root_, caf::exit_reason::user_shutdown);
}

fakes::retell_client voice_node::client(const std::string& key) const {
  return fakes::retell_client{"127.0.0.1", port_, key};
}

int64_t voice_node::now_ms() const {
  return runtime::to_unix_ms(clock_->now());
}

httplib::Result voice_node::post_raw(const std::string& path, const std::string& body,
                                     const httplib::Headers& headers) const {
  httplib::Client c{"127.0.0.1", port_};
  c.set_read_timeout(std::chrono::seconds{60});
  return c.Post(path.c_str(), headers, body, "application/json");
}

httplib::Result voice_node::post(const std::string& path, const nlohmann::json& body) const {
  return client().post(path, body.dump(), now_ms());
}

nlohmann::json voice_node::call(const std::string& name, const nlohmann::json& args,
                                const std::string& call_id, const std::string& from) const {
  auto res = post("/webhooks/retell/functions",
                  fakes::retell_client::function(name, args, call_id, from, salon_number));
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return nlohmann::json::parse(res->body);
}

}  // namespace askpro::test
