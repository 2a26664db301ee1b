-- Personal data is sealed field by field (persistence/crypto): a number is found and kept unique
-- per tenant through its keyed blind index, no longer through the (now sealed) number itself.
-- Sealed values are longer than their plaintext, so their columns widen. Rows from before are
-- sealed and indexed by the reseal step that runs after the migrations.
ALTER TABLE customers
  ADD COLUMN phone_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY customers_phone_index (company_id, phone_index),
  DROP INDEX customers_phone,
  DROP INDEX customers_name,
  MODIFY phone_e164 VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
  MODIFY name TEXT NOT NULL DEFAULT '',
  MODIFY email TEXT NOT NULL DEFAULT '';

ALTER TABLE calls MODIFY from_number VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL;

ALTER TABLE callback_requests
  MODIFY phone_e164 VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
  MODIFY name TEXT NOT NULL DEFAULT '';

-- Proof of which blind index key this database's indexes were made with: a node started with
-- other keys (another node's generated file, a wrong file) is refused instead of splitting
-- customers.
CREATE TABLE key_checks (
  name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  value VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
) ENGINE=InnoDB;

-- GDPR erasure anonymises a customer and marks the row (appointments still refer to it); lookups
-- skip erased customers.
ALTER TABLE customers ADD COLUMN erased_at BIGINT NULL;
