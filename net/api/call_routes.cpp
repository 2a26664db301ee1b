// GET /api/v2/calls (newest first, keyset cursor, filters from, to, status) and
// GET /api/v2/calls/{id} with transcript and analysis. Translation only: actors/api/api_calls.
#include "actors/api/api_calls.hpp"
#include "net/api/api_internal.hpp"
#include "net/api/record_json.hpp"

namespace askpro::net::api {
namespace {

using nlohmann::json;

/// The filters of the query; answers 422 naming each bad one and yields nullopt.
std::optional<actors::api::call_query> read_query(api_call& call) {
  actors::api::call_query q;
  std::vector<http::field_error> errors;
  for (auto [name, slot] : {std::pair{"from", &q.from_ms}, std::pair{"to", &q.to_ms}}) {
    auto text = call.query(name);
    if (!text || text->empty()) continue;
    *slot = parse_instant(*text);
    if (!*slot) errors.push_back({name, "not an ISO 8601 date or date-time with offset"});
  }
  if (auto status = call.query("status"); status && !status->empty()) q.status = *status;
  if (!errors.empty()) {
    respond_invalid(call.res, std::move(errors));
    return std::nullopt;
  }
  return q;
}

void list(api_call& call) {
  auto page = read_page(call);
  if (!page) return;
  auto q = read_query(call);
  if (!q) return;
  if (page->after) q->before = std::pair{page->after->sort, page->after->id};
  q->limit = page->limit + 1;  // one more tells whether a next page exists
  auto rows = actors::api::list_calls(call.env.deps, call.who, *q);
  if (!rows) return respond_failure(call.res, rows.error());
  std::optional<cursor_key> next;
  if (static_cast<int>(rows->size()) > page->limit) {
    rows->resize(static_cast<std::size_t>(page->limit));
    next = cursor_key{rows->back().created_at, rows->back().id};
  }
  json items = json::array();
  for (const auto& c : *rows) items.push_back(call_summary_json(c));
  respond_list(call, std::move(items), next);
}

void one(api_call& call) {
  auto id = parse_id(call.path_arg());
  if (!id) return respond_not_found(call.res, "call");
  auto found = actors::api::find_call(call.env.deps, call.who, *id);
  if (!found) return respond_failure(call.res, found.error());
  if (!*found) return respond_not_found(call.res, "call");
  respond_item(call, call_detail_json(**found));
}

}  // namespace

void mount_calls(api_mount& m) {
  m.add("GET", "/api/v2/calls", api_access::read, list);
  m.add("GET", "/api/v2/calls/{id}", api_access::read, one);
}

}  // namespace askpro::net::api
