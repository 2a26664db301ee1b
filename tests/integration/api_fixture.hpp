#pragma once
/// Fixture of the tenant API suites: two tenants applied into a real database (SQLite file or
/// MariaDB scratch database), a runtime with /db, /tenants and /directory on a manual clock, and
/// the HTTP edge with the tenant API on loopback port 0.
///
/// Tenant A "salon-a" (Europe/Berlin, DE): branches "mitte" (anna, ben) and "nord" (cleo), open
/// Mon–Sat 09:00–18:00; service "cut" (30 min). Tenant B "salon-b": branch "west" (dora),
/// service "color" (60 min). now = 2026-12-01T08:00:00Z (Tuesday 09:00 in Berlin).
/// Tokens are created with the real token generator and repository.
/// Thread-safety: use from the test thread; requests may come from any thread.

#include "net/edge.hpp"
#include "runtime/clock.hpp"
#include "runtime/tree_registry.hpp"
#include "tests/integration/api_case.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <httplib.h>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace askpro::test {

/// One answer of the API.
struct api_answer {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& name) const;
};

class api_node {
 public:
  explicit api_node(const backend& db);
  ~api_node();
  api_node(const api_node&) = delete;
  api_node& operator=(const api_node&) = delete;

  /// A new token of `tenant` ("salon-a" / "salon-b") with `scope` and branch limits.
  std::string token(const std::string& tenant, const std::string& scope = "admin",
                    const std::vector<std::string>& branches = {});

  /// `token` empty: no Authorization header.
  api_answer get(const std::string& token, const std::string& path,
                 const httplib::Headers& headers = {}) const;
  api_answer post(const std::string& token, const std::string& path, const std::string& body,
                  const httplib::Headers& headers = {}) const;
  api_answer post(const std::string& token, const std::string& path, const nlohmann::json& body,
                  const httplib::Headers& headers = {}) const {
    return post(token, path, body.dump(), headers);
  }

  /// Books `service` at `start` (ISO) for a customer through the API; REQUIREs 201; the body.
  nlohmann::json book(const std::string& token, const std::string& start,
                      const std::string& service = "cut", const std::string& staff = "");

  /// Re-applies tenant A without staff member `slug` (deactivated when appointments refer to it)
  /// and reloads the tenant.
  void drop_staff_of_a(const std::string& slug);

  int64_t company_id(const std::string& tenant) const;
  runtime::manual_clock& clock() { return *clock_; }
  uint16_t port() const { return port_; }
  const backend& db() const { return db_; }

 private:
  const backend& db_;
  caf::actor_system_config cfg_;
  std::unique_ptr<caf::actor_system> sys_;
  runtime::registry_ptr registry_;
  std::shared_ptr<runtime::manual_clock> clock_;
  caf::actor root_;
  std::unique_ptr<net::edge> edge_;
  uint16_t port_ = 0;
  int customers_ = 0;
};

/// REQUIREs a problem document with `status` and `code`; returns it.
nlohmann::json expect_problem(const api_answer& a, int status, const std::string& code);

/// The `field` names of a problem's `errors`.
std::vector<std::string> error_fields(const nlohmann::json& problem);

}  // namespace askpro::test
