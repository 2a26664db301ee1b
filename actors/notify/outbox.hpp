#pragma once
/// Which messages a change causes (SPEC S10, the callback notice of S6), as outbox effects the
/// repository writes in the change's own transaction (persistence/repo/job_repo.hpp): one job of
/// kind `notify.<channel>` per message, its text rendered now (templates.hpp), keyed
/// `<kind>:<company>:<row>:<channel>` so a retried request or a replayed change enqueues nothing
/// twice.
///
/// - booked: a confirmation on each of the tenant's channels this node has, and a reminder
///   `reminder_hours` before the start (none when that moment has passed or the hours are 0);
/// - rescheduled: a reschedule notice and a reminder for the new time; the old time's reminders
///   are withdrawn;
/// - cancelled: a cancellation notice; the reminders are withdrawn;
/// - a callback request: a notice to the branch's `notify` e-mail address and phone number (SMS,
///   or WhatsApp when the node has no SMS);
/// - a charge below the low-balance threshold: a notice to the branches' `notify` addresses.
/// A customer without a number or address for a channel is skipped and logged (no personal data
/// in the log), never a failure; neither is a text that cannot be rendered: the change itself
/// always goes through.
///
/// Thread-safety: the returned functions are pure apart from logging and may run on any thread
/// (a /db worker runs them inside the transaction). Ownership: they share the model and policy.

#include "actors/notify/outbox_policy.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/ledger_repo.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::notify {

/// What happened to an appointment. The `_elsewhere` kinds came from an external calendar
/// (Cal.com told us by webhook and tells the attendee itself): they only keep the reminders in
/// step — withdrawn with a cancellation, moved with a move — and send no notice.
enum class appointment_event {
  booked,
  rescheduled,
  cancelled,
  moved_elsewhere,
  cancelled_elsewhere
};

/// The outbox of an appointment change of `model`'s tenant made at `now_ms`; empty (no jobs)
/// when `policy` is null.
persistence::appointment_outbox appointment_outbox(outbox_policy_ptr policy,
                                                   tenant::tenant_model_ptr model,
                                                   appointment_event event, int64_t now_ms);

/// The outbox of a callback request; empty when `policy` is null.
std::function<persistence::outbox_effects(const persistence::callback_record&)> callback_outbox(
    outbox_policy_ptr policy, tenant::tenant_model_ptr model, int64_t now_ms);

/// The outbox of a charge that took the balance below the tenant's threshold: a low-balance
/// notice to each branch's `notify` e-mail address and phone number (as a callback notice),
/// keyed by the ledger entry, so one crossing notifies once. Empty when `policy` is null.
using low_balance_effects_fn =
    std::function<persistence::outbox_effects(const persistence::posted_entry&)>;
low_balance_effects_fn low_balance_outbox(outbox_policy_ptr policy, tenant::tenant_model_ptr model,
                                          int64_t now_ms);

/// Cents as the tenant's language writes euros: "8,50 €" (German), "€8.50" (otherwise).
std::string format_euros(int64_t cents, std::string_view locale);

}  // namespace askpro::actors::notify
