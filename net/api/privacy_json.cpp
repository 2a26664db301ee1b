// The export document of one customer and the receipt of an erasure.
#include "net/api/privacy_json.hpp"

#include "net/api/appointment_json.hpp"
#include "net/api/record_json.hpp"

namespace askpro::net::api {
namespace {

using nlohmann::json;

json callback_json(const persistence::callback_record& c) {
  return {{"id", c.id},
          {"call_id", c.retell_call_id ? json(*c.retell_call_id) : json(nullptr)},
          {"phone", c.phone_e164 ? json(*c.phone_e164) : json(nullptr)},
          {"name", c.name},
          {"reason", c.reason},
          {"preferred_time", c.preferred_time ? json(*c.preferred_time) : json(nullptr)},
          {"status", c.status},
          {"created_at", iso_utc(c.created_at)}};
}

/// A notification job as the customer sees it: channel, recipient, text, status.
json message_json(const persistence::job_record& j) {
  auto payload = json::parse(j.payload, nullptr, false);
  if (!payload.is_object()) payload = json::object();
  return {{"id", j.id},
          {"kind", j.kind},
          {"channel", payload.value("channel", std::string{})},
          {"to", payload.value("to", std::string{})},
          {"body", payload.value("body", std::string{})},
          {"status", j.status},
          {"created_at", iso_utc(j.created_at)}};
}

}  // namespace

json export_json(const actors::api::customer_export& e, int64_t now_ms) {
  json appointments = json::array(), calls = json::array(), callbacks = json::array(),
       messages = json::array();
  for (const auto& a : e.appointments) appointments.push_back(appointment_json(a));
  for (const auto& c : e.held.calls) calls.push_back(call_detail_json(c));
  for (const auto& c : e.held.callbacks) callbacks.push_back(callback_json(c));
  for (const auto& m : e.held.messages) messages.push_back(message_json(m));
  return {{"customer", customer_json(e.held.customer)},
          {"appointments", std::move(appointments)},
          {"calls", std::move(calls)},
          {"callbacks", std::move(callbacks)},
          {"notifications", std::move(messages)},
          {"exported_at", iso_utc(now_ms)}};
}

json erasure_json(int64_t id, const persistence::erasure_report& r) {
  return {{"id", id},         {"erased", true},           {"appointments", r.appointments},
          {"calls", r.calls}, {"callbacks", r.callbacks}, {"notifications", r.messages}};
}

}  // namespace askpro::net::api
