#pragma once
/// Logging setup (spdlog) and correlation ids. Every line logged on a thread while a
/// `correlation_scope` is alive carries its id (`X-Request-Id` or the Retell call id).
/// Thread-safety: `setup_logging` once at start-up; scopes are per thread.
/// Never log secrets or personal data: log ids, not names or numbers.

#include <string>
#include <string_view>

namespace askpro::runtime {

enum class log_format { json, text };

/// Installs the default stderr logger. `level` is one of trace, debug, info, warn, error.
void setup_logging(std::string_view level, log_format format);

/// The correlation id of the current thread ("" when none).
const std::string& correlation_id();

class correlation_scope {
 public:
  explicit correlation_scope(std::string id);
  ~correlation_scope();
  correlation_scope(const correlation_scope&) = delete;
  correlation_scope& operator=(const correlation_scope&) = delete;

 private:
  std::string previous_;
};

/// Escapes `s` as the inside of a JSON string.
std::string json_escape(std::string_view s);

}  // namespace askpro::runtime
