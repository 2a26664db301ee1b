-- The tenant domain (SPEC S4): companies and everything they own. Every tenant-owned row carries
-- company_id; repositories take it from a tenant_scope and put it in every WHERE clause.
-- Times are Unix milliseconds (UTC); wall-clock times of day are minutes after local midnight
-- (0..1440); calendar dates are 'YYYY-MM-DD' in the branch's zone; weekday 0 = Monday.
-- `active` = 0 marks rows a newer tenant file no longer lists but appointments still reference.

CREATE TABLE companies (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  locale TEXT NOT NULL,
  country TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  retell_api_key TEXT NOT NULL DEFAULT '',
  slot_step_min INTEGER NOT NULL,
  min_notice_min INTEGER NOT NULL,
  horizon_days INTEGER NOT NULL,
  reservation_ttl_s INTEGER NOT NULL,
  price_per_minute_cents INTEGER NOT NULL DEFAULT 0,
  billing_rounding TEXT NOT NULL DEFAULT 'minute',
  low_balance_cents INTEGER NOT NULL DEFAULT 0,
  balance_cents INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE branches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  calendar_provider TEXT NOT NULL DEFAULT 'internal',
  calendar_config TEXT NOT NULL DEFAULT '{}',
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (company_id, slug),
  UNIQUE (company_id, id)
);

-- Weekly opening intervals of a branch.
CREATE TABLE branch_hours (
  company_id INTEGER NOT NULL,
  branch_id INTEGER NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  PRIMARY KEY (branch_id, weekday, start_min),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id) ON DELETE CASCADE
);

CREATE TABLE branch_closed_dates (
  company_id INTEGER NOT NULL,
  branch_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (branch_id, day),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id) ON DELETE CASCADE
);

-- Special hours replace the week's hours on `day`. A day listed with no intervals (closed by its
-- special hours) is one row with start_min = end_min = 0.
CREATE TABLE branch_special_hours (
  company_id INTEGER NOT NULL,
  branch_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  PRIMARY KEY (branch_id, day, start_min),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id) ON DELETE CASCADE
);

-- A dialled number routes to exactly one tenant: e164 is unique across all companies.
CREATE TABLE phone_numbers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL,
  branch_id INTEGER NOT NULL,
  e164 TEXT NOT NULL UNIQUE,
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id) ON DELETE CASCADE
);

CREATE TABLE services (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  duration_min INTEGER NOT NULL CHECK (duration_min > 0),
  buffer_before_min INTEGER NOT NULL DEFAULT 0,
  buffer_after_min INTEGER NOT NULL DEFAULT 0,
  price_cents INTEGER NOT NULL DEFAULT 0,
  calcom_event_type_id INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (company_id, slug),
  UNIQUE (company_id, id)
);

CREATE TABLE service_synonyms (
  company_id INTEGER NOT NULL,
  service_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  synonym TEXT NOT NULL,
  PRIMARY KEY (service_id, position),
  FOREIGN KEY (company_id, service_id) REFERENCES services (company_id, id) ON DELETE CASCADE
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  branch_id INTEGER NOT NULL,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  calcom_user TEXT,
  own_hours INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (company_id, slug),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id)
);

CREATE TABLE staff_services (
  company_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  service_id INTEGER NOT NULL,
  PRIMARY KEY (staff_id, service_id),
  FOREIGN KEY (company_id, staff_id) REFERENCES staff (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, service_id) REFERENCES services (company_id, id) ON DELETE CASCADE
);

-- A staff member's own weekly hours (only when staff.own_hours = 1).
CREATE TABLE staff_hours (
  company_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  PRIMARY KEY (staff_id, weekday, start_min),
  FOREIGN KEY (company_id, staff_id) REFERENCES staff (company_id, id) ON DELETE CASCADE
);

-- One customer per E.164 number per tenant (phone NULL for customers known only by name/e-mail).
CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  phone_e164 TEXT,
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  consent_sms INTEGER NOT NULL DEFAULT 0,
  consent_whatsapp INTEGER NOT NULL DEFAULT 0,
  consent_email INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, phone_e164),
  UNIQUE (company_id, id)
);

CREATE INDEX customers_name ON customers (company_id, name);

-- start_at/end_at exclude buffers; the buffers in force at booking time are kept with the row.
-- request_key makes a repeated booking request (same call, service, start, customer) find the
-- appointment it already made.
CREATE TABLE appointments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  branch_id INTEGER NOT NULL,
  service_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  customer_id INTEGER,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  buffer_before_min INTEGER NOT NULL DEFAULT 0,
  buffer_after_min INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'booked',
  source TEXT NOT NULL,
  call_id TEXT,
  external_uid TEXT,
  request_key TEXT,
  rescheduled_from INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, request_key),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id),
  FOREIGN KEY (company_id, service_id) REFERENCES services (company_id, id),
  FOREIGN KEY (company_id, staff_id) REFERENCES staff (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
  CHECK (end_at > start_at)
);

CREATE INDEX appointments_staff_time ON appointments (company_id, staff_id, start_at);
CREATE INDEX appointments_time ON appointments (company_id, start_at, id);
CREATE INDEX appointments_customer ON appointments (company_id, customer_id, start_at);

-- A hold on a slot during a call; status held → converted | released | expired.
CREATE TABLE reservations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  branch_id INTEGER NOT NULL,
  service_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  call_id TEXT,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  buffer_before_min INTEGER NOT NULL DEFAULT 0,
  buffer_after_min INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'held',
  appointment_id INTEGER,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (company_id, staff_id) REFERENCES staff (company_id, id),
  CHECK (end_at > start_at)
);

CREATE INDEX reservations_staff_live ON reservations (company_id, staff_id, status, expires_at);

-- API tokens: only the SHA-256 (hex) of the token is stored.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('admin', 'read')),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER,
  UNIQUE (company_id, id)
);

-- Branch limits of a token; a token without rows here sees every branch.
CREATE TABLE api_token_branches (
  company_id INTEGER NOT NULL,
  token_id INTEGER NOT NULL,
  branch_id INTEGER NOT NULL,
  PRIMARY KEY (token_id, branch_id),
  FOREIGN KEY (company_id, token_id) REFERENCES api_tokens (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id)
);
