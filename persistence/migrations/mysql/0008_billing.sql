-- The billing ledger (SPEC S9): every change of a tenant's balance is one entry in integer cents
-- with the balance after it, and companies.balance_cents is always the sum of the company's
-- entries (both change in one transaction). kind: topup, call_charge, refund, adjustment;
-- amount_cents is signed (a charge or refund is negative). reference names the entry's cause
-- (checkout:<Stripe session>, call:<Retell call id>, refund:<Stripe charge>:<refunded so far>,
-- adjustment:<name>) and is unique across all tenants, so the database itself refuses a second
-- entry for one cause, whichever node or redelivery tries. payment_intent ties a top-up and its
-- refunds together; call_id and billed_seconds belong to call charges. Times are Unix ms (UTC).

CREATE TABLE ledger_entries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  amount_cents BIGINT NOT NULL,
  balance_after_cents BIGINT NOT NULL,
  reference VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  payment_intent VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  call_id BIGINT NULL,
  billed_seconds BIGINT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE KEY ledger_reference (reference),
  KEY ledger_company (company_id, id),
  KEY ledger_time (company_id, created_at),
  KEY ledger_payment (payment_intent),
  CONSTRAINT ledger_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
  CONSTRAINT ledger_call FOREIGN KEY (company_id, call_id) REFERENCES calls (company_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
