#include "persistence/repo/appointment_list.hpp"

#include "persistence/repo/booking_rows.hpp"

namespace askpro::persistence {
namespace {

/// Appends "AND <clause>" with one bound value when `v` is set.
template <class T>
void and_if(std::string& sql, std::vector<value>& binds, const char* clause,
            const std::optional<T>& v) {
  if (!v) return;
  sql += std::string{" AND "} + clause;
  binds.emplace_back(*v);
}

void and_in(std::string& sql, std::vector<value>& binds, const char* column,
            const std::vector<int64_t>& ids) {
  if (ids.empty()) return;
  sql += std::string{" AND "} + column + " IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    binds.emplace_back(ids[i]);
  }
  sql += ")";
}

}  // namespace

Result<std::vector<appointment_record>> list_appointments(connection& conn, tenant_scope scope,
                                                          const appointment_filter& f) {
  std::string sql = std::string{"SELECT "} + booking_detail::appointment_columns +
                    " FROM appointments WHERE company_id = ?";
  std::vector<value> binds{scope.company_id()};
  and_if(sql, binds, "start_at >= ?", f.from_ms);
  and_if(sql, binds, "start_at < ?", f.to_ms);
  and_if(sql, binds, "status = ?", f.status);
  and_if(sql, binds, "branch_id = ?", f.branch_id);
  and_if(sql, binds, "staff_id = ?", f.staff_id);
  and_if(sql, binds, "customer_id = ?", f.customer_id);
  and_in(sql, binds, "branch_id", f.allowed_branches);
  if (f.after) {
    sql += " AND (start_at > ? OR (start_at = ? AND id > ?))";
    binds.insert(binds.end(), {f.after->first, f.after->first, f.after->second});
  }
  sql += " ORDER BY start_at, id LIMIT ?";
  binds.emplace_back(f.limit);
  auto rows = conn.query(sql, binds);
  if (!rows) return std::move(rows.error());
  std::vector<appointment_record> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    auto a = booking_detail::to_appointment(conn, r);
    if (!a) return std::move(a.error());
    out.push_back(std::move(*a));
  }
  return out;
}

}  // namespace askpro::persistence
