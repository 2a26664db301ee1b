-- Notification settings of the tenant file (SPEC S10), kept as normalised JSON text written by
-- provisioning: companies.notifications is the file's `notifications` object (channels,
-- reminder_hours, templates), branches.notify the branch's `notify` object (email, phone in
-- E.164) that receives callback requests and low-balance notices. '{}' means the defaults.

ALTER TABLE companies ADD COLUMN notifications TEXT NOT NULL DEFAULT '{}';

ALTER TABLE branches ADD COLUMN notify TEXT NOT NULL DEFAULT '{}';
