#include "config/loader.hpp"

#include "config/keys.hpp"

#include <toml++/toml.h>

#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

extern char** environ;

namespace askpro::config {
namespace {

using detail::raw_value;

caf::error problem(const std::string& key, const std::string& text) {
  return make_error(errc::config, key + ": " + text);
}

std::string number_text(double n) {
  std::ostringstream out;
  out << n;
  return out.str();
}

std::optional<raw_value> to_raw(const toml::node& node) {
  raw_value v;
  if (auto s = node.value<std::string>(); s && node.is_string()) {
    v.text = *s;
  } else if (node.is_integer()) {
    v.type = raw_value::kind::integer;
    v.integer = *node.value<int64_t>();
    v.text = std::to_string(v.integer);
  } else if (node.is_floating_point()) {
    v.type = raw_value::kind::floating;
    v.floating = *node.value<double>();
    v.text = number_text(v.floating);
  } else if (const auto* array = node.as_array()) {
    v.type = raw_value::kind::list;
    for (const auto& item : *array) {
      auto text = item.value<std::string>();
      if (!text || !item.is_string()) return std::nullopt;
      v.items.push_back(*text);
    }
  } else if (node.is_boolean()) {
    v.type = raw_value::kind::boolean;
    v.boolean = *node.value<bool>();
    v.text = v.boolean ? "true" : "false";
  } else {
    return std::nullopt;
  }
  return v;
}

caf::error apply_one(settings& s, const std::string& section, const std::string& key,
                     const raw_value& v) {
  const auto name = section + "." + key;
  const auto* def = detail::find_key(section, key);
  if (!def) return problem(name, "unknown key");
  auto issue = def->apply(s, v);
  return issue.empty() ? caf::error{} : problem(name, issue);
}

caf::error apply_table(settings& s, const toml::table& root) {
  for (const auto& [sec_key, sec_node] : root) {
    const std::string section{sec_key.str()};
    const auto* table = sec_node.as_table();
    if (!table) return problem(section, "expected a [" + section + "] table");
    if (!detail::known_section(section)) return problem(section, "unknown section");
    for (const auto& [key, node] : *table) {
      auto raw = to_raw(node);
      const auto name = section + "." + std::string{key.str()};
      if (!raw) return problem(name, "expected a string, number, boolean or list of strings");
      if (auto err = apply_one(s, section, std::string{key.str()}, *raw)) return err;
    }
  }
  return {};
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// ASKPRO_<SECTION>_<KEY>: sections we do not know are left alone (other tools share the
/// prefix); an unknown key inside one of our sections is an error.
caf::error apply_env(settings& s, const env_map& env) {
  for (const auto& [name, value] : env) {
    if (name.rfind("ASKPRO_", 0) != 0) continue;
    auto rest = lower(name.substr(7));
    auto cut = rest.find('_');
    if (cut == std::string::npos) continue;
    auto section = rest.substr(0, cut);
    if (!detail::known_section(section)) continue;
    raw_value v;
    v.text = value;
    if (auto err = apply_one(s, section, rest.substr(cut + 1), v))
      return make_error(errc::config, name + " (" + detail_of(err) + ")");
  }
  return {};
}

caf::error parse_redis_url(redis_settings& r) {
  if (r.url.empty()) return {};
  const std::string scheme = "redis://";
  if (r.url.rfind(scheme, 0) != 0) return problem("redis.url", "expected redis://host:port/db");
  auto rest = r.url.substr(scheme.size());
  auto slash = rest.find('/');
  auto hostport = rest.substr(0, slash);
  if (slash != std::string::npos && slash + 1 < rest.size()) {
    auto dbs = rest.substr(slash + 1);
    auto [p, ec] = std::from_chars(dbs.data(), dbs.data() + dbs.size(), r.db);
    if (ec != std::errc{} || p != dbs.data() + dbs.size() || r.db < 0)
      return problem("redis.url", "database must be a number, got '" + dbs + "'");
  }
  if (hostport.find(':') == std::string::npos) hostport += ":6379";
  auto addr = parse_listen(hostport);
  if (!addr || addr->port == 0) return problem("redis.url", "expected redis://host:port/db");
  r.host = addr->host;
  r.port = addr->port;
  return {};
}

caf::error validate(settings& s) {
  if (auto err = parse_redis_url(s.redis)) return err;
  if (s.storage.driver == "sqlite" && s.storage.sqlite_path.empty())
    return problem("storage.sqlite_path", "must not be empty with driver sqlite");
  if (s.storage.driver == "mysql" && s.storage.mysql_database.empty())
    return problem("storage.mysql_database", "must not be empty with driver mysql");
  if (s.storage.driver == "mysql" && s.storage.mysql_host.empty())
    return problem("storage.mysql_host", "must not be empty with driver mysql");
  if (s.ops.listen.port != 0 && s.ops.listen.port == s.http.listen.port &&
      s.ops.listen.host == s.http.listen.host)
    return problem("ops.listen", "must differ from http.listen");
  if (s.calcom.breaker_reset_max < s.calcom.breaker_reset)
    return problem("calcom.breaker_reset_max_ms", "must not be below calcom.breaker_reset_ms");
  for (const auto& [key, url] : {std::pair{"notify.sms_url", &s.notify.sms_url},
                                 std::pair{"notify.whatsapp_url", &s.notify.whatsapp_url}})
    if (!url->empty() && url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0)
      return problem(key, "expected an http:// or https:// URL");
  if (!s.notify.smtp_url.empty() && s.notify.smtp_url.rfind("smtp://", 0) != 0 &&
      s.notify.smtp_url.rfind("smtps://", 0) != 0)
    return problem("notify.smtp_url", "expected smtp://host:port or smtps://host:port");
  if (s.notify.email() && s.notify.smtp_from.empty())
    return problem("notify.smtp_from", "must be set when notify.smtp_url is");
  if (s.notify.whatsapp() && s.notify.whatsapp_phone_number_id.empty())
    return problem("notify.whatsapp_phone_number_id", "must be set when notify.whatsapp_url is");
  return {};
}

}  // namespace

env_map process_environment() {
  env_map out;
  for (char** e = environ; e && *e; ++e) {
    std::string entry{*e};
    auto eq = entry.find('=');
    if (eq != std::string::npos && entry.rfind("ASKPRO_", 0) == 0)
      out.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return out;
}

Result<settings> load_text(const std::string& toml_text, const env_map& env,
                           const std::string& origin) {
  settings s;
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    return make_error(errc::config, origin + ":" + std::to_string(at.line) + ":" +
                                        std::to_string(at.column) + ": " +
                                        std::string{e.description()});
  }
  if (auto err = apply_table(s, root)) return err;
  if (auto err = apply_env(s, env)) return err;
  if (auto err = validate(s)) return err;
  return s;
}

Result<settings> load(const std::optional<std::string>& file, const env_map& env) {
  if (!file) return load_text("", env, "defaults");
  std::ifstream in{*file, std::ios::binary};
  if (!in) return make_error(errc::config, *file + ": cannot read the configuration file");
  std::stringstream buf;
  buf << in.rdbuf();
  return load_text(buf.str(), env, *file);
}

Result<listen_address> parse_listen(const std::string& text) {
  auto bad = [&] { return make_error(errc::config, "expected host:port, got '" + text + "'"); };
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return bad();
  listen_address out;
  out.host = text.substr(0, colon);
  if (out.host.front() == '[') {
    if (out.host.back() != ']' || out.host.size() < 3) return bad();
    out.host = out.host.substr(1, out.host.size() - 2);
  } else if (out.host.find(':') != std::string::npos) {
    return bad();
  }
  unsigned port = 0;
  const char* first = text.data() + colon + 1;
  const char* last = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(first, last, port);
  if (ec != std::errc{} || ptr != last || port > 65535) return bad();
  for (char c : out.host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':'))
      return bad();
  out.port = static_cast<uint16_t>(port);
  return out;
}

}  // namespace askpro::config
