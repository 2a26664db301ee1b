#include "net/ops/ops_client.hpp"

#include <httplib.h>

namespace askpro::net::ops {

ops_answer ops_request(const ops_endpoint& to, const std::string& method, const std::string& target,
                       const std::string& body, const std::string& content_type) {
  if (to.base_url.rfind("http://", 0) != 0)
    return {
        0, {}, "--connect must be an http:// URL (the ops listener), not '" + to.base_url + "'"};
  httplib::Client client(to.base_url);
  client.set_connection_timeout(to.timeout);
  client.set_read_timeout(to.timeout);
  httplib::Headers headers{{"Authorization", "Bearer " + to.token},
                           {"X-Ops-User", to.user.empty() ? "cli" : to.user}};
  auto res = method == "POST" ? client.Post(target.c_str(), headers, body, content_type.c_str())
                              : client.Get(target.c_str(), headers);
  if (!res) return {0, {}, "cannot reach " + to.base_url + ": " + httplib::to_string(res.error())};
  return {res->status, res->body, {}};
}

}  // namespace askpro::net::ops
