-- Equipment, marketplace listings and ratings, agreements (versioned, co-signed), tariffs (versioned).
-- Money in minor units, energy in Wh, power in W, rates in milli-minor-units per kWh, shares in
-- basis points (1/100 of a percent): all INTEGER. Chain columns stay NULL until the chain work fills them.

CREATE TABLE equipment (
  id               INTEGER PRIMARY KEY,
  kind             TEXT    NOT NULL CHECK (kind IN ('solar', 'wind', 'hydro', 'biogas', 'battery', 'other')),
  rated_power_w    INTEGER NOT NULL CHECK (rated_power_w > 0),
  storage_wh       INTEGER CHECK (storage_wh IS NULL OR storage_wh > 0),
  make             TEXT    NOT NULL DEFAULT '',
  model            TEXT    NOT NULL DEFAULT '',
  serial           TEXT    NOT NULL DEFAULT '',
  owner_member_id  INTEGER NOT NULL REFERENCES members(id),
  host_member_id   INTEGER REFERENCES members(id),
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  commissioned_on  TEXT,                                   -- YYYY-MM-DD
  status           TEXT    NOT NULL CHECK (status IN ('listed', 'installed', 'leased', 'transferred', 'retired')),
  meter_refs       TEXT,                                   -- JSON array of meter references (meters are another area's table)
  notes            TEXT    NOT NULL DEFAULT '',
  -- Uniques item on chain (collection per kind); filled by the chain work.
  chain_state           TEXT NOT NULL DEFAULT 'unregistered' CHECK (chain_state IN ('unregistered', 'pending_chain', 'on_chain', 'failed')),
  chain_collection_id   INTEGER,
  chain_item_id         INTEGER,
  chain_block_hash      TEXT,
  chain_extrinsic_hash  TEXT,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL,
  CHECK ((kind = 'battery') = (storage_wh IS NOT NULL))
);
CREATE INDEX equipment_owner ON equipment(owner_member_id);
CREATE INDEX equipment_host ON equipment(host_member_id);
CREATE INDEX equipment_site ON equipment(site_id);
-- A serial number identifies one device of one make.
CREATE UNIQUE INDEX equipment_make_serial ON equipment(make COLLATE NOCASE, serial COLLATE NOCASE) WHERE serial <> '';

-- One table for both sides; the side decides which columns are meaningful (checked below).
CREATE TABLE market_listings (
  id                INTEGER PRIMARY KEY,
  side              TEXT    NOT NULL CHECK (side IN ('owner', 'host')),
  member_id         INTEGER NOT NULL REFERENCES members(id),
  site_id           INTEGER NOT NULL REFERENCES sites(id),
  title             TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'withdrawn')),
  status_reason     TEXT    NOT NULL DEFAULT '',
  notes             TEXT    NOT NULL DEFAULT '',
  -- owner side
  offer             TEXT    CHECK (offer IS NULL OR offer IN ('equipment', 'capital')),
  equipment_id      INTEGER REFERENCES equipment(id),
  kind              TEXT,
  capacity_w        INTEGER CHECK (capacity_w IS NULL OR capacity_w > 0),
  capital_minor     INTEGER CHECK (capital_minor IS NULL OR capital_minor > 0),
  preferred_site_ids TEXT   NOT NULL DEFAULT '',   -- comma-separated site ids; empty = anywhere
  max_distance_km   INTEGER CHECK (max_distance_km IS NULL OR max_distance_km > 0),
  expected_rate_milli_per_kwh INTEGER CHECK (expected_rate_milli_per_kwh IS NULL OR expected_rate_milli_per_kwh >= 0),
  -- host side
  premises_m2       INTEGER CHECK (premises_m2 IS NULL OR premises_m2 >= 0),
  orientation       TEXT,
  site_notes        TEXT    NOT NULL DEFAULT '',
  preferred_kinds   TEXT    NOT NULL DEFAULT '',   -- comma-separated equipment kinds; empty = any
  expected_consumption_wh_per_month INTEGER CHECK (expected_consumption_wh_per_month IS NULL OR expected_consumption_wh_per_month >= 0),
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  CHECK (side = 'host' OR (offer IS NOT NULL AND kind IS NOT NULL AND capacity_w IS NOT NULL)),
  CHECK (side = 'owner' OR (offer IS NULL AND equipment_id IS NULL AND capital_minor IS NULL))
);
CREATE INDEX market_listings_side_status ON market_listings(side, status);
CREATE INDEX market_listings_member ON market_listings(member_id);

