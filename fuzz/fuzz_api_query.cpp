// The tenant API's list parameters: cursors, limit, fields= and If-None-Match.
// Input: the cursor on the first line, the rest used as limit, fields and ETag text.
#include "fuzz/fuzz_input.hpp"
#include "net/api/list_support.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace askpro::net::api;
  auto [cursor, rest] = askpro::fuzz::first_line_and_rest(data, size);
  if (auto key = decode_cursor(cursor)) (void)encode_cursor(*key);
  (void)parse_limit(std::string{rest});
  (void)parse_fields(rest);
  (void)etag_matches(rest, etag_of(cursor));
  return 0;
}
