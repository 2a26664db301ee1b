// Customers of a tenant, one per E.164 number; find_or_create lets the unique key decide races.
// Name, number, e-mail and notes are sealed (crypto/sealed.hpp); the number is found and kept
// unique through its blind index.
#include "persistence/repo/customer_repo.hpp"

#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/booking_rows.hpp"
#include "persistence/repo/row_mapping.hpp"
#include "persistence/transaction.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace askpro::persistence {

namespace {

const char* const customer_columns =
    "id, phone_e164, name, email, notes, consent_sms, consent_whatsapp, consent_email, "
    "created_at, updated_at";

Result<customer_record> to_customer(const connection& conn, int64_t company, const row& r) {
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
  unseal_into(conn, company, "customers.phone_e164", c.phone_e164, err);
  unseal_into(conn, company, "customers.name", c.name, err);
  unseal_into(conn, company, "customers.email", c.email, err);
  unseal_into(conn, company, "customers.notes", c.notes, err);
  if (err) return err;
  return c;
}

Result<std::optional<customer_record>> first_customer(const connection& conn, int64_t company,
                                                      Result<result_set> rs) {
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return std::optional<customer_record>{};
  auto c = to_customer(conn, company, (*rs)[0]);
  if (!c) return std::move(c.error());
  return std::optional<customer_record>{std::move(*c)};
}

/// The sealed values of one INSERT's or UPDATE's personal fields, in the order asked for.
Result<std::vector<value>> sealed_values(
    const connection& conn, int64_t company,
    std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  std::vector<value> out;
  for (const auto& [column, plain] : fields) {
    auto sealed = seal(conn, company, std::string{"customers."} + column, std::string_view{*plain});
    if (!sealed) return std::move(sealed.error());
    out.emplace_back(std::move(*sealed));
  }
  return out;
}

Result<customer_record> insert_or_read(connection& conn, tenant_scope scope,
                                       const std::string& e164, const std::string& name,
                                       int64_t now_ms, const std::string& email) {
  const auto company = scope.company_id();
  auto index = phone_key(conn, company, e164);
  if (!index) return std::move(index.error());
  auto v =
      sealed_values(conn, company, {{"phone_e164", &e164}, {"name", &name}, {"email", &email}});
  if (!v) return std::move(v.error());
  auto n = conn.execute(
      "INSERT INTO customers (company_id, phone_e164, phone_index, name, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?)" +
          conn.sql_dialect().on_conflict_do_nothing({"company_id", "phone_index"}),
      {company, (*v)[0], *index, (*v)[1], now_ms, now_ms});
  if (!n) return std::move(n.error());
  if (!name.empty()) {
    auto named = conn.execute(
        "UPDATE customers SET name = ?, updated_at = ? "
        "WHERE company_id = ? AND phone_index = ? AND name = ''",
        {(*v)[1], now_ms, company, *index});
    if (!named) return std::move(named.error());
  }
  if (!email.empty()) {
    auto addressed = conn.execute(
        "UPDATE customers SET email = ?, updated_at = ? WHERE company_id = ? AND phone_index = ?",
        {(*v)[2], now_ms, company, *index});
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
  return first_customer(
      conn, scope.company_id(),
      conn.query(std::string{"SELECT "} + customer_columns +
                     " FROM customers WHERE company_id = ? AND id = ? AND erased_at IS NULL",
                 {scope.company_id(), customer_id}));
}

Result<std::optional<customer_record>> find_customer_by_phone(connection& conn, tenant_scope scope,
                                                              const std::string& e164) {
  auto index = phone_key(conn, scope.company_id(), e164);
  if (!index) return std::move(index.error());
  return first_customer(conn, scope.company_id(),
                        conn.query(std::string{"SELECT "} + customer_columns +
                                       " FROM customers WHERE company_id = ? AND phone_index = ?",
                                   {scope.company_id(), *index}));
}

Result<customer_record> find_or_create_customer(connection& conn, tenant_scope scope,
                                                const std::string& e164, const std::string& name,
                                                int64_t now_ms, const std::string& email) {
  if (e164.empty()) return make_error(errc::invalid_argument, "customer phone number is empty");
  return booking_detail::with_retry(
      [&] { return insert_or_read(conn, scope, e164, name, now_ms, email); });
}

namespace {

/// True when `name` contains `part`, ASCII letters compared without case.
bool name_contains(const std::string& name, const std::string& part) {
  auto fold = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto it = std::search(name.begin(), name.end(), part.begin(), part.end(),
                        [&](char a, char b) { return fold(a) == fold(b); });
  return it != name.end();
}

/// One batch of the tenant's customers in id order after `after`, by number when asked.
Result<std::vector<customer_record>> batch_after(connection& conn, tenant_scope scope,
                                                 const std::optional<std::string>& index,
                                                 std::optional<int64_t> after, int limit) {
  std::string sql = std::string{"SELECT "} + customer_columns +
                    " FROM customers WHERE company_id = ? AND erased_at IS NULL";
  std::vector<value> binds{scope.company_id()};
  if (index) {
    sql += " AND phone_index = ?";
    binds.emplace_back(*index);
  }
  if (after) {
    sql += " AND id > ?";
    binds.emplace_back(*after);
  }
  sql += " ORDER BY id LIMIT ?";
  binds.emplace_back(limit);
  auto rows = conn.query(sql, binds);
  if (!rows) return std::move(rows.error());
  std::vector<customer_record> out;
  for (const auto& r : *rows) {
    auto c = to_customer(conn, scope.company_id(), r);
    if (!c) return std::move(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace

Result<std::vector<customer_record>> list_customers(connection& conn, tenant_scope scope,
                                                    const customer_filter& f) {
  std::optional<std::string> index;
  if (f.phone_e164) {
    auto key = phone_key(conn, scope.company_id(), *f.phone_e164);
    if (!key) return std::move(key.error());
    index = std::move(*key);
  }
  if (!f.name_contains) return batch_after(conn, scope, index, f.after_id, f.limit);
  // Names are sealed: the search opens the tenant's customers batch by batch.
  std::vector<customer_record> out;
  auto after = f.after_id;
  for (;;) {
    auto batch = batch_after(conn, scope, index, after, 500);
    if (!batch) return std::move(batch.error());
    for (auto& c : *batch) {
      if (!name_contains(c.name, *f.name_contains)) continue;
      out.push_back(std::move(c));
      if (static_cast<int>(out.size()) == f.limit) return out;
    }
    if (batch->size() < 500) return out;
    after = batch->back().id;
  }
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
  const auto company = scope.company_id();
  auto name = seal_optional(conn, company, "customers.name", p.name);
  auto email = seal_optional(conn, company, "customers.email", p.email);
  auto notes = seal_optional(conn, company, "customers.notes", p.notes);
  for (auto* sealed : {&name, &email, &notes})
    if (!*sealed) return std::move(sealed->error());
  std::string sql = "UPDATE customers SET updated_at = ?";
  std::vector<value> binds{now_ms};
  set_if(sql, binds, "name", *name);
  set_if(sql, binds, "email", *email);
  set_if(sql, binds, "notes", *notes);
  set_if(sql, binds, "consent_sms", p.consent_sms);
  set_if(sql, binds, "consent_whatsapp", p.consent_whatsapp);
  set_if(sql, binds, "consent_email", p.consent_email);
  sql += " WHERE company_id = ? AND id = ? AND erased_at IS NULL";
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
