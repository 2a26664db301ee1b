// Start-up replay of Cal.com inbox rows that were recorded but not applied: each goes through
// receive_event again, which finds its row unprocessed, applies it and marks it.
#include "actors/calendar/external_events.hpp"

#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <vector>

namespace askpro::actors::calendar {
namespace {

using persistence::inbox_record;

enum class outcome { applied, dropped, failed };

outcome drop(const event_deps& deps, const inbox_record& row, const char* why) {
  spdlog::warn("calcom inbox replay: event {} ({}) dropped: {}", row.id, row.event, why);
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto marked = persistence::run_blocking<void>(*deps.sys, deps.registry->actor_at("/db"),
                                                persistence::access::write, deps.timeout,
                                                [id = row.id, now](persistence::connection& c) {
                                                  return persistence::mark_processed(c, id, now);
                                                });
  return marked ? outcome::dropped : outcome::failed;
}

outcome replay_row(const event_deps& deps,
                   const std::function<Result<external_event>(const std::string&)>& decode,
                   const inbox_record& row) {
  // external_id: "<tenant>/<branch>/<uid>"
  auto first = row.external_id.find('/');
  auto second = first == std::string::npos ? first : row.external_id.find('/', first + 1);
  if (second == std::string::npos) return drop(deps, row, "malformed inbox key");
  auto conn = find_connection(deps, row.external_id.substr(0, first),
                              row.external_id.substr(first + 1, second - first - 1));
  if (!conn)
    return code_of(conn.error()) == errc::not_found ? drop(deps, row, "connection is gone")
                                                    : outcome::failed;
  auto ev = decode(row.payload);
  if (!ev) return drop(deps, row, "unparseable payload");
  auto done = receive_event(deps, *conn, *ev, row.payload);
  if (!done) {
    spdlog::warn("calcom inbox replay: event {} failed: {}", row.id, describe(done.error()));
    return outcome::failed;
  }
  return outcome::applied;
}

}  // namespace

Result<external_replay_report> replay_external_events(
    const event_deps& deps, const std::function<Result<external_event>(const std::string&)>& decode,
    int limit) {
  auto rows = persistence::run_blocking<std::vector<inbox_record>>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [limit](persistence::connection& c) { return persistence::pending_events(c, limit); });
  if (!rows) return std::move(rows.error());
  external_replay_report report;
  for (const auto& row : *rows) {
    if (row.provider != "calcom") continue;
    switch (replay_row(deps, decode, row)) {
      case outcome::applied:
        ++report.applied;
        break;
      case outcome::dropped:
        ++report.dropped;
        break;
      case outcome::failed:
        ++report.failed;
        break;
    }
  }
  if (report.applied + report.dropped + report.failed > 0)
    spdlog::info("calcom inbox replay: {} applied, {} dropped, {} left for the next start",
                 report.applied, report.dropped, report.failed);
  return report;
}

}  // namespace askpro::actors::calendar
