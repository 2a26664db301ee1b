-- Base tables of the runtime: migration bookkeeping, the webhook inbox and the audit trail.
-- Times are Unix milliseconds (UTC), written by the application from its injectable clock.

CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
);

-- Every inbound webhook event once: a redelivery of (provider, external_id, event) conflicts.
CREATE TABLE webhook_inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  provider TEXT NOT NULL,
  external_id TEXT NOT NULL,
  event TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  processed_at INTEGER,
  UNIQUE (provider, external_id, event)
);

CREATE INDEX webhook_inbox_pending ON webhook_inbox (processed_at, id);

-- Append-only, hash-chained audit trail: hash = SHA-256 over prev_hash and the event.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  correlation_id TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);

CREATE INDEX audit_events_company ON audit_events (company_id, id);
