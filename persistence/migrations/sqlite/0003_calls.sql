-- Calls (SPEC S4 "Call") and callback requests taken during calls. Times are Unix ms (UTC).
-- retell_call_id is unique across tenants: Retell's ids are global, and a redelivered event must
-- find the one row. JSON columns hold provider data verbatim (transcript_object, analysis).

CREATE TABLE calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  branch_id INTEGER,
  retell_call_id TEXT NOT NULL UNIQUE,
  agent_id TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL DEFAULT 'inbound',
  from_number TEXT,
  to_number TEXT,
  status TEXT NOT NULL DEFAULT 'registered',
  started_at INTEGER,
  ended_at INTEGER,
  duration_ms INTEGER,
  disconnection_reason TEXT,
  transcript TEXT,
  transcript_object TEXT,
  summary TEXT,
  sentiment TEXT,
  successful INTEGER,
  analysis TEXT,
  cost_cents INTEGER,
  customer_id INTEGER,
  charged_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id)
);

CREATE INDEX calls_time ON calls (company_id, created_at, id);

CREATE TABLE callback_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  branch_id INTEGER,
  retell_call_id TEXT,
  customer_id INTEGER,
  phone_e164 TEXT,
  name TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  created_at INTEGER NOT NULL,
  UNIQUE (company_id, retell_call_id),
  FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id)
);
