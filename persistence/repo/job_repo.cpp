// Jobs: claims, outcomes, retries. A payload names whom a message goes to and what it says, so
// it is sealed (crypto/sealed.hpp) for its tenant, or for no tenant (0) when it has none.
#include "persistence/repo/job_repo.hpp"

#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/row_mapping.hpp"
#include "persistence/transaction.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace askpro::persistence {
namespace {

constexpr const char* job_select =
    "SELECT id, company_id, kind, payload, priority, status, run_at, attempts, max_attempts, "
    "last_error, claimed_by, claimed_until, idempotency_key, created_at, updated_at FROM jobs ";

Result<job_record> read_job(const connection& conn, const row& r) {
  job_record j;
  caf::error err;
  take(r, "id", j.id, err);
  take(r, "company_id", j.company_id, err);
  take(r, "kind", j.kind, err);
  take(r, "payload", j.payload, err);
  take(r, "priority", j.priority, err);
  take(r, "status", j.status, err);
  take(r, "run_at", j.run_at, err);
  take(r, "attempts", j.attempts, err);
  take(r, "max_attempts", j.max_attempts, err);
  take(r, "last_error", j.last_error, err);
  take(r, "claimed_by", j.claimed_by, err);
  take(r, "claimed_until", j.claimed_until, err);
  take(r, "idempotency_key", j.idempotency_key, err);
  take(r, "created_at", j.created_at, err);
  take(r, "updated_at", j.updated_at, err);
  unseal_into(conn, j.company_id.value_or(0), "jobs.payload", j.payload, err);
  if (err) return err;
  return j;
}

Result<std::vector<job_record>> read_jobs(const connection& conn, Result<result_set> rows) {
  if (!rows) return std::move(rows.error());
  std::vector<job_record> out;
  for (const auto& r : *rows) {
    auto j = read_job(conn, r);
    if (!j) return std::move(j.error());
    out.push_back(std::move(*j));
  }
  return out;
}

Result<std::optional<job_record>> job_where(connection& conn, const std::string& where,
                                            const std::vector<value>& binds) {
  auto jobs = read_jobs(conn, conn.query(std::string{job_select} + where, binds));
  if (!jobs) return std::move(jobs.error());
  if (jobs->empty()) return std::optional<job_record>{};
  return std::optional<job_record>{std::move(jobs->front())};
}

/// The claim must walk its index (a small table would otherwise be scanned whole, locking every
/// row on MySQL and leaving other nodes nothing to skip to).
std::string index_hint(const dialect& d, const char* index) {
  return d.kind == dialect_kind::mysql ? std::string{" FORCE INDEX ("} + index + ")"
                                       : std::string{" INDEXED BY "} + index;
}

Result<std::vector<int64_t>> select_ids(connection& conn, const std::string& sql,
                                        const std::vector<value>& binds) {
  auto rows = conn.query(sql, binds);
  if (!rows) return std::move(rows.error());
  std::vector<int64_t> out;
  for (const auto& r : *rows) {
    auto id = r.get<int64_t>("id");
    if (!id) return std::move(id.error());
    out.push_back(*id);
  }
  return out;
}

}  // namespace

Result<enqueued_job> enqueue_job(connection& conn, const job_spec& spec, int64_t now_ms) {
  if (spec.idempotency_key.empty() || spec.kind.empty())
    return make_error(errc::invalid_argument, "jobs: a job needs a kind and an idempotency key");
  auto payload = seal(conn, spec.company_id.value_or(0), "jobs.payload", spec.payload);
  if (!payload) return std::move(payload.error());
  auto inserted = conn.execute(
      "INSERT INTO jobs (company_id, kind, payload, priority, status, run_at, attempts, "
      "max_attempts, idempotency_key, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?, ?)",
      {spec.company_id, spec.kind, *payload, spec.priority, spec.run_at, spec.max_attempts,
       spec.idempotency_key, now_ms, now_ms});
  // A plain INSERT: the same key again is errc::conflict on the unique key, i.e. the same job.
  const bool existing = !inserted && code_of(inserted.error()) == errc::conflict;
  if (!inserted && !existing) return std::move(inserted.error());
  auto job = job_where(conn, "WHERE idempotency_key = ?", {spec.idempotency_key});
  if (!job) return std::move(job.error());
  if (!*job) return make_error(errc::storage, "jobs: row vanished after insert");
  return enqueued_job{std::move(**job), !existing};
}

