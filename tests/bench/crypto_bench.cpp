// What sealing personal data costs (SPEC S11): sealing and opening the fields one webhook or
// function call touches, and the blind index of a number, in microseconds per operation on this
// machine; then the database writer's time per call_started and per call_ended with its charge
// (one durable transaction each, SQLite file) with protection (sealed fields, audit trail) and
// without, alternating, so the share protection takes of the writer is measured directly.
#include "persistence/crypto/field_cipher.hpp"
#include "persistence/crypto/keyring.hpp"
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "persistence/repo/ledger_repo.hpp"
#include "persistence/transaction.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/support/test_keys.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

using namespace askpro;

namespace {

template <class Fn>
double micros_per_op(int n, Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) fn(i);
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  return took.count() / n;
}

/// One call's events as the voice router applies them, each in its own transaction.
bool one_call(persistence::connection& c, persistence::tenant_scope scope, int i, bool ended) {
  const std::string id = "call_" + std::to_string(i);
  auto done = persistence::with_transaction(c, [&](persistence::connection& tx) -> Result<void> {
    auto inbox = persistence::record_applied_event(tx, "retell", id,
                                                   ended ? "call_ended" : "call_started", i);
    if (!inbox) return std::move(inbox.error());
    persistence::call_opening o{
        id, std::nullopt, "agent", "inbound", "+4915200" + std::to_string(100000 + i), "+493012345",
        {}};
    persistence::call_update u;
    u.status = ended ? "ended" : "ongoing";
    if (ended) {
      u.duration_ms = 61000;
      u.transcript = bench::bench_transcript();
      u.summary = "Termin fuer Dienstag gebucht.";
    }
    auto applied = persistence::apply_call(tx, scope, o, u, i);
    if (!applied) return std::move(applied.error());
    if (!ended) return caf::unit;
    auto charged = persistence::charge_call(tx, scope, id, i);
    if (!charged) return std::move(charged.error());
    return caf::unit;
  });
  return static_cast<bool>(done);
}

/// Microseconds per call_started and per call_ended of `calls` calls on a fresh database.
std::pair<double, double> writer_round(std::shared_ptr<const persistence::keyring> keys, int calls,
                                       const std::string& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  config::storage_settings storage;
  storage.driver = "sqlite";
  storage.sqlite_path = dir + "/bench.db";
  storage.data_keys = std::move(keys);
  auto conn = persistence::open(storage);
  if (!conn || !persistence::migrate(**conn)) return {-1, -1};
  auto catalog = bench::bench_catalog("bench", 2);
  catalog.company.price_per_minute_cents = 29;
  auto applied = persistence::apply_tenant(**conn, catalog, 0);
  if (!applied) return {-1, -1};
  auto& c = **conn;
  const auto scope = applied->scope;
  const double started = micros_per_op(calls, [&](int i) { one_call(c, scope, i, false); });
  const double ended = micros_per_op(calls, [&](int i) { one_call(c, scope, i, true); });
  return {started, ended};
}

void writer_costs(int calls, int pairs) {
  const auto dir = (std::filesystem::temp_directory_path() /
                    ("askpro-crypto-bench-" + std::to_string(::getpid())))
                       .string();
  const auto on = test::test_data_keys();
  const auto off = std::make_shared<const persistence::keyring>(on->unprotected_for_benchmark());
  std::printf("database writer, %d calls a round, one durable transaction per event (SQLite)\n",
              calls);
  std::printf("round  protection  us per call_started  us per call_ended+charge\n");
  for (int r = 0; r < 2 * pairs; ++r) {
    const bool protect = r % 2 == 1;
    auto [started, ended] = writer_round(protect ? on : off, calls, dir);
    std::printf("%5d  %-10s  %19.1f  %24.1f\n", r + 1, protect ? "on" : "off", started, ended);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace

int main() {
  spdlog::set_level(spdlog::level::warn);
  const auto& keys = *test::test_data_keys();
  const std::string number = "+4915112345678";
  const std::string body(1500, 'x');  // a call event's body as the inbox keeps it
  const auto aad = persistence::field_aad(42, "webhook_inbox.payload");
  const auto sealed_body = *persistence::seal_field(keys, body, aad);
  std::size_t sink = 0;
  const int n = 200000;
  auto seal_number =
      micros_per_op(n, [&](int) { sink += persistence::seal_field(keys, number, aad)->size(); });
  auto seal_body =
      micros_per_op(n, [&](int) { sink += persistence::seal_field(keys, body, aad)->size(); });
  auto open_body = micros_per_op(
      n, [&](int) { sink += persistence::open_field(keys, sealed_body, aad)->size(); });
  auto index =
      micros_per_op(n, [&](int i) { sink += persistence::phone_index(keys, i, number).size(); });
  std::printf("operation                                 us/op\n");
  std::printf("seal a number (15 bytes)               %8.2f\n", seal_number);
  std::printf("seal a webhook body (1500 bytes)       %8.2f\n", seal_body);
  std::printf("open a webhook body (1500 bytes)       %8.2f\n", open_body);
  std::printf("blind index of a number                %8.2f\n", index);
  // call_started: the caller's number sealed and indexed (an applied event's body is not kept);
  // call_ended: the transcript (about a body) and the summary (short) sealed, the number indexed.
  const double started = seal_number + index;
  const double ended = seal_body + seal_number + index;
  std::printf("per call_started event (seal number, index)               %8.2f us\n", started);
  std::printf("per call_ended event (seal transcript and summary, index) %8.2f us\n", ended);
  std::printf("(checksum %zu)\n", sink % 10);
  writer_costs(2000, 2);
  return 0;
}
