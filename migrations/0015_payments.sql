-- Payments taken at the window or imported from a mobile-money statement. Each payment is one
-- journal entry (debit cash | mobile-money, credit the member — or the suspense account while the
-- payer is unknown); this table says who took it, its reference and its receipt. Append-only like
-- the journal: a reversal, a suspense resolution and an allocation are rows of their own.
-- src-main/core/payments/README.md.
CREATE TABLE payments (
  id               INTEGER PRIMARY KEY,
  -- NULL while in suspense (an unmatched statement line); payment_resolutions names the member.
  member_id        INTEGER REFERENCES members(id),
  amount_minor     INTEGER NOT NULL CHECK (amount_minor > 0),
  currency         TEXT    NOT NULL CHECK (length(currency) = 3),
  method           TEXT    NOT NULL CHECK (method IN ('cash', 'mobile-money')),
  -- What the payer or the provider calls it (a receipt number, a cash book number).
  reference        TEXT    NOT NULL CHECK (length(reference) BETWEEN 1 AND 64),
  -- Upper-case, spaces removed: a reference is booked once (idempotent imports and entries).
  reference_key    TEXT    NOT NULL UNIQUE,
  received_on      TEXT    NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The statement's completion time, for imported lines.
  received_at      TEXT,
  origin           TEXT    NOT NULL CHECK (origin IN ('window', 'statement')),
  statement_id     INTEGER REFERENCES payment_statements(id),
  -- What the statement says about the payer (Details, phone) for the suspense list.
  payer_details    TEXT    NOT NULL DEFAULT '' CHECK (length(payer_details) <= 300),
  journal_entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries(id),
  taken_by         INTEGER REFERENCES operators(id),
  created_at       TEXT    NOT NULL,
  CHECK ((origin = 'statement') = (statement_id IS NOT NULL))
);
CREATE INDEX payments_member ON payments(member_id, received_on);

-- Imported statement files; the same file (by SHA-256) twice is recognised and books nothing twice.
CREATE TABLE payment_statements (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT    NOT NULL CHECK (length(file_name) <= 200),
  sha256      TEXT    NOT NULL,
  currency    TEXT    NOT NULL,
  booked      INTEGER NOT NULL CHECK (booked >= 0),
  suspense    INTEGER NOT NULL CHECK (suspense >= 0),
  duplicates  INTEGER NOT NULL CHECK (duplicates >= 0),
  skipped     INTEGER NOT NULL CHECK (skipped >= 0),
  imported_by INTEGER REFERENCES operators(id),
  imported_at TEXT    NOT NULL
);

-- How a payment was applied (core/payments/allocation.ts): one row per charge line paid, plus the
-- credit left (charge_line_id NULL, bucket 'energy'). Rows of a payment sum to its amount.
CREATE TABLE payment_allocations (
  id             INTEGER PRIMARY KEY,
  payment_id     INTEGER NOT NULL REFERENCES payments(id),
  charge_line_id INTEGER REFERENCES journal_lines(id),
  bucket         TEXT    NOT NULL CHECK (bucket IN ('arrears', 'instalment', 'fixed-fee', 'energy')),
  charge_code    TEXT,
  agreement_id   INTEGER REFERENCES agreements(id),
  instalment_no  INTEGER,
  amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
  settles        INTEGER NOT NULL CHECK (settles IN (0, 1))
);
CREATE INDEX payment_allocations_payment ON payment_allocations(payment_id);
CREATE INDEX payment_allocations_line ON payment_allocations(charge_line_id) WHERE charge_line_id IS NOT NULL;

-- A payment is reversed at most once, by a reversing journal entry with a reason.
CREATE TABLE payment_reversals (
  payment_id       INTEGER PRIMARY KEY REFERENCES payments(id),
  journal_entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  reason           TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  reversed_by      INTEGER REFERENCES operators(id),
  reversed_at      TEXT    NOT NULL
);

-- A suspense payment assigned to a member by hand: a journal entry moves it (debit suspense, credit member).
CREATE TABLE payment_resolutions (
  payment_id       INTEGER PRIMARY KEY REFERENCES payments(id),
  member_id        INTEGER NOT NULL REFERENCES members(id),
  journal_entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  resolved_by      INTEGER REFERENCES operators(id),
  resolved_at      TEXT    NOT NULL
);

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payment_allocations_no_update BEFORE UPDATE ON payment_allocations BEGIN SELECT RAISE(ABORT, 'payment allocations are append-only'); END;
CREATE TRIGGER payment_allocations_no_delete BEFORE DELETE ON payment_allocations BEGIN SELECT RAISE(ABORT, 'payment allocations are append-only'); END;
CREATE TRIGGER payment_reversals_no_change BEFORE UPDATE ON payment_reversals BEGIN SELECT RAISE(ABORT, 'payment reversals are append-only'); END;
CREATE TRIGGER payment_resolutions_no_change BEFORE UPDATE ON payment_resolutions BEGIN SELECT RAISE(ABORT, 'payment resolutions are append-only'); END;
