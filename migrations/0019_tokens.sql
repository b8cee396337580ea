-- Green tokens (issue 12): a versioned token policy (like tariffs: versions from valid_from on,
-- never rewritten), each posted period's awards with certificate-style records per device, the
-- mint on chain through the outbox, and redemptions. Token amounts are integer units of the chain
-- asset (the green token's smallest unit). Every balance re-derives from token_movements.

CREATE TABLE token_policy_versions (
  id          INTEGER PRIMARY KEY,
  version     INTEGER NOT NULL UNIQUE CHECK (version >= 1),
  valid_from  TEXT    NOT NULL UNIQUE,              -- ISO-8601 UTC: a period is rated by the version in force at its start
  policy_json TEXT    NOT NULL,                     -- core/tokens/token-policy.ts TokenPolicy, validated before insert
  notes       TEXT    NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
  created_by  INTEGER REFERENCES operators(id),
  created_at  TEXT    NOT NULL
);
CREATE TRIGGER token_policy_versions_no_update BEFORE UPDATE ON token_policy_versions
BEGIN SELECT RAISE(ABORT, 'a token policy version is never rewritten: save a new version'); END;
CREATE TRIGGER token_policy_versions_no_delete BEFORE DELETE ON token_policy_versions
BEGIN SELECT RAISE(ABORT, 'a token policy version is never deleted: save a new version'); END;

-- One row per posted period that was awarded (even with zero tokens), written in the posting's
-- transaction: its existence means the awards and the mint are recorded.
CREATE TABLE token_period_awards (
  period_id         INTEGER PRIMARY KEY REFERENCES settlement_periods(id),
  policy_version_id INTEGER REFERENCES token_policy_versions(id),   -- NULL: the built-in default policy
  policy_json       TEXT    NOT NULL,                              -- the policy applied, as applied
  site_kinds        TEXT    NOT NULL,                              -- comma-separated kinds the site earned from
  total_tokens      INTEGER NOT NULL CHECK (total_tokens >= 0),
  created_at        TEXT    NOT NULL
);

-- Per member per period: the award and how it was reached.
CREATE TABLE token_member_awards (
  period_id      INTEGER NOT NULL REFERENCES token_period_awards(period_id),
  member_id      INTEGER NOT NULL REFERENCES members(id),
  kinds          TEXT    NOT NULL,                   -- comma-separated kinds that earned
  multiplier_bps INTEGER NOT NULL CHECK (multiplier_bps >= 0),
  site_bonus_bps INTEGER NOT NULL CHECK (site_bonus_bps >= 0),
  tokens         INTEGER NOT NULL CHECK (tokens >= 0),
  PRIMARY KEY (period_id, member_id)
) WITHOUT ROWID;
CREATE INDEX token_member_awards_member ON token_member_awards(member_id, period_id);

-- The period's mint recorded in the chain outbox (once the chain is set up): one row per period,
-- written in the same transaction as its outbox rows, so its existence means "recorded, all of it".
CREATE TABLE token_period_mints (
  period_id  INTEGER PRIMARY KEY REFERENCES token_period_awards(period_id),
  chunks     INTEGER NOT NULL CHECK (chunks >= 0),
  created_at TEXT    NOT NULL
);
-- Which outbox row mints a member's award to their chain account. A member without an account that
-- can receive an asset has no row: their tokens are in the books only.
CREATE TABLE token_award_mints (
  period_id      INTEGER NOT NULL REFERENCES token_period_mints(period_id),
  member_id      INTEGER NOT NULL REFERENCES members(id),
  address        TEXT    NOT NULL,
  tokens         INTEGER NOT NULL CHECK (tokens > 0),
  mint_reference TEXT    NOT NULL,                 -- chain_outbox.reference: 'token-mint:<period>:<chunk>'
  PRIMARY KEY (period_id, member_id)
) WITHOUT ROWID;
CREATE INDEX token_award_mints_member ON token_award_mints(member_id);

-- Certificate-style records (like renewable-energy certificates): one per device line.
CREATE TABLE token_certificates (
  id          INTEGER PRIMARY KEY,
  period_id   INTEGER NOT NULL REFERENCES token_period_awards(period_id),
  member_id   INTEGER NOT NULL REFERENCES members(id),
  device      TEXT    NOT NULL,                      -- the meter that measured it ('meter 3', 'stock meter 2')
  equipment_id INTEGER REFERENCES equipment(id),
  kind        TEXT    NOT NULL,
  attested    INTEGER NOT NULL CHECK (attested IN (0, 1)),
  period_from TEXT    NOT NULL,                      -- ISO UTC, inclusive
  period_to   TEXT    NOT NULL,                      -- ISO UTC, exclusive
  wh          INTEGER NOT NULL CHECK (wh >= 0),
  tokens      INTEGER NOT NULL CHECK (tokens >= 0),
  UNIQUE (period_id, member_id, device, kind, attested)
);
CREATE INDEX token_certificates_member ON token_certificates(member_id, period_id);

-- Redemptions: tokens for energy credit (journal credit + burn on chain) or a recorded cash-out.
CREATE TABLE token_redemptions (
  id                INTEGER PRIMARY KEY,
  member_id         INTEGER NOT NULL REFERENCES members(id),
  kind              TEXT    NOT NULL CHECK (kind IN ('credit', 'cash-out')),
  tokens            INTEGER NOT NULL CHECK (tokens > 0),
  rate_minor_per_kilo_units INTEGER NOT NULL CHECK (rate_minor_per_kilo_units >= 0),
  amount_minor      INTEGER NOT NULL CHECK (amount_minor >= 0),
  policy_version_id INTEGER REFERENCES token_policy_versions(id),
  -- Of `tokens`, how many were burned on chain from the member's account (the rest were in the books
  -- only: the member had no account that could receive them when they were minted).
  -- The burn's outbox row is referenced 'token-burn:<id>'; the journal entry's source is
  -- ('token-redemption', '<id>') with idempotency key 'token-redemption:<id>'.
  burn_tokens       INTEGER NOT NULL DEFAULT 0 CHECK (burn_tokens >= 0 AND burn_tokens <= tokens),
  by_operator       INTEGER REFERENCES operators(id),
  by_kiosk          INTEGER NOT NULL DEFAULT 0 CHECK (by_kiosk IN (0, 1)),
  created_at        TEXT    NOT NULL
);
CREATE INDEX token_redemptions_member ON token_redemptions(member_id, id);

