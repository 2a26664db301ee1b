#include "persistence/redis/redis_subscriber.hpp"

#include "persistence/redis/redis_connection.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace askpro::persistence {
namespace {

using namespace std::chrono_literals;

/// The payload of a pushed `message` reply on `channel`, or nullopt for anything else.
std::optional<std::string> payload_of(const redis_reply& r, const std::string& channel) {
  if (r.type != redis_reply::kind::array || r.elements.size() != 3) return std::nullopt;
  if (r.elements[0].str != "message" || r.elements[1].str != channel) return std::nullopt;
  return r.elements[2].str;
}

}  // namespace

redis_subscriber::redis_subscriber(redis_endpoint endpoint, std::string channel,
                                   std::function<void(const std::string&)> on_message)
    : endpoint_(std::move(endpoint)),
      channel_(std::move(channel)),
      on_message_(std::move(on_message)),
      thread_([this] { run(); }) {}

redis_subscriber::~redis_subscriber() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void redis_subscriber::run() {
  auto pause = 100ms;
  while (!stop_) {
    auto conn = redis_connection::connect(endpoint_, 2s);
    auto ok = conn && (*conn)->command({"SUBSCRIBE", channel_});
    if (!ok) {
      spdlog::warn("redis subscription {}: not subscribed; retrying", channel_);
      for (auto waited = 0ms; waited < pause && !stop_; waited += 50ms)
        std::this_thread::sleep_for(50ms);
      pause = std::min<std::chrono::milliseconds>(pause * 2, 5s);
      continue;
    }
    pause = 100ms;
    subscribed_ = true;
    while (!stop_) {
      auto next = (*conn)->receive(200ms);
      if (!next) break;  // lost: connect again
      if (!*next) continue;
      if (auto payload = payload_of(**next, channel_)) on_message_(*payload);
    }
    subscribed_ = false;
  }
}

}  // namespace askpro::persistence
