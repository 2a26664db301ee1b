// MCP's pieces without a server: JSON-RPC classification, the tools generated from the
// function table, tools/call arguments both ways, and the session store.
#include "actors/call/function_table.hpp"
#include "net/mcp/jsonrpc.hpp"
#include "net/mcp/mcp_sessions.hpp"
#include "net/mcp/mcp_tools.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::net::mcp;
using nlohmann::json;
using kind = rpc_message::kind;

TEST_CASE("mcp json-rpc: requests, notifications, responses and faults are told apart", "[mcp]") {
  auto one = [](const std::string& text) { return parse_body(text).messages.at(0); };
  auto req = one(R"({"jsonrpc":"2.0","id":"a1","method":"tools/list"})");
  CHECK(req.type == kind::request);
  CHECK(req.id == "a1");
  CHECK(one(R"({"jsonrpc":"2.0","method":"notifications/initialized"})").type ==
        kind::notification);
  CHECK(one(R"({"jsonrpc":"2.0","id":7,"result":{}})").type == kind::response);
  for (const char* bad :
       {R"({"jsonrpc":"1.0","id":1,"method":"ping"})", R"({"jsonrpc":"2.0","id":1,"method":5})",
        R"({"jsonrpc":"2.0","id":null,"method":"ping"})",
        R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})",
        R"({"jsonrpc":"2.0","id":1,"method":"ping","params":"x"})", "42"}) {
    INFO(bad);
    CHECK(one(bad).type == kind::invalid);
  }
  CHECK(one(R"({"jsonrpc":"1.0","id":3,"method":"ping"})").id == 3);  // answered by its id
  CHECK(parse_body("{\"jsonrpc\":").parse_problem);
  auto batch = parse_body(R"([{"jsonrpc":"2.0","id":1,"method":"ping"},7])");
  CHECK(batch.batch);
  REQUIRE(batch.messages.size() == 2);
  CHECK(batch.messages[1].type == kind::invalid);
  CHECK(parse_body("[]").messages.at(0).type == kind::invalid);
}

TEST_CASE("mcp tools: every function of the table is a tool with its schema", "[mcp]") {
  auto tools = tool_list();
  REQUIRE(tools.size() == actors::call::function_specs().size());
  for (const auto& spec : actors::call::function_specs()) {
    INFO(spec.name);
    CHECK(actors::call::function_of(spec.name) == spec.kind);  // names resolve through it
  }
  for (const auto& t : tools) {
    CHECK(t["inputSchema"]["type"] == "object");
    CHECK(t["inputSchema"]["properties"]["branch"]["type"] == "string");
  }
}

TEST_CASE("mcp tools: a call's arguments become the function's, faults are told apart", "[mcp]") {
  auto parsed = parse_tool_call({{"name", "book_appointment"},
                                 {"arguments",
                                  {{"date", "2026-12-02"},
                                   {"time", 10},
                                   {"phone", "+4930123"},
                                   {"branch", "mitte"},
                                   {"name", nullptr}}}});
  REQUIRE(parsed.call);
  CHECK(parsed.call->request.name == "book_appointment");
  CHECK(parsed.call->request.args.at("time") == "10");
  CHECK(parsed.call->request.args.count("name") == 0);
  CHECK(parsed.call->phone == std::optional<std::string>{"+4930123"});
  CHECK(parsed.call->branch == std::optional<std::string>{"mitte"});
  CHECK(parse_tool_call({{"name", "nope"}}).protocol_fault);
  CHECK(parse_tool_call({{"name", "book_appointment"}, {"arguments", 3}}).protocol_fault);
  CHECK(parse_tool_call(json::array()).protocol_fault);
  auto missing = parse_tool_call({{"name", "book_appointment"}, {"arguments", {{"date", "x"}}}});
  REQUIRE(missing.input_error);
  CHECK((*missing.input_error)["isError"] == true);
  auto nested = parse_tool_call({{"name", "parse_date"}, {"arguments", {{"text", {1, 2}}}}});
  CHECK(nested.input_error);
}

TEST_CASE("mcp tools: a reply is a CallToolResult", "[mcp]") {
  actors::call::function_reply ok{true, "Gebucht.", R"({"appointment_id":"7"})", std::nullopt};
  auto r = tool_result(ok);
  CHECK(r["isError"] == false);
  CHECK(r["content"][0]["text"] == "Gebucht.");
  CHECK(r["structuredContent"]["appointment_id"] == "7");
  actors::call::function_reply failed{false, "Vergeben.", "{}", std::string{"slot_taken"}};
  CHECK(tool_result(failed)["structuredContent"]["error"]["code"] == "slot_taken");
  CHECK(tool_result(failed)["isError"] == true);
}

TEST_CASE("mcp sessions: bound to their token, one conversation per caller, closed once", "[mcp]") {
  mcp_sessions store{std::chrono::seconds{3600}, 2};
  auto s = store.open(1, "acme", "2025-06-18");
  REQUIRE(s);
  CHECK(s->id.size() == 32);
  CHECK(store.use(s->id, 1));
  CHECK_FALSE(store.use(s->id, 2));
  CHECK_FALSE(store.use("nope", 1));
  const auto a = store.conversation(s->id, std::string{"+4930111"});
  CHECK(store.conversation(s->id, std::string{"+4930222"}) != a);
  CHECK(store.conversation(s->id, std::string{"+4930111"}) == a);
  CHECK(a.find("+4930111") == std::string::npos);  // no number in a call id
  CHECK(store.open(1, "acme", "2025-06-18"));
  CHECK_FALSE(store.open(1, "acme", "2025-06-18"));  // full
  CHECK_FALSE(store.close(s->id, 2));
  auto ended = store.close(s->id, 1);
  REQUIRE(ended);
  CHECK(ended->size() == 3);  // the phone-less conversation and the two callers'
  CHECK_FALSE(store.use(s->id, 1));
}
