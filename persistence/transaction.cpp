#include "persistence/transaction.hpp"

#include <spdlog/spdlog.h>

namespace askpro::persistence {

Result<transaction> transaction::begin(connection& conn) {
  if (auto ok = conn.begin(); !ok) return std::move(ok.error());
  return transaction{conn};
}

transaction::~transaction() {
  if (!conn_) return;
  if (auto ok = conn_->rollback(); !ok)
    spdlog::warn("transaction rollback failed: {}", describe(ok.error()));
}

Result<void> transaction::commit() {
  if (!conn_) return make_error(errc::invalid_argument, "transaction already finished");
  auto* conn = std::exchange(conn_, nullptr);
  auto ok = conn->commit();
  if (!ok && conn->in_transaction()) (void)conn->rollback();
  return ok;
}

Result<void> transaction::rollback() {
  if (!conn_) return make_error(errc::invalid_argument, "transaction already finished");
  return std::exchange(conn_, nullptr)->rollback();
}

}  // namespace askpro::persistence
