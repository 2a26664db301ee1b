#include "persistence/connection.hpp"

namespace askpro::persistence {

Result<result_set> statement::query() {
  return conn_->query(sql_, binds_);
}

Result<int64_t> statement::execute() {
  return conn_->execute(sql_, binds_);
}

Result<statement> connection::prepare(std::string_view sql) {
  if (auto ok = compile(sql); !ok) return std::move(ok.error());
  return statement{*this, std::string{sql}};
}

Result<void> connection::ping() {
  auto rs = query("SELECT 1");
  if (!rs) return std::move(rs.error());
  if (rs->size() != 1) return make_error(errc::storage, "SELECT 1 returned no row");
  return caf::unit;
}

}  // namespace askpro::persistence
