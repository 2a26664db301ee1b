// A gateway's keep-alive connection and the meaning of its answers (http_gateway.hpp).
#include "net/notify/http_gateway.hpp"

#include <httplib.h>

namespace askpro::net::notify {
namespace {

using std::chrono::milliseconds;

/// The error of a non-2xx status; none for 2xx.
caf::error status_error(const std::string& name, int status) {
  auto text = " (HTTP " + std::to_string(status) + ")";
  if (status == 408) return make_error(errc::timeout, name + " timed out" + text);
  if (status == 429) return make_error(errc::unavailable, name + " rate limit reached" + text);
  if (status >= 400 && status < 500)
    return make_error(errc::invalid_argument,
                      name + " refused the message: HTTP " + std::to_string(status));
  if (status >= 500) return make_error(errc::unavailable, name + " failed" + text);
  return make_error(errc::unavailable, name + " gave an unexpected answer" + text);
}

/// The error of a request that got no answer. A read or write that failed only after the
/// whole time limit is a time-out; one that failed sooner is a closed connection.
caf::error transport_error(const std::string& name, httplib::Error e, milliseconds waited,
                           milliseconds timeout) {
  bool late = waited * 10 >= timeout * 9;
  if (e == httplib::Error::ConnectionTimeout ||
      (late && (e == httplib::Error::Read || e == httplib::Error::Write)))
    return make_error(errc::timeout, name + " did not answer in time");
  return make_error(errc::unavailable, name + " unreachable: " + httplib::to_string(e));
}

}  // namespace

std::optional<gateway_url> split_gateway_url(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  auto scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  auto path_start = url.find_first_of("/?#", scheme_end + 3);
  if (path_start == std::string::npos) path_start = url.size();
  if (path_start == scheme_end + 3) return std::nullopt;  // no host
  auto path = url.substr(path_start);
  if (!path.empty() && path.front() != '/') path.insert(path.begin(), '/');
  return gateway_url{url.substr(0, path_start), path};
}

struct http_gateway::impl {
  std::string name;
  std::optional<gateway_url> url;
  milliseconds timeout;
  std::unique_ptr<httplib::Client> http;

  httplib::Client& connection() {
    if (!http) {
      http = std::make_unique<httplib::Client>(url->origin);
      http->set_keep_alive(true);
      http->set_tcp_nodelay(true);
      http->set_connection_timeout(timeout);
      http->set_read_timeout(timeout);
      http->set_write_timeout(timeout);
    }
    return *http;
  }
};

http_gateway::http_gateway(std::string name, const std::string& url, milliseconds timeout)
    : impl_(std::make_unique<impl>()) {
  impl_->name = std::move(name);
  impl_->url = split_gateway_url(url);
  impl_->timeout = timeout;
}

http_gateway::~http_gateway() = default;

std::string http_gateway::base_path() const {
  return impl_->url ? impl_->url->path : std::string{};
}

Result<void> http_gateway::post(const std::string& path, const header_list& headers,
                                const std::string& body, const std::string& content_type) {
  if (!impl_->url)
    return make_error(errc::unavailable,
                      impl_->name + ": the URL is not http(s)://host[:port][/path]");
  httplib::Headers h(headers.begin(), headers.end());
  auto started = std::chrono::steady_clock::now();
  auto res = impl_->connection().Post(path, h, body, content_type);
  if (!res) {
    impl_->http.reset();  // the next send opens a fresh connection
    auto waited =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started);
    return transport_error(impl_->name, res.error(), waited, impl_->timeout);
  }
  if (res->status >= 200 && res->status < 300) return {};
  return status_error(impl_->name, res->status);
}

}  // namespace askpro::net::notify
