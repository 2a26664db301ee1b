-- The durable job queue (SPEC S10): confirmations, reminders and notices run from here, so a
-- crash loses none and several nodes share the work. Times are Unix ms (UTC). status: queued,
-- running (claimed_by a node until claimed_until), done, dead (attempts spent), cancelled.
-- idempotency_key names the job for its whole life: a second enqueue of the same key is the
-- same job, and every send of it carries the key.

CREATE TABLE jobs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NULL,
  kind VARCHAR(64) NOT NULL,
  payload MEDIUMTEXT NOT NULL,
  priority INT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT 'queued',
  run_at BIGINT NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  max_attempts INT NOT NULL DEFAULT 5,
  last_error TEXT NULL,
  claimed_by VARCHAR(191) NULL,
  claimed_until BIGINT NULL,
  idempotency_key VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE KEY jobs_idempotency (idempotency_key),
  -- The claim walks this index in its order and stops at its LIMIT, so it locks only the rows
  -- it returns and SKIP LOCKED leaves the others to other nodes (descending: MariaDB >= 10.8).
  KEY jobs_claim (status, priority DESC, run_at, id),
  KEY jobs_lease (status, claimed_until, id),
  CONSTRAINT jobs_company FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
