#include "tests/integration/log_capture.hpp"

#include "runtime/log.hpp"

#include <spdlog/sinks/base_sink.h>

namespace askpro::testing {
namespace {

/// Runs on the logging thread, so the thread's correlation id is the one of the log call.
class capture_sink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit capture_sink(log_capture& out) : out_(out) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    out_.add({std::string(msg.payload.data(), msg.payload.size()), runtime::correlation_id()});
  }
  void flush_() override {}

 private:
  log_capture& out_;
};

}  // namespace

log_capture::log_capture() : previous_(spdlog::default_logger()) {
  auto logger = std::make_shared<spdlog::logger>("capture", std::make_shared<capture_sink>(*this));
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

log_capture::~log_capture() {
  spdlog::set_default_logger(previous_);
}

void log_capture::add(captured_line line) {
  {
    std::lock_guard<std::mutex> lock(mtx_);
    lines_.push_back(std::move(line));
  }
  cv_.notify_all();
}

std::optional<captured_line> log_capture::wait_for(const std::string& needle,
                                                   std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mtx_);
  std::optional<captured_line> found;
  cv_.wait_for(lock, timeout, [&] {
    for (const auto& l : lines_)
      if (l.message.find(needle) != std::string::npos) found = l;
    return found.has_value();
  });
  return found;
}

std::vector<captured_line> log_capture::lines() const {
  std::lock_guard<std::mutex> lock(mtx_);
  return lines_;
}

}  // namespace askpro::testing
