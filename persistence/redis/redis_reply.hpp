#pragma once
/// A Redis reply as a value: nil, integer, bulk string, status ("OK", "PONG"), array or a
/// server error ("WRONGTYPE …"). A server error is a reply, not a failure: the connection is fine.
/// Thread-safety: a plain value type; copy freely.

#include <caf/allowed_unsafe_message_type.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace askpro::persistence {

struct redis_reply {
  enum class kind : uint8_t { nil, integer, string, status, array, error };

  kind type = kind::nil;
  int64_t integer = 0;                ///< kind::integer
  std::string str;                    ///< kind::string, kind::status, kind::error
  std::vector<redis_reply> elements;  ///< kind::array

  bool is_nil() const { return type == kind::nil; }
  bool is_error() const { return type == kind::error; }

  static redis_reply nil() { return {}; }
  static redis_reply of_integer(int64_t x) { return {kind::integer, x, {}, {}}; }
  static redis_reply of_string(std::string s) { return {kind::string, 0, std::move(s), {}}; }
  static redis_reply of_status(std::string s) { return {kind::status, 0, std::move(s), {}}; }
  static redis_reply of_error(std::string s) { return {kind::error, 0, std::move(s), {}}; }
};

}  // namespace askpro::persistence

// Replies travel in local messages only.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::redis_reply)
