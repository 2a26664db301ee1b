// The webhook inbox. A payload is the provider's whole body (numbers, transcripts), so it is
// sealed (crypto/sealed.hpp); an inbox row belongs to no tenant yet, hence tenant 0.
#include "persistence/repo/inbox_repo.hpp"

#include "persistence/crypto/sealed.hpp"
#include "persistence/transaction.hpp"

namespace askpro::persistence {
namespace {

constexpr const char* select_columns =
    "SELECT id, provider, external_id, event, payload, received_at, processed_at "
    "FROM webhook_inbox ";

constexpr const char* payload_column = "webhook_inbox.payload";

Result<inbox_record> read(const connection& conn, const row& r) {
  auto id = r.get<int64_t>("id");
  auto provider = r.get<std::string>("provider");
  auto external = r.get<std::string>("external_id");
  auto event = r.get<std::string>("event");
  auto payload = r.get<std::string>("payload");
  auto received = r.get<int64_t>("received_at");
  auto processed = r.nullable<int64_t>("processed_at");
  if (!id) return std::move(id.error());
  if (!provider) return std::move(provider.error());
  if (!external) return std::move(external.error());
  if (!event) return std::move(event.error());
  if (!payload) return std::move(payload.error());
  if (!received) return std::move(received.error());
  if (!processed) return std::move(processed.error());
  auto plain = unseal(conn, 0, payload_column, *payload);
  if (!plain) return std::move(plain.error());
  return inbox_record{*id, *provider, *external, *event, *plain, *received, *processed};
}

/// The row of (provider, external_id, event); errc::not_found when there is none.
Result<inbox_record> find_by_key(connection& conn, const std::string& provider,
                                 const std::string& external_id, const std::string& event) {
  auto rows = conn.query(
      std::string{select_columns} + "WHERE provider = ? AND external_id = ? AND event = ?",
      {provider, external_id, event});
  if (!rows) return std::move(rows.error());
  auto first = rows->first();
  if (!first) return std::move(first.error());
  return read(conn, *first);
}

}  // namespace

Result<recorded_event> record_event(connection& conn, const std::string& provider,
                                    const std::string& external_id, const std::string& event,
                                    const std::string& plain, int64_t now_ms) {
  auto payload = seal(conn, 0, payload_column, plain);
  if (!payload) return std::move(payload.error());
  // A plain INSERT: a duplicate (provider, external_id, event) is errc::conflict, which is how a
  // redelivery is told apart from a first delivery on both dialects.
  auto inserted = conn.execute(
      "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {provider, external_id, event, *payload, now_ms});
  if (!inserted && code_of(inserted.error()) != errc::conflict) return std::move(inserted.error());
  auto record = find_by_key(conn, provider, external_id, event);
  if (!record) return std::move(record.error());
  return recorded_event{std::move(*record), static_cast<bool>(inserted)};
}

Result<std::optional<inbox_record>> record_applied_event(connection& conn,
                                                         const std::string& provider,
                                                         const std::string& external_id,
                                                         const std::string& event, int64_t now_ms) {
  // Applied in this transaction, the body is never replayed: its effect is the record, so the
  // body (personal data: numbers, transcripts) is not kept a second time.
  auto inserted = conn.execute(
      "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at, "
      "processed_at) VALUES (?, ?, ?, '', ?, ?)",
      {provider, external_id, event, now_ms, now_ms});
  if (inserted) return std::optional<inbox_record>{};
  if (code_of(inserted.error()) != errc::conflict) return std::move(inserted.error());
  auto record = find_by_key(conn, provider, external_id, event);
  if (!record) return std::move(record.error());
  return std::optional<inbox_record>{std::move(*record)};
}

Result<void> mark_processed(connection& conn, int64_t id, int64_t now_ms) {
  auto done = conn.execute(
      "UPDATE webhook_inbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL",
      {now_ms, id});
  if (!done) return std::move(done.error());
  return caf::unit;
}

Result<std::vector<inbox_record>> pending_events(connection& conn, int limit) {
  auto rows = conn.query(
      std::string{select_columns} + "WHERE processed_at IS NULL ORDER BY id LIMIT ?", {limit});
  if (!rows) return std::move(rows.error());
  std::vector<inbox_record> out;
  for (const auto& r : *rows) {
    auto record = read(conn, r);
    if (!record) return std::move(record.error());
    out.push_back(std::move(*record));
  }
  return out;
}

}  // namespace askpro::persistence
