#include "config/keys.hpp"

#include "config/loader.hpp"
#include "runtime/cidr.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>

namespace askpro::config::detail {
namespace {

using apply_fn = std::function<std::string(settings&, const raw_value&)>;

std::vector<std::string> split_items(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto cut = std::min(text.find(',', at), text.size());
    auto item = text.substr(at, cut - at);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
    at = cut + 1;
  }
  return out;
}

bool as_integer(const raw_value& v, long long& out) {
  if (v.type == raw_value::kind::integer) {
    out = v.integer;
    return true;
  }
  if (v.type != raw_value::kind::string || v.text.empty()) return false;
  const char* end = v.text.data() + v.text.size();
  auto [ptr, ec] = std::from_chars(v.text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}

template <class Get>
apply_fn text(Get get) {
  return [get](settings& s, const raw_value& v) -> std::string {
    if (v.type != raw_value::kind::string) return "expected a string";
    get(s) = v.text;
    return {};
  };
}

bool as_number(const raw_value& v, double& out) {
  if (v.type == raw_value::kind::floating) {
    out = v.floating;
    return true;
  }
  if (v.type == raw_value::kind::integer) {
    out = static_cast<double>(v.integer);
    return true;
  }
  if (v.type != raw_value::kind::string || v.text.empty()) return false;
  const char* end = v.text.data() + v.text.size();
  auto [ptr, ec] = std::from_chars(v.text.data(), end, out);
  return ec == std::errc{} && ptr == end && std::isfinite(out);
}

/// A finite number in (0, hi].
template <class Get>
apply_fn positive(Get get, double hi) {
  return [get, hi](settings& s, const raw_value& v) -> std::string {
    double n = 0;
    if (!as_number(v, n)) return "expected a number, got '" + v.text + "'";
    if (!(n > 0) || n > hi)
      return "must be a positive number up to " + std::to_string(static_cast<long long>(hi));
    get(s) = n;
    return {};
  };
}

template <class Get>
apply_fn integer(Get get, long long lo, long long hi) {
  return [get, lo, hi](settings& s, const raw_value& v) -> std::string {
    long long n = 0;
    if (!as_integer(v, n)) return "expected an integer, got '" + v.text + "'";
    if (n < lo || n > hi)
      return "must be between " + std::to_string(lo) + " and " + std::to_string(hi);
    using target = std::decay_t<decltype(get(s))>;
    get(s) = static_cast<target>(n);
    return {};
  };
}

template <class Get, class Unit>
apply_fn duration(Get get, long long lo, long long hi, Unit) {
  return [get, lo, hi](settings& s, const raw_value& v) -> std::string {
    long long n = 0;
    if (!as_integer(v, n)) return "expected an integer, got '" + v.text + "'";
    if (n < lo || n > hi)
      return "must be between " + std::to_string(lo) + " and " + std::to_string(hi);
    get(s) = Unit{n};
    return {};
  };
}

template <class Get>
apply_fn choice(Get get, std::initializer_list<const char*> allowed) {
  std::vector<std::string> options(allowed.begin(), allowed.end());
  return [get, options](settings& s, const raw_value& v) -> std::string {
    if (v.type != raw_value::kind::string) return "expected a string";
    if (std::find(options.begin(), options.end(), v.text) == options.end()) {
      std::string list;
      for (const auto& o : options) list += (list.empty() ? "" : ", ") + o;
      return "unknown value '" + v.text + "' (expected one of: " + list + ")";
    }
    get(s) = v.text;
    return {};
  };
}

/// A TOML list of strings, or one string of comma-separated items (environment variables).
template <class Get>
apply_fn strings(Get get, std::function<std::string(const std::string&)> check) {
  return [get, check](settings& s, const raw_value& v) -> std::string {
    if (v.type != raw_value::kind::list && v.type != raw_value::kind::string)
      return "expected a list of strings";
    auto items = v.type == raw_value::kind::list ? v.items : split_items(v.text);
    for (const auto& item : items)
      if (auto issue = check ? check(item) : std::string{}; !issue.empty()) return issue;
    get(s) = std::move(items);
    return {};
  };
}

template <class Get>
apply_fn address(Get get) {
  return [get](settings& s, const raw_value& v) -> std::string {
    if (v.type != raw_value::kind::string) return "expected a string host:port";
    auto parsed = parse_listen(v.text);
    if (!parsed) return detail_of(parsed.error());
    get(s) = *parsed;
    return {};
  };
}

#define FIELD(expr)           \
  [](settings & s) -> auto& { \
    return s.expr;            \
  }
using secs = std::chrono::seconds;
using msecs = std::chrono::milliseconds;

std::string cidr_issue(const std::string& item) {
  auto parsed = runtime::parse_cidr(item);
  return parsed ? std::string{} : detail_of(parsed.error());
}

std::vector<key_def> build_table() {
  return {
      {"http", "listen", address(FIELD(http.listen))},
      {"http", "threads", integer(FIELD(http.threads), 1, 1024)},
      {"http", "max_body_bytes", integer(FIELD(http.max_body_bytes), 1024, 1LL << 30)},
      {"http", "keep_alive_s", duration(FIELD(http.keep_alive), 0, 300, secs{})},
      {"http", "keep_alive_max", integer(FIELD(http.keep_alive_max), 1, 1000000)},
      {"http", "read_timeout_s", duration(FIELD(http.read_timeout), 1, 300, secs{})},
      {"http", "write_timeout_s", duration(FIELD(http.write_timeout), 1, 300, secs{})},
      {"http", "backlog", integer(FIELD(http.backlog), 16, 65535)},
      {"http", "header_timeout_s", duration(FIELD(http.header_timeout), 1, 300, secs{})},
      {"http", "max_headers", integer(FIELD(http.max_headers), 8, 10000)},
      {"http", "max_header_bytes", integer(FIELD(http.max_header_bytes), 1024, 1 << 20)},
      {"ops", "listen", address(FIELD(ops.listen))},
      {"security", "trusted_proxies", strings(FIELD(security.trusted_proxies), cidr_issue)},
      {"security", "retell_allowlist", strings(FIELD(security.retell_allowlist), cidr_issue)},
      {"security", "stripe_allowlist", strings(FIELD(security.stripe_allowlist), cidr_issue)},
      {"security", "calcom_allowlist", strings(FIELD(security.calcom_allowlist), cidr_issue)},
      // Secrets: checked when the keyring is built, never echoed in a config error.
      {"security", "encryption_keys", strings(FIELD(security.encryption_keys), nullptr)},
      {"security", "blind_index_key", text(FIELD(security.blind_index_key))},
      {"security", "keys_file", text(FIELD(security.keys_file))},
      {"ops", "token", text(FIELD(ops.token))},
      {"storage", "driver", choice(FIELD(storage.driver), {"sqlite", "mysql"})},
      {"storage", "sqlite_path", text(FIELD(storage.sqlite_path))},
      {"storage", "sqlite_readers", integer(FIELD(storage.sqlite_readers), 1, 64)},
      {"storage", "mysql_host", text(FIELD(storage.mysql_host))},
      {"storage", "mysql_port", integer(FIELD(storage.mysql_port), 1, 65535)},
      {"storage", "mysql_user", text(FIELD(storage.mysql_user))},
      {"storage", "mysql_password", text(FIELD(storage.mysql_password))},
      {"storage", "mysql_database", text(FIELD(storage.mysql_database))},
      {"storage", "mysql_pool", integer(FIELD(storage.mysql_pool), 1, 256)},
      {"redis", "url", text(FIELD(redis.url))},
      {"log", "level", choice(FIELD(log.level), {"trace", "debug", "info", "warn", "error"})},
      {"log", "format", choice(FIELD(log.format), {"json", "text"})},
      {"retell", "base_url", text(FIELD(providers.retell_base_url))},
      {"calcom", "base_url", text(FIELD(providers.calcom_base_url))},
      {"calcom", "timeout_ms", duration(FIELD(calcom.timeout), 100, 120000, msecs{})},
      {"calcom", "rate_per_min", integer(FIELD(calcom.rate_per_min), 1, 100000)},
      {"calcom", "breaker_failures", integer(FIELD(calcom.breaker_failures), 1, 1000)},
      {"calcom", "breaker_reset_ms", duration(FIELD(calcom.breaker_reset), 10, 3600000, msecs{})},
      {"calcom", "breaker_reset_max_ms",
       duration(FIELD(calcom.breaker_reset_max), 10, 86400000, msecs{})},
      {"calcom", "cache_ttl_ms", duration(FIELD(calcom.cache_ttl), 0, 3600000, msecs{})},
      {"stripe", "webhook_secret", text(FIELD(providers.stripe_webhook_secret))},
      {"runtime", "scheduler_threads", integer(FIELD(runtime.scheduler_threads), 0, 256)},
      {"runtime", "ask_timeout_ms", duration(FIELD(runtime.ask_timeout), 10, 600000, msecs{})},
      {"runtime", "shutdown_timeout_ms",
       duration(FIELD(runtime.shutdown_timeout), 100, 600000, msecs{})},
      {"runtime", "tenant_idle_s", duration(FIELD(runtime.tenant_idle), 1, 604800, secs{})},
      {"runtime", "node_id", text(FIELD(runtime.node_id))},
      {"notify", "sms_url", text(FIELD(notify.sms_url))},
      {"notify", "sms_token", text(FIELD(notify.sms_token))},
      {"notify", "sms_from", text(FIELD(notify.sms_from))},
      {"notify", "whatsapp_url", text(FIELD(notify.whatsapp_url))},
      {"notify", "whatsapp_token", text(FIELD(notify.whatsapp_token))},
      {"notify", "whatsapp_phone_number_id", text(FIELD(notify.whatsapp_phone_number_id))},
      {"notify", "smtp_url", text(FIELD(notify.smtp_url))},
      {"notify", "smtp_from", text(FIELD(notify.smtp_from))},
      {"notify", "smtp_user", text(FIELD(notify.smtp_user))},
      {"notify", "smtp_password", text(FIELD(notify.smtp_password))},
      {"notify", "timeout_ms", duration(FIELD(notify.timeout), 100, 120000, msecs{})},
      {"notify", "breaker_failures", integer(FIELD(notify.breaker_failures), 1, 1000)},
      {"notify", "breaker_reset_ms", duration(FIELD(notify.breaker_reset), 10, 3600000, msecs{})},
      {"jobs", "workers", integer(FIELD(jobs.workers), 0, 256)},
      {"jobs", "max_attempts", integer(FIELD(jobs.max_attempts), 1, 100)},
      {"jobs", "backoff_ms", duration(FIELD(jobs.backoff), 1, 86400000, msecs{})},
      {"jobs", "poll_ms", duration(FIELD(jobs.poll), 1, 600000, msecs{})},
      {"jobs", "lease_ms", duration(FIELD(jobs.lease), 100, 86400000, msecs{})},
      {"api", "rate_per_s", positive(FIELD(api.rate_per_s), 1000000)},
      {"api", "rate_burst", positive(FIELD(api.rate_burst), 1000000)},
  };
}

#undef FIELD

}  // namespace

const std::vector<key_def>& key_table() {
  static const std::vector<key_def> table = build_table();
  return table;
}

const key_def* find_key(const std::string& section, const std::string& key) {
  for (const auto& def : key_table())
    if (def.section == section && def.key == key) return &def;
  return nullptr;
}

bool known_section(const std::string& section) {
  for (const auto& def : key_table())
    if (def.section == section) return true;
  return false;
}

}  // namespace askpro::config::detail
