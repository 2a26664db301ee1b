#pragma once
/// Small helpers for the JSON summaries that actors answer to `inspect_atom`.
/// Thread-safety: pure functions.

#include "runtime/clock.hpp"

#include <cstdio>
#include <ctime>
#include <string>

namespace askpro::runtime {

/// ISO-8601 UTC with milliseconds: "2026-12-01T13:30:00.250Z".
inline std::string format_utc(clock::time_point t) {
  const int64_t ms = to_unix_ms(t);
  const std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  const int frac = static_cast<int>(ms - static_cast<int64_t>(secs) * 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
  return buf;
}

}  // namespace askpro::runtime
