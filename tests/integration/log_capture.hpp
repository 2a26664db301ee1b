#pragma once
/// Captures spdlog lines (with the correlation id active when each was logged) while alive, by
/// replacing the default logger; restores the previous one on destruction.

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace askpro::testing {

struct captured_line {
  std::string message;
  std::string correlation_id;
};

class log_capture {
 public:
  log_capture();
  ~log_capture();
  log_capture(const log_capture&) = delete;
  log_capture& operator=(const log_capture&) = delete;

  /// Waits until a line containing `needle` was logged (or `timeout` passed); returns it.
  std::optional<captured_line> wait_for(const std::string& needle,
                                        std::chrono::milliseconds timeout);

  std::vector<captured_line> lines() const;

  /// Called by the sink.
  void add(captured_line line);

 private:
  mutable std::mutex mtx_;
  std::condition_variable cv_;
  std::vector<captured_line> lines_;
  std::shared_ptr<spdlog::logger> previous_;
};

}  // namespace askpro::testing
