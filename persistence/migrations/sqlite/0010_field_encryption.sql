-- Personal data is sealed field by field (persistence/crypto): a number is found and kept unique
-- per tenant through its keyed blind index, no longer through the (now sealed) number itself.
-- Rows from before are sealed and indexed by the reseal step that runs after the migrations.
ALTER TABLE customers ADD COLUMN phone_index TEXT;
CREATE UNIQUE INDEX customers_phone_index ON customers (company_id, phone_index);
-- Sealed names cannot be searched by the database: the name search opens them instead.
DROP INDEX customers_name;

-- Proof of which blind index key this database's indexes were made with: a node started with
-- other keys (another node's generated file, a wrong file) is refused instead of splitting
-- customers.
CREATE TABLE key_checks (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- GDPR erasure anonymises a customer and marks the row (appointments still refer to it); lookups
-- skip erased customers.
ALTER TABLE customers ADD COLUMN erased_at INTEGER NULL;
