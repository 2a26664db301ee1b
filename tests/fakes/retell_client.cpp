#include "tests/fakes/retell_client.hpp"

#include "net/retell/signature.hpp"

namespace askpro::fakes {

retell_client::retell_client(std::string host, uint16_t port, std::string api_key)
    : client_(host, port), key_(std::move(api_key)) {
  client_.set_read_timeout(30, 0);
}

httplib::Result retell_client::post(const std::string& path, const std::string& body,
                                    std::optional<int64_t> timestamp_ms,
                                    std::optional<std::string> key) {
  httplib::Headers headers;
  if (timestamp_ms)
    headers.emplace(std::string{net::retell::signature_header},
                    net::retell::sign(key.value_or(key_), body, *timestamp_ms));
  return client_.Post(path.c_str(), headers, body, "application/json");
}

nlohmann::json retell_client::inbound(const std::string& from, const std::string& to) {
  return {{"event", "call_inbound"},
          {"call_inbound", {{"agent_id", "agent_1"}, {"from_number", from}, {"to_number", to}}}};
}

nlohmann::json retell_client::event(const std::string& name, const std::string& call_id,
                                    const std::string& from, const std::string& to,
                                    const nlohmann::json& extra) {
  nlohmann::json call{{"call_id", call_id},        {"agent_id", "agent_1"},
                      {"call_type", "phone_call"}, {"direction", "inbound"},
                      {"from_number", from},       {"to_number", to}};
  for (auto it = extra.begin(); it != extra.end(); ++it) call[it.key()] = it.value();
  return {{"event", name}, {"call", call}};
}

nlohmann::json retell_client::function(const std::string& name, const nlohmann::json& args,
                                       const std::string& call_id, const std::string& from,
                                       const std::string& to) {
  return {{"name", name},
          {"args", args},
          {"call",
           {{"call_id", call_id},
            {"call_status", "ongoing"},
            {"direction", "inbound"},
            {"from_number", from},
            {"to_number", to}}}};
}

}  // namespace askpro::fakes
