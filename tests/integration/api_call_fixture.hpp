#pragma once
/// Fixture of the tenant API suites for customers, calls, rate limits, gzip and the OpenAPI
/// document: two tenants seeded into SQLite or MariaDB — "salon" (booking_fixture.hpp's
/// scenario, branch "mitte", country DE) and "bistro" (branches "nord" and "sued", country AT) —
/// a runtime with /db, /tenants, /directory on a manual clock, and the edge with the API routes
/// on loopback port 0, rate-limited by an in-process bucket on the same clock, and Stripe's
/// webhook (secret `stripe_secret`).
/// Rows are written straight through the repositories (customers, calls) so tests control ids
/// and times. Thread-safety: use from the test thread; `get` may run on other threads.

#include "net/edge.hpp"
#include "net/http/rate_limit.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "runtime/clock.hpp"
#include "runtime/tree_registry.hpp"
#include "tests/integration/api_case.hpp"
#include "tests/integration/booking_fixture.hpp"

#include <httplib.h>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace askpro::test {

/// The node's Stripe endpoint secret (`stripe.webhook_secret`).
inline constexpr const char* stripe_secret = "whsec_test_node";

/// Builds the API's rate limiter inside a node (its actor system, registry and clock).
using limiter_factory = std::function<std::shared_ptr<net::http::rate_limiter>(
    caf::actor_system&, const runtime::registry_ptr&, const runtime::clock_ptr&)>;

class api_node {
 public:
  explicit api_node(const backend& db, net::http::rate_limit_spec limits = {1000.0, 1000.0});
  /// A node whose limiter comes from `make_limiter`.
  api_node(const backend& db, const limiter_factory& make_limiter);
  ~api_node();

  /// A fresh token of `slug` with `scope` ("admin"/"read") limited to `branches` (none = all).
  std::string token(const std::string& slug, const std::string& scope = "admin",
                    const std::vector<std::string>& branches = {});

  /// The company id of a seeded tenant.
  persistence::tenant_scope scope(const std::string& slug) const;
  /// The id of a branch of a tenant.
  int64_t branch_id(const std::string& slug, const std::string& branch) const;

  /// Stores a customer of `slug` (phone already E.164; may be empty for none).
  persistence::customer_record add_customer(const std::string& slug, const std::string& phone,
                                            const std::string& name);
  /// Stores a call of `slug` created at the clock's now, with transcript and analysis.
  persistence::call_record add_call(const std::string& slug, const std::string& call_id,
                                    std::optional<int64_t> branch = {});

  httplib::Result get(const std::string& path, const std::string& token,
                      httplib::Headers headers = {}) const;
  httplib::Result patch(const std::string& path, const std::string& token,
                        const std::string& body) const;
  /// GET that REQUIREs 200 and yields the parsed body.
  nlohmann::json get_json(const std::string& path, const std::string& token) const;

  /// POSTs `body` to /webhooks/stripe signed at the clock's now (minus `age_s`) with `secrets`
  /// (default: the node's; empty list: no signature header).
  httplib::Result post_stripe(const std::string& body,
                              std::optional<std::vector<std::string>> secrets = std::nullopt,
                              int64_t age_s = 0) const;

  httplib::Client client() const;
  uint16_t port() const { return port_; }
  caf::actor_system& sys() { return *sys_; }
  const runtime::registry_ptr& registry() const { return registry_; }
  runtime::manual_clock& clock() { return *clock_; }

 private:
  const backend& db_;
  caf::actor_system_config cfg_;
  std::unique_ptr<caf::actor_system> sys_;
  runtime::registry_ptr registry_;
  std::shared_ptr<runtime::manual_clock> clock_;
  caf::actor root_;
  std::unique_ptr<net::edge> edge_;
  uint16_t port_ = 0;
};

/// Every `id` of a list page's `data`.
std::vector<int64_t> ids_of(const nlohmann::json& page);

}  // namespace askpro::test
