// `askpro ops …`: the terminal's view of a running server's ops listener (contract.md
// "Commands"): tree, inspect, restart, stop, breaker reset|open, jobs, retry.
#include "net/ops/ops_client.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/app/ops_format.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace askpro::app {
namespace {

using json = nlohmann::json;

/// A tree path as a URL path segment list: "/tenants/acme" and "tenants/acme" both give
/// "tenants/acme"; bytes outside the unreserved set are percent-encoded.
std::string url_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path.substr(path.find_first_not_of('/') == std::string::npos
                                         ? path.size()
                                         : path.find_first_not_of('/'))) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

struct request_line {
  const char* method;
  std::string target;
};

request_line request_for(const ops_options& o) {
  const auto p = url_path(o.arg);
  if (o.verb == "tree") return {"GET", "/ops/actors"};
  if (o.verb == "inspect") return {"GET", "/ops/actors/" + p};
  if (o.verb == "restart" || o.verb == "stop") return {"POST", "/ops/actors/" + p + "/" + o.verb};
  if (o.verb == "breaker reset") return {"POST", "/ops/breakers/" + p + "/reset"};
  if (o.verb == "breaker open") return {"POST", "/ops/breakers/" + p + "/open"};
  if (o.verb == "jobs")
    return {"GET", "/ops/jobs" + (o.status.empty() ? "" : "?status=" + o.status)};
  return {"POST", "/ops/jobs/" + p + "/retry"};
}

std::string default_connect(const config::settings& s) {
  auto host = s.ops.listen.host == "0.0.0.0" || s.ops.listen.host.empty() ? std::string{"127.0.0.1"}
                                                                          : s.ops.listen.host;
  return "http://" + host + ":" + std::to_string(s.ops.listen.port);
}

/// The problem's detail (or the body) of an error answer, for one stderr line.
std::string why(const net::ops::ops_answer& a) {
  auto doc = json::parse(a.body, nullptr, false);
  std::string detail = doc.is_object() ? doc.value("detail", std::string{}) : std::string{};
  if (detail.empty() && doc.is_object()) detail = doc.value("title", std::string{});
  if (a.status == 401) detail += " (give --token or set ASKPRO_OPS_TOKEN)";
  return "HTTP " + std::to_string(a.status) + (detail.empty() ? "" : ": " + detail);
}

std::string human(const ops_options& o, const json& doc) {
  if (o.verb == "tree") return format_tree(doc);
  if (o.verb == "jobs") return format_jobs(doc);
  if (o.verb == "inspect") return format_node(doc);
  if (o.verb == "retry") return "job " + o.arg + " queued again\n";
  return o.verb + ": done\n" + format_node(doc);
}

}  // namespace

int cmd_ops(const config::settings& settings, const ops_options& o) {
  net::ops::ops_endpoint to;
  to.base_url = o.connect.value_or(default_connect(settings));
  while (!to.base_url.empty() && to.base_url.back() == '/') to.base_url.pop_back();
  to.token = o.token.value_or(settings.ops.token);
  const char* user = std::getenv("USER");
  to.user = user ? user : "cli";
  const auto line = request_for(o);
  auto answer = net::ops::ops_request(to, line.method, line.target);
  if (!answer.error.empty()) {
    std::cerr << "askpro ops: " << answer.error << "\n";
    return 1;
  }
  if (answer.status < 200 || answer.status >= 300) {
    std::cerr << "askpro ops " << o.verb << ": " << why(answer) << "\n";
    return 1;
  }
  if (o.json) {
    std::cout << answer.body << "\n";
    return 0;
  }
  auto doc = json::parse(answer.body, nullptr, false);
  std::cout << (doc.is_discarded() ? answer.body + "\n" : human(o, doc));
  return 0;
}

}  // namespace askpro::app
