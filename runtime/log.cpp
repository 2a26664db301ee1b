#include "runtime/log.hpp"

#include <spdlog/details/log_msg.h>
#include <spdlog/formatter.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace askpro::runtime {
namespace {

thread_local std::string current_correlation;

std::string iso_utc(spdlog::log_clock::time_point tp) {
  auto t = spdlog::log_clock::to_time_t(tp);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

/// One JSON object per line: ts, level, logger, msg and cid when set.
class json_formatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = "{\"ts\":\"" + iso_utc(msg.time) + "\",\"level\":\"";
    auto lv = spdlog::level::to_string_view(msg.level);
    line.append(lv.data(), lv.size());
    line += "\",\"msg\":\"" + json_escape({msg.payload.data(), msg.payload.size()}) + "\"";
    if (!current_correlation.empty())
      line += ",\"cid\":\"" + json_escape(current_correlation) + "\"";
    line += "}\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<json_formatter>();
  }
};

/// Text lines with the correlation id in brackets.
class text_formatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    auto lv = spdlog::level::to_string_view(msg.level);
    std::string line = iso_utc(msg.time) + " " + std::string(lv.data(), lv.size());
    if (!current_correlation.empty()) line += " [" + current_correlation + "]";
    line += " " + std::string(msg.payload.data(), msg.payload.size()) + "\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<text_formatter>();
  }
};

}  // namespace

void setup_logging(std::string_view level, log_format format) {
  auto logger = spdlog::stderr_logger_mt("askpro");
  if (format == log_format::json)
    logger->set_formatter(std::make_unique<json_formatter>());
  else
    logger->set_formatter(std::make_unique<text_formatter>());
  logger->set_level(spdlog::level::from_str(std::string(level)));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

const std::string& correlation_id() {
  return current_correlation;
}

correlation_scope::correlation_scope(std::string id) : previous_(std::move(current_correlation)) {
  current_correlation = std::move(id);
}

correlation_scope::~correlation_scope() {
  current_correlation = std::move(previous_);
}

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

}  // namespace askpro::runtime
