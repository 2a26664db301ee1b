#pragma once
/// Shared by ledger_post.cpp and ledger_read.cpp only.

#include "persistence/repo/ledger_repo.hpp"
#include "persistence/repo/row_mapping.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

/// The first entry matching `where` (a WHERE clause with `?` for `binds`).
Result<std::optional<ledger_entry>> ledger_where(connection& conn, const std::string& where,
                                                 const std::vector<value>& binds);

/// The company's balance and threshold; `lock`: its row locked for the rest of the transaction
/// (SELECT … FOR UPDATE on MySQL). errc::not_found when the company does not exist.
Result<balance_info> select_balance(connection& conn, tenant_scope scope, bool lock);

/// The company an entry belongs to.
Result<int64_t> ledger_company(connection& conn, int64_t entry_id);

}  // namespace askpro::persistence
