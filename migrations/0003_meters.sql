-- Meters: devices, trust store, attestation results, signed reading batches, interval readings.
-- Readings and batches are evidence: never updated or deleted, only added.

-- Trust store: manufacturer CA certificates or per-device public keys (Veraison-style).
CREATE TABLE meter_trust_anchors (
  id              INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL CHECK (kind IN ('ca-certificate', 'device-key')),
  label           TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  certificate_der BLOB    CHECK ((kind = 'ca-certificate') = (certificate_der IS NOT NULL)),
  instance_id_hex TEXT    CHECK ((kind = 'device-key') = (instance_id_hex IS NOT NULL)),
  public_key      BLOB    CHECK ((kind = 'device-key') = (public_key IS NOT NULL)),
  fingerprint     TEXT    NOT NULL UNIQUE,             -- sha-256 of the certificate or key
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT    NOT NULL
);

CREATE TABLE meter_implementations (
  implementation_id_hex TEXT PRIMARY KEY CHECK (length(implementation_id_hex) = 64),
  label                 TEXT NOT NULL,
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at            TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE meter_approved_measurements (
  id                    INTEGER PRIMARY KEY,
  implementation_id_hex TEXT NOT NULL REFERENCES meter_implementations(implementation_id_hex),
  measurement_hex       TEXT NOT NULL,
  signer_id_hex         TEXT,
  component_type        TEXT,
  version               TEXT,
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at            TEXT NOT NULL,
  UNIQUE (implementation_id_hex, measurement_hex)
);

CREATE TABLE meter_revoked_certificates (
  serial_hex  TEXT PRIMARY KEY,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE meters (
  id                 INTEGER PRIMARY KEY,
  instance_id_hex    TEXT    NOT NULL UNIQUE CHECK (length(instance_id_hex) = 66),
  implementation_id_hex TEXT NOT NULL,
  model              TEXT    NOT NULL,
  serial_number      TEXT    NOT NULL,
  firmware_version   TEXT    NOT NULL,
  public_key         BLOB,                              -- SEC1 attestation key, set once attested
  status             TEXT    NOT NULL CHECK (status IN ('attested', 'attestation_failed', 'provisioning', 'provisioned', 'retired')),
  member_id          INTEGER REFERENCES members(id),
  equipment_ref      TEXT,                              -- equipment table arrives later: no FK yet
  interval_seconds   INTEGER CHECK (interval_seconds IS NULL OR interval_seconds BETWEEN 60 AND 86400),
  provisioning_id    TEXT,                              -- the applied provisioning
  pending_provisioning_json TEXT,                       -- set while a provisioning is in flight
  last_batch_seq     INTEGER,
  last_batch_sha256  TEXT,
  last_reading_at    TEXT,
  port_path          TEXT    NOT NULL DEFAULT '',
  created_at         TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL
);
CREATE INDEX meters_member ON meters(member_id);

CREATE TABLE meter_attestations (
  id               INTEGER PRIMARY KEY,
  meter_id         INTEGER REFERENCES meters(id),
  instance_id_hex  TEXT,
  evidence_sha256  TEXT    NOT NULL,
  evidence         BLOB    NOT NULL,
  nonce_hex        TEXT    NOT NULL,
  verdict          TEXT    NOT NULL CHECK (verdict IN ('passed', 'failed')),
  failed_check     TEXT,
  checks_json      TEXT    NOT NULL,
  operator_id      INTEGER REFERENCES operators(id),
  verified_at      TEXT    NOT NULL
);
CREATE INDEX meter_attestations_meter ON meter_attestations(meter_id, id);

CREATE TABLE meter_batches (
  id               INTEGER PRIMARY KEY,
  meter_id         INTEGER NOT NULL REFERENCES meters(id),
  seq              INTEGER NOT NULL CHECK (seq >= 1),
  sha256           TEXT    NOT NULL,
  prev_sha256      TEXT    NOT NULL,
  provisioning_id  TEXT    NOT NULL,
  record_count     INTEGER NOT NULL,
  first_interval_start TEXT,
  last_interval_start  TEXT,
  raw              BLOB    NOT NULL,                    -- the signed COSE_Sign1, re-verifiable any time
  received_at      TEXT    NOT NULL,
  UNIQUE (meter_id, seq)
);

CREATE TABLE meter_readings (
  meter_id         INTEGER NOT NULL REFERENCES meters(id),
  interval_start   TEXT    NOT NULL,                    -- ISO-8601 UTC
  interval_seconds INTEGER NOT NULL,
  import_wh        INTEGER NOT NULL CHECK (import_wh >= 0),
  export_wh        INTEGER NOT NULL CHECK (export_wh >= 0),
  batch_id         INTEGER NOT NULL REFERENCES meter_batches(id),
  PRIMARY KEY (meter_id, interval_start)
) WITHOUT ROWID;

-- Missing batch sequence numbers or intervals, as found at ingest; closed when filled.
CREATE TABLE meter_gaps (
  id            INTEGER PRIMARY KEY,
  meter_id      INTEGER NOT NULL REFERENCES meters(id),
  kind          TEXT    NOT NULL CHECK (kind IN ('batch', 'interval')),
  from_seq      INTEGER,
  to_seq        INTEGER,
  from_time     TEXT,
  to_time       TEXT,
  detected_at   TEXT    NOT NULL,
  resolved_at   TEXT
);
CREATE INDEX meter_gaps_open ON meter_gaps(meter_id, resolved_at);

-- Stock Modbus meters (Eastron SDM120/SDM630) polled on a schedule.
CREATE TABLE modbus_meters (
  id            INTEGER PRIMARY KEY,
  label         TEXT    NOT NULL,
  model         TEXT    NOT NULL CHECK (model IN ('SDM120', 'SDM630')),
  port_path     TEXT    NOT NULL,
  baud_rate     INTEGER NOT NULL DEFAULT 9600,
  unit_id       INTEGER NOT NULL CHECK (unit_id BETWEEN 1 AND 247),
  member_id     INTEGER REFERENCES members(id),
  equipment_ref TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT    NOT NULL,
  UNIQUE (port_path, unit_id)
);

CREATE TABLE modbus_samples (
  modbus_meter_id INTEGER NOT NULL REFERENCES modbus_meters(id),
  at              TEXT    NOT NULL,
  import_wh       INTEGER NOT NULL,
  export_wh       INTEGER NOT NULL,
  power_w         INTEGER NOT NULL,
  voltage_dv      INTEGER NOT NULL,                     -- decivolts, integer
  PRIMARY KEY (modbus_meter_id, at)
) WITHOUT ROWID;
