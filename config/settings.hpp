#pragma once
/// The validated configuration of one process (SPEC S3, contract.md). Plain data: copy freely.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace askpro::persistence {
class keyring;
}

namespace askpro::config {

struct listen_address {
  std::string host = "127.0.0.1";
  uint16_t port = 0;
  std::string to_string() const { return host + ":" + std::to_string(port); }
};

struct http_settings {
  listen_address listen{"127.0.0.1", 8080};
  int threads = 64;
  std::size_t max_body_bytes = 1048576;
  std::chrono::seconds keep_alive{2};    ///< keep-alive timeout per connection
  int keep_alive_max = 1000;             ///< requests per keep-alive connection
  std::chrono::seconds read_timeout{5};  ///< header and body read timeout
  std::chrono::seconds write_timeout{5};
  int backlog = 1024;                       ///< listen backlog
  std::chrono::seconds header_timeout{10};  ///< first byte to end of a request's headers
  int max_headers = 100;                    ///< header fields per request (431 above)
  std::size_t max_header_bytes = 16384;     ///< request line and headers (431 above)
};

/// SPEC S11: who may reach the webhooks, and the keys of the data at rest.
struct security_settings {
  std::vector<std::string> trusted_proxies;   ///< CIDRs whose X-Forwarded-For is believed
  std::vector<std::string> retell_allowlist;  ///< CIDRs; empty allows all
  std::vector<std::string> stripe_allowlist;
  std::vector<std::string> calcom_allowlist;
  std::vector<std::string> encryption_keys;  ///< "id:base64 of 32 bytes"; the first encrypts
  std::string keys_file;                     ///< empty: keys.toml beside storage.sqlite_path
  std::string blind_index_key;               ///< base64 of 32 bytes
};

struct ops_settings {
  listen_address listen{"127.0.0.1", 8081};
  std::string token;  ///< empty: the ops API refuses every request
};

struct storage_settings {
  std::string driver = "sqlite";  ///< "sqlite" | "mysql"
  std::string sqlite_path = "var/askpro.db";
  int sqlite_readers = 2;
  std::string mysql_host = "127.0.0.1";
  uint16_t mysql_port = 3306;
  std::string mysql_user = "askpro";
  std::string mysql_password;
  std::string mysql_database = "askpro";
  int mysql_pool = 4;
  /// The data keys every connection opened with these settings seals personal data with; set
  /// by the process at start (app/data_keys.hpp), never read from a file by the config loader.
  std::shared_ptr<const persistence::keyring> data_keys;
};

struct redis_settings {
  std::string url;  ///< "redis://host:port/db"; empty disables Redis
  std::string host;
  uint16_t port = 6379;
  int db = 0;
  bool enabled() const { return !url.empty(); }
};

struct log_settings {
  std::string level = "info";
  std::string format = "json";
};

struct provider_settings {
  std::string retell_base_url = "https://api.retellai.com";
  std::string calcom_base_url = "https://api.cal.com";
  std::string stripe_webhook_secret;
};

/// Cal.com connections (SPEC S7): one request's time limit, the per-API-key budget in any
/// 60-second window, the breaker of each connection and the slot cache.
struct calcom_settings {
  std::chrono::milliseconds timeout{3000};
  int rate_per_min = 120;
  int breaker_failures = 5;
  std::chrono::milliseconds breaker_reset{10000};
  std::chrono::milliseconds breaker_reset_max{300000};
  std::chrono::milliseconds cache_ttl{30000};
};

/// Notification channels (SPEC S10): each is off while its URL is empty. Secrets (tokens,
/// passwords) are never logged.
struct notify_settings {
  std::string sms_url, sms_token, sms_from;  ///< Twilio-style gateway: form POST To, From, Body
  std::string whatsapp_url, whatsapp_token, whatsapp_phone_number_id;  ///< Cloud API root
  std::string smtp_url, smtp_from, smtp_user, smtp_password;  ///< smtp://host:port, smtps://…
  std::chrono::milliseconds timeout{10000};                   ///< one send's time limit
  int breaker_failures = 5;
  std::chrono::milliseconds breaker_reset{10000};
  bool sms() const { return !sms_url.empty(); }
  bool whatsapp() const { return !whatsapp_url.empty(); }
  bool email() const { return !smtp_url.empty(); }
};

/// The durable job queue (SPEC S10): workers of this node, attempts before a job is dead, the
/// first retry gap (doubling, with jitter), how often an idle worker looks for due jobs, and how
/// long a claim holds before another node may take the job over.
struct jobs_settings {
  int workers = 4;
  int max_attempts = 5;
  std::chrono::milliseconds backoff{1000};
  std::chrono::milliseconds poll{500};
  std::chrono::milliseconds lease{60000};
};

struct api_settings {
  double rate_per_s = 20;  ///< sustained requests per second allowed to one tenant API token
  double rate_burst = 40;  ///< requests one token may send at once (token bucket size)
};

struct runtime_settings {
  int scheduler_threads = 0;  ///< 0: one per core
  std::chrono::milliseconds ask_timeout{5000};
  std::chrono::milliseconds shutdown_timeout{10000};
  std::chrono::seconds tenant_idle{600};  ///< a tenant unused this long is stopped (reloads on use)
  std::string node_id;  ///< this node's name in logs, metrics and job claims ("" = host + pid)
};

struct settings {
  http_settings http;
  ops_settings ops;
  storage_settings storage;
  redis_settings redis;
  log_settings log;
  calcom_settings calcom;
  provider_settings providers;
  runtime_settings runtime;
  api_settings api;
  notify_settings notify;
  jobs_settings jobs;
  security_settings security;
};

}  // namespace askpro::config
