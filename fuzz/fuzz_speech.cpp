// What callers say for a date and a time, German and English ("übermorgen um halb drei").
#include "actors/call/speech.hpp"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace askpro::actors::call;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const date::year_month_day today{date::year{2026}, date::month{12}, date::day{7}};
  (void)parse_spoken_date(text, today);
  (void)parse_spoken_time(text);
  (void)parse_spoken_when(text, today);
  return 0;
}