CREATE TABLE agreements (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT    NOT NULL CHECK (kind IN ('hosted_lease', 'lease_to_own', 'p2p_sale')),
  status             TEXT    NOT NULL CHECK (status IN ('draft', 'proposed', 'signed', 'active', 'completed', 'terminated')),
  title              TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  site_id            INTEGER NOT NULL REFERENCES sites(id),
  equipment_id       INTEGER REFERENCES equipment(id),
  current_version    INTEGER NOT NULL DEFAULT 1,
  owner_listing_id   INTEGER REFERENCES market_listings(id),
  host_listing_id    INTEGER REFERENCES market_listings(id),
  end_reason         TEXT    NOT NULL DEFAULT '',
  -- Registration of the agreement (Uniques item + Multisig call); which registrar recorded it.
  registrar          TEXT,
  chain_state        TEXT    NOT NULL DEFAULT 'unregistered' CHECK (chain_state IN ('unregistered', 'local_only', 'pending_chain', 'on_chain', 'failed')),
  chain_collection_id INTEGER,
  chain_item_id      INTEGER,
  chain_call_hash    TEXT,
  chain_block_hash   TEXT,
  chain_block_number INTEGER,
  chain_extrinsic_hash TEXT,
  chain_failure      TEXT,
  created_at         TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL,
  proposed_at        TEXT,
  signed_at          TEXT,
  activated_at       TEXT,
  ended_at           TEXT
);
CREATE INDEX agreements_status ON agreements(status);
CREATE INDEX agreements_site ON agreements(site_id);

-- Terms are never edited in place: a change of a draft is a new version. The version proposed is
-- frozen with its rendered document and that document's SHA-256 (the terms hash).
CREATE TABLE agreement_versions (
  agreement_id   INTEGER NOT NULL REFERENCES agreements(id),
  version        INTEGER NOT NULL CHECK (version >= 1),
  terms_json     TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,   -- also the document's creation date, so the PDF is reproducible
  created_by     INTEGER REFERENCES operators(id),
  terms_hash     TEXT    CHECK (terms_hash IS NULL OR length(terms_hash) = 64),
  terms_pdf      BLOB,
  PRIMARY KEY (agreement_id, version)
) WITHOUT ROWID;

CREATE TABLE agreement_parties (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  version      INTEGER NOT NULL,
  member_id    INTEGER NOT NULL REFERENCES members(id),
  role         TEXT    NOT NULL CHECK (role IN ('owner', 'host', 'seller', 'buyer', 'grid_operator', 'government')),
  PRIMARY KEY (agreement_id, version, member_id, role),
  FOREIGN KEY (agreement_id, version) REFERENCES agreement_versions(agreement_id, version)
) WITHOUT ROWID;
CREATE INDEX agreement_parties_member ON agreement_parties(member_id);

-- A signature is what a party approved; its state is moved by the registrar. Only a signature the
-- registrar confirmed (on_chain, or local_only with the explicitly not-on-chain registrar) counts.
CREATE TABLE agreement_signatures (
  id               INTEGER PRIMARY KEY,
  agreement_id     INTEGER NOT NULL REFERENCES agreements(id),
  version          INTEGER NOT NULL,
  member_id        INTEGER NOT NULL REFERENCES members(id),
  state            TEXT    NOT NULL CHECK (state IN ('pending_chain', 'local_only', 'on_chain', 'failed')),
  registrar        TEXT    NOT NULL,
  recorded_by      INTEGER REFERENCES operators(id),
  recorded_at      TEXT    NOT NULL,
  confirmed_at     TEXT,
  chain_block_hash TEXT,
  chain_extrinsic_hash TEXT,
  failure          TEXT,
  UNIQUE (agreement_id, version, member_id),
  FOREIGN KEY (agreement_id, version) REFERENCES agreement_versions(agreement_id, version)
);

-- Ratings after an agreement has run: one per rater, ratee and agreement.
CREATE TABLE member_ratings (
  id               INTEGER PRIMARY KEY,
  agreement_id     INTEGER NOT NULL REFERENCES agreements(id),
  rater_member_id  INTEGER NOT NULL REFERENCES members(id),
  ratee_member_id  INTEGER NOT NULL REFERENCES members(id),
  stars            INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment          TEXT    NOT NULL DEFAULT '',
  created_at       TEXT    NOT NULL,
  created_by       INTEGER REFERENCES operators(id),
  UNIQUE (agreement_id, rater_member_id, ratee_member_id),
  CHECK (rater_member_id <> ratee_member_id)
);
CREATE INDEX member_ratings_ratee ON member_ratings(ratee_member_id);

CREATE TABLE tariff_plans (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description TEXT    NOT NULL DEFAULT '',
  created_at  TEXT    NOT NULL,
  UNIQUE (site_id, name COLLATE NOCASE)
);

-- valid_from is an ISO-8601 UTC instant; the version in force at t has the greatest valid_from <= t.
CREATE TABLE tariff_versions (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES tariff_plans(id),
  version         INTEGER NOT NULL CHECK (version >= 1),
  valid_from      TEXT    NOT NULL,
  definition_json TEXT    NOT NULL,
  notes           TEXT    NOT NULL DEFAULT '',
  created_at      TEXT    NOT NULL,
  created_by      INTEGER REFERENCES operators(id),
  UNIQUE (plan_id, version),
  UNIQUE (plan_id, valid_from)
);
