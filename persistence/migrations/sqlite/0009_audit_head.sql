-- The hash of each tenant's newest audit event, kept on the company row the append locks:
-- the chain of audit_events then also proves that no event was removed from its end.
ALTER TABLE companies ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';
