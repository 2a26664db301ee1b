-- A caller's calls and callback requests are found by the blind index of their number (the
-- number itself is sealed), so a customer's export and erasure reach every call from their
-- number, also those in which nothing was booked. Rows from before are indexed by the reseal
-- step that runs after the migrations.
ALTER TABLE calls
  ADD COLUMN from_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD INDEX calls_from_index (company_id, from_index);
ALTER TABLE callback_requests
  ADD COLUMN phone_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD INDEX callback_requests_phone_index (company_id, phone_index);
