// The GDPR export's records and the erasure of one customer.
#include "persistence/repo/customer_privacy.hpp"

#include "persistence/repo/audit_repo.hpp"
#include "persistence/transaction.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace askpro::persistence {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// True when the message job's recipient is the customer's number (with or without its '+')
/// or e-mail address.
bool addressed_to(const job_record& job, const customer_record& c) {
  auto j = nlohmann::json::parse(job.payload, nullptr, false);
  if (!j.is_object() || !j.contains("to") || !j["to"].is_string()) return false;
  const auto to = j["to"].get<std::string>();
  if (c.phone_e164 && !c.phone_e164->empty() && (to == *c.phone_e164 || "+" + to == *c.phone_e164))
    return true;
  return !c.email.empty() && lower(to) == lower(c.email);
}

Result<std::vector<job_record>> messages_to(connection& conn, tenant_scope scope,
                                            const customer_record& c) {
  auto jobs = tenant_jobs(conn, scope.company_id(), "notify.");
  if (!jobs) return std::move(jobs.error());
  std::vector<job_record> out;
  for (auto& j : *jobs)
    if (addressed_to(j, c)) out.push_back(std::move(j));
  return out;
}

}  // namespace

Result<std::optional<customer_holdings>> customer_holdings_of(connection& conn, tenant_scope scope,
                                                              int64_t id) {
  auto customer = find_customer(conn, scope, id);
  if (!customer) return std::move(customer.error());
  if (!*customer) return std::optional<customer_holdings>{};
  customer_holdings out;
  out.customer = std::move(**customer);
  const auto& number = out.customer.phone_e164;
  auto calls = customer_calls(conn, scope, id, number);
  if (!calls) return std::move(calls.error());
  out.calls = std::move(*calls);
  auto callbacks = customer_callbacks(conn, scope, id, number);
  if (!callbacks) return std::move(callbacks.error());
  out.callbacks = std::move(*callbacks);
  auto messages = messages_to(conn, scope, out.customer);
  if (!messages) return std::move(messages.error());
  out.messages = std::move(*messages);
  return std::optional<customer_holdings>{std::move(out)};
}

namespace {

/// Anonymises the customer's appointments, and its calls and callback requests (those linked
/// to it and those from its number); yields the number of appointments changed.
Result<int64_t> anonymise_rows(connection& conn, tenant_scope scope, const customer_holdings& held,
                               int64_t now) {
  const auto id = held.customer.id;
  auto n = conn.execute(
      "UPDATE appointments SET notes = '', request_key = NULL, updated_at = ? "
      "WHERE company_id = ? AND customer_id = ?",
      {now, scope.company_id(), id});
  if (!n) return n;
  for (const auto& call : held.calls) {
    auto done = conn.execute(
        "UPDATE calls SET from_number = NULL, from_index = NULL, transcript = NULL, "
        "transcript_object = NULL, summary = NULL, analysis = NULL, updated_at = ? "
        "WHERE company_id = ? AND id = ?",
        {now, scope.company_id(), call.id});
    if (!done) return done;
  }
  for (const auto& cb : held.callbacks) {
    auto done = conn.execute(
        "UPDATE callback_requests SET phone_e164 = NULL, phone_index = NULL, name = '', "
        "reason = '', preferred_time = NULL WHERE company_id = ? AND id = ?",
        {scope.company_id(), cb.id});
    if (!done) return done;
  }
  return n;
}

Result<int64_t> forget_messages(connection& conn, const std::vector<job_record>& messages,
                                int64_t now) {
  for (const auto& m : messages) {
    auto n = conn.execute(
        "UPDATE jobs SET payload = '{}', status = CASE WHEN status = 'queued' THEN 'cancelled' "
        "ELSE status END, updated_at = ? WHERE id = ?",
        {now, m.id});
    if (!n) return n;
  }
  return static_cast<int64_t>(messages.size());
}

Result<void> forget_webhooks(connection& conn, const std::vector<call_record>& calls) {
  for (const auto& c : calls) {
    auto n = conn.execute(
        "UPDATE webhook_inbox SET payload = '{}' WHERE provider = 'retell' AND external_id = ?",
        {c.retell_call_id});
    if (!n) return std::move(n.error());
  }
  return caf::unit;
}

Result<std::optional<erasure_report>> erase_in(connection& conn, tenant_scope scope, int64_t id,
                                               int64_t now, const audit_context& who) {
  auto held = customer_holdings_of(conn, scope, id);
  if (!held) return std::move(held.error());
  if (!*held) return std::optional<erasure_report>{};
  auto gone = conn.execute(
      "UPDATE customers SET phone_e164 = NULL, phone_index = NULL, name = '', email = '', "
      "notes = '', consent_sms = 0, consent_whatsapp = 0, consent_email = 0, erased_at = ?, "
      "updated_at = ? WHERE company_id = ? AND id = ? AND erased_at IS NULL",
      {now, now, scope.company_id(), id});
  if (!gone) return std::move(gone.error());
  erasure_report r;
  auto appointments = anonymise_rows(conn, scope, **held, now);
  if (!appointments) return std::move(appointments.error());
  r.appointments = *appointments;
  r.calls = static_cast<int64_t>((*held)->calls.size());
  r.callbacks = static_cast<int64_t>((*held)->callbacks.size());
  if (auto ok = forget_webhooks(conn, (*held)->calls); !ok) return std::move(ok.error());
  auto messages = forget_messages(conn, (*held)->messages, now);
  if (!messages) return std::move(messages.error());
  r.messages = *messages;
  nlohmann::json payload{{"customer", id},
                         {"appointments", r.appointments},
                         {"calls", r.calls},
                         {"callbacks", r.callbacks},
                         {"messages", r.messages}};
  if (auto ok = append_audit(conn, scope, who, "customer.erased", payload.dump(), now); !ok)
    return std::move(ok.error());
  return std::optional<erasure_report>{r};
}

}  // namespace

Result<std::optional<customer_holdings>> export_customer_records(connection& conn,
                                                                 tenant_scope scope, int64_t id,
                                                                 int64_t now_ms,
                                                                 const audit_context& who) {
  return with_transaction(conn, [&](connection& c) -> Result<std::optional<customer_holdings>> {
    auto held = customer_holdings_of(c, scope, id);
    if (!held || !*held) return held;
    nlohmann::json payload{{"customer", id},
                           {"calls", (*held)->calls.size()},
                           {"callbacks", (*held)->callbacks.size()},
                           {"messages", (*held)->messages.size()}};
    if (auto ok = append_audit(c, scope, who, "customer.exported", payload.dump(), now_ms); !ok)
      return std::move(ok.error());
    return held;
  });
}

Result<std::optional<erasure_report>> erase_customer(connection& conn, tenant_scope scope,
                                                     int64_t id, int64_t now_ms,
                                                     const audit_context& who) {
  return with_transaction(conn, [&](connection& c) { return erase_in(c, scope, id, now_ms, who); });
}

}  // namespace askpro::persistence
