-- Calls (SPEC S4 "Call") and callback requests taken during calls. Times are Unix ms (UTC).
-- retell_call_id is unique across tenants: Retell's ids are global, and a redelivered event must
-- find the one row. JSON columns hold provider data verbatim (transcript_object, analysis).

CREATE TABLE calls (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  branch_id BIGINT NULL,
  retell_call_id VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  agent_id VARCHAR(191) NOT NULL DEFAULT '',
  direction VARCHAR(16) NOT NULL DEFAULT 'inbound',
  from_number VARCHAR(32) NULL,
  to_number VARCHAR(32) NULL,
  status VARCHAR(32) NOT NULL DEFAULT 'registered',
  started_at BIGINT NULL,
  ended_at BIGINT NULL,
  duration_ms BIGINT NULL,
  disconnection_reason VARCHAR(64) NULL,
  transcript LONGTEXT NULL,
  transcript_object LONGTEXT NULL,
  summary TEXT NULL,
  sentiment VARCHAR(32) NULL,
  successful TINYINT NULL,
  analysis LONGTEXT NULL,
  cost_cents BIGINT NULL,
  customer_id BIGINT NULL,
  charged_at BIGINT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE KEY calls_retell (retell_call_id),
  UNIQUE KEY calls_company_id (company_id, id),
  KEY calls_time (company_id, created_at, id),
  CONSTRAINT calls_company FOREIGN KEY (company_id) REFERENCES companies (id),
  CONSTRAINT calls_branch FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id),
  CONSTRAINT calls_customer FOREIGN KEY (company_id, customer_id)
    REFERENCES customers (company_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE callback_requests (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  branch_id BIGINT NULL,
  retell_call_id VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  customer_id BIGINT NULL,
  phone_e164 VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NULL,
  name VARCHAR(191) NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'open',
  created_at BIGINT NOT NULL,
  UNIQUE KEY callback_requests_call (company_id, retell_call_id),
  CONSTRAINT callback_requests_company FOREIGN KEY (company_id) REFERENCES companies (id),
  CONSTRAINT callback_requests_branch FOREIGN KEY (company_id, branch_id)
    REFERENCES branches (company_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
