#pragma once
/// One keep-alive HTTP connection to a notification gateway (cpp-httplib's client, kept between
/// sends, rebuilt after a transport error) and what its answers mean as the errors of
/// actors/notify/message.hpp. It translates and never decides: it never retries.
///
/// Thread-safety: none — one owner at a time. Ownership: owns its connection.
/// Errors of `post` (askpro::errc): invalid_argument (a 4xx other than 408 and 429: the gateway
/// refused this request), timeout (no answer within `timeout`, or 408), unavailable (5xx, 429,
/// another non-2xx status, connection refused or closed before an answer, a URL that is not
/// http(s)://host[:port][/path]). Error texts name the gateway and the status, never the request
/// (it carries personal data and a token).

#include "runtime/error.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::net::notify {

using header_list = std::vector<std::pair<std::string, std::string>>;

/// A gateway URL split for cpp-httplib: `origin` is scheme://host[:port], `path` the rest
/// ("" when there is none; a query string stays in it).
struct gateway_url {
  std::string origin, path;
};

/// Splits an http:// or https:// URL; nullopt for another scheme or no host.
std::optional<gateway_url> split_gateway_url(const std::string& url);

class http_gateway {
 public:
  /// `name` (e.g. "sms gateway") starts every error text; `url` is where the gateway lives.
  http_gateway(std::string name, const std::string& url, std::chrono::milliseconds timeout);
  ~http_gateway();
  http_gateway(const http_gateway&) = delete;
  http_gateway& operator=(const http_gateway&) = delete;

  /// The path of the gateway's URL ("" when it has none).
  std::string base_path() const;

  /// POSTs `body` to `path` on the gateway's origin; any 2xx is success.
  [[nodiscard]] Result<void> post(const std::string& path, const header_list& headers,
                                  const std::string& body, const std::string& content_type);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace askpro::net::notify
