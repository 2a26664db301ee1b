// Customers of a tenant, one per E.164 number; find_or_create lets the unique key decide races.
#include "persistence/repo/customer_repo.hpp"

#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/booking_rows.hpp"
#include "persistence/repo/row_mapping.hpp"
#include "persistence/transaction.hpp"

#include <nlohmann/json.hpp>

namespace askpro::persistence {

namespace {

const char* const customer_columns =
    "id, phone_e164, name, email, notes, consent_sms, consent_whatsapp, consent_email, "
    "created_at, updated_at";

Result<customer_record> to_customer(const row& r) {
  customer_record c;
  caf::error err;
  take(r, "id", c.id, err);
  take(r, "phone_e164", c.phone_e164, err);
  take(r, "name", c.name, err);
  take(r, "email", c.email, err);
  take(r, "notes", c.notes, err);
  take(r, "consent_sms", c.consent_sms, err);
  take(r, "consent_whatsapp", c.consent_whatsapp, err);
  take(r, "consent_email", c.consent_email, err);
  take(r, "created_at", c.created_at, err);
  take(r, "updated_at", c.updated_at, err);
  if (err) return err;
  return c;
}

Result<std::optional<customer_record>> first_customer(Result<result_set> rs) {
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return std::optional<customer_record>{};
  auto c = to_customer((*rs)[0]);
  if (!c) return std::move(c.error());
  return std::optional<customer_record>{std::move(*c)};
}

Result<customer_record> insert_or_read(connection& conn, tenant_scope scope,
                                       const std::string& e164, const std::string& name,
                                       int64_t now_ms, const std::string& email) {
  auto n = conn.execute(
      "INSERT INTO customers (company_id, phone_e164, name, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?)" +
          conn.sql_dialect().on_conflict_do_nothing({"company_id", "phone_e164"}),
      {scope.company_id(), e164, name, now_ms, now_ms});
  if (!n) return std::move(n.error());
  if (!name.empty()) {
    auto named = conn.execute(
        "UPDATE customers SET name = ?, updated_at = ? "
        "WHERE company_id = ? AND phone_e164 = ? AND name = ''",
        {name, now_ms, scope.company_id(), e164});
    if (!named) return std::move(named.error());
  }
  if (!email.empty()) {
    auto addressed = conn.execute(
        "UPDATE customers SET email = ?, updated_at = ? WHERE company_id = ? AND phone_e164 = ?",
        {email, now_ms, scope.company_id(), e164});
    if (!addressed) return std::move(addressed.error());
  }
  auto found = find_customer_by_phone(conn, scope, e164);
  if (!found) return std::move(found.error());
  if (!*found) return make_error(errc::storage, "customer vanished after insert");
  return std::move(**found);
}

}  // namespace

Result<std::optional<customer_record>> find_customer(connection& conn, tenant_scope scope,
                                                     int64_t customer_id) {
  return first_customer(conn.query(
      std::string{"SELECT "} + customer_columns + " FROM customers WHERE company_id = ? AND id = ?",
      {scope.company_id(), customer_id}));
}

Result<std::optional<customer_record>> find_customer_by_phone(connection& conn, tenant_scope scope,
                                                              const std::string& e164) {
  return first_customer(conn.query(std::string{"SELECT "} + customer_columns +
                                       " FROM customers WHERE company_id = ? AND phone_e164 = ?",
                                   {scope.company_id(), e164}));
}

Result<customer_record> find_or_create_customer(connection& conn, tenant_scope scope,
                                                const std::string& e164, const std::string& name,
                                                int64_t now_ms, const std::string& email) {
  if (e164.empty()) return make_error(errc::invalid_argument, "customer phone number is empty");
  return booking_detail::with_retry(
      [&] { return insert_or_read(conn, scope, e164, name, now_ms, email); });
}

namespace {

/// `text` as a LIKE pattern matching it anywhere, with ! escaping %, _ and itself (a
/// backslash escape would need different quoting on MySQL and SQLite).
std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  return out + "%";
}

}  // namespace

Result<std::vector<customer_record>> list_customers(connection& conn, tenant_scope scope,
                                                    const customer_filter& f) {
  std::string sql =
      std::string{"SELECT "} + customer_columns + " FROM customers WHERE company_id = ?";
  std::vector<value> binds{scope.company_id()};
  if (f.phone_e164) {
    sql += " AND phone_e164 = ?";
    binds.emplace_back(*f.phone_e164);
  }
  if (f.name_contains) {
    sql += " AND name LIKE ? ESCAPE '!'";
    binds.emplace_back(contains_pattern(*f.name_contains));
  }
  if (f.after_id) {
    sql += " AND id > ?";
    binds.emplace_back(*f.after_id);
  }
  sql += " ORDER BY id LIMIT ?";
  binds.emplace_back(f.limit);
  auto rows = conn.query(sql, binds);
  if (!rows) return std::move(rows.error());
  std::vector<customer_record> out;
  for (const auto& r : *rows) {
    auto c = to_customer(r);
    if (!c) return std::move(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

namespace {

/// The names of the fields a patch sets (the audit payload: never their values).
nlohmann::json patched_fields(const customer_patch& p) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const char* name, bool set) {
    if (set) out.push_back(name);
  };
  add("name", p.name.has_value());
  add("email", p.email.has_value());
  add("notes", p.notes.has_value());
  add("consent_sms", p.consent_sms.has_value());
  add("consent_whatsapp", p.consent_whatsapp.has_value());
  add("consent_email", p.consent_email.has_value());
  return out;
}

Result<std::optional<customer_record>> update_in(connection& conn, tenant_scope scope,
                                                 int64_t customer_id, const customer_patch& p,
                                                 int64_t now_ms, const audit_context& who) {
  std::string sql = "UPDATE customers SET updated_at = ?";
  std::vector<value> binds{now_ms};
  set_if(sql, binds, "name", p.name);
  set_if(sql, binds, "email", p.email);
  set_if(sql, binds, "notes", p.notes);
  set_if(sql, binds, "consent_sms", p.consent_sms);
  set_if(sql, binds, "consent_whatsapp", p.consent_whatsapp);
  set_if(sql, binds, "consent_email", p.consent_email);
  sql += " WHERE company_id = ? AND id = ?";
  binds.insert(binds.end(), {scope.company_id(), customer_id});
  auto changed = conn.execute(sql, binds);
  if (!changed) return std::move(changed.error());
  if (*changed == 0) return std::optional<customer_record>{};
  nlohmann::json payload{{"customer", customer_id}, {"fields", patched_fields(p)}};
  if (auto ok = append_audit(conn, scope, who, "customer.updated", payload.dump(), now_ms); !ok)
    return std::move(ok.error());
  return find_customer(conn, scope, customer_id);
}

}  // namespace

Result<std::optional<customer_record>> update_customer(connection& conn, tenant_scope scope,
                                                       int64_t customer_id, const customer_patch& p,
                                                       int64_t now_ms, const audit_context& who) {
  return with_transaction(
      conn, [&](connection& c) { return update_in(c, scope, customer_id, p, now_ms, who); });
}

}  // namespace askpro::persistence
