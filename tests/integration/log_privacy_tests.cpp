// Secrets and personal data never reach the logs (SPEC S11): a whole workload — a call with
// its inbound webhook, functions that book for a named caller with an e-mail address, a callback
// request, the call's end with a transcript, a Stripe top-up — logged at trace level, then every
// captured line searched for the caller's number (E.164 and national), name, e-mail, the words
// of the transcript, the tenant's Retell key and the Stripe secret.
#include "tests/fakes/stripe_client.hpp"
#include "tests/integration/log_capture.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;
using nlohmann::json;

TEST_CASE("a whole workload logs no secret and no personal data", "[privacy][sqlite]") {
  with_sqlite([](backend& db) {
    testing::log_capture logs;
    voice_node_options opts;
    opts.stripe_secret = "whsec_privacy_secret";
    voice_node n{db, opts};
    auto inbound = n.post("/webhooks/retell", retell_client::inbound(caller_number, salon_number));
    REQUIRE(inbound);
    post_event(n, "call_started", "call_priv");
    auto booked = n.call("book_appointment",
                         {{"date", "2026-12-02"},
                          {"time", "10:00"},
                          {"customer_name", "Erika Mustermann"},
                          {"email", "erika.mustermann@example.org"}},
                         "call_priv");
    REQUIRE(booked["success"] == true);
    n.call("request_callback",
           {{"customer_name", "Erika Mustermann"}, {"reason", "Rotkehlchenfarbe bestellen"}},
           "call_priv");
    post_event(
        n, "call_ended", "call_priv",
        {{"duration_ms", 61000},
         {"transcript", "Agent: Hallo. User: Ich heisse Erika Mustermann, Zitronenfalter."}});
    fakes::checkout_fields f;
    f.event_id = "evt_priv";
    f.session_id = "cs_priv";
    f.tenant = "salon";
    f.amount_total = 1000;
    auto body = fakes::checkout_event(f).dump();
    auto paid = n.post_raw("/webhooks/stripe", body,
                           {{"Stripe-Signature", fakes::stripe_signature({opts.stripe_secret}, body,
                                                                         n.now_ms() / 1000)}});
    REQUIRE(paid);
    CHECK(paid->status == 200);
    // The workload was logged at all: its requests are there (the access line of a request is
    // written after its response), the call by id only.
    CHECK(logs.wait_for("/webhooks/retell", std::chrono::seconds{10}));
    CHECK(logs.wait_for("/webhooks/stripe", std::chrono::seconds{10}));
    auto lines = logs.lines();
    for (const auto& line : lines)
      for (const char* secret : {"+4915112345678", "015112345678", "15112345678", "Erika",
                                 "Mustermann", "erika.mustermann@example.org", "Zitronenfalter",
                                 "Rotkehlchenfarbe", salon_key, "whsec_privacy_secret"}) {
        INFO(line.message);
        CHECK(line.message.find(secret) == std::string::npos);
      }
  });
}
