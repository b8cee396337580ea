-- Foundation: the cooperative, its sites and members, operator accounts and sessions, audit log.
-- Nothing that later records reference is ever hard-deleted: members and operators are deactivated.

CREATE TABLE cooperative (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  currency    TEXT    NOT NULL CHECK (length(currency) = 3),
  timezone    TEXT    NOT NULL,
  locale      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
);

CREATE TABLE sites (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
  village     TEXT    NOT NULL DEFAULT '',
  description TEXT    NOT NULL DEFAULT '',
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT    NOT NULL
);

CREATE TABLE operators (
  id              INTEGER PRIMARY KEY,
  username        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT    NOT NULL,
  role            TEXT    NOT NULL CHECK (role IN ('admin', 'operator', 'technician', 'kiosk')),
  password_hash   TEXT    NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT    NOT NULL,
  last_login_at   TEXT
);

-- Only a hash of each session token is stored, so a copied database file grants no session.
CREATE TABLE sessions (
  token_hash   TEXT    PRIMARY KEY,
  operator_id  INTEGER NOT NULL REFERENCES operators(id),
  created_at   TEXT    NOT NULL,
  last_seen_at TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL
);
CREATE INDEX sessions_operator ON sessions(operator_id);

CREATE TABLE members (
  id               INTEGER PRIMARY KEY,
  member_no        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  full_name        TEXT    NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  phone            TEXT    NOT NULL DEFAULT '',
  email            TEXT    NOT NULL DEFAULT '',
  village          TEXT    NOT NULL DEFAULT '',
  gps_lat          REAL    CHECK (gps_lat IS NULL OR gps_lat BETWEEN -90 AND 90),
  gps_lon          REAL    CHECK (gps_lon IS NULL OR gps_lon BETWEEN -180 AND 180),
  premises_m2      INTEGER CHECK (premises_m2 IS NULL OR premises_m2 >= 0),
  preferred_energy TEXT    NOT NULL DEFAULT '',   -- comma-separated energy kinds
  notes            TEXT    NOT NULL DEFAULT '',
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  deactivated_reason TEXT  NOT NULL DEFAULT '',
  joined_on        TEXT    NOT NULL,              -- YYYY-MM-DD
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);
CREATE INDEX members_site ON members(site_id);
CREATE INDEX members_name ON members(full_name COLLATE NOCASE);

CREATE TABLE member_roles (
  member_id INTEGER NOT NULL REFERENCES members(id),
  role      TEXT    NOT NULL CHECK (role IN ('consumer', 'prosumer', 'owner', 'third_party', 'government')),
  PRIMARY KEY (member_id, role)
) WITHOUT ROWID;
CREATE INDEX member_roles_role ON member_roles(role);

-- Who changed what: written in the same transaction as the change it describes.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL,
  operator_id INTEGER REFERENCES operators(id),
  action      TEXT    NOT NULL,
  entity      TEXT    NOT NULL,
  entity_id   TEXT,
  summary     TEXT    NOT NULL DEFAULT '',
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
