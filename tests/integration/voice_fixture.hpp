#pragma once
/// Fixture of the voice suites: the salon scenario of booking_fixture.hpp (seeded with
/// apply_tenant into SQLite or MariaDB, Retell key "key_salon", dialled number +49301110000) and
/// a runtime with /db, /tenants, /directory on a manual clock (2026-12-01 09:00 Berlin) plus the
/// HTTP edge with the Retell routes on loopback port 0. Requests come from the signing fake
/// Retell client (tests/fakes/retell_client.hpp).

#include "actors/tenant/tenant_supervisor.hpp"
#include "config/settings.hpp"
#include "net/edge.hpp"
#include "runtime/clock.hpp"
#include "runtime/tree_registry.hpp"
#include "tests/fakes/retell_client.hpp"
#include "tests/integration/booking_fixture.hpp"

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace askpro::test {

inline constexpr const char* salon_key = "key_salon";
inline constexpr const char* salon_number = "+49301110000";
inline constexpr const char* caller_number = "+4915112345678";

/// What a voice node may differ in: the tenant seeded, the connections of external calendars
/// and whether Cal.com's webhook route is mounted too.
struct voice_node_options {
  std::function<void(const backend&)> seed;  ///< default: seed_voice_salon
  /// The connections of external calendars, made once the node's actor system exists.
  std::function<std::shared_ptr<const actors::tenant::remote_calendars>(
      caf::actor_system&, const runtime::registry_ptr&)>
      remote;
  bool calcom_webhooks = false;
  /// Notification channels and the job queue (SPEC S10): when set, the node also runs /notify
  /// and /jobs built from these settings' `notify` and `jobs` (senders from net/notify, claims
  /// named `node_id`), tenants enqueue messages, and the ops listener serves /ops/jobs.
  std::optional<config::settings> delivery;
  std::string node_id = "node-a";
  /// Non-empty: Stripe's webhook is mounted too, with this endpoint secret.
  std::string stripe_secret;
};

class voice_node {
 public:
  explicit voice_node(const backend& db, voice_node_options options = {});
  ~voice_node();

  fakes::retell_client client(const std::string& key = salon_key) const;
  int64_t now_ms() const;
  uint16_t client_port() const { return port_; }
  uint16_t ops_port() const { return ops_port_; }
  /// An unsigned POST of `body` with `headers` to the API listener.
  httplib::Result post_raw(const std::string& path, const std::string& body,
                           const httplib::Headers& headers) const;
  /// A signed POST of `body` at the clock's now; the parsed JSON of the answer in `json`.
  httplib::Result post(const std::string& path, const nlohmann::json& body) const;
  /// A function call of `call_id` from `from`; REQUIREs HTTP 200 and returns the envelope.
  nlohmann::json call(const std::string& name, const nlohmann::json& args,
                      const std::string& call_id, const std::string& from = caller_number) const;

  caf::actor_system& sys() { return *sys_; }
  const runtime::registry_ptr& registry() const { return registry_; }
  runtime::manual_clock& clock() { return *clock_; }

 private:
  caf::actor_system_config cfg_;
  std::unique_ptr<caf::actor_system> sys_;
  runtime::registry_ptr registry_;
  std::shared_ptr<runtime::manual_clock> clock_;
  caf::actor root_;
  std::unique_ptr<net::edge> edge_;
  uint16_t port_ = 0;
  uint16_t ops_port_ = 0;
};

/// A signed call event `name` of `call_id` from the caller to the salon with `extra` call fields;
/// REQUIREs 204.
void post_event(voice_node& n, const std::string& name, const std::string& call_id,
                const nlohmann::json& extra = nlohmann::json::object());

/// Seeds the salon with its Retell key.
void seed_voice_salon(const backend& db);

/// SELECT COUNT(*) of a table (plain SQL).
int64_t count_rows(const backend& db, const std::string& table);

}  // namespace askpro::test

/// "<title> - sqlite" / "<title> - mysql" with tags [voice][sqlite] / [voice][mysql].
#define VOICE_CASE(title, tags)                                               \
  static void ASKPRO_PP_CAT(voice_case_, __LINE__)(::askpro::test::backend&); \
  TEST_CASE(title " - sqlite", "[voice][sqlite]" tags) {                      \
    ::askpro::test::with_sqlite(ASKPRO_PP_CAT(voice_case_, __LINE__));        \
  }                                                                           \
  TEST_CASE(title " - mysql", "[voice][mysql]" tags) {                        \
    ::askpro::test::with_mysql(ASKPRO_PP_CAT(voice_case_, __LINE__));         \
  }                                                                           \
  static void ASKPRO_PP_CAT(voice_case_, __LINE__)(::askpro::test::backend & db)
