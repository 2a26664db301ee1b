// The tenant file validator and parser: every problem is reported, nothing crashes.
#include "actors/tenant/tenant_file.hpp"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace askpro::actors::tenant;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& p : tenant_file_problems(text)) (void)to_string(p);
  (void)parse_tenant_file(text);
  return 0;
}
