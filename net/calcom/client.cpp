#include "net/calcom/client.hpp"

#include <httplib.h>

#include <cstdlib>

namespace askpro::net::calcom {
namespace {

constexpr const char* slots_version = "2024-09-04";
constexpr const char* bookings_version = "2024-08-13";

std::string query_date(int64_t ms) {
  return iso_utc(ms);
}

/// The path with its query string, values percent-encoded.
std::string with_query(const std::string& path, const httplib::Params& params) {
  return path + "?" + httplib::detail::params_to_query_str(params);
}

}  // namespace

struct client::impl {
  client_options opts;
  std::unique_ptr<httplib::Client> http;

  httplib::Client& connection() {
    if (!http) {
      http = std::make_unique<httplib::Client>(opts.base_url);
      http->set_keep_alive(true);
      http->set_tcp_nodelay(true);
      http->set_connection_timeout(opts.timeout);
      http->set_read_timeout(opts.timeout);
      http->set_write_timeout(opts.timeout);
    }
    return *http;
  }

  httplib::Headers headers(const char* version) const {
    return {{"Authorization", "Bearer " + opts.api_key}, {"cal-api-version", version}};
  }
};

client::client(client_options opts) : impl_(std::make_unique<impl>()) {
  impl_->opts = std::move(opts);
}

client::~client() = default;

namespace {

/// A transport failure: the connection is rebuilt on the next call.
caf::error transport_error(httplib::Error e, std::unique_ptr<httplib::Client>& http) {
  http.reset();
  if (e == httplib::Error::Read || e == httplib::Error::Write ||
      e == httplib::Error::ConnectionTimeout)
    return make_error(errc::timeout, "Cal.com did not answer in time");
  return make_error(errc::unavailable, "Cal.com unreachable: " + httplib::to_string(e));
}

std::chrono::milliseconds retry_after_of(const httplib::Response& res) {
  auto value = res.get_header_value("Retry-After");
  long seconds = value.empty() ? 60 : std::strtol(value.c_str(), nullptr, 10);
  if (seconds <= 0) seconds = 1;
  return std::chrono::seconds{seconds};
}

/// The answer's body when it is 2xx; otherwise the error it means.
Result<std::string> body_of(httplib::Result& res, std::unique_ptr<httplib::Client>& http,
                            std::optional<std::chrono::milliseconds>& retry_after) {
  retry_after.reset();
  if (!res) return transport_error(res.error(), http);
  if (res->status >= 200 && res->status < 300) return res->body;
  switch (classify(res->status, res->body)) {
    case failure::slot_taken:
      return make_error(errc::slot_taken, "Cal.com: slot not available");
    case failure::configuration:
      return make_error(errc::unauthorized,
                        "Cal.com refused the API key (HTTP " + std::to_string(res->status) + ")");
    case failure::rate_limited:
      retry_after = retry_after_of(*res);
      return make_error(errc::unavailable, "Cal.com rate limit reached (HTTP 429)");
    case failure::bad_request:
      return make_error(errc::conflict, "Cal.com refused the request (HTTP " +
                                            std::to_string(res->status) +
                                            "): " + error_message(res->body));
    case failure::transient:
      break;
  }
  return make_error(errc::unavailable, "Cal.com failed (HTTP " + std::to_string(res->status) + ")");
}

template <class T, class Parse>
Result<T> parsed(Result<std::string> body, Parse parse) {
  if (!body) return std::move(body.error());
  return parse(*body);
}

}  // namespace

Result<std::vector<int64_t>> client::slots(const slots_query& q) {
  httplib::Params params{{"eventTypeId", std::to_string(q.event_type_id)},
                         {"start", query_date(q.from_ms)},
                         {"end", query_date(q.to_ms)}};
  if (!q.time_zone.empty()) params.emplace("timeZone", q.time_zone);
  if (q.duration_min > 0) params.emplace("duration", std::to_string(q.duration_min));
  auto res = impl_->connection().Get(with_query("/v2/slots", params).c_str(),
                                     impl_->headers(slots_version));
  return parsed<std::vector<int64_t>>(body_of(res, impl_->http, retry_after_),
                                      [](const std::string& b) { return parse_slots(b); });
}

Result<booking_data> client::book(const booking_input& in) {
  auto res = impl_->connection().Post("/v2/bookings", impl_->headers(bookings_version),
                                      booking_body(in), "application/json");
  return parsed<booking_data>(body_of(res, impl_->http, retry_after_),
                              [](const std::string& b) { return parse_booking(b); });
}

Result<std::vector<booking_data>> client::bookings(int64_t event_type_id, int64_t from_ms,
                                                   int64_t to_ms) {
  httplib::Params params{{"eventTypeId", std::to_string(event_type_id)},
                         {"afterStart", query_date(from_ms)},
                         {"beforeEnd", query_date(to_ms)}};
  auto res = impl_->connection().Get(with_query("/v2/bookings", params).c_str(),
                                     impl_->headers(bookings_version));
  return parsed<std::vector<booking_data>>(body_of(res, impl_->http, retry_after_),
                                           [](const std::string& b) { return parse_bookings(b); });
}

Result<booking_data> client::cancel(const std::string& uid, const std::string& reason) {
  auto path = "/v2/bookings/" + httplib::detail::encode_query_param(uid) + "/cancel";
  auto res = impl_->connection().Post(path.c_str(), impl_->headers(bookings_version),
                                      cancel_body(reason), "application/json");
  return parsed<booking_data>(body_of(res, impl_->http, retry_after_),
                              [](const std::string& b) { return parse_booking(b); });
}

Result<booking_data> client::reschedule(const std::string& uid, int64_t start_ms,
                                        const std::string& reason) {
  auto path = "/v2/bookings/" + httplib::detail::encode_query_param(uid) + "/reschedule";
  auto res = impl_->connection().Post(path.c_str(), impl_->headers(bookings_version),
                                      reschedule_body(start_ms, reason), "application/json");
  return parsed<booking_data>(body_of(res, impl_->http, retry_after_),
                              [](const std::string& b) { return parse_booking(b); });
}

}  // namespace askpro::net::calcom
