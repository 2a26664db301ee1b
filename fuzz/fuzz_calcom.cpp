// Cal.com's webhook, slot and booking bodies and its signature header.
// Input: the x-cal-signature-256 header on the first line, the body after it.
#include "fuzz/fuzz_input.hpp"
#include "net/calcom/codec.hpp"
#include "net/calcom/signature.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace askpro::net::calcom;
  auto [header, body] = askpro::fuzz::first_line_and_rest(data, size);
  (void)parse_webhook(body);
  (void)parse_slots(body);
  (void)parse_booking(body);
  (void)parse_bookings(body);
  (void)verify(header, "whsec_fuzz", body);
  return 0;
}
