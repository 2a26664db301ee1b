#include "net/retell/call_simulator.hpp"

#include "net/retell/signature.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>

namespace askpro::net::retell {
namespace {

using json = nlohmann::json;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class signed_poster {
 public:
  explicit signed_poster(const call_script& s) : s_(s), client_(s.base_url) {
    client_.set_read_timeout(std::chrono::seconds{60});
  }

  /// POSTs `body` signed; errors unless the answer is `expected`.
  Result<std::string> post(const std::string& path, const json& body, int expected) {
    const auto text = body.dump();
    const httplib::Headers headers{
        {std::string{signature_header}, sign(s_.api_key, text, now_ms())}};
    auto res = client_.Post(path.c_str(), headers, text, "application/json");
    if (!res)
      return make_error(errc::unavailable,
                        "cannot reach " + s_.base_url + ": " + httplib::to_string(res.error()));
    if (res->status == 404) return make_error(errc::not_found, "no tenant answers " + s_.to);
    if (res->status != expected)
      return make_error(errc::unavailable,
                        path + " answered HTTP " + std::to_string(res->status) + ": " + res->body);
    return res->body;
  }

 private:
  const call_script& s_;
  httplib::Client client_;
};

json call_of(const call_script& s, const char* status) {
  return {{"call_id", s.call_id},       {"from_number", s.from}, {"to_number", s.to},
          {"direction", "inbound"},     {"call_status", status}, {"agent_id", "askpro_shell"},
          {"start_timestamp", now_ms()}};
}

}  // namespace

Result<std::vector<std::string>> simulate_call(const call_script& s) {
  signed_poster poster{s};
  json inbound{{"event", "call_inbound"},
               {"call_inbound", {{"from_number", s.from}, {"to_number", s.to}}}};
  if (auto r = poster.post("/webhooks/retell", inbound, 200); !r) return std::move(r.error());
  json started{{"event", "call_started"}, {"call", call_of(s, "ongoing")}};
  if (auto r = poster.post("/webhooks/retell", started, 204); !r) return std::move(r.error());
  std::vector<std::string> answers;
  const auto begin = now_ms();
  for (const auto& [name, args] : s.steps) {
    json fn{{"name", name}, {"args", json::parse(args)}, {"call", call_of(s, "ongoing")}};
    auto r = poster.post("/webhooks/retell/functions", fn, 200);
    if (!r) return std::move(r.error());
    answers.push_back(std::move(*r));
  }
  auto ended_call = call_of(s, "ended");
  ended_call["end_timestamp"] = now_ms();
  ended_call["duration_ms"] = now_ms() - begin;
  ended_call["disconnection_reason"] = "user_hangup";
  json ended{{"event", "call_ended"}, {"call", ended_call}};
  if (auto r = poster.post("/webhooks/retell", ended, 204); !r) return std::move(r.error());
  return answers;
}

}  // namespace askpro::net::retell
