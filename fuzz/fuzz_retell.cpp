// Retell's webhook and function-call bodies and its signature header, as the edge receives them.
// Input: the x-retell-signature header on the first line, the body after it.
#include "fuzz/fuzz_input.hpp"
#include "net/retell/codec.hpp"
#include "net/retell/signature.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace askpro::net::retell;
  auto [header, body] = askpro::fuzz::first_line_and_rest(data, size);
  (void)parse_event(body);
  (void)parse_function_call(body);
  (void)dialled_number(body);
  (void)verify(header, "key_fuzz", body, 1764576000000);
  return 0;
}
