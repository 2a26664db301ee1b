// Stripe event bodies decoded into what billing reads (net/stripe/codec.hpp).
#include "net/stripe/codec.hpp"
#include "tests/fakes/stripe_client.hpp"

#include <catch2/catch.hpp>

using askpro::errc;
using askpro::net::stripe::decode_event;

TEST_CASE("a checkout session event names its tenant, amount and payment", "[stripe]") {
  askpro::fakes::checkout_fields f;
  f.event_id = "evt_1";
  f.session_id = "cs_1";
  f.tenant = "salon-a";
  f.amount_total = 5000;
  f.payment_intent = "pi_1";
  auto ev = decode_event(askpro::fakes::checkout_event(f).dump());
  REQUIRE(ev);
  CHECK(ev->id == "evt_1");
  CHECK(ev->type == "checkout.session.completed");
  CHECK(ev->session_id == "cs_1");
  CHECK(ev->tenant == "salon-a");
  CHECK(ev->amount_total == 5000);
  CHECK(ev->payment_status == "paid");
  CHECK(ev->currency == "eur");
  CHECK(ev->payment_intent == "pi_1");
  f.tenant_in_metadata = true;  // client_reference_id null: metadata.company names it
  CHECK(decode_event(askpro::fakes::checkout_event(f).dump())->tenant == "salon-a");
}

TEST_CASE("a refund event carries its charge, payment intent and refunded total", "[stripe]") {
  auto ev = decode_event(askpro::fakes::refund_event("evt_2", "ch_1", "pi_1", 1200).dump());
  REQUIRE(ev);
  CHECK(ev->type == "charge.refunded");
  CHECK(ev->charge_id == "ch_1");
  CHECK(ev->payment_intent == "pi_1");
  CHECK(ev->amount_refunded == 1200);
  CHECK(ev->session_id.empty());
}

TEST_CASE("bodies that are not Stripe events are refused", "[stripe]") {
  for (const char* bad :
       {"", "[]", "not json", "{\"type\":\"charge.refunded\"}", "{\"id\":\"evt\",\"type\":\"x\"}",
        "{\"id\":\"evt\",\"type\":\"x\",\"data\":{\"object\":3}}",
        "{\"id\":\"evt\",\"type\":\"charge.refunded\",\"data\":{\"object\":"
        "{\"amount_refunded\":\"12\"}}}"}) {
    auto ev = decode_event(bad);
    INFO(bad);
    REQUIRE_FALSE(ev);
    CHECK(askpro::code_of(ev.error()) == errc::invalid_argument);
  }
  // Another event type decodes with only its id and type.
  auto other = decode_event(R"({"id":"evt_3","type":"invoice.paid","data":{"object":{}}})");
  REQUIRE(other);
  CHECK(other->type == "invoice.paid");
}
