-- The tenant domain (SPEC S4): companies and everything they own. Every tenant-owned row carries
-- company_id; repositories take it from a tenant_scope and put it in every WHERE clause.
-- Times are Unix milliseconds (UTC); wall-clock times of day are minutes after local midnight
-- (0..1440); calendar dates are 'YYYY-MM-DD' in the branch's zone; weekday 0 = Monday.
-- `active` = 0 marks rows a newer tenant file no longer lists but appointments still reference.
-- Identifier columns use utf8mb4_bin so they compare byte-wise, as on SQLite.

CREATE TABLE companies (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name VARCHAR(191) NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  locale VARCHAR(8) NOT NULL,
  country VARCHAR(2) NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  retell_api_key VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  slot_step_min INT NOT NULL,
  min_notice_min INT NOT NULL,
  horizon_days INT NOT NULL,
  reservation_ttl_s INT NOT NULL,
  price_per_minute_cents BIGINT NOT NULL DEFAULT 0,
  billing_rounding VARCHAR(16) NOT NULL DEFAULT 'minute',
  low_balance_cents BIGINT NOT NULL DEFAULT 0,
  balance_cents BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE KEY companies_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE branches (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  slug VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name VARCHAR(191) NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  calendar_provider VARCHAR(16) NOT NULL DEFAULT 'internal',
  calendar_config TEXT NOT NULL DEFAULT '{}',
  active TINYINT NOT NULL DEFAULT 1,
  UNIQUE KEY branches_slug (company_id, slug),
  UNIQUE KEY branches_company_id (company_id, id),
  CONSTRAINT branches_company FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Weekly opening intervals of a branch.
CREATE TABLE branch_hours (
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  weekday TINYINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_min SMALLINT NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min SMALLINT NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  PRIMARY KEY (branch_id, weekday, start_min),
  CONSTRAINT branch_hours_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE branch_closed_dates (
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  day CHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (branch_id, day),
  CONSTRAINT branch_closed_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Special hours replace the week's hours on `day`. A day listed with no intervals (closed by its
-- special hours) is one row with start_min = end_min = 0.
CREATE TABLE branch_special_hours (
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  day CHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  start_min SMALLINT NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min SMALLINT NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  PRIMARY KEY (branch_id, day, start_min),
  CONSTRAINT branch_special_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A dialled number routes to exactly one tenant: e164 is unique across all companies.
CREATE TABLE phone_numbers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  e164 VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  UNIQUE KEY phone_numbers_e164 (e164),
  CONSTRAINT phone_numbers_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE services (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  slug VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name VARCHAR(191) NOT NULL,
  duration_min INT NOT NULL CHECK (duration_min > 0),
  buffer_before_min INT NOT NULL DEFAULT 0,
  buffer_after_min INT NOT NULL DEFAULT 0,
  price_cents BIGINT NOT NULL DEFAULT 0,
  calcom_event_type_id BIGINT NULL,
  active TINYINT NOT NULL DEFAULT 1,
  UNIQUE KEY services_slug (company_id, slug),
  UNIQUE KEY services_company_id (company_id, id),
  CONSTRAINT services_company FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE service_synonyms (
  company_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  position INT NOT NULL,
  synonym VARCHAR(191) NOT NULL,
  PRIMARY KEY (service_id, position),
  CONSTRAINT service_synonyms_service FOREIGN KEY (company_id, service_id)
    REFERENCES services (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  slug VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name VARCHAR(191) NOT NULL,
  calcom_user VARCHAR(191) NULL,
  own_hours TINYINT NOT NULL DEFAULT 0,
  active TINYINT NOT NULL DEFAULT 1,
  UNIQUE KEY staff_slug (company_id, slug),
  UNIQUE KEY staff_company_id (company_id, id),
  CONSTRAINT staff_company FOREIGN KEY (company_id) REFERENCES companies (id),
  CONSTRAINT staff_branch FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_services (
  company_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  PRIMARY KEY (staff_id, service_id),
  CONSTRAINT staff_services_staff FOREIGN KEY (company_id, staff_id)
    REFERENCES staff (company_id, id) ON DELETE CASCADE,
  CONSTRAINT staff_services_service FOREIGN KEY (company_id, service_id)
    REFERENCES services (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A staff member's own weekly hours (only when staff.own_hours = 1).
CREATE TABLE staff_hours (
  company_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  weekday TINYINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_min SMALLINT NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min SMALLINT NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  PRIMARY KEY (staff_id, weekday, start_min),
  CONSTRAINT staff_hours_staff FOREIGN KEY (company_id, staff_id)
    REFERENCES staff (company_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One customer per E.164 number per tenant (phone NULL for customers known only by name/e-mail).
CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  phone_e164 VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NULL,
  name VARCHAR(191) NOT NULL DEFAULT '',
  email VARCHAR(191) NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  consent_sms TINYINT NOT NULL DEFAULT 0,
  consent_whatsapp TINYINT NOT NULL DEFAULT 0,
  consent_email TINYINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE KEY customers_phone (company_id, phone_e164),
  UNIQUE KEY customers_company_id (company_id, id),
  KEY customers_name (company_id, name),
  CONSTRAINT customers_company FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- start_at/end_at exclude buffers; the buffers in force at booking time are kept with the row.
-- request_key makes a repeated booking request (same call, service, start, customer) find the
-- appointment it already made.
CREATE TABLE appointments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  customer_id BIGINT NULL,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  buffer_before_min INT NOT NULL DEFAULT 0,
  buffer_after_min INT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT 'booked',
  source VARCHAR(16) NOT NULL,
  call_id VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  external_uid VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  request_key VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  rescheduled_from BIGINT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE KEY appointments_request (company_id, request_key),
  KEY appointments_staff_time (company_id, staff_id, start_at),
  KEY appointments_time (company_id, start_at, id),
  KEY appointments_customer (company_id, customer_id, start_at),
  CONSTRAINT appointments_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id),
  CONSTRAINT appointments_service FOREIGN KEY (company_id, service_id)
    REFERENCES services (company_id, id),
  CONSTRAINT appointments_staff FOREIGN KEY (company_id, staff_id)
    REFERENCES staff (company_id, id),
  CONSTRAINT appointments_customer FOREIGN KEY (company_id, customer_id)
    REFERENCES customers (company_id, id),
  CHECK (end_at > start_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A hold on a slot during a call; status held → converted | released | expired.
CREATE TABLE reservations (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  call_id VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  buffer_before_min INT NOT NULL DEFAULT 0,
  buffer_after_min INT NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'held',
  appointment_id BIGINT NULL,
  created_at BIGINT NOT NULL,
  KEY reservations_staff_live (company_id, staff_id, status, expires_at),
  CONSTRAINT reservations_staff FOREIGN KEY (company_id, staff_id)
    REFERENCES staff (company_id, id),
  CHECK (end_at > start_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- API tokens: only the SHA-256 (hex) of the token is stored.
CREATE TABLE api_tokens (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  name VARCHAR(191) NOT NULL,
  token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  scope VARCHAR(8) NOT NULL CHECK (scope IN ('admin', 'read')),
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NULL,
  revoked_at BIGINT NULL,
  UNIQUE KEY api_tokens_hash (token_hash),
  UNIQUE KEY api_tokens_company_id (company_id, id),
  CONSTRAINT api_tokens_company FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Branch limits of a token; a token without rows here sees every branch.
CREATE TABLE api_token_branches (
  company_id BIGINT NOT NULL,
  token_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  PRIMARY KEY (token_id, branch_id),
  CONSTRAINT api_token_branches_token FOREIGN KEY (company_id, token_id)
    REFERENCES api_tokens (company_id, id) ON DELETE CASCADE,
  CONSTRAINT api_token_branches_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
