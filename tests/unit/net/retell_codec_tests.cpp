// Retell bodies to structs and back: events, inbound calls, function calls, envelopes.
#include "net/retell/codec.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <vector>

using namespace askpro::net::retell;
using askpro::detail_of;
using nlohmann::json;

TEST_CASE("call events are read with the fields we keep", "[retell]") {
  auto e = parse_event(R"({"event":"call_analyzed","call":{
      "call_id":"c1","agent_id":"ag","direction":"inbound","from_number":"+4915112345678",
      "to_number":"+493012345678","call_status":"ended","start_timestamp":1764067200000,
      "end_timestamp":1764067264000,"duration_ms":64000,"disconnection_reason":"user_hangup",
      "transcript":"Agent: Hallo","transcript_object":[{"role":"agent","content":"Hallo"}],
      "call_analysis":{"call_summary":"Gebucht","user_sentiment":"Positive",
                       "call_successful":true,"custom_analysis_data":{"x":1}},
      "call_cost":{"combined_cost":42},"some_new_field":{"ignored":true}}})");
  REQUIRE(e);
  CHECK(e->name == "call_analyzed");
  CHECK(e->call.call_id == "c1");
  CHECK(e->call.from_number == "+4915112345678");
  CHECK(e->call.start_timestamp == 1764067200000);
  CHECK(e->call.duration_ms == 64000);
  CHECK(e->call.disconnection_reason == "user_hangup");
  CHECK(json::parse(*e->call.transcript_object)[0]["content"] == "Hallo");
  CHECK(e->call.call_summary == "Gebucht");
  CHECK(e->call.call_successful == true);
  CHECK(json::parse(*e->call.custom_analysis)["x"] == 1);
  CHECK(e->call.combined_cost_cents == 42);
}

TEST_CASE("the older event_type name and the inbound form are accepted", "[retell]") {
  auto old = parse_event(R"({"event_type":"call_started","call":{"call_id":"c2"}})");
  REQUIRE(old);
  CHECK(old->name == "call_started");
  auto inbound = parse_event(R"({"event":"call_inbound","call_inbound":{
      "agent_id":"ag","agent_version":1,"from_number":"+4915112345678","to_number":"+493012345678"}})");
  REQUIRE(inbound);
  CHECK(inbound->name == "call_inbound");
  CHECK(inbound->call.to_number == "+493012345678");
  CHECK(inbound->call.call_id.empty());
}

TEST_CASE("malformed events are refused with a reason", "[retell]") {
  CHECK(detail_of(parse_event("not json").error()) == "body is not a JSON object");
  CHECK(detail_of(parse_event("[1,2]").error()) == "body is not a JSON object");
  CHECK(detail_of(parse_event(R"({"call":{"call_id":"c"}})").error()) == "missing event");
  CHECK(detail_of(parse_event(R"({"event":"call_ended"})").error()) == "missing call object");
  CHECK(detail_of(parse_event(R"({"event":"call_ended","call":{}})").error()) ==
        "missing call.call_id");
  CHECK(detail_of(parse_event(R"({"event":"call_inbound"})").error()) ==
        "missing call_inbound object");
}

TEST_CASE("function calls keep args as strings and the call id from the call", "[retell]") {
  auto f = parse_function_call(R"({"name":"book_appointment_v3",
      "args":{"datum":"01.12.2026","uhrzeit":"14:30","count":3,"bestaetigung":true,
              "call_id":"None","staff":null},
      "call":{"call_id":"real_call","from_number":"+4915112345678","to_number":"+493012345678"}})");
  REQUIRE(f);
  CHECK(f->name == "book_appointment_v3");
  CHECK(f->call.call_id == "real_call");
  CHECK(f->args.at("datum") == "01.12.2026");
  CHECK(f->args.at("count") == "3");
  CHECK(f->args.at("bestaetigung") == "true");
  CHECK(f->args.count("staff") == 0);
}

TEST_CASE("the args-only form is refused because it carries no call", "[retell]") {
  auto f = parse_function_call(R"({"datum":"01.12.2026","uhrzeit":"14:30"})");
  REQUIRE_FALSE(f);
  CHECK(detail_of(f.error()).find("args-only") != std::string::npos);
  CHECK_FALSE(parse_function_call(R"({"args":{},"call":{"call_id":"c"}})"));
  CHECK_FALSE(parse_function_call(R"({"name":"x","call":{}})"));
}

TEST_CASE("the dialled number comes from either body form", "[retell]") {
  CHECK(dialled_number(R"({"event":"call_inbound","call_inbound":{"to_number":"+4930"}})") ==
        "+4930");
  CHECK(dialled_number(R"({"name":"f","call":{"call_id":"c","to_number":"+4931"}})") == "+4931");
  CHECK_FALSE(dialled_number(R"({"event":"x","call":{"call_id":"c"}})"));
  CHECK_FALSE(dialled_number("{broken"));
}

TEST_CASE("responses have Retell's shapes", "[retell]") {
  auto inbound = json::parse(inbound_response({{"tenant", "Salon"}, {"datum", "1. Dezember"}},
                                              {{"tenant_slug", "salon"}}));
  CHECK(inbound["call_inbound"]["dynamic_variables"]["tenant"] == "Salon");
  CHECK(inbound["call_inbound"]["metadata"]["tenant_slug"] == "salon");
  auto ok = json::parse(function_response(true, "Gebucht.", R"({"appointment_id":"7"})", {}));
  CHECK(ok["success"] == true);
  CHECK(ok["data"]["appointment_id"] == "7");
  CHECK_FALSE(ok.contains("error"));
  auto fail = json::parse(function_response(false, "Leider belegt.", "not json", "slot_taken"));
  CHECK(fail["error"]["code"] == "slot_taken");
  CHECK(fail["data"].is_object());
}

TEST_CASE("call ids and arguments beyond their bounds are refused, naming the field", "[retell]") {
  auto fn = [](const std::string& call_id, const json& args) {
    return parse_function_call(
        json{{"name", "book_appointment"}, {"args", args}, {"call", {{"call_id", call_id}}}}
            .dump());
  };
  for (const std::string& bad_id :
       std::vector<std::string>{"../../db", "call 1", "call/1", std::string(129, 'a')}) {
    auto r = fn(bad_id, json::object());
    INFO(bad_id);
    REQUIRE_FALSE(r);
    CHECK(detail_of(r.error()).find("call.call_id") != std::string::npos);
    CHECK_FALSE(parse_event(json{{"event", "call_ended"}, {"call", {{"call_id", bad_id}}}}.dump()));
  }
  CHECK(fn("call_8f2a-B_" + std::string(100, '0'), json::object()));
  auto long_name = fn("call_1", {{"customer_name", std::string(100'000, 'x')}});
  REQUIRE_FALSE(long_name);
  CHECK(detail_of(long_name.error()) == "args.customer_name is longer than 200 characters");
  CHECK(fn("call_1", {{"name", std::string(200, 'x')}}));
  CHECK(fn("call_1", {{"reason", std::string(2000, 'x')}}));
  CHECK_FALSE(fn("call_1", {{"reason", std::string(2001, 'x')}}));
}
