#pragma once
/// The terminal's side of the ops listener (`askpro ops …`, later `askpro shell --connect`): one
/// request with the bearer token and `X-Ops-User` (the local user name, for the server's log of
/// operator actions), answered as status and body. No decisions: the caller reads the answer.
/// Thread-safety: each call is independent. Errors: `error` is set (status 0) when the server
/// cannot be reached or the URL is not http://host:port.

#include <chrono>
#include <string>

namespace askpro::net::ops {

struct ops_answer {
  int status = 0;
  std::string body;
  std::string error;  ///< transport failure, empty when the server answered
};

struct ops_endpoint {
  std::string base_url;  ///< "http://127.0.0.1:8081"
  std::string token;
  std::string user;  ///< sent as X-Ops-User
  std::chrono::seconds timeout{15};
};

/// `method` is "GET" or "POST"; `target` the path with its query ("/ops/jobs?status=dead");
/// `body` is sent with POST (as `content_type`).
ops_answer ops_request(const ops_endpoint& to, const std::string& method, const std::string& target,
                       const std::string& body = {},
                       const std::string& content_type = "application/json");

}  // namespace askpro::net::ops
