-- Settlement (issue 11): one run per site and period (local dates), draft → approved → posted.
-- Lines are each member's statement lines; both sides of a member-to-member transfer share
-- transfer_no, so the transfers (and the journal entries posted from them) re-derive from lines.
-- A posted period is never rewritten: triggers refuse changing or deleting its lines, and a posted
-- period never changes again (late readings become adjustment lines of a later period).
CREATE TABLE settlement_periods (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  period_from     TEXT    NOT NULL,                 -- YYYY-MM-DD, cooperative's local date
  period_to       TEXT    NOT NULL,                 -- YYYY-MM-DD inclusive
  first_interval  TEXT    NOT NULL,                 -- ISO UTC start of the first quarter hour
  end_interval    TEXT    NOT NULL,                 -- ISO UTC end (exclusive)
  status          TEXT    NOT NULL CHECK (status IN ('draft', 'approved', 'posted')),
  currency        TEXT    NOT NULL CHECK (length(currency) = 3),
  tariff_plan_id  INTEGER REFERENCES tariff_plans(id),
  -- sha256 of every input of the draft (flows, tariffs, agreements, instalments charged, adjustments):
  -- a re-run with the same hash writes nothing.
  input_hash      TEXT    NOT NULL,
  -- sha256 of the period's stored energy flows alone: a later change means late readings.
  flows_hash      TEXT    NOT NULL,
  line_count      INTEGER NOT NULL DEFAULT 0,
  charged_minor   INTEGER NOT NULL DEFAULT 0,       -- Σ of negative member lines (as a positive number)
  credited_minor  INTEGER NOT NULL DEFAULT 0,       -- Σ of positive member lines
  computed_at     TEXT    NOT NULL,
  computed_by     INTEGER REFERENCES operators(id),
  approved_at     TEXT,
  approved_by     INTEGER REFERENCES operators(id),
  posted_at       TEXT,
  posted_by       INTEGER REFERENCES operators(id),
  CHECK (period_to >= period_from),
  UNIQUE (site_id, period_from)
);
CREATE INDEX settlement_periods_site ON settlement_periods(site_id, period_to);

CREATE TABLE settlement_lines (
  id                 INTEGER PRIMARY KEY,
  period_id          INTEGER NOT NULL REFERENCES settlement_periods(id),
  position           INTEGER NOT NULL,              -- order within the period's statements
  transfer_no        INTEGER NOT NULL,              -- both sides of one transfer share it
  member_id          INTEGER NOT NULL REFERENCES members(id),
  code               TEXT    NOT NULL,              -- core/settlement/types.ts SETTLEMENT_LINE_CODES
  amount_minor       INTEGER NOT NULL CHECK (amount_minor <> 0),  -- > 0 member receives, < 0 member is charged
  counterparty       TEXT    NOT NULL,              -- 'member:<id>' | 'cooperative-energy' | 'cooperative-fees' | 'grid' | 'government'
  quantity_wh        INTEGER,
  rate_milli_per_kwh INTEGER,
  tariff_version_id  INTEGER REFERENCES tariff_versions(id),
  agreement_id       INTEGER REFERENCES agreements(id),
  agreement_version  INTEGER,
  interval_from      TEXT,
  interval_to        TEXT,
  instalment_no      INTEGER,
  due_on             TEXT,
  adjusts_period_id  INTEGER REFERENCES settlement_periods(id),
  explain_json       TEXT    NOT NULL DEFAULT '{}',
  UNIQUE (period_id, position)
);
CREATE INDEX settlement_lines_member ON settlement_lines(member_id, period_id);
CREATE INDEX settlement_lines_agreement ON settlement_lines(agreement_id) WHERE agreement_id IS NOT NULL;

CREATE TRIGGER settlement_lines_posted_no_delete BEFORE DELETE ON settlement_lines
WHEN (SELECT status FROM settlement_periods WHERE id = OLD.period_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'settlement lines of an approved or posted period are never changed'); END;

CREATE TRIGGER settlement_lines_posted_no_update BEFORE UPDATE ON settlement_lines
BEGIN SELECT RAISE(ABORT, 'settlement lines are never updated; a draft is recomputed by replacing them'); END;

CREATE TRIGGER settlement_lines_insert_draft_only BEFORE INSERT ON settlement_lines
WHEN (SELECT status FROM settlement_periods WHERE id = NEW.period_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'lines are only written into a draft settlement'); END;

CREATE TRIGGER settlement_periods_posted_frozen BEFORE UPDATE ON settlement_periods
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, 'a posted settlement period is never rewritten'); END;

CREATE TRIGGER settlement_periods_no_delete_after_draft BEFORE DELETE ON settlement_periods
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'an approved or posted settlement period is never deleted'); END;
