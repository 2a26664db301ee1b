// GET /api/v2/customers (search by phone in any format or by name, id order), GET and PATCH
// /api/v2/customers/{id}, and the GDPR routes: GET /api/v2/customers/{id}/export and DELETE
// /api/v2/customers/{id} (admin tokens). Translation only: actors/api decides.
#include "actors/api/api_customers.hpp"
#include "actors/api/api_privacy.hpp"
#include "net/api/api_internal.hpp"
#include "net/api/privacy_json.hpp"
#include "net/api/record_json.hpp"

namespace askpro::net::api {
namespace {

using nlohmann::json;

void list(api_call& call) {
  auto page = read_page(call);
  if (!page) return;
  actors::api::customer_query q;
  q.phone = call.query("phone");
  q.name = call.query("name");
  if (q.phone && q.phone->empty()) q.phone.reset();
  if (q.name && q.name->empty()) q.name.reset();
  if (page->after) q.after_id = page->after->id;
  q.limit = page->limit + 1;  // one more tells whether a next page exists
  auto rows = actors::api::list_customers(call.env.deps, call.who, q);
  if (!rows && code_of(rows.error()) == errc::invalid_argument)
    return respond_invalid(call.res, {{"phone", "not a valid phone number"}});
  if (!rows) return respond_failure(call.res, rows.error());
  std::optional<cursor_key> next;
  if (static_cast<int>(rows->size()) > page->limit) {
    rows->resize(static_cast<std::size_t>(page->limit));
    next = cursor_key{rows->back().id, rows->back().id};
  }
  json items = json::array();
  for (const auto& c : *rows) items.push_back(customer_json(c));
  respond_list(call, std::move(items), next);
}

void one(api_call& call) {
  auto id = parse_id(call.path_arg());
  if (!id) return respond_not_found(call.res, "customer");
  auto found = actors::api::find_customer(call.env.deps, call.who, *id);
  if (!found) return respond_failure(call.res, found.error());
  if (!*found) return respond_not_found(call.res, "customer");
  respond_item(call, customer_json(**found));
}

/// The changes in `body`; unknown members and non-strings are field errors.
actors::api::customer_changes read_changes(const json& body,
                                           std::vector<http::field_error>& errors) {
  actors::api::customer_changes out;
  for (const auto& [key, value] : body.items()) {
    std::optional<std::string>* slot = key == "name"    ? &out.name
                                       : key == "email" ? &out.email
                                       : key == "notes" ? &out.notes
                                                        : nullptr;
    if (!slot)
      errors.push_back({key, "unknown field (name, email and notes may change)"});
    else if (!value.is_string())
      errors.push_back({key, "must be a string"});
    else
      *slot = value.get<std::string>();
  }
  return out;
}

void patch(api_call& call) {
  auto id = parse_id(call.path_arg());
  if (!id) return respond_not_found(call.res, "customer");
  auto body = read_body(call);
  if (!body) return;
  std::vector<http::field_error> errors;
  auto changes = read_changes(*body, errors);
  for (auto& p : actors::api::check_customer_changes(changes))
    if (errors.empty() || p.field != "body") errors.push_back({p.field, p.message});
  if (!errors.empty()) return respond_invalid(call.res, std::move(errors));
  auto updated = actors::api::update_customer(call.env.deps, call.who, *id, changes);
  if (!updated) return respond_failure(call.res, updated.error());
  if (!*updated) return respond_not_found(call.res, "customer");
  respond_item(call, customer_json(**updated));
}

void export_one(api_call& call) {
  auto id = parse_id(call.path_arg());
  if (!id) return respond_not_found(call.res, "customer");
  auto found = actors::api::export_customer(call.env.deps, call.who, *id);
  if (!found) return respond_failure(call.res, found.error());
  if (!*found) return respond_not_found(call.res, "customer");
  respond_item(call, export_json(**found, runtime::to_unix_ms(call.env.deps.clock->now())));
  call.res.set_header("Content-Disposition",
                      "attachment; filename=\"customer-" + std::to_string(*id) + ".json\"");
}

void erase(api_call& call) {
  auto id = parse_id(call.path_arg());
  if (!id) return respond_not_found(call.res, "customer");
  auto erased = actors::api::erase_customer(call.env.deps, call.who, *id);
  if (!erased) return respond_failure(call.res, erased.error());
  if (!*erased) return respond_not_found(call.res, "customer");
  respond_item(call, erasure_json(*id, **erased));
}

}  // namespace

void mount_customers(api_mount& m) {
  m.add("GET", "/api/v2/customers", api_access::read, list);
  m.add("GET", "/api/v2/customers/{id}", api_access::read, one);
  m.add("PATCH", "/api/v2/customers/{id}", api_access::write, patch);
  m.add("GET", "/api/v2/customers/{id}/export", api_access::write, export_one);
  m.add("DELETE", "/api/v2/customers/{id}", api_access::write, erase);
}

}  // namespace askpro::net::api
