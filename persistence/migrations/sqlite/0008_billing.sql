-- The billing ledger (SPEC S9): every change of a tenant's balance is one entry in integer cents
-- with the balance after it, and companies.balance_cents is always the sum of the company's
-- entries (both change in one transaction). kind: topup, call_charge, refund, adjustment;
-- amount_cents is signed (a charge or refund is negative). reference names the entry's cause
-- (checkout:<Stripe session>, call:<Retell call id>, refund:<Stripe charge>:<refunded so far>,
-- adjustment:<name>) and is unique across all tenants, so the database itself refuses a second
-- entry for one cause, whichever node or redelivery tries. payment_intent ties a top-up and its
-- refunds together; call_id and billed_seconds belong to call charges. Times are Unix ms (UTC).

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  kind TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  balance_after_cents INTEGER NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  payment_intent TEXT,
  call_id INTEGER,
  billed_seconds INTEGER,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (company_id, call_id) REFERENCES calls (company_id, id)
);

CREATE INDEX ledger_company ON ledger_entries (company_id, id);
CREATE INDEX ledger_time ON ledger_entries (company_id, created_at);
CREATE INDEX ledger_payment ON ledger_entries (payment_intent);
