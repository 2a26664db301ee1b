// Tenant API calls on SQLite and MariaDB: newest first in pages stable under inserts, one call
// with transcript and analysis, isolation between tenants and between a token's branches.
#include "tests/integration/api_call_fixture.hpp"

#include <set>

using nlohmann::json;
using namespace askpro::test;
using namespace std::chrono_literals;

API_CASE("api calls: newest first, pages stay complete while calls arrive", "[calls]") {
  api_node node{db};
  std::vector<int64_t> older_first;
  for (int i = 0; i < 5; ++i) {
    older_first.push_back(node.add_call("salon", "call_" + std::to_string(i)).id);
    node.clock().advance(1min);
  }
  auto token = node.token("salon", "read");
  std::vector<int64_t> seen;
  std::string path = "/api/v2/calls?limit=2";
  int64_t newest = 0;
  for (int page = 0; page < 10; ++page) {
    auto doc = node.get_json(path, token);
    for (auto id : ids_of(doc)) seen.push_back(id);
    if (page == 0) newest = node.add_call("salon", "call_new").id;  // newer than the cursor
    if (doc["next_cursor"].is_null()) break;
    path = "/api/v2/calls?limit=2&cursor=" + doc["next_cursor"].get<std::string>();
  }
  CHECK(seen == std::vector<int64_t>(older_first.rbegin(), older_first.rend()));
  CHECK(ids_of(node.get_json("/api/v2/calls?limit=1", token)) == std::vector<int64_t>{newest});
  auto window = node.get_json(
      "/api/v2/calls?from=2026-12-01T08:01:00Z&to=2026-12-01T09:03:00%2B01:00", token);
  CHECK(ids_of(window) == std::vector<int64_t>{older_first[2], older_first[1]});
  auto bad = node.get("/api/v2/calls?from=yesterday", token);
  REQUIRE(bad);
  CHECK(bad->status == 422);
  CHECK(json::parse(bad->body)["errors"][0]["field"] == "from");
  auto list_item = node.get_json("/api/v2/calls?limit=1", token)["data"][0];
  CHECK_FALSE(list_item.contains("transcript"));
}

API_CASE("api calls: one call carries transcript and analysis", "[calls]") {
  api_node node{db};
  auto call = node.add_call("salon", "call_detail");
  auto doc = node.get_json("/api/v2/calls/" + std::to_string(call.id), node.token("salon", "read"));
  CHECK(doc["call_id"] == "call_detail");
  CHECK(doc["status"] == "ended");
  CHECK(doc["transcript"] == "Agent: Hallo\nUser: Einen Termin bitte");
  CHECK(doc["transcript_object"][0]["role"] == "agent");
  CHECK(doc["analysis"]["user_sentiment"] == "Positive");
  CHECK(doc["created_at"] == "2026-12-01T08:00:00Z");
}

API_CASE("api calls: other tenants and other branches see nothing", "[calls]") {
  api_node node{db};
  auto salon_call = node.add_call("salon", "call_salon");
  auto nord = node.add_call("bistro", "call_nord", node.branch_id("bistro", "nord"));
  auto sued = node.add_call("bistro", "call_sued", node.branch_id("bistro", "sued"));
  auto loose = node.add_call("bistro", "call_loose");  // not tied to a branch yet
  auto bistro = node.token("bistro", "read");
  auto missing = node.get("/api/v2/calls/99999999", bistro);
  auto foreign = node.get("/api/v2/calls/" + std::to_string(salon_call.id), bistro);
  REQUIRE(foreign);
  CHECK(foreign->status == 404);
  CHECK(foreign->body == missing->body);
  auto all = ids_of(node.get_json("/api/v2/calls", bistro));
  CHECK(std::set<int64_t>(all.begin(), all.end()) == std::set<int64_t>{nord.id, sued.id, loose.id});
  auto nord_only = node.token("bistro", "read", {"nord"});
  CHECK(ids_of(node.get_json("/api/v2/calls", nord_only)) == std::vector<int64_t>{nord.id});
  CHECK(node.get("/api/v2/calls/" + std::to_string(nord.id), nord_only)->status == 200);
  for (auto id : {sued.id, loose.id, salon_call.id}) {
    auto hidden = node.get("/api/v2/calls/" + std::to_string(id), nord_only);
    CHECK(hidden->status == 404);
    CHECK(hidden->body == missing->body);
  }
  auto salon = ids_of(node.get_json("/api/v2/calls", node.token("salon")));
  CHECK(salon == std::vector<int64_t>{salon_call.id});
}
