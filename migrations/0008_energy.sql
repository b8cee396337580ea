-- Energy flows (issue 10): allocation keys (versioned like tariffs), members' source preferences
-- (versioned), and the computed flows. Energy in integer Wh. Flows are derived data: recomputing a
-- site-month rebuilds them from readings, keys, agreements and preferences (never the other way).

-- A site's allocation key from valid_from on (an interval start); the next version ends it.
CREATE TABLE energy_key_versions (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  version       INTEGER NOT NULL CHECK (version >= 1),
  valid_from    TEXT    NOT NULL,                       -- ISO-8601 UTC, on a 15-min boundary
  mode          TEXT    NOT NULL CHECK (mode IN ('pro_rata', 'fixed', 'custom_table')),
  unused        TEXT    CHECK (unused IS NULL OR unused IN ('export', 'reallocate')),
  table_rows    INTEGER NOT NULL DEFAULT 0,
  table_from    TEXT,
  table_to      TEXT,
  notes         TEXT    NOT NULL DEFAULT '',
  created_by    INTEGER REFERENCES operators(id),
  created_at    TEXT    NOT NULL,
  UNIQUE (site_id, version),
  UNIQUE (site_id, valid_from)
);

-- fixed: one coefficient per member; custom_table: the members of the table's columns, in order.
CREATE TABLE energy_key_members (
  key_version_id INTEGER NOT NULL REFERENCES energy_key_versions(id),
  position       INTEGER NOT NULL,
  member_id      INTEGER NOT NULL REFERENCES members(id),
  ppm            INTEGER NOT NULL CHECK (ppm BETWEEN 0 AND 1000000),   -- fixed mode; 0 for table columns
  PRIMARY KEY (key_version_id, position)
) WITHOUT ROWID;

-- custom_table rows: coefficients in parts per million, little-endian uint32 per column.
CREATE TABLE energy_key_table (
  key_version_id INTEGER NOT NULL REFERENCES energy_key_versions(id),
  interval_start TEXT    NOT NULL,
  ppm            BLOB    NOT NULL,
  PRIMARY KEY (key_version_id, interval_start)
) WITHOUT ROWID;

-- Source preference of a member from valid_from on; kinds comma-separated in order ('' = none).
CREATE TABLE energy_source_preferences (
  member_id   INTEGER NOT NULL REFERENCES members(id),
  valid_from  TEXT    NOT NULL,
  kinds       TEXT    NOT NULL,
  created_by  INTEGER REFERENCES operators(id),
  created_at  TEXT    NOT NULL,
  PRIMARY KEY (member_id, valid_from)
) WITHOUT ROWID;

-- One row per site per 15-min interval: the site's totals (what charts, KPIs and the Sankey read)
-- and the hash of every input of the interval, so a recompute redoes only what changed.
CREATE TABLE energy_site_intervals (
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  interval_start  TEXT    NOT NULL,
  input_hash      TEXT    NOT NULL,
  key_version_id  INTEGER,
  gen_solar INTEGER NOT NULL, gen_wind INTEGER NOT NULL, gen_hydro INTEGER NOT NULL,
  gen_biogas INTEGER NOT NULL, gen_battery INTEGER NOT NULL, gen_other INTEGER NOT NULL,
  exp_solar INTEGER NOT NULL, exp_wind INTEGER NOT NULL, exp_hydro INTEGER NOT NULL,
  exp_biogas INTEGER NOT NULL, exp_battery INTEGER NOT NULL, exp_other INTEGER NOT NULL,
  consumption_wh  INTEGER NOT NULL,
  self_wh         INTEGER NOT NULL,
  p2p_wh          INTEGER NOT NULL,
  pool_wh         INTEGER NOT NULL,
  main_import_wh  INTEGER NOT NULL,
  main_export_wh  INTEGER NOT NULL,
  estimated_wh    INTEGER NOT NULL,
  unattested_wh   INTEGER NOT NULL,
  estimated_slots INTEGER NOT NULL,
  computed_at     TEXT    NOT NULL,
  PRIMARY KEY (site_id, interval_start)
) WITHOUT ROWID;

-- Per member per interval flows, one row per member per UTC day: the day's intervals packed
-- column by column (member-day-codec.ts), so a month of 2,000 members is 60,000 rows, not 5.8 M.
CREATE TABLE energy_member_days (
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  day        TEXT    NOT NULL,                          -- YYYY-MM-DD (UTC)
  member_id  INTEGER NOT NULL REFERENCES members(id),
  flows      BLOB    NOT NULL,
  PRIMARY KEY (site_id, day, member_id)
) WITHOUT ROWID;
CREATE INDEX energy_member_days_member ON energy_member_days(member_id, day);

-- What each P2P sale agreement delivered to each buyer per interval (only non-zero rows).
CREATE TABLE energy_p2p_flows (
  agreement_id    INTEGER NOT NULL REFERENCES agreements(id),
  interval_start  TEXT    NOT NULL,
  buyer_member_id INTEGER NOT NULL REFERENCES members(id),
  seller_member_id INTEGER NOT NULL REFERENCES members(id),
  wh              INTEGER NOT NULL CHECK (wh > 0),
  PRIMARY KEY (agreement_id, interval_start, buyer_member_id)
) WITHOUT ROWID;
