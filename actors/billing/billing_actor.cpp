// The tenant's billing actor (billing.hpp): one ledger write at a time, each in its own
// transaction on /db together with the webhook inbox row it applies.
#include "actors/billing/billing.hpp"

#include "actors/observe/business_metrics.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "persistence/transaction.hpp"
#include "runtime/atoms.hpp"
#include "runtime/counted_actor.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

// A db task's reply (local messages only).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::posted_entry>)

namespace askpro::actors::billing {
namespace {

using persistence::access;
using persistence::connection;
using persistence::posted_entry;
using persistence::tenant_scope;

struct billing_state {
  billing_config cfg;
  std::optional<persistence::balance_info> last;  ///< as of the last read or write
  int64_t posted = 0, repeats = 0;
  static inline const char* name = "billing";
};
using billing_actor = runtime::counted_stateful<billing_state>;

using write_fn = std::function<Result<std::optional<posted_entry>>(connection&)>;

/// Runs `write` and marks `inbox_id` processed in one transaction.
Result<std::optional<posted_entry>> write_with_inbox(connection& c, const write_fn& write,
                                                     int64_t inbox_id, int64_t now) {
  return persistence::with_transaction(
      c, [&](connection& tx) -> Result<std::optional<posted_entry>> {
        auto posted = write(tx);
        if (!posted) return posted;
        if (inbox_id > 0)
          if (auto marked = persistence::mark_processed(tx, inbox_id, now); !marked)
            return std::move(marked.error());
        return posted;
      });
}

using refresh_atom = caf::atom_constant<caf::atom("billrefr")>;

void remember(billing_state& st, const persistence::balance_info& b) {
  st.last = b;
  observe::set_balance(st.cfg.slug, b.balance_cents);
}

billing_reply reply_of(billing_state& st, const std::optional<posted_entry>& p) {
  if (!p) return {};
  (p->fresh ? st.posted : st.repeats) += 1;
  remember(st, {p->fresh ? p->entry.balance_after_cents : p->balance_before, p->low_balance_cents});
  return {p->fresh, p->entry.amount_cents, st.last->balance_cents};
}

/// Writes through /db and answers the request once committed; later messages wait meanwhile.
caf::response_promise write(billing_actor* self, write_fn fn, int64_t inbox_id) {
  auto& st = self->state;
  auto rp = self->make_response_promise();
  auto db = st.cfg.registry->actor_at(st.cfg.db_path);
  if (!db) {
    rp.deliver(make_error(errc::unavailable, "billing: the database is not running"));
    return rp;
  }
  auto now = runtime::to_unix_ms(st.cfg.clock->now());
  persistence::request_db<std::optional<posted_entry>>(
      self, db, access::write, st.cfg.db_timeout,
      [fn = std::move(fn), inbox_id, now](connection& c) {
        return write_with_inbox(c, fn, inbox_id, now);
      })
      .await([self,
              rp](std::optional<posted_entry>& p) mutable { rp.deliver(reply_of(self->state, p)); },
             [self, rp](caf::error& err) mutable {
               spdlog::warn("billing: {} write failed: {}", self->state.cfg.slug, describe(err));
               rp.deliver(std::move(err));
             });
  return rp;
}

/// Reads the balance through /db (later messages wait meanwhile) and hands it to `done`.
void read_balance(billing_actor* self,
                  std::function<void(Result<persistence::balance_info>)> done) {
  auto& st = self->state;
  auto db = st.cfg.registry->actor_at(st.cfg.db_path);
  if (!db) return done(make_error(errc::unavailable, "billing: the database is not running"));
  persistence::request_db<persistence::balance_info>(
      self, db, access::read, st.cfg.db_timeout,
      [scope = tenant_scope{st.cfg.company_id}](connection& c) {
        return persistence::read_balance(c, scope);
      })
      .await(
          [self, done](persistence::balance_info& b) {
            remember(self->state, b);
            done(b);
          },
          [done](caf::error& err) { done(std::move(err)); });
}

caf::response_promise balance(billing_actor* self) {
  auto rp = self->make_response_promise();
  read_balance(self, [rp](Result<persistence::balance_info> b) mutable {
    if (b)
      rp.deliver(*b);
    else
      rp.deliver(std::move(b.error()));
  });
  return rp;
}

std::string inspect_json(const billing_state& st) {
  nlohmann::json j{{"tenant", st.cfg.slug}, {"posted", st.posted}, {"repeats", st.repeats}};
  j["balance_cents"] = st.last ? nlohmann::json(st.last->balance_cents) : nlohmann::json(nullptr);
  j["low_balance_cents"] =
      st.last ? nlohmann::json(st.last->low_balance_cents) : nlohmann::json(nullptr);
  return j.dump();
}

caf::behavior billing(billing_actor* self, billing_config cfg) {
  self->state.cfg = std::move(cfg);
  const tenant_scope scope{self->state.cfg.company_id};
  self->send(self, refresh_atom::value);
  return {
      [=](refresh_atom) {
        self->delayed_send(self, self->state.cfg.refresh, refresh_atom::value);
        read_balance(self, [](const Result<persistence::balance_info>&) {});
      },
      [=](post_atom, persistence::ledger_post post, int64_t inbox_id) {
        return write(
            self,
            [scope, post, now = runtime::to_unix_ms(self->state.cfg.clock->now())](
                connection& c) -> Result<std::optional<posted_entry>> {
              auto p = persistence::post_entry(c, scope, post, now);
              if (!p) return std::move(p.error());
              return std::optional<posted_entry>{std::move(*p)};
            },
            inbox_id);
      },
      [=](refund_atom, refund_request r, int64_t inbox_id) {
        return write(
            self,
            [scope, r, now = runtime::to_unix_ms(self->state.cfg.clock->now())](connection& c) {
              return persistence::post_refund(c, scope, r.payment_intent, r.charge_id,
                                              r.amount_refunded, now);
            },
            inbox_id);
      },
      [=](balance_atom) { return balance(self); },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

runtime::start_fn billing_actor_start(billing_config cfg) {
  return [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(billing, cfg);
  };
}

}  // namespace askpro::actors::billing
