-- The cooperative's books: an append-only double-entry journal in integer minor units of the
-- cooperative's currency. Every money movement is one balanced entry; a mistake is corrected by a
-- reversing entry, never by editing. Sign convention and account kinds: src-main/core/journal/README.md.

-- One row per account, created on its first posting. Member accounts name their member; the
-- cooperative's own accounts (cash, grid, government …) exist once each.
CREATE TABLE journal_accounts (
  id         INTEGER PRIMARY KEY,
  kind       TEXT    NOT NULL CHECK (kind IN ('member', 'cooperative-fees', 'cooperative-energy', 'grid',
                                              'government', 'cash', 'mobile-money', 'suspense', 'token-redemption')),
  member_id  INTEGER REFERENCES members(id),
  created_at TEXT    NOT NULL,
  CHECK ((kind = 'member') = (member_id IS NOT NULL))
);
CREATE UNIQUE INDEX journal_accounts_key ON journal_accounts(kind, IFNULL(member_id, 0));

CREATE TABLE journal_entries (
  id                INTEGER PRIMARY KEY,
  kind              TEXT    NOT NULL CHECK (kind IN ('settlement', 'adjustment', 'payment', 'payment-reversal',
                                                     'reversal', 'prepaid-drawdown', 'token-redemption')),
  source_type       TEXT    NOT NULL CHECK (length(source_type) BETWEEN 1 AND 64),
  source_id         TEXT    NOT NULL CHECK (length(source_id) BETWEEN 1 AND 128),
  memo              TEXT    NOT NULL CHECK (length(memo) <= 500),
  -- Posting the same key twice returns the first entry: retries and re-runs write nothing twice.
  idempotency_key   TEXT    UNIQUE CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  effective_date    TEXT    NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- A reversing entry names the entry it cancels; UNIQUE so an entry is reversed at most once.
  reverses_entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
  reversal_reason   TEXT    CHECK (reversal_reason IS NULL OR length(reversal_reason) BETWEEN 1 AND 500),
  created_at        TEXT    NOT NULL,
  created_by        INTEGER REFERENCES operators(id),
  CHECK ((reverses_entry_id IS NULL) = (reversal_reason IS NULL))
);
CREATE INDEX journal_entries_source ON journal_entries(source_type, source_id);
CREATE INDEX journal_entries_date ON journal_entries(effective_date);

-- Exactly one of debit/credit is positive on each line. The charge_* columns say what a debit on a
-- member's account charges for, so a member's open items can be built from the journal alone.
CREATE TABLE journal_lines (
  id                   INTEGER PRIMARY KEY,
  entry_id             INTEGER NOT NULL REFERENCES journal_entries(id),
  line_no              INTEGER NOT NULL CHECK (line_no >= 1),
  account_id           INTEGER NOT NULL REFERENCES journal_accounts(id),
  debit                INTEGER NOT NULL CHECK (debit >= 0),
  credit               INTEGER NOT NULL CHECK (credit >= 0),
  memo                 TEXT    CHECK (memo IS NULL OR length(memo) <= 500),
  charge_code          TEXT    CHECK (charge_code IS NULL OR charge_code IN ('energy', 'fixed-fee', 'instalment', 'rent', 'p2p', 'wheeling', 'tax', 'other')),
  charge_agreement_id  INTEGER REFERENCES agreements(id),
  charge_instalment_no INTEGER CHECK (charge_instalment_no IS NULL OR charge_instalment_no >= 1),
  charge_due_date      TEXT    CHECK (charge_due_date IS NULL OR charge_due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  CHECK ((debit > 0) <> (credit > 0)),
  CHECK (charge_code IS NOT NULL OR (charge_agreement_id IS NULL AND charge_instalment_no IS NULL AND charge_due_date IS NULL)),
  UNIQUE (entry_id, line_no)
);
CREATE INDEX journal_lines_account ON journal_lines(account_id, entry_id);
CREATE INDEX journal_lines_charge_agreement ON journal_lines(charge_agreement_id) WHERE charge_agreement_id IS NOT NULL;

-- Cached sums per account, written in the same transaction as the lines; always re-derivable from
-- journal_lines (the integrity check compares them).
CREATE TABLE journal_balances (
  account_id   INTEGER PRIMARY KEY REFERENCES journal_accounts(id),
  debit_total  INTEGER NOT NULL DEFAULT 0 CHECK (debit_total >= 0),
  credit_total INTEGER NOT NULL DEFAULT 0 CHECK (credit_total >= 0),
  line_count   INTEGER NOT NULL DEFAULT 0 CHECK (line_count >= 0)
);

-- Append-only: the database itself refuses to rewrite history.
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: post a reversing entry instead'); END;
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: post a reversing entry instead'); END;
CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'journal lines are append-only: post a reversing entry instead'); END;
CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'journal lines are append-only: post a reversing entry instead'); END;
CREATE TRIGGER journal_accounts_no_update BEFORE UPDATE ON journal_accounts
BEGIN SELECT RAISE(ABORT, 'journal accounts cannot be changed'); END;
CREATE TRIGGER journal_accounts_no_delete BEFORE DELETE ON journal_accounts
BEGIN SELECT RAISE(ABORT, 'journal accounts cannot be deleted'); END;
