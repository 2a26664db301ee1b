#include "net/http/provider_guard.hpp"

#include "net/http/respond.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace askpro::net::http {
namespace {

struct provider_rule {
  std::string prefix;  ///< "/webhooks/retell" covers "/webhooks/retell/functions" too
  std::string name;
  runtime::cidr_list allowed;
};

/// A list the configuration already validated; a bad entry would allow nothing.
runtime::cidr_list ranges(const std::vector<std::string>& texts) {
  auto parsed = runtime::cidr_list::parse(texts);
  if (parsed) return *parsed;
  return *runtime::cidr_list::parse({"::/128"});
}

bool under(const std::string& path, const std::string& prefix) {
  return path.rfind(prefix, 0) == 0 && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

}  // namespace

std::string client_address(const httplib::Request& req, const runtime::cidr_list& trusted) {
  std::string client = req.remote_addr;
  if (trusted.empty() || !trusted.contains(client)) return client;
  std::vector<std::string> hops;
  const auto chain = req.get_header_value("X-Forwarded-For");
  for (std::size_t at = 0; at <= chain.size();) {
    auto comma = std::min(chain.find(',', at), chain.size());
    hops.push_back(trim(chain.substr(at, comma - at)));
    at = comma + 1;
  }
  // From the nearest hop outwards: the first address that is not a trusted proxy is the client.
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!runtime::parse_ip(*it)) break;  // a forged or broken entry ends what can be believed
    client = *it;
    if (!trusted.contains(client)) break;
  }
  return client;
}

pre_route_check make_provider_guard(const config::security_settings& security) {
  std::vector<provider_rule> rules;
  auto add = [&](std::string prefix, std::string name, const std::vector<std::string>& list) {
    if (!list.empty()) rules.push_back({std::move(prefix), std::move(name), ranges(list)});
  };
  add("/webhooks/retell", "retell", security.retell_allowlist);
  add("/webhooks/stripe", "stripe", security.stripe_allowlist);
  add("/webhooks/calcom", "calcom", security.calcom_allowlist);
  auto trusted = ranges(security.trusted_proxies);
  return [rules = std::move(rules), trusted](const httplib::Request& req, httplib::Response& res) {
    for (const auto& rule : rules) {
      if (!under(req.path, rule.prefix)) continue;
      if (rule.allowed.contains(client_address(req, trusted))) return false;
      spdlog::warn("{} webhook refused: the client address is not in security.{}_allowlist",
                   rule.name, rule.name);
      respond_error(res, make_error(errc::forbidden,
                                    "this address may not call the " + rule.name + " webhooks"));
      return true;
    }
    return false;
  };
}

}  // namespace askpro::net::http
