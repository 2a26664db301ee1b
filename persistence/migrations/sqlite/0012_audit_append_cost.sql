-- An audit event is appended with every change, so its insert should touch few pages: the
-- chain needs no unique index on the hash (a random page per insert; verification walks the
-- chain by id), and AUTOINCREMENT's sqlite_sequence row was one more page per insert (a removed
-- last event is caught by the head on the company row, not by ids never coming back).
CREATE TABLE audit_events_rebuilt (
  id INTEGER PRIMARY KEY,
  company_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  correlation_id TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_events_rebuilt (id, company_id, actor, action, correlation_id, payload,
                                  created_at, prev_hash, hash)
  SELECT id, company_id, actor, action, correlation_id, payload, created_at, prev_hash, hash
  FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_rebuilt RENAME TO audit_events;
CREATE INDEX audit_events_company ON audit_events (company_id, id);
