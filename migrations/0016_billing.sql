-- Prepaid and postpaid members (issue 11). Money itself lives in the journal; these tables say how a
-- member is billed, when credit is low enough to warn, which days were drawn down, and the supply
-- switches the console proposed to an operator.

-- How a member is billed from valid_from (a local date) on; the latest row not after a day applies.
-- No row = postpaid (a bill per settlement, due some days after it).
CREATE TABLE member_billing_modes (
  member_id  INTEGER NOT NULL REFERENCES members(id),
  valid_from TEXT    NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  mode       TEXT    NOT NULL CHECK (mode IN ('prepaid', 'postpaid')),
  created_by INTEGER REFERENCES operators(id),
  created_at TEXT    NOT NULL,
  PRIMARY KEY (member_id, valid_from)
) WITHOUT ROWID;

-- A prepaid member of a site whose tariff plan has a threshold is "low on credit" below it.
CREATE TABLE prepaid_thresholds (
  plan_id           INTEGER PRIMARY KEY REFERENCES tariff_plans(id),
  low_balance_minor INTEGER NOT NULL CHECK (low_balance_minor >= 0),
  updated_by        INTEGER REFERENCES operators(id),
  updated_at        TEXT    NOT NULL
);

-- One row per prepaid member per local day drawn down. entry_id is NULL when the day cost nothing.
-- The entry is provisional: when the settlement of the period is posted, it is reversed (the
-- settlement's exact lines replace it), see core/billing/README.md.
CREATE TABLE prepaid_drawdowns (
  member_id      INTEGER NOT NULL REFERENCES members(id),
  day            TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
  entry_id       INTEGER REFERENCES journal_entries(id),
  created_at     TEXT    NOT NULL,
  PRIMARY KEY (member_id, day)
) WITHOUT ROWID;
CREATE INDEX prepaid_drawdowns_site_day ON prepaid_drawdowns(site_id, day);

-- Supply switches the console proposes (off at zero credit, on after a top-up); an operator sends or
-- dismisses each. At most one open proposal per meter.
CREATE TABLE relay_proposals (
  id            INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL REFERENCES members(id),
  meter_id      INTEGER NOT NULL REFERENCES meters(id),
  action        TEXT    NOT NULL CHECK (action IN ('off', 'on')),
  balance_minor INTEGER NOT NULL,
  created_at    TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'sent', 'dismissed', 'failed')),
  decided_by    INTEGER REFERENCES operators(id),
  decided_at    TEXT,
  error         TEXT
);
CREATE UNIQUE INDEX relay_proposals_open ON relay_proposals(meter_id) WHERE status = 'proposed';
CREATE INDEX relay_proposals_member ON relay_proposals(member_id, id);
