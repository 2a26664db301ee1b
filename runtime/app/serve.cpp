#include "net/api/api_routes.hpp"
#include "net/calcom/webhook_routes.hpp"
#include "net/edge.hpp"
#include "net/http/rate_limit_redis.hpp"
#include "net/ops/eval_routes.hpp"
#include "net/ops/job_routes.hpp"
#include "net/retell/replay_decoder.hpp"
#include "net/retell/routes.hpp"
#include "net/stripe/webhook_routes.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/app/data_keys.hpp"
#include "runtime/app/node.hpp"
#include "runtime/app/shell/rt_module.hpp"
#include "runtime/log.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <iostream>

namespace askpro::app {
namespace {

/// Blocks SIGINT/SIGTERM in every thread created from now on, so `wait_for_signal` receives them.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

int wait_for_signal(const sigset_t& set) {
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

actors::billing::stripe_deps stripe_deps_of(node& n) {
  actors::billing::stripe_deps deps{&n.system(), n.registry(), n.clock()};
  deps.decode = net::stripe::decode_stored;
  return deps;
}

/// Inbound webhooks stored but not yet applied when the last run stopped are applied now.
void replay_inboxes(node& n) {
  actors::call::voice_deps voice{&n.system(), n.registry(), n.clock()};
  if (auto replayed = actors::call::replay_pending(voice, net::retell::replay_decoder()); !replayed)
    spdlog::warn("inbox replay failed: {}", describe(replayed.error()));
  actors::calendar::event_deps calendar_events{&n.system(), n.registry(), n.clock()};
  if (auto replayed =
          actors::calendar::replay_external_events(calendar_events, net::calcom::decode_stored);
      !replayed)
    spdlog::warn("Cal.com inbox replay failed: {}", describe(replayed.error()));
  if (auto replayed = actors::billing::replay_stripe_events(stripe_deps_of(n)); !replayed)
    spdlog::warn("Stripe inbox replay failed: {}", describe(replayed.error()));
}

/// The API's routes: Retell, Cal.com webhooks, the tenant API (per-token buckets, shared
/// through /redis when configured).
void mount_api(net::edge& edge, node& n, const config::settings& settings) {
  edge.add_api_routes(net::retell::make_routes({&n.system(), n.registry(), n.clock()}));
  edge.add_api_routes(net::calcom::make_webhook_routes({&n.system(), n.registry(), n.clock()}));
  edge.add_api_routes(net::stripe::make_webhook_routes(stripe_deps_of(n),
                                                       settings.providers.stripe_webhook_secret));
  net::api::api_options api_options;
  net::http::rate_limit_spec limits{settings.api.rate_per_s, settings.api.rate_burst};
  api_options.limiter = net::http::make_rate_limiter(limits, n.clock(), settings.redis.enabled(),
                                                     n.system(), n.registry());
  edge.add_api_routes(
      net::api::make_api_routes({&n.system(), n.registry(), n.clock()}, api_options));
}

/// The ops routes beyond the tree and metrics: the shell's eval (its `rt` module reaches the API
/// on `api_port`, known once the edge listens) and the job queue.
void mount_ops(net::edge& edge, node& n, const config::settings& settings,
               const std::shared_ptr<std::atomic<uint16_t>>& api_port) {
  rt_env shell_env{&n.system(), n.registry(), n.clock()};
  const auto& host = settings.http.listen.host;  // a wildcard is reached on loopback
  const auto reach = host == "0.0.0.0" || host == "::" || host.empty() ? "127.0.0.1" : host;
  shell_env.api_url = [api_port, reach]() -> Result<std::string> {
    return "http://" + reach + ":" + std::to_string(api_port->load());
  };
  edge.add_ops_routes(net::ops::make_eval_routes([shell_env](const std::string& code) {
    runtime::lua::lua_engine engine;  // fresh per eval: nothing leaks from one script to the next
    open_rt(engine, shell_env);
    return engine.run(code, "=eval");
  }));
  edge.add_ops_routes(std::make_shared<net::ops::job_routes>(actors::jobs::admin_deps{
      &n.system(), n.registry(), n.clock(), settings.runtime.ask_timeout}));
}

}  // namespace

int cmd_serve(const config::settings& plain_settings) {
  auto signals = block_stop_signals();
  auto ready = ready_storage(plain_settings);
  if (!ready) {
    std::cerr << "askpro: " << describe(ready.error()) << "\n";
    return code_of(ready.error()) == errc::config ? 2 : 1;
  }
  const auto& settings = *ready;
  node n{settings};
  if (auto started = n.start(); !started) {
    std::cerr << "askpro: cannot start: " << describe(started.error()) << "\n";
    return 1;
  }
  net::edge edge{settings, n.system(), n.registry()};
  replay_inboxes(n);
  mount_api(edge, n, settings);
  auto api_port = std::make_shared<std::atomic<uint16_t>>(0);
  mount_ops(edge, n, settings, api_port);
  auto up = edge.start();
  if (!up) {
    std::cerr << "askpro: cannot listen: " << describe(up.error()) << "\n";
    return 1;
  }
  api_port->store(up->api);
  auto api = config::listen_address{settings.http.listen.host, up->api}.to_string();
  auto ops = config::listen_address{settings.ops.listen.host, up->ops}.to_string();
  std::cout << "askpro: API listening on http://" << api << "\n"
            << "askpro: ops listening on http://" << ops << "/ops/actors\n"
            << "askpro: ops console on http://" << ops << "/ops/console\n"
            << std::flush;
  spdlog::info("serving; API {} ops {}", api, ops);
  int sig = wait_for_signal(signals);
  spdlog::info("signal {} received; draining", sig);
  edge.stop();
  n.stop(settings.runtime.shutdown_timeout);
  spdlog::info("stopped");
  return 0;
}

}  // namespace askpro::app
