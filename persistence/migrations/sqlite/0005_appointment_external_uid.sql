-- A booking made in an external calendar (Cal.com) is recorded once: its uid names at most one
-- appointment of a tenant, so a webhook's echo of our own booking, or a redelivery, finds the
-- row instead of inserting a second one. NULL (internal bookings) may repeat.

CREATE UNIQUE INDEX appointments_external_uid ON appointments (company_id, external_uid);
