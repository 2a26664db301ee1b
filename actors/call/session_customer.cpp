// The caller as a customer: check_customer (known? name, upcoming appointments) and
// request_callback (a callback request for the branch, once per call).
#include "actors/call/session_internal.hpp"
#include "actors/notify/outbox.hpp"
#include "actors/tenant/phone.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "runtime/clock.hpp"

namespace askpro::actors::call {
namespace {

using persistence::access;
using persistence::connection;

/// A known customer and their upcoming booked appointments.
struct known_customer {
  std::optional<persistence::customer_record> customer;
  std::vector<persistence::appointment_record> upcoming;
};

Result<known_customer> load_known(connection& c, persistence::tenant_scope scope,
                                  const std::string& e164, int64_t now_ms) {
  auto found = persistence::find_customer_by_phone(c, scope, e164);
  if (!found) return std::move(found.error());
  known_customer out{std::move(*found), {}};
  if (!out.customer) return out;
  auto list = persistence::customer_appointments(c, scope, out.customer->id, now_ms);
  if (!list) return std::move(list.error());
  out.upcoming = std::move(*list);
  return out;
}

std::string staff_slug(const tenant::tenant_model& m, int64_t id) {
  for (const auto& b : m.branches)
    if (auto it = b.staff_slugs.find(id); it != b.staff_slugs.end()) return it->second;
  return {};
}

nlohmann::json upcoming_json(const session_state& st,
                             const std::vector<persistence::appointment_record>& list) {
  auto out = nlohmann::json::array();
  const auto& m = *st.args.model;
  for (const auto& a : list) {
    auto svc = m.service_slugs.find(a.service_id);
    out.push_back({{"appointment_id", std::to_string(a.id)},
                   {"start", iso_ms(st, a.start_at)},
                   {"service", svc == m.service_slugs.end() ? std::string{} : svc->second},
                   {"staff", staff_slug(m, a.staff_id)}});
  }
  return out;
}

function_reply customer_answer(const session_state& st, const known_customer& k) {
  if (!k.customer)
    return ok_reply(say(st.lang, "Unter Ihrer Nummer finde ich noch keinen Kundeneintrag.",
                        "I do not find a customer record for your number yet."),
                    {{"known", false}});
  nlohmann::json data{{"known", true},
                      {"customer_id", std::to_string(k.customer->id)},
                      {"appointments", upcoming_json(st, k.upcoming)}};
  if (!k.customer->name.empty()) data["customer_name"] = k.customer->name;
  std::string msg = k.customer->name.empty()
                        ? say(st.lang, "Sie sind bei uns bereits bekannt.", "You are a customer.")
                        : say(st.lang, "Guten Tag, " + k.customer->name + ".",
                              "Hello, " + k.customer->name + ".");
  if (!k.upcoming.empty()) {
    std::vector<local_when> times;
    for (const auto& a : k.upcoming)
      times.push_back(local_of(st, time_point{std::chrono::milliseconds{a.start_at}}));
    msg += say(st.lang, " Sie haben einen Termin ", " You have an appointment ") +
           spoken_choices(st.lang, times) + ".";
  }
  return ok_reply(std::move(msg), data);
}

}  // namespace

void fn_check_customer(session_actor* self, const function_args&, promise rp) {
  auto& st = self->state;
  auto e164 = caller_e164(st);
  if (!e164) return rp.deliver(fail_reply(st.lang, "caller_unknown")), void();
  auto scope = scope_of(st);
  auto now = runtime::to_unix_ms(st.args.clock->now());
  ask_db<known_customer>(
      self, rp, access::read,
      [scope, number = *e164, now](connection& c) { return load_known(c, scope, number, now); },
      [self, rp](known_customer& k) mutable { rp.deliver(customer_answer(self->state, k)); });
}

void fn_request_callback(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  std::optional<std::string> phone = caller_e164(st);
  if (a.phone) {
    auto given = tenant::to_e164(*a.phone, st.args.model->country);
    if (!given) return rp.deliver(fail_reply(st.lang, "phone_required")), void();
    phone = *given;
  }
  if (!phone) return rp.deliver(fail_reply(st.lang, "phone_required")), void();
  persistence::callback_request req;
  const auto* branch = st.args.model->branch(st.args.branch);
  if (branch) req.branch_id = branch->id;
  req.retell_call_id = st.args.call_id;
  req.phone_e164 = phone;
  req.name = a.name.value_or("");
  req.reason = a.reason.value_or(a.notes.value_or(""));
  req.preferred_time = a.time;
  auto scope = scope_of(st);
  auto now = runtime::to_unix_ms(st.args.clock->now());
  req.outbox = notify::callback_outbox(st.args.notify, st.args.model, now);
  req.who = audit_of_call(st);
  ask_db<persistence::callback_outcome>(
      self, rp, access::write,
      [scope, req, now](connection& c) -> Result<persistence::callback_outcome> {
        auto known = persistence::find_customer_by_phone(c, scope, *req.phone_e164);
        if (!known) return std::move(known.error());
        auto with_customer = req;
        if (*known) with_customer.customer_id = (*known)->id;
        return persistence::record_callback(c, scope, with_customer, now);
      },
      [self, rp](persistence::callback_outcome& out) mutable {
        const auto& st = self->state;
        rp.deliver(ok_reply(say(st.lang, "Gerne, wir rufen Sie so bald wie möglich zurück.",
                                "Certainly, we will call you back as soon as possible."),
                            {{"callback_id", std::to_string(out.record.id)}}));
      });
}

}  // namespace askpro::actors::call

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::known_customer)
