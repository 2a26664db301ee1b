#pragma once
/// A fake Retell for the voice suites: builds the bodies Retell sends (call events, call_inbound,
/// custom function calls) and POSTs them signed exactly as Retell's SDK signs
/// (`x-retell-signature: v=<ms>,d=<hex HMAC-SHA256(key, body + ms)>`, net/retell/signature.hpp).
/// Thread-safety: one client per thread (it owns an httplib::Client).

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace askpro::fakes {

class retell_client {
 public:
  retell_client(std::string host, uint16_t port, std::string api_key);

  /// POSTs `body` to `path`, signed at `timestamp_ms` (nullopt: no signature header) with `key`
  /// (default: the client's key).
  httplib::Result post(const std::string& path, const std::string& body,
                       std::optional<int64_t> timestamp_ms,
                       std::optional<std::string> key = std::nullopt);

  /// `{"event":"call_inbound","call_inbound":{agent_id, from_number, to_number}}`.
  static nlohmann::json inbound(const std::string& from, const std::string& to);
  /// `{"event": name, "call": {call_id, from_number, to_number, …extra}}`.
  static nlohmann::json event(const std::string& name, const std::string& call_id,
                              const std::string& from, const std::string& to,
                              const nlohmann::json& extra = nlohmann::json::object());
  /// `{"name", "args", "call": {call_id, from_number, to_number, call_status: ongoing}}`.
  static nlohmann::json function(const std::string& name, const nlohmann::json& args,
                                 const std::string& call_id, const std::string& from,
                                 const std::string& to);

 private:
  httplib::Client client_;
  std::string key_;
};

}  // namespace askpro::fakes
