#include "persistence/redis/redis_connection.hpp"

#include <hiredis/hiredis.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>

namespace askpro::persistence {
namespace {

timeval to_timeval(std::chrono::milliseconds d) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(d.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((d.count() % 1000) * 1000);
  return tv;
}

redis_reply convert(const redisReply* r) {
  switch (r->type) {
    case REDIS_REPLY_INTEGER:
      return redis_reply::of_integer(r->integer);
    case REDIS_REPLY_STRING:
      return redis_reply::of_string(std::string(r->str, r->len));
    case REDIS_REPLY_STATUS:
      return redis_reply::of_status(std::string(r->str, r->len));
    case REDIS_REPLY_ERROR:
      return redis_reply::of_error(std::string(r->str, r->len));
    case REDIS_REPLY_ARRAY: {
      redis_reply out;
      out.type = redis_reply::kind::array;
      for (size_t i = 0; i < r->elements; ++i) out.elements.push_back(convert(r->element[i]));
      return out;
    }
    default:
      return redis_reply::nil();
  }
}

/// Runs a set-up command (AUTH, SELECT) that must answer OK.
caf::error setup(redis_connection& conn, std::vector<std::string> argv) {
  auto name = argv.front();
  auto reply = conn.command(argv);
  if (!reply) return std::move(reply.error());
  if (reply->is_error())
    return make_error(errc::storage, "redis " + name + " refused: " + reply->str);
  return {};
}

}  // namespace

Result<std::unique_ptr<redis_connection>> redis_connection::connect(
    const redis_endpoint& endpoint, std::chrono::milliseconds timeout) {
  redisContext* ctx =
      redisConnectWithTimeout(endpoint.host.c_str(), endpoint.port, to_timeval(timeout));
  if (ctx == nullptr) return make_error(errc::unavailable, "redis: cannot allocate a context");
  if (ctx->err != 0) {
    auto err = make_error(errc::unavailable, "redis " + endpoint.display() + ": " + ctx->errstr);
    redisFree(ctx);
    return err;
  }
  std::unique_ptr<redis_connection> conn{new redis_connection{ctx}};
  redisSetTimeout(ctx, to_timeval(timeout));
  if (!endpoint.password.empty()) {
    if (auto err = setup(*conn, {"AUTH", endpoint.password})) return err;
  }
  if (endpoint.db != 0) {
    if (auto err = setup(*conn, {"SELECT", std::to_string(endpoint.db)})) return err;
  }
  return conn;
}

redis_connection::~redis_connection() {
  redisFree(ctx_);
}

Result<redis_reply> redis_connection::command(const std::vector<std::string>& argv) {
  if (broken_) return make_error(errc::unavailable, "redis: connection is broken");
  if (argv.empty()) return make_error(errc::invalid_argument, "redis: empty command");
  std::vector<const char*> args;
  std::vector<size_t> lengths;
  for (const auto& a : argv) {
    args.push_back(a.data());
    lengths.push_back(a.size());
  }
  auto* raw = static_cast<redisReply*>(
      redisCommandArgv(ctx_, static_cast<int>(argv.size()), args.data(), lengths.data()));
  if (raw == nullptr) {
    broken_ = true;
    std::string why = ctx_->err != 0 ? ctx_->errstr : "no reply";
    return make_error(errc::unavailable, "redis: " + why);
  }
  auto out = convert(raw);
  freeReplyObject(raw);
  return out;
}

Result<std::optional<redis_reply>> redis_connection::receive(std::chrono::milliseconds wait) {
  if (broken_) return make_error(errc::unavailable, "redis: connection is broken");
  auto take = [this]() -> Result<std::optional<redis_reply>> {
    void* raw = nullptr;
    if (redisGetReplyFromReader(ctx_, &raw) != REDIS_OK) {
      broken_ = true;
      return make_error(errc::unavailable, std::string{"redis: "} + ctx_->errstr);
    }
    if (raw == nullptr) return std::optional<redis_reply>{};
    auto out = convert(static_cast<redisReply*>(raw));
    freeReplyObject(raw);
    return std::optional<redis_reply>{std::move(out)};
  };
  auto buffered = take();  // a read may have brought several replies at once
  if (!buffered || *buffered) return buffered;
  pollfd p{ctx_->fd, POLLIN, 0};
  int ready = ::poll(&p, 1, static_cast<int>(wait.count()));
  if (ready == 0) return std::optional<redis_reply>{};
  if (ready < 0 || redisBufferRead(ctx_) != REDIS_OK) {
    broken_ = true;
    return make_error(errc::unavailable, "redis: connection lost while waiting");
  }
  return take();
}

bool redis_connection::peer_closed() {
  if (broken_) return true;
  char byte = 0;
  ssize_t n = ::recv(ctx_->fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return false;
  broken_ = true;  // EOF, a socket error, or unsolicited bytes: the stream cannot be trusted
  return true;
}

}  // namespace askpro::persistence
