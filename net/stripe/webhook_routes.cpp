#include "net/stripe/webhook_routes.hpp"

#include "net/http/http_metrics.hpp"
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "net/stripe/codec.hpp"
#include "net/stripe/signature.hpp"

#include <spdlog/spdlog.h>

namespace askpro::net::stripe {
namespace {

void respond_refused(httplib::Response& res, int status, const std::string& code,
                     const std::string& detail) {
  http::problem p;
  p.status = status;
  p.code = code;
  p.detail = detail;
  http::respond_problem(res, p);
}

/// Answers the delivery; true when it was a repeat of one already applied.
bool on_webhook(const actors::billing::stripe_deps& deps, const std::string& secret,
                const httplib::Request& req, httplib::Response& res) {
  if (secret.empty()) {
    respond_refused(res, 503, "unavailable", "no Stripe webhook secret is configured");
    return false;
  }
  auto now_s =
      std::chrono::duration_cast<std::chrono::seconds>(deps.clock->now().time_since_epoch())
          .count();
  auto v = verify(req.get_header_value(std::string{signature_header}), secret, req.body, now_s);
  if (v != verdict::valid) {
    spdlog::warn("stripe webhook: signature {}", to_string(v));
    respond_refused(res, 400, "invalid_signature",
                    std::string{"webhook signature "} + to_string(v));
    return false;
  }
  auto ev = decode_event(req.body);
  if (!ev) {
    http::respond_bad_json(res, ev.error());
    return false;
  }
  auto outcome = actors::billing::receive_stripe_event(deps, *ev, req.body);
  if (!outcome) {
    spdlog::warn("stripe webhook: {} {} not applied yet: {}", ev->type, ev->id,
                 describe(outcome.error()));
    respond_refused(res, 503, "unavailable", "the event is stored and will be applied");
    return false;
  }
  http::respond_json(res, 200, {{"received", true}, {"effect", to_string(*outcome)}});
  return *outcome == actors::billing::stripe_outcome::duplicate;
}

class webhook_routes final : public http::route_group {
 public:
  webhook_routes(actors::billing::stripe_deps deps, std::string secret)
      : deps_(std::move(deps)), secret_(std::move(secret)) {}
  void mount(http::router& routes) override {
    routes.post(R"(/webhooks/stripe)", [this](const httplib::Request& req, httplib::Response& res) {
      const bool duplicate = on_webhook(deps_, secret_, req, res);
      http::count_webhook_answer("stripe", res.status, duplicate);
    });
  }

 private:
  actors::billing::stripe_deps deps_;
  std::string secret_;
};

}  // namespace

Result<actors::billing::stripe_event> decode_stored(const std::string& payload) {
  return decode_event(payload);
}

std::shared_ptr<http::route_group> make_webhook_routes(actors::billing::stripe_deps deps,
                                                       std::string webhook_secret) {
  if (!deps.decode) deps.decode = decode_stored;
  return std::make_shared<webhook_routes>(std::move(deps), std::move(webhook_secret));
}

}  // namespace askpro::net::stripe
