// The MCP server (POST /mcp) spoken as raw JSON-RPC over real HTTP, on SQLite and MariaDB:
// initialize and its revisions, sessions, tools/list from the function table, tools/call
// booking once per session, protocol faults with their codes, tokens and tenant isolation.
#include "tests/fakes/mcp_client.hpp"
#include "tests/integration/api_fixture.hpp"

using namespace askpro;
using namespace askpro::test;
using fakes::mcp_answer;
using fakes::mcp_client;
using nlohmann::json;

namespace {

const json wed_10{{"date", "2026-12-02"}, {"time", "10:00"}};

json with(json args, const json& more) {
  for (const auto& [k, v] : more.items()) args[k] = v;
  return args;
}

}  // namespace

API_CASE("initialize negotiates the revision and issues a session", "[mcp]") {
  api_node node{db};
  auto token = node.token("salon-b");
  for (const auto& [asked, given] :
       std::vector<std::pair<std::string, std::string>>{{"2025-11-25", "2025-11-25"},
                                                        {"2025-06-18", "2025-06-18"},
                                                        {"2025-03-26", "2025-03-26"},
                                                        {"2024-01-01", "2025-11-25"}}) {
    mcp_client c{node.port(), token};
    auto init = c.initialize(asked);
    INFO(init.body);
    REQUIRE(init.status == 200);
    CHECK(init.json()["result"]["protocolVersion"] == given);
    CHECK(init.json()["result"]["capabilities"].contains("tools"));
    CHECK(init.json()["result"]["serverInfo"]["name"] == "askpro");
    CHECK(c.session().size() == 32);
    auto note = c.notify("notifications/initialized");
    CHECK(note.status == 202);
    CHECK(note.body.empty());
  }
}

API_CASE("tools/list is the function table with JSON Schemas", "[mcp]") {
  api_node node{db};
  mcp_client c{node.port(), node.token("salon-b", "read")};
  REQUIRE(c.initialize().status == 200);
  auto list = c.rpc("tools/list");
  INFO(list.body);
  REQUIRE(list.status == 200);
  std::map<std::string, json> tools;
  const auto doc = list.json();
  for (const auto& t : doc["result"]["tools"]) tools[t["name"].get<std::string>()] = t;
  for (const char* name :
       {"check_availability", "find_next_available", "book_appointment", "cancel_appointment",
        "reschedule_appointment", "query_appointment", "list_services", "get_opening_hours",
        "request_callback", "get_current_context", "parse_date"}) {
    INFO(name);
    REQUIRE(tools.count(name) == 1);
    CHECK(tools[name]["inputSchema"]["type"] == "object");
    CHECK_FALSE(tools[name]["description"].get<std::string>().empty());
  }
  const auto& book = tools["book_appointment"]["inputSchema"];
  CHECK(book["properties"]["phone"]["type"] == "string");
  CHECK(book["properties"].contains("branch"));
  CHECK(book["required"] == json::array({"date", "time", "phone"}));
  CHECK(tools["check_availability"]["annotations"]["readOnlyHint"] == true);
  CHECK(tools["book_appointment"]["annotations"]["readOnlyHint"] == false);
}

API_CASE("tools/call books once per session and answers for the caller", "[mcp]") {
  api_node node{db};
  mcp_client c{node.port(), node.token("salon-b")};
  REQUIRE(c.initialize().status == 200);
  auto free = c.tool("check_availability", wed_10);
  INFO(free.dump());
  CHECK(free["isError"] == false);
  CHECK(free["content"][0]["type"] == "text");
  CHECK(free["structuredContent"]["available"] == true);
  const json args = with(wed_10, {{"phone", "+4915112345678"}, {"name", "Erika Muster"}});
  auto booked = c.tool("book_appointment", args);
  INFO(booked.dump());
  REQUIRE(booked["isError"] == false);
  const auto id = booked["structuredContent"]["appointment_id"];
  CHECK(c.tool("book_appointment", args)["structuredContent"]["appointment_id"] == id);
  auto mine = c.tool("query_appointment", {{"phone", "+4915112345678"}});
  REQUIRE(mine["structuredContent"]["appointments"].size() == 1);
  auto other = c.tool("query_appointment", {{"phone", "+4915199999999"}});
  CHECK(other["structuredContent"]["appointments"].empty());  // another caller's view
  auto taken = c.tool("book_appointment", with(args, {{"phone", "+4915199999999"}}));
  CHECK(taken["isError"] == true);
  CHECK(taken["structuredContent"]["error"]["code"] == "slot_taken");
  auto listed = node.get(node.token("salon-b"), "/api/v2/appointments");
  CHECK(listed.json()["data"].size() == 1);
}

