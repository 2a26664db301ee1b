// `askpro audit verify [--tenant SLUG]`: recomputes every tenant's audit hash chain.
#include "persistence/repo/audit_repo.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/app/db_open.hpp"

#include <iostream>

namespace askpro::app {
namespace {

void report_broken(const persistence::tenant_audit& t) {
  const auto& v = t.verdict;
  std::cout << "broken: tenant " << t.slug << ": ";
  if (v.broken_at && *v.broken_at > 0)
    std::cout << "event " << *v.broken_at << " " << v.problem;
  else
    std::cout << "the chain " << v.problem;
  std::cout << " (" << v.events << " events intact before it)\n";
}

}  // namespace

int cmd_audit_verify(const config::settings& settings, const std::optional<std::string>& tenant) {
  auto conn = open_migrated(settings);
  if (!conn) return 1;
  auto results = persistence::verify_audits(*conn, tenant);
  if (!results) {
    std::cerr << "askpro: cannot verify the audit trail: " << describe(results.error()) << "\n";
    return 1;
  }
  int64_t events = 0;
  bool intact = true;
  for (const auto& t : *results) {
    if (t.verdict.broken_at) {
      report_broken(t);
      intact = false;
    }
    events += t.verdict.events;
  }
  if (!intact) return 1;
  std::cout << "audit ok: " << events << " events in " << results->size()
            << " tenant chain(s) intact\n";
  return 0;
}

}  // namespace askpro::app
