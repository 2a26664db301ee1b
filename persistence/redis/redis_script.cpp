#include "persistence/redis/redis_script.hpp"

#include "persistence/redis_actor.hpp"
#include "runtime/bridge.hpp"

#include <caf/all.hpp>

#include <openssl/sha.h>

#include <cstdio>

namespace askpro::persistence {
namespace {

std::string sha1_hex(const std::string& text) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return to_hex(digest, sizeof digest);
}

}  // namespace

redis_script::redis_script(std::string source) : source_(std::move(source)) {
  sha_ = sha1_hex(source_);
}

Result<redis_reply> redis_script::run(caf::actor_system& sys, const caf::actor& redis,
                                      std::chrono::milliseconds timeout,
                                      const std::vector<std::string>& keys,
                                      const std::vector<std::string>& args) const {
  std::vector<std::string> argv{"EVALSHA", sha_, std::to_string(keys.size())};
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.insert(argv.end(), args.begin(), args.end());
  auto reply = runtime::ask<redis_reply>(sys, redis, timeout, redis_cmd_atom::value, argv);
  if (reply && reply->is_error() && reply->str.rfind("NOSCRIPT", 0) == 0) {
    argv[0] = "EVAL";
    argv[1] = source_;
    reply = runtime::ask<redis_reply>(sys, redis, timeout, redis_cmd_atom::value, argv);
  }
  return reply;
}

}  // namespace askpro::persistence
