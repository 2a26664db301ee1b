// Cal.com webhook signatures: the published vector (reference/signature-vectors.json) and every
// way a signature can be wrong.
#include "net/calcom/signature.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace askpro::net::calcom;

const std::string secret = "calwh_secret_77aa";
const std::string body =
    "{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":\"2026-11-25T09:30:00.538Z\",\"payload\":"
    "{\"uid\":\"bk_9x8y7z\",\"bookingId\":4711,\"eventTypeId\":1201,\"startTime\":\"2026-12-01T13:"
    "00:00Z\",\"endTime\":\"2026-12-01T13:30:00Z\",\"status\":\"ACCEPTED\",\"attendees\":[{\"name\""
    ":\"J\xc3\xb6rg "
    "Wei\xc3\x9f\",\"email\":\"joerg@example.org\",\"timeZone\":\"Europe/Berlin\"}]}}";
const std::string header = "d4f9616ee5199e081d66ef21fbf4339052cfe6ddfe13d2c5fa98028ed75c553f";

}  // namespace

TEST_CASE("signing reproduces the published Cal.com vector", "[calcom]") {
  CHECK(sign(secret, body) == header);
  CHECK(verify(header, secret, body) == verdict::valid);
}

TEST_CASE("a Cal.com signature in upper-case hex verifies", "[calcom]") {
  std::string upper = header;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(verify(upper, secret, body) == verdict::valid);
}

TEST_CASE("wrong Cal.com signatures are refused with the reason", "[calcom]") {
  CHECK(verify("", secret, body) == verdict::missing);
  CHECK(verify("abc", secret, body) == verdict::malformed);
  CHECK(verify(header.substr(0, 63) + "g", secret, body) == verdict::malformed);
  CHECK(verify(header, "another_secret", body) == verdict::mismatch);
  CHECK(verify(header, secret, body + " ") == verdict::mismatch);
  CHECK(verify(header, "", body) == verdict::mismatch);
  // The literal Cal.com sends when a hook has no secret never verifies against ours.
  CHECK(verify(sign("no-secret-provided", body), secret, body) == verdict::mismatch);
  CHECK(std::string{to_string(verdict::mismatch)} == "mismatch");
}
