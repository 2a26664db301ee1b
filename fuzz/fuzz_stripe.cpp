// Stripe's event bodies and its Stripe-Signature header.
// Input: the header on the first line, the body after it.
#include "fuzz/fuzz_input.hpp"
#include "net/stripe/codec.hpp"
#include "net/stripe/signature.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace askpro::net::stripe;
  auto [header, body] = askpro::fuzz::first_line_and_rest(data, size);
  (void)decode_event(std::string{body});
  (void)verify(header, "whsec_fuzz", body, 1764576000);
  return 0;
}
