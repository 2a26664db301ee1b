// `askpro tenant apply FILE`: validate the tenant file (every problem reported), migrate the
// database if needed and apply the tenant in one transaction.
#include "actors/tenant/provision.hpp"
#include "actors/tenant/tenant_file.hpp"
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/clock.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace askpro::app {
namespace {

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Prints every problem of `text` on stderr; true when there were none.
bool report_problems(const std::string& path, const std::string& text) {
  auto problems = actors::tenant::tenant_file_problems(text);
  for (const auto& p : problems) std::cerr << to_string(p) << "\n";
  if (!problems.empty())
    std::cerr << "askpro: " << path << ": " << problems.size()
              << " problem(s), nothing was applied\n";
  return problems.empty();
}

Result<persistence::apply_outcome> apply(const config::settings& settings,
                                         const actors::tenant::tenant_document& doc) {
  if (auto migrated = persistence::migrate(settings.storage); !migrated)
    return std::move(migrated.error());
  auto conn = persistence::open(settings.storage);
  if (!conn) return std::move(conn.error());
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      runtime::system_clock{}.now().time_since_epoch());
  return persistence::apply_tenant(**conn, actors::tenant::to_catalog(doc), now.count());
}

}  // namespace

int cmd_tenant_apply(const config::settings& settings, const std::string& file) {
  auto text = read_text(file);
  if (!text) {
    std::cerr << "askpro: cannot read " << file << "\n";
    return 1;
  }
  if (!report_problems(file, *text)) return 1;
  auto doc = actors::tenant::parse_tenant_file(*text);
  if (!doc) {
    std::cerr << "askpro: " << detail_of(doc.error()) << "\n";
    return 1;
  }
  auto outcome = apply(settings, *doc);
  if (!outcome) {
    std::cerr << "askpro: tenant apply failed: " << describe(outcome.error()) << "\n";
    return 1;
  }
  const char* what = outcome->created ? "created" : outcome->changed ? "updated" : "unchanged";
  std::cerr << "askpro: tenant " << doc->tenant.slug << " " << what << "\n";
  std::cout << doc->tenant.slug << std::endl;
  return 0;
}

}  // namespace askpro::app
