// The messages of booking changes and callback requests as outbox effects (outbox.hpp).
#include "actors/notify/outbox.hpp"

#include "actors/notify/channels.hpp"
#include "actors/notify/message.hpp"
#include "actors/notify/templates.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

namespace askpro::actors::notify {
namespace {

using persistence::appointment_record;
using persistence::customer_record;
using persistence::job_spec;
using persistence::outbox_effects;

constexpr int64_t hour_ms = 3600 * 1000;

/// One message to enqueue: what it is about, to whom, and when.
struct notice {
  std::string kind;  ///< template kind
  std::string channel, to;
  std::string row;  ///< "<company>:<row id>"
  int64_t run_at = 0;
  int priority = 0;
};

std::string key_of(std::string_view kind, const std::string& row, std::string_view channel) {
  return std::string{kind} + ":" + row + ":" + std::string{channel};
}

/// The job of `n` with its text rendered, or nothing when the text cannot be rendered.
std::optional<job_spec> job_of(const outbox_policy& policy, const tenant::tenant_model& model,
                               const notice& n, const message_fields& fields) {
  auto text = render_message(model.notifications, n.kind, model.locale, fields);
  if (!text) {
    spdlog::warn("notify: {} {} not queued: {}", n.kind, n.row, describe(text.error()));
    return std::nullopt;
  }
  outgoing_message m;
  m.channel = n.channel;
  m.to = n.to;
  m.subject = text->subject;
  m.body = text->body;
  if (n.channel == "whatsapp") {
    m.template_name = n.kind;
    m.language = text->language;
    m.parameters = text->parameters;
  }
  job_spec spec;
  spec.company_id = model.company_id;
  spec.kind = job_kind(n.channel);
  spec.payload = to_payload(m);
  spec.priority = n.priority;
  spec.run_at = n.run_at;
  spec.max_attempts = policy.max_attempts;
  spec.idempotency_key = key_of(n.kind, n.row, n.channel);
  return spec;
}

/// The customer's address on `channel`, or "" (logged) when there is none.
std::string address_of(const std::optional<customer_record>& c, const std::string& channel,
                       const std::string& row) {
  std::string to;
  if (c) to = channel == "email" ? c->email : c->phone_e164.value_or("");
  if (to.empty())
    spdlog::info("notify: appointment {} has no {} for {}; skipped", row,
                 channel == "email" ? "e-mail address" : "phone number", channel);
  return to;
}

message_fields appointment_fields(const tenant::tenant_model& model, const appointment_record& a,
                                  const std::optional<customer_record>& c) {
  message_fields f;
  f.tenant = model.name;
  if (c) f.name = c->name;
  if (const auto* b = model.branch(a.branch_id)) {
    f.branch = b->name;
    f.time_zone = b->hours.time_zone;
  }
  if (auto slug = model.service_slugs.find(a.service_id); slug != model.service_slugs.end())
    for (const auto& s : model.services)
      if (s.slug == slug->second) f.service = s.name;
  if (f.time_zone.empty()) f.time_zone = model.time_zone;
  f.start_ms = a.start_at;
  return f;
}

std::vector<std::string> reminder_keys(const std::string& row) {
  std::vector<std::string> out;
  for (auto ch : channel_names()) out.push_back(key_of("reminder", row, ch));
  return out;
}

std::string row_of(const tenant::tenant_model& model, int64_t id) {
  return std::to_string(model.company_id) + ":" + std::to_string(id);
}

outbox_effects appointment_effects(const outbox_policy& policy, const tenant::tenant_model& model,
                                   appointment_event event, int64_t now_ms,
                                   const appointment_record& a,
                                   const std::optional<customer_record>& c) {
  using ev = appointment_event;
  outbox_effects out;
  const auto row = row_of(model, a.id);
  const bool gone = event == ev::cancelled || event == ev::cancelled_elsewhere;
  if (gone) out.withdraw = reminder_keys(row);
  if (!gone && a.rescheduled_from) out.withdraw = reminder_keys(row_of(model, *a.rescheduled_from));
  const char* kind = event == ev::booked        ? "confirmation"
                     : event == ev::rescheduled ? "reschedule"
                     : event == ev::cancelled   ? "cancellation"
                                                : nullptr;
  const auto fields = appointment_fields(model, a, c);
  const int64_t remind_at = a.start_at - model.notifications.reminder_hours * hour_ms;
  const bool remind = !gone && model.notifications.reminder_hours > 0 && remind_at > now_ms;
  if (!kind && !remind) return out;
  for (const auto& channel : model.notifications.channels) {
    if (!policy.has(channel)) continue;
    auto to = address_of(c, channel, row);
    if (to.empty()) continue;
    if (kind)
      if (auto job = job_of(policy, model, {kind, channel, to, row, now_ms, 10}, fields))
        out.enqueue.push_back(std::move(*job));
    if (remind)
      if (auto job = job_of(policy, model, {"reminder", channel, to, row, remind_at, 5}, fields))
        out.enqueue.push_back(std::move(*job));
  }
  return out;
}

/// The branch's notify targets this node can reach: e-mail, and its phone by SMS (WhatsApp
/// when the node has no SMS).
std::vector<std::pair<std::string, std::string>> branch_targets(const outbox_policy& policy,
                                                                const tenant::branch_model& b) {
  std::vector<std::pair<std::string, std::string>> targets;
  if (!b.notify.email.empty() && policy.has("email")) targets.emplace_back("email", b.notify.email);
  const char* phone_channel = policy.has("sms") ? "sms" : "whatsapp";
  if (!b.notify.phone.empty() && policy.has(phone_channel))
    targets.emplace_back(phone_channel, b.notify.phone);
  return targets;
}

outbox_effects low_balance_effects(const outbox_policy& policy, const tenant::tenant_model& model,
                                   int64_t now_ms, const persistence::posted_entry& p) {
  outbox_effects out;
  message_fields f;
  f.tenant = model.name;
  f.balance = format_euros(p.entry.balance_after_cents, model.locale);
  std::set<std::string> seen;  // one notice per address, however many branches share it
  for (const auto& b : model.branches) {
    f.branch = b.name;
    for (const auto& [channel, to] : branch_targets(policy, b)) {
      if (!seen.insert(channel + ":" + to).second) continue;
      auto row = row_of(model, p.entry.id) + "-" + b.slug;
      if (auto job = job_of(policy, model, {"low_balance", channel, to, row, now_ms, 20}, f))
        out.enqueue.push_back(std::move(*job));
    }
  }
  if (seen.empty()) spdlog::info("notify: {} low balance: no branch notify address", model.slug);
  return out;
}

outbox_effects callback_effects(const outbox_policy& policy, const tenant::tenant_model& model,
                                int64_t now_ms, const persistence::callback_record& cb) {
  outbox_effects out;
  const auto* branch = cb.branch_id ? model.branch(*cb.branch_id) : nullptr;
  const auto row = row_of(model, cb.id);
  if (!branch || branch->notify.empty()) {
    spdlog::info("notify: callback {} has no branch notify address; no notice", row);
    return out;
  }
  message_fields f;
  f.tenant = model.name;
  f.branch = branch->name;
  f.name = cb.name;
  f.phone = cb.phone_e164.value_or("");
  f.reason = cb.reason;
  f.preferred_time = cb.preferred_time.value_or("");
  for (const auto& [channel, to] : branch_targets(policy, *branch))
    if (auto job = job_of(policy, model, {"callback", channel, to, row, now_ms, 20}, f))
      out.enqueue.push_back(std::move(*job));
  return out;
}

}  // namespace

bool outbox_policy::has(std::string_view channel) const {
  return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

persistence::appointment_outbox appointment_outbox(outbox_policy_ptr policy,
                                                   tenant::tenant_model_ptr model,
                                                   appointment_event event, int64_t now_ms) {
  if (!policy || !model) return {};
  return [policy, model, event, now_ms](const appointment_record& a,
                                        const std::optional<customer_record>& c) {
    return appointment_effects(*policy, *model, event, now_ms, a, c);
  };
}

std::function<persistence::outbox_effects(const persistence::callback_record&)> callback_outbox(
    outbox_policy_ptr policy, tenant::tenant_model_ptr model, int64_t now_ms) {
  if (!policy || !model) return {};
  return [policy, model, now_ms](const persistence::callback_record& cb) {
    return callback_effects(*policy, *model, now_ms, cb);
  };
}

low_balance_effects_fn low_balance_outbox(outbox_policy_ptr policy, tenant::tenant_model_ptr model,
                                          int64_t now_ms) {
  if (!policy || !model) return {};
  return [policy, model, now_ms](const persistence::posted_entry& p) {
    return low_balance_effects(*policy, *model, now_ms, p);
  };
}

std::string format_euros(int64_t cents, std::string_view locale) {
  const bool negative = cents < 0;
  const int64_t abs = negative ? -cents : cents;
  auto frac = std::to_string(abs % 100);
  if (frac.size() < 2) frac = "0" + frac;
  const auto whole = std::to_string(abs / 100);
  const std::string sign = negative ? "-" : "";
  if (message_language(locale) == "de") return sign + whole + "," + frac + " €";
  return sign + "€" + whole + "." + frac;
}

}  // namespace askpro::actors::notify