Result<void> apply_outbox(connection& conn, const outbox_effects& effects, int64_t now_ms) {
  for (const auto& spec : effects.enqueue)
    if (auto job = enqueue_job(conn, spec, now_ms); !job) return std::move(job.error());
  for (const auto& key : effects.withdraw) {
    auto n = conn.execute(
        "UPDATE jobs SET status = 'cancelled', updated_at = ? "
        "WHERE idempotency_key = ? AND status = 'queued'",
        {now_ms, key});
    if (!n) return std::move(n.error());
  }
  return caf::unit;
}

Result<std::optional<job_record>> find_job_by_key(connection& conn, const std::string& key) {
  return job_where(conn, "WHERE idempotency_key = ?", {key});
}

Result<std::vector<job_record>> claim_due_jobs(connection& conn, const std::string& node,
                                               int64_t now_ms, int64_t lease_ms, int limit) {
  const auto& d = conn.sql_dialect();
  const std::string lock = std::string{d.for_update} + std::string{d.skip_locked};
  // Jobs whose lease ran out (their node died or hangs) first, then due ones by priority; both
  // walks lock only the rows they return, skipping rows other nodes hold.
  auto ids = select_ids(conn,
                        "SELECT id FROM jobs" + index_hint(d, "jobs_lease") +
                            " WHERE status = 'running' AND claimed_until < ? "
                            "ORDER BY claimed_until, id LIMIT ?" +
                            lock,
                        {now_ms, limit});
  if (!ids) return std::move(ids.error());
  if (static_cast<int>(ids->size()) < limit) {
    auto due = select_ids(conn,
                          "SELECT id FROM jobs" + index_hint(d, "jobs_claim") +
                              " WHERE status = 'queued' AND run_at <= ? "
                              "ORDER BY priority DESC, run_at, id LIMIT ?" +
                              lock,
                          {now_ms, limit - static_cast<int>(ids->size())});
    if (!due) return std::move(due.error());
    ids->insert(ids->end(), due->begin(), due->end());
  }
  std::vector<job_record> out;
  for (auto id : *ids) {
    // Guarded again by the row's current state: should a row another node claimed meanwhile
    // slip past SKIP LOCKED, this update changes nothing and the job is not ours.
    auto claimed = conn.execute(
        "UPDATE jobs SET status = 'running', claimed_by = ?, claimed_until = ?, "
        "attempts = attempts + 1, updated_at = ? WHERE id = ? AND ((status = 'queued' AND "
        "run_at <= ?) OR (status = 'running' AND claimed_until < ?))",
        {node, now_ms + lease_ms, now_ms, id, now_ms, now_ms});
    if (!claimed) return std::move(claimed.error());
    if (*claimed == 0) continue;
    auto job = job_where(conn, "WHERE id = ?", {id});
    if (!job) return std::move(job.error());
    if (*job) out.push_back(std::move(**job));
  }
  return out;
}

Result<void> begin_claim(connection& conn) {
  if (conn.sql_dialect().kind == dialect_kind::mysql)
    if (auto set = conn.exec("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"); !set) return set;
  return conn.begin();
}

Result<std::vector<job_record>> claim_jobs(connection& conn, const std::string& node,
                                           int64_t now_ms, int64_t lease_ms, int limit) {
  if (auto begun = begin_claim(conn); !begun) return std::move(begun.error());
  auto claimed = claim_due_jobs(conn, node, now_ms, lease_ms, limit);
  if (!claimed) {
    (void)conn.rollback();
    return claimed;
  }
  if (auto done = conn.commit(); !done) return std::move(done.error());
  return claimed;
}

Result<bool> finish_job(connection& conn, int64_t id, const std::string& node, int64_t now_ms) {
  auto done = conn.execute(
      "UPDATE jobs SET status = 'done', claimed_by = NULL, claimed_until = NULL, "
      "last_error = NULL, updated_at = ? WHERE id = ? AND status = 'running' AND claimed_by = ?",
      {now_ms, id, node});
  if (!done) return std::move(done.error());
  return *done > 0;
}

