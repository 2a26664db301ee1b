-- A caller's calls and callback requests are found by the blind index of their number (the
-- number itself is sealed), so a customer's export and erasure reach every call from their
-- number, also those in which nothing was booked. Rows from before are indexed by the reseal
-- step that runs after the migrations.
ALTER TABLE calls ADD COLUMN from_index TEXT;
CREATE INDEX calls_from_index ON calls (company_id, from_index);
ALTER TABLE callback_requests ADD COLUMN phone_index TEXT;
CREATE INDEX callback_requests_phone_index ON callback_requests (company_id, phone_index);
