#pragma once
/// The durable job queue's rows (SPEC S10; migrations 0006_jobs): enqueue once per idempotency
/// key, claim due jobs for a node with a lease (on MySQL `FOR UPDATE SKIP LOCKED`, so nodes
/// never take the same job; on SQLite the single writer), finish or fail them (retry at a later
/// run_at, dead after max_attempts), take back expired leases, list them for the ops API and
/// queue a dead job again. Callers run claim_due inside a write transaction.
/// Thread-safety: as the connection. Errors: the database's (storage, conflict on misuse).

#include "persistence/connection.hpp"
#include "persistence/repo/audit_context.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct job_record {
  int64_t id = 0;
  std::optional<int64_t> company_id;
  std::string kind, payload = "{}", status = "queued";
  int priority = 0;
  int64_t run_at = 0;
  int attempts = 0, max_attempts = 5;
  std::optional<std::string> last_error, claimed_by;
  std::optional<int64_t> claimed_until;
  std::string idempotency_key;
  int64_t created_at = 0, updated_at = 0;
};

struct job_spec {
  std::optional<int64_t> company_id;
  std::string kind;
  std::string payload = "{}";
  int priority = 0;
  int64_t run_at = 0;
  int max_attempts = 5;
  std::string idempotency_key;  ///< required: the same key is the same job
};

/// The job of `spec.idempotency_key`, inserted when new (`fresh` false: it existed already and
/// is answered as stored).
struct enqueued_job {
  job_record job;
  bool fresh = false;
};
[[nodiscard]] Result<enqueued_job> enqueue_job(connection& conn, const job_spec& spec,
                                               int64_t now_ms);

/// What a change writes into the queue inside its own transaction (the outbox): jobs to add,
/// and the keys of queued jobs it withdraws (they become `cancelled`), e.g. the reminder of an
/// appointment that was cancelled or moved. Either all of it commits with the change or none.
struct outbox_effects {
  std::vector<job_spec> enqueue;
  std::vector<std::string> withdraw;
  bool empty() const { return enqueue.empty() && withdraw.empty(); }
};

/// Applies `effects` on `conn`; run inside the change's transaction.
[[nodiscard]] Result<void> apply_outbox(connection& conn, const outbox_effects& effects,
                                        int64_t now_ms);

/// The job with this idempotency key, if any.
[[nodiscard]] Result<std::optional<job_record>> find_job_by_key(connection& conn,
                                                                const std::string& key);

/// claim_due_jobs in a transaction of its own (READ COMMITTED on MySQL: no gap locks, so
/// concurrent claims by other nodes skip past this one's rows instead of waiting).
[[nodiscard]] Result<std::vector<job_record>> claim_jobs(connection& conn, const std::string& node,
                                                         int64_t now_ms, int64_t lease_ms,
                                                         int limit);

/// Up to `limit` jobs due at `now_ms` (running with an expired lease, then queued with run_at
/// reached, highest priority first), claimed for `node` until now + lease_ms (attempts + 1).
/// Run inside a write transaction; on MySQL one begun READ COMMITTED (see begin_claim).
[[nodiscard]] Result<std::vector<job_record>> claim_due_jobs(connection& conn,
                                                             const std::string& node,
                                                             int64_t now_ms, int64_t lease_ms,
                                                             int limit);

/// Opens the write transaction of a claim: READ COMMITTED on MySQL, as any on SQLite.
[[nodiscard]] Result<void> begin_claim(connection& conn);

/// Marks a job `node` holds done. False when the claim was lost (another node took it over).
[[nodiscard]] Result<bool> finish_job(connection& conn, int64_t id, const std::string& node,
                                      int64_t now_ms);

/// Records a failed attempt of a job `node` holds: queued again at `retry_at`, or dead when its
/// attempts are spent or `give_up` (trying again cannot help). False when the claim was lost.
[[nodiscard]] Result<bool> fail_job(connection& conn, int64_t id, const std::string& node,
                                    const std::string& error, int64_t retry_at, int64_t now_ms,
                                    bool give_up = false);

/// Gives back the claims `node` made before `started_ms` (at its start: what it held when it
/// died is due again; what its workers claimed since is not touched).
[[nodiscard]] Result<int64_t> release_claims(connection& conn, const std::string& node,
                                             int64_t started_ms, int64_t now_ms);

/// Jobs of a status ("" for all), newest first, at most `limit`.
[[nodiscard]] Result<std::vector<job_record>> list_jobs(connection& conn, const std::string& status,
                                                        int limit);

/// The tenant's jobs of kinds starting with `kind_prefix` ("notify."), oldest first.
[[nodiscard]] Result<std::vector<job_record>> tenant_jobs(connection& conn, int64_t company_id,
                                                          const std::string& kind_prefix);

/// Queues a dead job again at `now_ms` with its attempts reset. errc::not_found when there is
/// no such job, errc::conflict when it is not dead.
/// The retry is recorded in the job's tenant's audit trail as done by `who`.
[[nodiscard]] Result<job_record> retry_job(connection& conn, int64_t id, int64_t now_ms,
                                           const audit_context& who);

/// Deletes done and cancelled jobs last changed before `before_ms` (their payloads hold
/// messages to customers: kept no longer than needed); yields how many.
[[nodiscard]] Result<int64_t> purge_jobs(connection& conn, int64_t before_ms);

/// Jobs by status (queued, running, done, dead, cancelled) for the metrics.
[[nodiscard]] Result<std::vector<std::pair<std::string, int64_t>>> count_jobs(connection& conn);

}  // namespace askpro::persistence

// Job rows travel from a /db worker to their callers in local messages.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::job_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::job_record>)
