// Stripe webhook signatures: the published vectors (reference/signature-vectors.json), signed
// by both the server and the test fake, and every way a signature can be wrong.
#include "net/stripe/signature.hpp"
#include "tests/fakes/stripe_client.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace askpro::net::stripe;

const std::string secret = "whsec_test_5bQ9rN2xP4";
const std::string body =
    "{\"id\":\"evt_1Q2w3E4r5T6y\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
    "\"data\":{\"object\":{\"id\":\"cs_test_a1\",\"payment_status\":\"paid\",\"amount_total\":"
    "5000,\"currency\":\"eur\",\"client_reference_id\":\"salon-mitte\"}}}";
constexpr int64_t t1 = 1764067200;
constexpr int64_t t2 = 1764070800;
const std::string v1_at_t1 = "24b631bfbf40e6f19649379c48337913e99b44d1c661ee836b007e17585a0461";
const std::string v1_at_t2 = "daa9dd05308150a6c9ffba0e4fbe9ac4843a81a0aaee0c56cd902026fd2d21fc";
const std::string v0 = "6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

}  // namespace

TEST_CASE("Stripe signing reproduces the published vectors", "[stripe]") {
  CHECK(sign(secret, body, t1) == "t=" + std::to_string(t1) + ",v1=" + v1_at_t1);
  CHECK(sign(secret, body, t2) == "t=" + std::to_string(t2) + ",v1=" + v1_at_t2);
  CHECK(askpro::fakes::stripe_signature({secret}, body, t1) == sign(secret, body, t1));
  CHECK(verify("t=1764067200,v1=" + v1_at_t1 + ",v0=" + v0, secret, body, t1 + 10) ==
        verdict::valid);
  CHECK(verify("t=1764070800,v1=" + v1_at_t2 + ",v0=" + v0, secret, body, t2) == verdict::valid);
}

TEST_CASE("during a secret's rotation any matching v1 is accepted", "[stripe]") {
  const std::string rotation = "t=1764067200,v1=" + std::string(64, '0') + ",v1=" + v1_at_t1;
  CHECK(verify(rotation, secret, body, t1) == verdict::valid);
  CHECK(verify(askpro::fakes::stripe_signature({"whsec_old", secret}, body, t1), secret, body,
               t1) == verdict::valid);
  CHECK(verify(askpro::fakes::stripe_signature({"whsec_old"}, body, t1), secret, body, t1) ==
        verdict::mismatch);
}

TEST_CASE("wrong Stripe signatures are refused with the reason", "[stripe]") {
  const auto good = sign(secret, body, t1);
  CHECK(verify("", secret, body, t1) == verdict::missing);
  CHECK(verify("garbage", secret, body, t1) == verdict::malformed);
  CHECK(verify("t=1764067200", secret, body, t1) == verdict::malformed);    // no v1
  CHECK(verify("v1=" + v1_at_t1, secret, body, t1) == verdict::malformed);  // no t
  CHECK(verify("t=abc,v1=" + v1_at_t1, secret, body, t1) == verdict::malformed);
  CHECK(verify("t=1764067200,v0=" + v0, secret, body, t1) == verdict::malformed);  // v0 only
  CHECK(verify(good, secret, body + " ", t1) == verdict::mismatch);                // altered body
  CHECK(verify(good, "whsec_other", body, t1) == verdict::mismatch);
  CHECK(verify(good, "", body, t1) == verdict::mismatch);
  CHECK(verify(good, secret, body, t1 + 300) == verdict::valid);  // at the edge of the tolerance
  CHECK(verify(good, secret, body, t1 + 301) == verdict::stale);
  CHECK(verify(good, secret, body, t1 - 301) == verdict::stale);  // from the future
  // Stale is decided before the digest: an old replay learns nothing about the secret.
  CHECK(verify(good, "whsec_other", body, t1 + 3600) == verdict::stale);
  CHECK(std::string{to_string(verdict::stale)} == "stale");
}
