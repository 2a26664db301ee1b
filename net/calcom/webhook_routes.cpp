#include "net/calcom/webhook_routes.hpp"

#include "net/calcom/signature.hpp"
#include "net/http/http_metrics.hpp"
#include "net/http/respond.hpp"
#include "net/http/router.hpp"

#include <spdlog/spdlog.h>

#include <set>

namespace askpro::net::calcom {
namespace {

using actors::calendar::event_deps;

bool is_booking_trigger(const std::string& t) {
  static const std::set<std::string> known{"BOOKING_CREATED", "BOOKING_CANCELLED",
                                           "BOOKING_RESCHEDULED", "BOOKING_NO_SHOW_UPDATED"};
  return known.count(t) > 0;
}

void respond_unauthorized(httplib::Response& res, verdict v) {
  http::problem p;
  p.status = 401;
  p.code = "unauthorized";
  p.detail = std::string{"webhook signature "} + to_string(v);
  http::respond_problem(res, p);
}

/// Answers the delivery; true when it was a repeat of one already applied.
bool on_webhook(const event_deps& deps, const httplib::Request& req, httplib::Response& res) {
  const auto tenant = req.matches[1].str();
  const auto branch = req.matches[2].str();
  auto conn = actors::calendar::find_connection(deps, tenant, branch);
  if (!conn) {
    http::respond_error(res, conn.error());
    return false;
  }
  auto v = verify(req.get_header_value(std::string{signature_header}),
                  conn->branch->calendar.webhook_secret, req.body);
  if (v != verdict::valid) {
    spdlog::warn("calcom webhook {}/{}: signature {}", tenant, branch, to_string(v));
    respond_unauthorized(res, v);
    return false;
  }
  auto ev = parse_webhook(req.body);
  if (!ev) {
    http::respond_bad_json(res, ev.error());
    return false;
  }
  if (ev->trigger == "PING" || !is_booking_trigger(ev->trigger)) {
    spdlog::info("calcom webhook {}/{}: {} acknowledged", tenant, branch, ev->trigger);
    http::respond_json(res, 200, {{"received", true}, {"effect", "none"}});
    return false;
  }
  auto effect = actors::calendar::receive_event(deps, *conn, to_external(*ev), req.body);
  if (!effect) {
    http::respond_error(res, effect.error());
    return false;
  }
  http::respond_json(res, 200, {{"received", true}, {"effect", to_string(*effect)}});
  return *effect == actors::calendar::event_effect::duplicate;
}

class webhook_routes final : public http::route_group {
 public:
  explicit webhook_routes(event_deps deps) : deps_(std::move(deps)) {}
  void mount(http::router& routes) override {
    routes.post(R"(/webhooks/calcom/([^/]+)/([^/]+))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  const bool duplicate = on_webhook(deps_, req, res);
                  http::count_webhook_answer("calcom", res.status, duplicate);
                });
  }

 private:
  event_deps deps_;
};

}  // namespace

actors::calendar::external_event to_external(const webhook_event& ev) {
  actors::calendar::external_event out;
  out.trigger = ev.trigger;
  out.uid = ev.uid;
  out.previous_uid = ev.reschedule_uid;
  out.event_type_id = ev.event_type_id;
  out.start_ms = ev.start_ms;
  out.end_ms = ev.end_ms;
  out.no_show = ev.no_show;
  out.attendee_name = ev.attendee_name;
  out.attendee_phone = ev.attendee_phone;
  auto key = ev.metadata.find(std::string{request_key_field});
  if (key != ev.metadata.end()) out.request_key = key->second;
  return out;
}

Result<actors::calendar::external_event> decode_stored(const std::string& payload) {
  auto ev = parse_webhook(payload);
  if (!ev) return std::move(ev.error());
  return to_external(*ev);
}

std::shared_ptr<http::route_group> make_webhook_routes(event_deps deps) {
  return std::make_shared<webhook_routes>(std::move(deps));
}

}  // namespace askpro::net::calcom
