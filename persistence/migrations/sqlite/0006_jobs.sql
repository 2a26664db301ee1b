-- The durable job queue (SPEC S10): confirmations, reminders and notices run from here, so a
-- crash loses none and several nodes share the work. Times are Unix ms (UTC). status: queued,
-- running (claimed_by a node until claimed_until), done, dead (attempts spent), cancelled.
-- idempotency_key names the job for its whole life: a second enqueue of the same key is the
-- same job, and every send of it carries the key.

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER REFERENCES companies (id),
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'queued',
  run_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  last_error TEXT,
  claimed_by TEXT,
  claimed_until INTEGER,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The claim walks this index in its order and stops at its LIMIT (MySQL then locks only the
-- rows it returns, so SKIP LOCKED leaves the others to other nodes).
CREATE INDEX jobs_claim ON jobs (status, priority DESC, run_at, id);
CREATE INDEX jobs_lease ON jobs (status, claimed_until, id);
