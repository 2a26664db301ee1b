#pragma once
/// Fixture of the Cal.com suites: the voice salon (booking_fixture.hpp scenario, manual clock at
/// 2026-12-01 09:00 Berlin) whose branch "mitte" keeps its calendar in the fake Cal.com
/// (tests/fakes/calcom, a real HTTP server on loopback): service "cut" is event type 1201
/// (30 min, Mon–Sat 09:00–18:00 Berlin, every 30 min). A second tenant "other" (branch
/// "zentrum", its own key and webhook secret, event type 1301) is there for isolation.
/// The node runs the real remote connections (net/calcom) under their breakers, the Retell
/// routes and Cal.com's webhook route.

#include "tests/fakes/calcom_server.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace askpro::test {

inline constexpr int64_t cut_event_type = 1201;
inline constexpr const char* salon_cal_key = "cal_live_salon";
inline constexpr const char* salon_hook_secret = "whsec_salon";
inline constexpr const char* other_hook_secret = "whsec_other";

/// The Cal.com settings of the suites: 400 ms per request, 3 failures open a breaker for 10 s
/// (doubling to 40 s), 120 requests per minute, slots cached 30 s.
config::calcom_settings calcom_test_settings();

class calcom_env {
 public:
  /// `redis_url` set: the API keys' request gates are shared through that Redis (a /redis actor
  /// of the node), as on several nodes; otherwise in-process.
  explicit calcom_env(const backend& db, config::calcom_settings s = calcom_test_settings(),
                      const std::string& redis_url = {});
  ~calcom_env();

  calcom_server fake;
  std::unique_ptr<voice_node> node;

  /// Every booking the fake holds.
  nlohmann::json fake_bookings();
  /// A Cal.com webhook for `tenant`/`branch`, signed with `secret` (empty: unsigned).
  httplib::Result webhook(const std::string& tenant, const std::string& branch,
                          const nlohmann::json& body, const std::string& secret);
  /// The breaker of the salon's branch: closed | open | half_open.
  std::string breaker_state();
  /// Requests the fake has seen since the last clear_log.
  int64_t fake_requests();

  /// One more node on the same database, fake and Redis (as a second server would be); call
  /// release(node) before it goes.
  std::unique_ptr<voice_node> another_node(const backend& db);
  /// Stops the /redis actor of `n` (before `n` is destroyed).
  void release(voice_node& n);
  /// How many subscribers the environment's invalidation channel has (Redis only).
  int64_t invalidation_subscribers();

 private:
  std::string prefix_, redis_url_;
  config::calcom_settings settings_;
  std::vector<std::pair<voice_node*, caf::actor>> redis_;
};

/// A webhook body: `{"triggerEvent", "createdAt", "payload"}`.
nlohmann::json hook(const std::string& trigger, const nlohmann::json& payload);

/// One column of the appointment whose external uid is `uid` (plain SQL); null when none.
nlohmann::json appointment_by_uid(const backend& db, const std::string& uid);

}  // namespace askpro::test