Result<bool> fail_job(connection& conn, int64_t id, const std::string& node,
                      const std::string& error, int64_t retry_at, int64_t now_ms, bool give_up) {
  auto failed = conn.execute(
      "UPDATE jobs SET status = CASE WHEN attempts >= max_attempts OR ? = 1 THEN 'dead' "
      "ELSE 'queued' END, run_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL, "
      "updated_at = ? WHERE id = ? AND status = 'running' AND claimed_by = ?",
      {int64_t{give_up ? 1 : 0}, retry_at, error, now_ms, id, node});
  if (!failed) return std::move(failed.error());
  return *failed > 0;
}

Result<int64_t> release_claims(connection& conn, const std::string& node, int64_t started_ms,
                               int64_t now_ms) {
  return conn.execute(
      "UPDATE jobs SET status = 'queued', claimed_by = NULL, claimed_until = NULL, "
      "updated_at = ? WHERE status = 'running' AND claimed_by = ? AND updated_at < ?",
      {now_ms, node, started_ms});
}

Result<std::vector<job_record>> tenant_jobs(connection& conn, int64_t company_id,
                                            const std::string& kind_prefix) {
  return read_jobs(
      conn, conn.query(std::string{job_select} + "WHERE company_id = ? AND kind LIKE ? ORDER BY id",
                       {company_id, kind_prefix + "%"}));
}

Result<std::vector<job_record>> list_jobs(connection& conn, const std::string& status, int limit) {
  if (status.empty())
    return read_jobs(conn,
                     conn.query(std::string{job_select} + "ORDER BY id DESC LIMIT ?", {limit}));
  return read_jobs(conn,
                   conn.query(std::string{job_select} + "WHERE status = ? ORDER BY id DESC LIMIT ?",
                              {status, limit}));
}

namespace {

Result<job_record> retry_in(connection& conn, int64_t id, int64_t now_ms,
                            const audit_context& who) {
  auto job = job_where(conn, "WHERE id = ?", {id});
  if (!job) return std::move(job.error());
  if (!*job) return make_error(errc::not_found, "no job " + std::to_string(id));
  if ((*job)->status != "dead")
    return make_error(errc::conflict,
                      "job " + std::to_string(id) + " is " + (*job)->status + ", not dead");
  auto queued = conn.execute(
      "UPDATE jobs SET status = 'queued', attempts = 0, run_at = ?, updated_at = ? "
      "WHERE id = ? AND status = 'dead'",
      {now_ms, now_ms, id});
  if (!queued) return std::move(queued.error());
  auto again = job_where(conn, "WHERE id = ?", {id});
  if (!again) return std::move(again.error());
  if (!*again) return make_error(errc::storage, "jobs: row vanished after retry");
  if ((*again)->company_id) {
    nlohmann::json payload{{"job", id}, {"kind", (*again)->kind}};
    if (auto ok = append_audit(conn, tenant_scope{*(*again)->company_id}, who, "ops.job_retried",
                               payload.dump(), now_ms);
        !ok)
      return std::move(ok.error());
  }
  return std::move(**again);
}

}  // namespace

Result<job_record> retry_job(connection& conn, int64_t id, int64_t now_ms,
                             const audit_context& who) {
  return with_transaction(conn, [&](connection& c) { return retry_in(c, id, now_ms, who); });
}

Result<int64_t> purge_jobs(connection& conn, int64_t before_ms) {
  return conn.execute("DELETE FROM jobs WHERE status IN ('done', 'cancelled') AND updated_at < ?",
                      {before_ms});
}

Result<std::vector<std::pair<std::string, int64_t>>> count_jobs(connection& conn) {
  auto rows = conn.query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status ORDER BY status");
  if (!rows) return std::move(rows.error());
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : *rows) {
    auto status = r.get<std::string>("status");
    auto n = r.get<int64_t>("n");
    if (!status || !n) return make_error(errc::storage, "jobs: unreadable count");
    out.emplace_back(std::move(*status), *n);
  }
  return out;
}

}  // namespace askpro::persistence