-- The token ledger: + award per posted period, − redemption. A member's balance is Σ tokens.
CREATE TABLE token_movements (
  id            INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL REFERENCES members(id),
  kind          TEXT    NOT NULL CHECK (kind IN ('award', 'redemption')),
  tokens        INTEGER NOT NULL CHECK (tokens <> 0),
  period_id     INTEGER REFERENCES token_period_awards(period_id),
  redemption_id INTEGER REFERENCES token_redemptions(id),
  created_at    TEXT    NOT NULL,
  CHECK ((kind = 'award') = (period_id IS NOT NULL AND redemption_id IS NULL AND tokens > 0)),
  CHECK ((kind = 'redemption') = (redemption_id IS NOT NULL AND period_id IS NULL AND tokens < 0)),
  UNIQUE (member_id, period_id),
  UNIQUE (redemption_id)
);
CREATE INDEX token_movements_member ON token_movements(member_id, id);

CREATE TRIGGER token_movements_no_update BEFORE UPDATE ON token_movements
BEGIN SELECT RAISE(ABORT, 'token movements are append-only'); END;
CREATE TRIGGER token_movements_no_delete BEFORE DELETE ON token_movements
BEGIN SELECT RAISE(ABORT, 'token movements are append-only'); END;
CREATE TRIGGER token_certificates_no_update BEFORE UPDATE ON token_certificates
BEGIN SELECT RAISE(ABORT, 'token certificates are never rewritten'); END;
CREATE TRIGGER token_certificates_no_delete BEFORE DELETE ON token_certificates
BEGIN SELECT RAISE(ABORT, 'token certificates are never deleted'); END;
CREATE TRIGGER token_member_awards_no_update BEFORE UPDATE ON token_member_awards
BEGIN SELECT RAISE(ABORT, 'token awards are never rewritten'); END;
CREATE TRIGGER token_member_awards_no_delete BEFORE DELETE ON token_member_awards
BEGIN SELECT RAISE(ABORT, 'token awards are never deleted'); END;
CREATE TRIGGER token_award_mints_no_update BEFORE UPDATE ON token_award_mints
BEGIN SELECT RAISE(ABORT, 'token mints are never rewritten'); END;
CREATE TRIGGER token_award_mints_no_delete BEFORE DELETE ON token_award_mints
BEGIN SELECT RAISE(ABORT, 'token mints are never deleted'); END;
CREATE TRIGGER token_redemptions_no_update BEFORE UPDATE ON token_redemptions
BEGIN SELECT RAISE(ABORT, 'token redemptions are never rewritten'); END;
CREATE TRIGGER token_redemptions_no_delete BEFORE DELETE ON token_redemptions
BEGIN SELECT RAISE(ABORT, 'token redemptions are never deleted'); END;
