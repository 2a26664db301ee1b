#include "actors/call/voice_replay.hpp"

#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <vector>

namespace askpro::actors::call {
namespace {

using persistence::connection;
using persistence::inbox_record;

enum class row_result { applied, dropped, failed };

Result<std::vector<inbox_record>> pending(const voice_deps& deps, int limit) {
  return persistence::run_blocking<std::vector<inbox_record>>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [limit](connection& c) { return persistence::pending_events(c, limit); });
}

/// Marks a row that can never apply, so it is not tried at every start.
row_result drop(const voice_deps& deps, const inbox_record& row, const char* why) {
  spdlog::warn("inbox replay: event {} ({}) dropped: {}", row.id, row.event, why);
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto marked = persistence::run_blocking<void>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [id = row.id, now](connection& c) { return persistence::mark_processed(c, id, now); });
  return marked ? row_result::dropped : row_result::failed;
}

row_result replay_row(const voice_deps& deps, const stored_event_decoder& decoder,
                      const inbox_record& row) {
  if (row.event == "call_inbound") return drop(deps, row, "nothing to apply");
  auto number = decoder.dialled_number(row.payload);
  if (!number) return drop(deps, row, "no dialled number");
  auto route = route_number(deps, *number);
  if (!route) return row_result::failed;
  if (!*route) return drop(deps, row, "the number belongs to no tenant");
  auto ev = decoder.decode(row.payload, **route);
  if (!ev) return drop(deps, row, "unparseable payload");
  if (ev->name != row.event || ev->external_id != row.external_id)
    return drop(deps, row, "payload does not match the inbox key");
  auto done = record_call_event(deps, **route, *ev);
  if (!done) {
    spdlog::warn("inbox replay: event {} failed: {}", row.id, describe(done.error()));
    return row_result::failed;
  }
  return row_result::applied;
}

}  // namespace

Result<replay_report> replay_pending(const voice_deps& deps, const stored_event_decoder& decoder,
                                     int limit) {
  auto rows = pending(deps, limit);
  if (!rows) return std::move(rows.error());
  replay_report report;
  for (const auto& row : *rows) {
    if (row.provider != "retell") continue;
    switch (replay_row(deps, decoder, row)) {
      case row_result::applied:
        ++report.applied;
        break;
      case row_result::dropped:
        ++report.dropped;
        break;
      case row_result::failed:
        ++report.failed;
        break;
    }
  }
  if (report.applied + report.dropped + report.failed > 0)
    spdlog::info("inbox replay: {} applied, {} dropped, {} left for the next start", report.applied,
                 report.dropped, report.failed);
  return report;
}

}  // namespace askpro::actors::call