API_CASE("protocol faults answer their JSON-RPC codes", "[mcp]") {
  api_node node{db};
  auto token = node.token("salon-b");
  mcp_client c{node.port(), token};
  REQUIRE(c.initialize("2025-06-18").status == 200);
  auto code = [](const mcp_answer& a) { return a.json()["error"]["code"].get<int>(); };
  CHECK(code(c.rpc("resources/list")) == -32601);
  CHECK(code(c.rpc("tools/call", {{"name", "no_such_tool"}})) == -32602);
  CHECK(code(c.rpc("tools/call", {{"arguments", json::object()}})) == -32602);
  CHECK(code(c.rpc("tools/call", {{"name", "parse_date"}, {"arguments", "x"}})) == -32602);
  auto missing = c.tool("book_appointment", wed_10);  // no phone: the agent can correct itself
  CHECK(missing["isError"] == true);
  CHECK(missing["structuredContent"]["error"]["code"] == "invalid_argument");
  auto malformed = c.raw("{\"jsonrpc\":\"2.0\",");
  CHECK(malformed.status == 400);
  CHECK(code(malformed) == -32700);
  auto wrong = c.raw(R"({"jsonrpc":"1.0","id":1,"method":"ping"})");
  CHECK(wrong.status == 400);
  CHECK(code(wrong) == -32600);
  auto batch = c.raw(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])");
  CHECK(batch.status == 400);  // batches left the protocol after 2025-03-26
  CHECK(
      c.raw(R"({"jsonrpc":"2.0","id":1,"method":"ping"})", {{"MCP-Protocol-Version", "1999-01-01"}})
          .status == 400);
  CHECK(c.rpc("ping").json()["result"] == json::object());
}

API_CASE("sessions are required, bound to their token and end with DELETE", "[mcp]") {
  api_node node{db};
  auto token = node.token("salon-b");
  mcp_client c{node.port(), token};
  REQUIRE(c.initialize().status == 200);
  mcp_client no_session{node.port(), token};
  CHECK(no_session.rpc("ping").status == 400);
  mcp_client stranger{node.port(), node.token("salon-b")};
  stranger.use_session(c.session());
  CHECK(stranger.rpc("ping").status == 404);  // another token's session is not found
  mcp_client nobody{node.port(), ""};
  CHECK(nobody.initialize().status == 401);
  mcp_client revoked{node.port(), "apk_not_a_token"};
  CHECK(revoked.initialize().status == 401);
  CHECK(c.get().status == 405);
  // A page of another origin (DNS rebinding) is refused; the server's own origin is not.
  CHECK(c.raw(R"({"jsonrpc":"2.0","id":1,"method":"ping"})", {{"Origin", "http://evil.example"}})
            .status == 403);
  const auto own = "http://127.0.0.1:" + std::to_string(node.port());
  CHECK(c.raw(R"({"jsonrpc":"2.0","id":1,"method":"ping"})", {{"Origin", own}}).status == 200);
  CHECK(c.end().status == 204);
  CHECK(c.rpc("ping").status == 404);
  CHECK(c.end().status == 404);
}

API_CASE("revision 2025-03-26 takes batches", "[mcp]") {
  api_node node{db};
  mcp_client c{node.port(), node.token("salon-b")};
  REQUIRE(c.initialize("2025-03-26").status == 200);
  auto batch = c.raw(R"([{"jsonrpc":"2.0","id":1,"method":"ping"},
                         {"jsonrpc":"2.0","method":"notifications/initialized"},
                         {"jsonrpc":"2.0","id":"b","method":"tools/list"}])");
  INFO(batch.body);
  REQUIRE(batch.status == 200);
  auto replies = batch.json();
  REQUIRE(replies.size() == 2);
  CHECK(replies[0]["id"] == 1);
  CHECK(replies[1]["id"] == "b");
  CHECK(c.raw(R"([{"jsonrpc":"2.0","method":"notifications/initialized"}])").status == 202);
}

API_CASE("tokens keep to their tenant, branches and rights", "[mcp]") {
  api_node node{db};
  mcp_client b{node.port(), node.token("salon-b")};
  REQUIRE(b.initialize().status == 200);
  const json caller{{"phone", "+4915112345678"}};
  auto theirs = b.tool("book_appointment", with(wed_10, caller));
  REQUIRE(theirs["isError"] == false);
  const auto their_id = theirs["structuredContent"]["appointment_id"];

  mcp_client a{node.port(), node.token("salon-a")};
  REQUIRE(a.initialize().status == 200);
  auto ambiguous = a.tool("check_availability", wed_10);  // two branches: which one?
  CHECK(ambiguous["structuredContent"]["error"]["code"] == "branch_required");
  auto cross = a.tool("cancel_appointment",
                      with(caller, {{"appointment_id", their_id}, {"branch", "mitte"}}));
  auto nowhere = a.tool("cancel_appointment",
                        with(caller, {{"appointment_id", "987654"}, {"branch", "mitte"}}));
  CHECK(cross["structuredContent"]["error"]["code"] == "not_found");
  CHECK(cross == nowhere);  // another tenant's id answers as one that exists nowhere

  mcp_client nord{node.port(), node.token("salon-a", "admin", {"nord"})};
  REQUIRE(nord.initialize().status == 200);
  CHECK(nord.tool("check_availability", wed_10)["isError"] == false);  // its one branch
  auto elsewhere = nord.tool("check_availability", with(wed_10, {{"branch", "mitte"}}));
  CHECK(elsewhere["structuredContent"]["error"]["code"] == "unknown_branch");

  mcp_client reader{node.port(), node.token("salon-b", "read")};
  REQUIRE(reader.initialize().status == 200);
  CHECK(reader.tool("check_availability", wed_10)["isError"] == false);
  auto refused = reader.tool("book_appointment", with(wed_10, {{"phone", "+4915100000001"}}));
  CHECK(refused["structuredContent"]["error"]["code"] == "forbidden");
}
