#include "net/retell/routes.hpp"

#include "net/http/http_metrics.hpp"
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "net/retell/handler_internal.hpp"

#include <spdlog/spdlog.h>

namespace askpro::net::retell {
namespace {

using actors::call::voice_deps;

void answer_inbound(const voice_deps& deps, const actors::call::tenant_route& route,
                    const event& ev, httplib::Response& res) {
  auto vars = actors::call::inbound_variables(deps, route, ev.call.from_number);
  if (!vars) return http::respond_error(res, vars.error());
  res.status = 200;
  res.set_content(inbound_response(*vars, {{"tenant", route.route.company_slug},
                                           {"branch", route.route.branch_slug}}),
                  "application/json");
}

/// Answers the event; true when it was a repeat of one already recorded.
bool on_event(const voice_deps& deps, const httplib::Request& req, httplib::Response& res) {
  auto route = authenticate(deps, req, res);
  if (!route) return false;
  auto ev = parse_event(req.body);
  if (!ev) {
    respond_unparseable(res, ev.error());
    return false;
  }
  bool inbound = ev->name == "call_inbound";
  if (!inbound && !is_call_event(ev->name)) {
    spdlog::info("retell event '{}' ignored", ev->name);
    res.status = 204;
    return false;
  }
  auto recorded = actors::call::record_call_event(deps, *route, to_call_event(*ev, *route, req));
  if (!recorded) {
    http::respond_error(res, recorded.error());
    return false;
  }
  if (inbound) {
    answer_inbound(deps, *route, *ev, res);
  } else {
    if (ev->name == "call_started")  // the first function call starts it if this one fails
      actors::call::start_session_async(deps, *route, ev->call.call_id, ev->call.from_number);
    res.status = 204;
  }
  return !recorded->fresh;
}

void on_function(const voice_deps& deps, const httplib::Request& req, httplib::Response& res) {
  auto route = authenticate(deps, req, res);
  if (!route) return;
  auto call = parse_function_call(req.body);
  if (!call) return respond_unparseable(res, call.error());
  if (call->call.call_id.empty())
    return respond_unparseable(res, make_error(errc::invalid_argument, "call.call_id missing"));
  actors::call::function_request fr{call->name, call->args};
  auto reply = actors::call::run_function(deps, *route, call->call.call_id, call->call.from_number,
                                          std::move(fr));
  if (!reply) {
    spdlog::warn("retell function '{}' failed: {}", call->name, describe(reply.error()));
    actors::call::function_reply r;
    r.error_code = "calendar_unavailable";
    r.message = "Einen Moment bitte, das System ist gerade nicht erreichbar.";
    reply = r;
  }
  res.status = 200;
  res.set_content(
      function_response(reply->success, reply->message, reply->data_json, reply->error_code),
      "application/json");
}

class retell_routes final : public http::route_group {
 public:
  explicit retell_routes(voice_deps deps)
      : deps_(actors::call::with_shared_state(std::move(deps))) {}
  void mount(http::router& routes) override {
    routes.post("/webhooks/retell", [this](const httplib::Request& req, httplib::Response& res) {
      const bool duplicate = on_event(deps_, req, res);
      http::count_webhook_answer("retell", res.status, duplicate);
    });
    routes.post("/webhooks/retell/functions",
                [this](const httplib::Request& req, httplib::Response& res) {
                  on_function(deps_, req, res);
                });
  }

 private:
  voice_deps deps_;
};

}  // namespace

std::shared_ptr<http::route_group> make_routes(voice_deps deps) {
  return std::make_shared<retell_routes>(std::move(deps));
}

}  // namespace askpro::net::retell
