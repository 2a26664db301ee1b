// Calls: the caller's number, transcripts, summaries and analyses are sealed
// (crypto/sealed.hpp) on the way in and opened on the way out.
#include "persistence/repo/call_repo.hpp"

#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/row_mapping.hpp"

#include <utility>
#include <vector>

namespace askpro::persistence {
namespace {

constexpr const char* call_columns =
    "SELECT id, company_id, branch_id, retell_call_id, agent_id, direction, from_number, "
    "to_number, status, started_at, ended_at, duration_ms, disconnection_reason, transcript, "
    "transcript_object, summary, sentiment, successful, analysis, cost_cents, customer_id, "
    "charged_at, created_at, updated_at FROM calls ";

Result<call_record> read_call(const connection& conn, const row& r) {
  call_record c;
  caf::error err;
  int64_t company = 0;
  take(r, "company_id", company, err);
  take(r, "id", c.id, err);
  take(r, "branch_id", c.branch_id, err);
  take(r, "retell_call_id", c.retell_call_id, err);
  take(r, "agent_id", c.agent_id, err);
  take(r, "direction", c.direction, err);
  take(r, "from_number", c.from_number, err);
  take(r, "to_number", c.to_number, err);
  take(r, "status", c.status, err);
  take(r, "started_at", c.started_at, err);
  take(r, "ended_at", c.ended_at, err);
  take(r, "duration_ms", c.duration_ms, err);
  take(r, "disconnection_reason", c.disconnection_reason, err);
  take(r, "transcript", c.transcript, err);
  take(r, "transcript_object", c.transcript_object, err);
  take(r, "summary", c.summary, err);
  take(r, "sentiment", c.sentiment, err);
  take(r, "successful", c.successful, err);
  take(r, "analysis", c.analysis, err);
  take(r, "cost_cents", c.cost_cents, err);
  take(r, "customer_id", c.customer_id, err);
  take(r, "charged_at", c.charged_at, err);
  take(r, "created_at", c.created_at, err);
  take(r, "updated_at", c.updated_at, err);
  unseal_into(conn, company, "calls.from_number", c.from_number, err);
  unseal_into(conn, company, "calls.transcript", c.transcript, err);
  unseal_into(conn, company, "calls.transcript_object", c.transcript_object, err);
  unseal_into(conn, company, "calls.summary", c.summary, err);
  unseal_into(conn, company, "calls.analysis", c.analysis, err);
  if (err) return err;
  return c;
}

/// An opening as stored: the caller's number sealed, with its blind index (from_index).
struct stored_opening {
  call_opening o;
  std::optional<std::string> from_index;
};

Result<stored_opening> sealed(const connection& conn, int64_t company, call_opening o) {
  auto index = caller_index(conn, company, o.from_number);
  if (!index) return std::move(index.error());
  caf::error err;
  seal_into(conn, company, "calls.from_number", o.from_number, err);
  if (err) return err;
  return stored_opening{std::move(o), std::move(*index)};
}

Result<call_update> sealed(const connection& conn, int64_t company, call_update u) {
  caf::error err;
  seal_into(conn, company, "calls.transcript", u.transcript, err);
  seal_into(conn, company, "calls.transcript_object", u.transcript_object, err);
  seal_into(conn, company, "calls.summary", u.summary, err);
  seal_into(conn, company, "calls.analysis", u.analysis, err);
  if (err) return err;
  return u;
}

/// The call with this Retell id whoever owns it, with its owner's company id.
Result<std::optional<std::pair<int64_t, call_record>>> any_call(connection& conn,
                                                                const std::string& retell_id) {
  auto rows = conn.query(std::string{call_columns} + "WHERE retell_call_id = ?", {retell_id});
  if (!rows) return std::move(rows.error());
  if (rows->empty()) return std::optional<std::pair<int64_t, call_record>>{};
  auto owner = (*rows)[0].get<int64_t>("company_id");
  if (!owner) return std::move(owner.error());
  auto call = read_call(conn, (*rows)[0]);
  if (!call) return std::move(call.error());
  return std::optional<std::pair<int64_t, call_record>>{{*owner, std::move(*call)}};
}

}  // namespace

Result<call_record> open_call(connection& conn, tenant_scope scope, const call_opening& plain,
                              int64_t now_ms) {
  auto stored = sealed(conn, scope.company_id(), plain);
  if (!stored) return std::move(stored.error());
  const auto* o = &stored->o;
  const std::string insert =
      "INSERT INTO calls (company_id, branch_id, retell_call_id, agent_id, direction, "
      "from_number, from_index, to_number, customer_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" +
      conn.sql_dialect().on_conflict_do_nothing({"retell_call_id"});
  auto inserted = conn.execute(
      insert, {scope.company_id(), o->branch_id, o->retell_call_id, o->agent_id, o->direction,
               o->from_number, stored->from_index, o->to_number, o->customer_id, now_ms, now_ms});
  if (!inserted) return std::move(inserted.error());
  auto found = any_call(conn, o->retell_call_id);
  if (!found) return std::move(found.error());
  if (!*found) return make_error(errc::storage, "calls: row vanished after insert");
  if ((*found)->first != scope.company_id())
    return make_error(errc::forbidden, "calls: the call belongs to another tenant");
  return std::move((*found)->second);
}

Result<call_record> update_call(connection& conn, tenant_scope scope,
                                const std::string& retell_call_id, const call_update& plain,
                                int64_t now_ms) {
  auto sealed_update = sealed(conn, scope.company_id(), plain);
  if (!sealed_update) return std::move(sealed_update.error());
  const auto& u = *sealed_update;
  std::string sql = "UPDATE calls SET updated_at = ?";
  std::vector<value> binds{now_ms};
  set_if(sql, binds, "status", u.status);
  set_if(sql, binds, "disconnection_reason", u.disconnection_reason);
  set_if(sql, binds, "transcript", u.transcript);
  set_if(sql, binds, "transcript_object", u.transcript_object);
  set_if(sql, binds, "summary", u.summary);
  set_if(sql, binds, "sentiment", u.sentiment);
  set_if(sql, binds, "analysis", u.analysis);
  set_if(sql, binds, "started_at", u.started_at);
  set_if(sql, binds, "ended_at", u.ended_at);
  set_if(sql, binds, "duration_ms", u.duration_ms);
  set_if(sql, binds, "cost_cents", u.cost_cents);
  set_if(sql, binds, "customer_id", u.customer_id);
  set_if(sql, binds, "successful", u.successful);
  sql += " WHERE company_id = ? AND retell_call_id = ?";
  binds.emplace_back(scope.company_id());
  binds.emplace_back(retell_call_id);
  auto changed = conn.execute(sql, binds);
  if (!changed) return std::move(changed.error());
  auto call = find_call(conn, scope, retell_call_id);
  if (!call) return std::move(call.error());
  if (!*call) return make_error(errc::not_found, "call not found");
  return std::move(**call);
}

namespace {

using field_list = std::vector<std::pair<const char*, value>>;

template <class T>
void add_if(field_list& out, const char* col, const std::optional<T>& v) {
  if (v) out.emplace_back(col, value{*v});
}

/// The columns `u` sets, with their values.
field_list fields_of(const call_update& u) {
  field_list f;
  add_if(f, "status", u.status);
  add_if(f, "disconnection_reason", u.disconnection_reason);
  add_if(f, "transcript", u.transcript);
  add_if(f, "transcript_object", u.transcript_object);
  add_if(f, "summary", u.summary);
  add_if(f, "sentiment", u.sentiment);
  add_if(f, "analysis", u.analysis);
  add_if(f, "started_at", u.started_at);
  add_if(f, "ended_at", u.ended_at);
  add_if(f, "duration_ms", u.duration_ms);
  add_if(f, "cost_cents", u.cost_cents);
  add_if(f, "successful", u.successful);
  return f;
}

/// A plain INSERT of the opening with the update's fields: errc::conflict when the id exists.
Result<int64_t> insert_call(connection& conn, tenant_scope scope, const stored_opening& s,
                            const call_update& u, const field_list& fields, int64_t now_ms) {
  const auto& o = s.o;
  std::string cols =
      "company_id, branch_id, retell_call_id, agent_id, direction, from_number, from_index, "
      "to_number, customer_id, created_at, updated_at";
  std::string marks = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  std::vector<value> binds{scope.company_id(),
                           o.branch_id,
                           o.retell_call_id,
                           o.agent_id,
                           o.direction,
                           o.from_number,
                           s.from_index,
                           o.to_number,
                           u.customer_id ? u.customer_id : o.customer_id,
                           now_ms,
                           now_ms};
  for (const auto& [col, v] : fields) {
    cols += std::string{", "} + col;
    marks += ", ?";
    binds.push_back(v);
  }
  return conn.execute("INSERT INTO calls (" + cols + ") VALUES (" + marks + ")", binds);
}

/// UPDATE of the tenant's call; yields the rows matched (0: missing or another tenant's).
Result<int64_t> set_fields(connection& conn, tenant_scope scope, const std::string& id,
                           const call_update& u, const field_list& fields, int64_t now_ms) {
  std::string sql = "UPDATE calls SET updated_at = ?";
  std::vector<value> binds{now_ms};
  for (const auto& [col, v] : fields) {
    sql += std::string{", "} + col + " = ?";
    binds.push_back(v);
  }
  set_if(sql, binds, "customer_id", u.customer_id);
  sql += " WHERE company_id = ? AND retell_call_id = ?";
  binds.emplace_back(scope.company_id());
  binds.emplace_back(id);
  return conn.execute(sql, binds);
}

}  // namespace

Result<bool> apply_call(connection& conn, tenant_scope scope, const call_opening& plain_opening,
                        const call_update& plain_update, int64_t now_ms) {
  auto sealed_opening = sealed(conn, scope.company_id(), plain_opening);
  if (!sealed_opening) return std::move(sealed_opening.error());
  auto sealed_update = sealed(conn, scope.company_id(), plain_update);
  if (!sealed_update) return std::move(sealed_update.error());
  const auto& opening = sealed_opening->o;
  const auto& update = *sealed_update;
  const auto fields = fields_of(update);
  auto inserted = insert_call(conn, scope, *sealed_opening, update, fields, now_ms);
  if (inserted) return true;
  if (code_of(inserted.error()) != errc::conflict) return std::move(inserted.error());
  const bool changes = !fields.empty() || update.customer_id;
  if (changes) {
    auto matched = set_fields(conn, scope, opening.retell_call_id, update, fields, now_ms);
    if (!matched) return std::move(matched.error());
    if (*matched > 0) return false;
  }
  auto found = any_call(conn, opening.retell_call_id);  // exists: whose is it?
  if (!found) return std::move(found.error());
  if (*found && (*found)->first != scope.company_id())
    return make_error(errc::forbidden, "calls: the call belongs to another tenant");
  if (!*found) return make_error(errc::storage, "calls: row vanished after a conflict");
  return false;
}

Result<std::optional<call_record>> find_call(connection& conn, tenant_scope scope,
                                             const std::string& retell_call_id) {
  auto rows = conn.query(std::string{call_columns} + "WHERE company_id = ? AND retell_call_id = ?",
                         {scope.company_id(), retell_call_id});
  if (!rows) return std::move(rows.error());
  if (rows->empty()) return std::optional<call_record>{};
  auto call = read_call(conn, (*rows)[0]);
  if (!call) return std::move(call.error());
  return std::optional<call_record>{std::move(*call)};
}

Result<std::optional<call_record>> find_call_by_id(connection& conn, tenant_scope scope,
                                                   int64_t id) {
  auto rows = conn.query(std::string{call_columns} + "WHERE company_id = ? AND id = ?",
                         {scope.company_id(), id});
  if (!rows) return std::move(rows.error());
  if (rows->empty()) return std::optional<call_record>{};
  auto call = read_call(conn, (*rows)[0]);
  if (!call) return std::move(call.error());
  return std::optional<call_record>{std::move(*call)};
}

namespace {

std::string call_list_sql(const call_filter& f, std::vector<value>& binds) {
  std::string sql = std::string{call_columns} + "WHERE company_id = ?";
  auto bound = [&](const char* clause, value v) {
    sql += std::string{" AND "} + clause;
    binds.push_back(std::move(v));
  };
  if (f.from_ms) bound("created_at >= ?", *f.from_ms);
  if (f.to_ms) bound("created_at < ?", *f.to_ms);
  if (f.status) bound("status = ?", *f.status);
  if (!f.allowed_branches.empty()) {
    sql += " AND branch_id IN (";
    for (std::size_t i = 0; i < f.allowed_branches.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      binds.emplace_back(f.allowed_branches[i]);
    }
    sql += ")";
  }
  if (f.before) {
    sql += " AND (created_at < ? OR (created_at = ? AND id < ?))";
    binds.insert(binds.end(), {f.before->first, f.before->first, f.before->second});
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  binds.emplace_back(f.limit);
  return sql;
}

Result<std::vector<call_record>> read_calls(const connection& conn, Result<result_set> rows) {
  if (!rows) return std::move(rows.error());
  std::vector<call_record> out;
  for (const auto& r : *rows) {
    auto call = read_call(conn, r);
    if (!call) return std::move(call.error());
    out.push_back(std::move(*call));
  }
  return out;
}

}  // namespace

Result<std::vector<call_record>> list_calls(connection& conn, tenant_scope scope,
                                            const call_filter& f) {
  std::vector<value> binds{scope.company_id()};
  const std::string sql = call_list_sql(f, binds);
  return read_calls(conn, conn.query(sql, binds));
}

Result<std::vector<call_record>> customer_calls(connection& conn, tenant_scope scope,
                                                int64_t customer_id,
                                                const std::optional<std::string>& phone_e164) {
  auto index = caller_index(conn, scope.company_id(), phone_e164);
  if (!index) return std::move(index.error());
  return read_calls(
      conn, conn.query(std::string{call_columns} + "WHERE company_id = ? AND (customer_id = ? OR "
                                                   "(from_index IS NOT NULL AND from_index = ?)) "
                                                   "ORDER BY created_at, id",
                       {scope.company_id(), customer_id, *index}));
}

Result<int64_t> purge_transcripts(connection& conn, int64_t now_ms) {
  return conn.execute(
      "UPDATE calls SET transcript = NULL, transcript_object = NULL, updated_at = ? "
      "WHERE (transcript IS NOT NULL OR transcript_object IS NOT NULL) AND ended_at IS NOT NULL "
      "AND ended_at < ? - 86400000 * (SELECT c.transcript_days FROM companies c "
      "WHERE c.id = calls.company_id AND c.transcript_days > 0)",
      {now_ms, now_ms});
}

}  // namespace askpro::persistence
