// Provider allowlists and trusted proxies (SPEC S11): a webhook from an address outside its
// provider's list is refused with 403 before any handler sees it.
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "tests/integration/http_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>

using namespace askpro;
using askpro::testing::edge_fixture;

namespace {

struct webhook_counts {
  std::atomic<int> retell{0};
  std::atomic<int> stripe{0};
  std::atomic<int> other{0};
};

/// Stand-ins for the providers' routes that count the requests reaching them.
std::shared_ptr<net::http::route_group> webhook_routes(webhook_counts& n) {
  return testing::routes_of([&n](net::http::router& r) {
    auto counter = [](std::atomic<int>& c) {
      return [&c](const httplib::Request&, httplib::Response& res) {
        ++c;
        net::http::respond_json(res, 200, {{"ok", true}});
      };
    };
    r.post("/webhooks/retell", counter(n.retell));
    r.post("/webhooks/retell/functions", counter(n.retell));
    r.post("/webhooks/stripe", counter(n.stripe));
    r.post("/webhooks/retellx", counter(n.other));  // not under /webhooks/retell
  });
}

int post(edge_fixture& f, const std::string& path, const std::string& forwarded = {}) {
  auto client = f.api_client();
  httplib::Headers headers;
  if (!forwarded.empty()) headers.emplace("X-Forwarded-For", forwarded);
  auto res = client.Post(path.c_str(), headers, R"({"event":"call_started"})", "application/json");
  REQUIRE(res);
  if (res->status == 403) CHECK(res->body.find("\"forbidden\"") != std::string::npos);
  return res->status;
}

}  // namespace

TEST_CASE("a provider's allowlist refuses other addresses on every route of that provider",
          "[http][allowlist]") {
  auto s = testing::http_test_settings();
  s.security.retell_allowlist = {"10.0.0.0/8"};
  s.security.stripe_allowlist = {"127.0.0.0/8"};
  edge_fixture f(s);
  webhook_counts n;
  f.start({webhook_routes(n)});

  CHECK(post(f, "/webhooks/retell") == 403);
  CHECK(post(f, "/webhooks/retell/functions") == 403);
  CHECK(n.retell == 0);                                   // refused before any handler ran
  CHECK(post(f, "/webhooks/retell", "10.1.2.3") == 403);  // no trusted proxy: header ignored
  CHECK(post(f, "/webhooks/stripe") == 200);              // 127.0.0.1 is in Stripe's list
  CHECK(post(f, "/webhooks/retellx") == 200);             // another path
  CHECK(n.stripe == 1);
  CHECK(n.other == 1);
}

TEST_CASE("X-Forwarded-For is believed only from trusted proxies", "[http][allowlist]") {
  auto s = testing::http_test_settings();
  s.security.retell_allowlist = {"203.0.113.0/24"};
  s.security.trusted_proxies = {"127.0.0.1/32", "10.0.0.0/8"};
  edge_fixture f(s);
  webhook_counts n;
  f.start({webhook_routes(n)});

  CHECK(post(f, "/webhooks/retell", "203.0.113.9") == 200);
  CHECK(post(f, "/webhooks/retell", "203.0.113.9, 10.0.0.5") == 200);  // two proxies
  CHECK(post(f, "/webhooks/retell", "198.51.100.1") == 403);
  // A client cannot smuggle an allowed address in front of its own: the nearest untrusted
  // hop is the client.
  CHECK(post(f, "/webhooks/retell", "203.0.113.9, 198.51.100.1") == 403);
  CHECK(post(f, "/webhooks/retell", "garbage") == 403);
  CHECK(post(f, "/webhooks/retell") == 403);  // the proxy itself is not the client
  CHECK(n.retell == 2);
}
