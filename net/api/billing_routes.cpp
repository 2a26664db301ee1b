// GET /api/v2/billing/balance, /api/v2/billing/ledger (newest first, keyset cursor) and
// /api/v2/billing/usage?month=YYYY-MM. Translation only: actors/api/api_billing.
#include "actors/api/api_billing.hpp"
#include "actors/api/api_time.hpp"
#include "actors/billing/stripe_events.hpp"
#include "net/api/api_internal.hpp"

#include <algorithm>
#include <cctype>

namespace askpro::net::api {
namespace {

using nlohmann::json;

std::string currency_code() {
  std::string c = actors::billing::ledger_currency;
  std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::toupper(ch); });
  return c;
}

json entry_json(const persistence::ledger_entry& e, const std::string& zone) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"amount_cents", e.amount_cents},
          {"balance_after_cents", e.balance_after_cents},
          {"reference", e.reference},
          {"created_at",
           actors::api::iso_in_zone(
               zone, actors::booking::time_point{std::chrono::milliseconds{e.created_at}})}};
}

void balance(api_call& call) {
  auto b = actors::api::read_balance(call.env.deps, call.who);
  if (!b) return respond_failure(call.res, b.error());
  respond_item(call, {{"balance_cents", b->balance.balance_cents},
                      {"currency", currency_code()},
                      {"low_balance_cents", b->balance.low_balance_cents}});
}

void ledger(api_call& call) {
  auto page = read_page(call);
  if (!page) return;
  auto b = actors::api::read_balance(call.env.deps, call.who);  // the zone of the times
  if (!b) return respond_failure(call.res, b.error());
  std::optional<int64_t> before;
  if (page->after) before = page->after->id;
  auto rows = actors::api::list_ledger(call.env.deps, call.who, before, page->limit + 1);
  if (!rows) return respond_failure(call.res, rows.error());
  std::optional<cursor_key> next;
  if (static_cast<int>(rows->size()) > page->limit) {
    rows->resize(static_cast<std::size_t>(page->limit));
    next = cursor_key{rows->back().id, rows->back().id};
  }
  json items = json::array();
  for (const auto& e : *rows) items.push_back(entry_json(e, b->time_zone));
  respond_list(call, std::move(items), next);
}

void usage(api_call& call) {
  auto month = call.query("month");
  if (!month || month->empty()) return respond_invalid(call.res, {{"month", "required (YYYY-MM)"}});
  auto u = actors::api::month_usage(call.env.deps, call.who, *month);
  if (!u) {
    if (code_of(u.error()) == errc::invalid_argument)
      return respond_invalid(call.res, {{"month", "not a month (YYYY-MM)"}});
    return respond_failure(call.res, u.error());
  }
  respond_item(call, {{"month", *month},
                      {"calls", u->calls},
                      {"billed_seconds", u->billed_seconds},
                      {"charged_cents", u->charged_cents},
                      {"topups_cents", u->topups_cents},
                      {"refunds_cents", u->refunds_cents}});
}

}  // namespace

void mount_billing(api_mount& m) {
  m.add("GET", "/api/v2/billing/balance", api_access::read, balance);
  m.add("GET", "/api/v2/billing/ledger", api_access::read, ledger);
  m.add("GET", "/api/v2/billing/usage", api_access::read, usage);
}

}  // namespace askpro::net::api
