#include "tests/fakes/stripe_client.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

namespace askpro::fakes {
namespace {

std::string hex_hmac(const std::string& key, const std::string& message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &len);
  std::string out;
  char two[3];
  for (unsigned int i = 0; i < len; ++i) {
    std::snprintf(two, sizeof two, "%02x", digest[i]);
    out += two;
  }
  return out;
}

nlohmann::json envelope(const std::string& id, const std::string& type, nlohmann::json object) {
  return {{"id", id},
          {"object", "event"},
          {"api_version", "2024-06-20"},
          {"created", 1764576000},
          {"type", type},
          {"livemode", false},
          {"data", {{"object", std::move(object)}}},
          {"request", {{"id", nullptr}, {"idempotency_key", nullptr}}},
          {"pending_webhooks", 1}};
}

}  // namespace

std::string stripe_signature(const std::vector<std::string>& secrets, const std::string& body,
                             int64_t t) {
  auto stamp = std::to_string(t);
  std::string header = "t=" + stamp;
  for (const auto& s : secrets) header += ",v1=" + hex_hmac(s, stamp + "." + body);
  return header;
}

nlohmann::json checkout_event(const checkout_fields& f) {
  nlohmann::json session{{"id", f.session_id},
                         {"object", "checkout.session"},
                         {"mode", "payment"},
                         {"status", "complete"},
                         {"payment_status", f.payment_status},
                         {"amount_total", f.amount_total},
                         {"currency", f.currency},
                         {"customer", "cus_test"},
                         {"metadata", nlohmann::json::object()}};
  session["payment_intent"] =
      f.payment_intent.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.payment_intent);
  if (f.tenant_in_metadata) {
    session["client_reference_id"] = nullptr;
    session["metadata"]["company"] = f.tenant;
  } else {
    session["client_reference_id"] = f.tenant;
  }
  return envelope(f.event_id, f.type, std::move(session));
}

nlohmann::json refund_event(const std::string& event_id, const std::string& charge_id,
                            const std::string& payment_intent, int64_t amount_refunded) {
  return envelope(event_id, "charge.refunded",
                  {{"id", charge_id},
                   {"object", "charge"},
                   {"amount", amount_refunded},
                   {"amount_refunded", amount_refunded},
                   {"currency", "eur"},
                   {"payment_intent", payment_intent},
                   {"refunded", true},
                   {"metadata", nlohmann::json::object()}});
}

}  // namespace askpro::fakes
