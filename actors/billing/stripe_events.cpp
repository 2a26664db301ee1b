// Stripe events applied to the ledger through the tenants' billing actors (stripe_events.hpp).
#include "actors/billing/stripe_events.hpp"

#include "actors/billing/billing.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "persistence/repo/ledger_repo.hpp"
#include "runtime/bridge.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

namespace askpro::actors::billing {
namespace {

using persistence::access;
using persistence::connection;

Result<void> mark_applied(const stripe_deps& deps, int64_t inbox_id) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto marked = persistence::run_blocking<bool>(
      *deps.sys, deps.registry->actor_at("/db"), access::write, deps.timeout,
      [inbox_id, now](connection& c) -> Result<bool> {
        if (auto ok = persistence::mark_processed(c, inbox_id, now); !ok)
          return std::move(ok.error());
        return true;
      });
  if (!marked) return std::move(marked.error());
  return caf::unit;
}

/// Acknowledged without effect: logged (ids and reasons only) and marked applied.
Result<stripe_outcome> ignore(const stripe_deps& deps, const stripe_event& ev, int64_t inbox_id,
                              const char* why) {
  spdlog::info("stripe: {} {} ignored: {}", ev.type, ev.id, why);
  if (auto marked = mark_applied(deps, inbox_id); !marked) return std::move(marked.error());
  return stripe_outcome::ignored;
}

/// The billing actor of tenant `slug`, loaded through /directory; nullopt for no such tenant.
Result<std::optional<caf::actor>> billing_of(const stripe_deps& deps, const std::string& slug) {
  auto handle =
      runtime::ask<tenant::tenant_handle>(*deps.sys, deps.registry->actor_at("/directory"),
                                          deps.timeout, tenant::tenant_atom::value, slug);
  if (!handle) {
    if (code_of(handle.error()) == errc::invalid_argument ||
        code_of(handle.error()) == errc::not_found)
      return std::optional<caf::actor>{};
    return std::move(handle.error());
  }
  auto actor = deps.registry->actor_at(handle->path + "/billing");
  if (!actor) return make_error(errc::unavailable, "billing: the tenant's billing actor is down");
  return std::optional<caf::actor>{actor};
}

bool is_payment(const std::string& type) {
  return type == "checkout.session.completed" || type == "checkout.session.async_payment_succeeded";
}

Result<stripe_outcome> credit(const stripe_deps& deps, const stripe_event& ev, int64_t inbox_id,
                              bool replay_waiting) {
  if (ev.payment_status != "paid") return ignore(deps, ev, inbox_id, "not paid yet");
  if (ev.currency != ledger_currency) return ignore(deps, ev, inbox_id, "another currency");
  if (ev.tenant.empty() || ev.session_id.empty() || ev.amount_total <= 0)
    return ignore(deps, ev, inbox_id, "no tenant, session or amount");
  auto billing = billing_of(deps, ev.tenant);
  if (!billing) return std::move(billing.error());
  if (!*billing) return ignore(deps, ev, inbox_id, "unknown tenant");
  persistence::ledger_post post{"topup",      ev.amount_total, "checkout:" + ev.session_id,
                                std::nullopt, std::nullopt,    std::nullopt};
  if (!ev.payment_intent.empty()) post.payment_intent = ev.payment_intent;
  auto reply = runtime::ask<billing_reply>(*deps.sys, **billing, deps.timeout, post_atom::value,
                                           post, inbox_id);
  if (!reply) return std::move(reply.error());
  if (reply->fresh && replay_waiting && post.payment_intent)
    if (auto replayed = replay_stripe_events(deps); !replayed)
      spdlog::warn("stripe: waiting events not applied yet: {}", describe(replayed.error()));
  return reply->fresh ? stripe_outcome::credited : stripe_outcome::duplicate;
}

Result<stripe_outcome> refund(const stripe_deps& deps, const stripe_event& ev, int64_t inbox_id) {
  if (ev.payment_intent.empty() || ev.charge_id.empty())
    return ignore(deps, ev, inbox_id, "no payment intent or charge");
  auto slug = persistence::run_blocking<std::string>(  // "": no top-up carried it yet
      *deps.sys, deps.registry->actor_at("/db"), access::read, deps.timeout,
      [pi = ev.payment_intent](connection& c) -> Result<std::string> {
        auto found = persistence::tenant_of_payment(c, pi);
        if (!found) return std::move(found.error());
        return found->value_or("");
      });
  if (!slug) return std::move(slug.error());
  if (slug->empty()) {
    spdlog::info("stripe: {} {} waits for its top-up", ev.type, ev.id);
    return stripe_outcome::waiting;
  }
  auto billing = billing_of(deps, *slug);
  if (!billing) return std::move(billing.error());
  if (!*billing) return ignore(deps, ev, inbox_id, "the top-up's tenant is gone");
  refund_request r{ev.payment_intent, ev.charge_id, ev.amount_refunded};
  auto reply = runtime::ask<billing_reply>(*deps.sys, **billing, deps.timeout, refund_atom::value,
                                           r, inbox_id);
  if (!reply) return std::move(reply.error());
  return reply->fresh ? stripe_outcome::refunded : stripe_outcome::duplicate;
}

Result<stripe_outcome> apply(const stripe_deps& deps, const stripe_event& ev, int64_t inbox_id,
                             bool replay_waiting) {
  if (is_payment(ev.type)) return credit(deps, ev, inbox_id, replay_waiting);
  if (ev.type == "charge.refunded") return refund(deps, ev, inbox_id);
  return ignore(deps, ev, inbox_id, "not an event billing uses");
}

}  // namespace

const char* to_string(stripe_outcome o) {
  switch (o) {
    case stripe_outcome::credited:
      return "credited";
    case stripe_outcome::refunded:
      return "refunded";
    case stripe_outcome::duplicate:
      return "duplicate";
    case stripe_outcome::waiting:
      return "waiting";
    default:
      return "ignored";
  }
}

Result<stripe_outcome> receive_stripe_event(const stripe_deps& deps, const stripe_event& ev,
                                            const std::string& payload) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto rec = persistence::run_blocking<persistence::recorded_event>(
      *deps.sys, deps.registry->actor_at("/db"), access::write, deps.timeout,
      [id = ev.id, type = ev.type, payload, now](connection& c) {
        return persistence::record_event(c, "stripe", id, type, payload, now);
      });
  if (!rec) return std::move(rec.error());
  if (!rec->fresh && rec->record.processed_at) return stripe_outcome::duplicate;
  return apply(deps, ev, rec->record.id, true);
}

Result<int> replay_stripe_events(const stripe_deps& deps, int limit) {
  auto pending = persistence::run_blocking<std::vector<persistence::inbox_record>>(
      *deps.sys, deps.registry->actor_at("/db"), access::read, deps.timeout,
      [limit](connection& c) { return persistence::pending_events(c, limit); });
  if (!pending) return std::move(pending.error());
  int applied = 0;
  for (const auto& rec : *pending) {
    if (rec.provider != "stripe") continue;
    auto ev = deps.decode ? deps.decode(rec.payload)
                          : Result<stripe_event>{make_error(errc::internal, "no decoder")};
    if (!ev) {
      spdlog::error("stripe: stored event {} cannot be decoded: {}", rec.external_id,
                    describe(ev.error()));
      continue;
    }
    auto out = apply(deps, *ev, rec.id, false);
    if (!out) return std::move(out.error());
    if (*out != stripe_outcome::waiting) ++applied;
  }
  return applied;
}

}  // namespace askpro::actors::billing
