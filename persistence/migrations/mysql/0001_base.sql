-- Base tables of the runtime: migration bookkeeping, the webhook inbox and the audit trail.
-- Times are Unix milliseconds (UTC), written by the application from its injectable clock.
-- Identifier columns use utf8mb4_bin so they compare byte-wise, as on SQLite.

CREATE TABLE schema_migrations (
  version INT NOT NULL PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  applied_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every inbound webhook event once: a redelivery of (provider, external_id, event) conflicts.
CREATE TABLE webhook_inbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  external_id VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  event VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  payload LONGTEXT NOT NULL,
  received_at BIGINT NOT NULL,
  processed_at BIGINT NULL,
  UNIQUE KEY webhook_inbox_event (provider, external_id, event),
  KEY webhook_inbox_pending (processed_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only, hash-chained audit trail: hash = SHA-256 over prev_hash and the event.
CREATE TABLE audit_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NULL,
  actor VARCHAR(191) NOT NULL,
  action VARCHAR(64) NOT NULL,
  correlation_id VARCHAR(191) NOT NULL DEFAULT '',
  payload LONGTEXT NOT NULL,
  created_at BIGINT NOT NULL,
  prev_hash VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  hash VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  UNIQUE KEY audit_events_hash (hash),
  KEY audit_events_company (company_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
