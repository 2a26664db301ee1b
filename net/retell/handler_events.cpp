#include "net/retell/handler_internal.hpp"
#include "net/retell/signature.hpp"

#include <set>

namespace askpro::net::retell {
namespace {

using actors::call::call_event;

void set_end_fields(persistence::call_update& u, const call_fields& c) {
  u.ended_at = c.end_timestamp;
  u.duration_ms = c.duration_ms;
  if (!u.duration_ms && c.start_timestamp && c.end_timestamp)
    u.duration_ms = *c.end_timestamp - *c.start_timestamp;
  u.disconnection_reason = c.disconnection_reason;
  u.transcript = c.transcript;
  u.transcript_object = c.transcript_object;
  u.cost_cents = c.combined_cost_cents;
  if (c.start_timestamp) u.started_at = c.start_timestamp;
}

std::optional<std::string> transfer_status(const std::string& name) {
  if (name == "transfer_started") return std::string{"transferring"};
  if (name == "transfer_bridged") return std::string{"transferred"};
  if (name == "transfer_cancelled") return std::string{"ongoing"};
  return std::nullopt;
}

persistence::call_update update_for(const event& ev) {
  const auto& c = ev.call;
  persistence::call_update u;
  if (ev.name == "call_started") {
    u.status = c.call_status.empty() ? std::string{"ongoing"} : c.call_status;
    u.started_at = c.start_timestamp;
  } else if (ev.name == "call_ended" || ev.name == "call_analyzed") {
    u.status = c.call_status.empty() ? std::string{"ended"} : c.call_status;
    set_end_fields(u, c);
    if (ev.name == "call_analyzed") {
      u.summary = c.call_summary;
      u.sentiment = c.user_sentiment;
      u.successful = c.call_successful;
      u.analysis = c.custom_analysis;
    }
  } else if (ev.name == "transcript_updated") {
    u.transcript = c.transcript;
    u.transcript_object = c.transcript_object;
  } else {
    u.status = transfer_status(ev.name);
  }
  return u;
}

/// The signed timestamp (`v=` of the signature header), "" when absent.
std::string signed_at(const httplib::Request& req) {
  auto h = req.get_header_value(std::string{signature_header});
  auto start = h.find("v=");
  if (start == std::string::npos) return {};
  auto end = h.find(',', start);
  return h.substr(start + 2, end == std::string::npos ? std::string::npos : end - start - 2);
}

}  // namespace

bool is_call_event(const std::string& name) {
  static const std::set<std::string> known{
      "call_started",     "call_ended",       "call_analyzed",      "transcript_updated",
      "transfer_started", "transfer_bridged", "transfer_cancelled", "transfer_ended"};
  return known.count(name) > 0;
}

call_event to_call_event(const event& ev, const actors::call::tenant_route& route,
                         const httplib::Request& req) {
  call_event out;
  out.name = ev.name;
  const auto& c = ev.call;
  if (ev.name == "call_inbound") {
    out.external_id =
        c.from_number.value_or("") + ">" + c.to_number.value_or("") + "@" + signed_at(req);
    return out;
  }
  out.external_id = c.call_id;
  out.opening.retell_call_id = c.call_id;
  out.opening.branch_id = route.route.branch_id;
  out.opening.agent_id = c.agent_id;
  if (!c.direction.empty()) out.opening.direction = c.direction;
  out.opening.from_number = c.from_number;
  out.opening.to_number = c.to_number;
  out.update = update_for(ev);
  return out;
}

}  // namespace askpro::net::retell
