-- An audit event is appended with every change, so its insert should touch few pages: the
-- chain needs no unique index on the hash (a random page per insert; verification walks the
-- chain by id).
ALTER TABLE audit_events DROP INDEX audit_events_hash;
