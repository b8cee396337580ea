-- Field sync (issue 13): the office enrols field laptops; each side signs what it sends.
-- No secret lands here: signing keys live in `<data folder>/field-sync/keys/`, encrypted like the
-- keystore (same Keystore code, its own passphrase); only public keys and keystore addresses here.

-- This console's own sync identity (at most one row). Office: role 'office' and its key.
-- Field laptop: role 'field', the key the office gave it at enrolment and the office's public key.
CREATE TABLE field_sync_identity (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  role                 TEXT    NOT NULL CHECK (role IN ('office', 'field')),
  cooperative_sync_id  TEXT    NOT NULL CHECK (length(cooperative_sync_id) BETWEEN 8 AND 64),
  console_id           TEXT    NOT NULL CHECK (length(console_id) BETWEEN 1 AND 64),
  label                TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  key_address          TEXT    NOT NULL,                  -- address of the signing key in the sync key store
  public_key_hex       TEXT    NOT NULL CHECK (length(public_key_hex) = 64),
  office_console_id    TEXT,                              -- field only
  office_label         TEXT,
  office_public_key_hex TEXT CHECK (office_public_key_hex IS NULL OR length(office_public_key_hex) = 64),
  last_pack_sequence   INTEGER NOT NULL DEFAULT 0,         -- office: last pack written; field: last pack imported
  last_report_sequence INTEGER NOT NULL DEFAULT 0,         -- field: last report written
  created_at           TEXT    NOT NULL,
  CHECK ((role = 'field') = (office_public_key_hex IS NOT NULL))
);

-- Office only: the field consoles it enrolled. Never deleted: a revoked console stays, so its
-- past reports keep naming it.
CREATE TABLE field_consoles (
  id                   INTEGER PRIMARY KEY,
  console_id           TEXT    NOT NULL UNIQUE CHECK (length(console_id) BETWEEN 1 AND 64),
  label                TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  public_key_hex       TEXT    NOT NULL UNIQUE CHECK (length(public_key_hex) = 64),
  enrolled_at          TEXT    NOT NULL,
  enrolled_by          INTEGER REFERENCES operators(id),
  revoked_at           TEXT,
  revoked_by           INTEGER REFERENCES operators(id),
  revoke_reason        TEXT,
  last_report_sequence INTEGER NOT NULL DEFAULT 0,
  last_report_at       TEXT,
  last_pack_sequence   INTEGER NOT NULL DEFAULT 0,
  last_pack_at         TEXT
);

-- Field only: the open work of the last pack imported (meters to provision or to read), replaced
-- whole by each new pack: it is the office's list, the laptop only shows it.
CREATE TABLE field_open_work (
  work_key     TEXT    PRIMARY KEY,                -- 'provision:<member_no>' or 'read:<instance id>'
  kind         TEXT    NOT NULL CHECK (kind IN ('provision', 'read')),
  content_json TEXT    NOT NULL,
  pack_sequence INTEGER NOT NULL
);

-- Office only: which records came from the field (shown as a badge: which laptop, who, when).
CREATE TABLE field_record_origins (
  entity       TEXT    NOT NULL CHECK (entity IN ('meter', 'meter_attestation', 'meter_batch')),
  record_id    INTEGER NOT NULL,
  console_id   TEXT    NOT NULL REFERENCES field_consoles(console_id),
  technician   TEXT    NOT NULL DEFAULT '',
  recorded_at  TEXT    NOT NULL,                 -- when the laptop recorded it
  imported_at  TEXT    NOT NULL,
  report_sequence INTEGER NOT NULL,
  PRIMARY KEY (entity, record_id)
) WITHOUT ROWID;

-- Office only: conflicts found on import, never resolved silently. Both versions are kept: the
-- office's row as it was, and the field's version exactly as it came (CBOR, with its evidence),
-- until an operator decides; the decision is audited.
CREATE TABLE field_sync_conflicts (
  id                   INTEGER PRIMARY KEY,
  console_id           TEXT    NOT NULL REFERENCES field_consoles(console_id),
  entity               TEXT    NOT NULL CHECK (entity IN ('meter')),
  entity_key           TEXT    NOT NULL,
  summary              TEXT    NOT NULL,
  office_version_json  TEXT    NOT NULL,
  field_version        BLOB    NOT NULL,
  field_version_sha256 TEXT    NOT NULL,
  detected_at          TEXT    NOT NULL,
  decision             TEXT    CHECK (decision IN ('office', 'field')),
  decided_by           INTEGER REFERENCES operators(id),
  decided_at           TEXT,
  UNIQUE (console_id, entity_key, field_version_sha256)
);
