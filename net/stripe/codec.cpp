#include "net/stripe/codec.hpp"

#include <nlohmann/json.hpp>

namespace askpro::net::stripe {
namespace {

using nlohmann::json;

/// `obj[key]` as text ("" when absent or null); false when it is there with another type.
bool text(const json& obj, const char* key, std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

/// `obj[key]` as a whole number (0 when absent or null); false for another type.
bool number(const json& obj, const char* key, int64_t& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_number_integer()) return false;
  out = it->get<int64_t>();
  return true;
}

bool read_session(const json& o, actors::billing::stripe_event& ev) {
  bool ok = text(o, "id", ev.session_id) && text(o, "payment_status", ev.payment_status) &&
            text(o, "currency", ev.currency) && text(o, "payment_intent", ev.payment_intent) &&
            text(o, "client_reference_id", ev.tenant) && number(o, "amount_total", ev.amount_total);
  auto meta = o.find("metadata");
  if (ok && ev.tenant.empty() && meta != o.end() && meta->is_object())
    ok = text(*meta, "company", ev.tenant);
  return ok;
}

bool read_charge(const json& o, actors::billing::stripe_event& ev) {
  return text(o, "id", ev.charge_id) && text(o, "payment_intent", ev.payment_intent) &&
         text(o, "currency", ev.currency) && number(o, "amount_refunded", ev.amount_refunded);
}

Result<actors::billing::stripe_event> bad(const char* what) {
  return make_error(errc::invalid_argument, std::string{"stripe event: "} + what);
}

}  // namespace

Result<actors::billing::stripe_event> decode_event(const std::string& body) {
  auto doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return bad("not a JSON object");
  actors::billing::stripe_event ev;
  if (!text(doc, "id", ev.id) || !text(doc, "type", ev.type) || ev.id.empty() || ev.type.empty())
    return bad("id and type are required");
  auto data = doc.find("data");
  if (data == doc.end() || !data->is_object() || !data->contains("object") ||
      !(*data)["object"].is_object())
    return bad("data.object is required");
  const auto& obj = (*data)["object"];
  if (ev.type.rfind("checkout.session.", 0) == 0 && !read_session(obj, ev))
    return bad("a checkout session field has the wrong type");
  if (ev.type.rfind("charge.", 0) == 0 && !read_charge(obj, ev))
    return bad("a charge field has the wrong type");
  return ev;
}

}  // namespace askpro::net::stripe
