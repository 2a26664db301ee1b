#include "tests/bench/bench_api_node.hpp"

#include "actors/tenant/api_token.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "net/api/api_routes.hpp"
#include "net/edge.hpp"
#include "persistence/repo/token_repo.hpp"
#include "runtime/supervisor.hpp"

#include <caf/all.hpp>

#include <algorithm>

namespace askpro::bench {

Result<std::string> admin_token(persistence::connection& conn, persistence::tenant_scope scope,
                                runtime::clock::time_point now) {
  auto secret = actors::tenant::make_token();
  if (!secret) return secret;
  auto stored = persistence::insert_token(conn, scope, "bench", actors::tenant::token_hash(*secret),
                                          "admin", {}, runtime::to_unix_ms(now));
  if (!stored) return std::move(stored.error());
  return secret;
}

struct api_node::parts {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  caf::actor root;
  std::unique_ptr<net::edge> edge;
};

api_node::api_node(const config::storage_settings& storage, runtime::clock::time_point now,
                   int threads)
    : parts_(std::make_unique<parts>()) {
  auto& p = *parts_;
  p.cfg.add_error_category(error_category(), render_error);
  p.sys = std::make_unique<caf::actor_system>(p.cfg);
  auto reg = std::make_shared<runtime::tree_registry>();
  auto clk = std::make_shared<runtime::manual_clock>(now);
  actors::tenant::directory_config dir;
  dir.tenant.registry = reg;
  dir.tenant.clock = clk;
  p.root = runtime::spawn_supervisor(*p.sys, actors::tenant::tenancy_root_spec(storage, dir));
  config::settings settings;
  settings.http.listen = {"127.0.0.1", 0};
  settings.ops.listen = {"127.0.0.1", 0};
  settings.http.threads = threads;
  p.edge = std::make_unique<net::edge>(settings, *p.sys, reg);
  p.edge->add_api_routes(net::api::make_api_routes({p.sys.get(), reg, clk}));
  if (auto ports = p.edge->start()) port_ = ports->api;
}

api_node::~api_node() {
  auto& p = *parts_;
  p.edge->stop();
  caf::scoped_actor self{*p.sys};
  self->send_exit(p.root, caf::exit_reason::user_shutdown);
  self->wait_for(p.root);
}

}  // namespace askpro::bench
