-- Field sync, part 2 (issue 13): members edited on a laptop travel back and are booked at the
-- office, or kept as a conflict with both versions when the office changed the same member too;
-- visit notes written on a laptop; stock-meter setups and their polled values from the field.

-- Field only: the office's version of each member as the last pack brought it (the base a laptop
-- edit is compared with), and what the laptop last reported for it.
CREATE TABLE field_member_base (
  member_id      INTEGER PRIMARY KEY,
  base_json      TEXT    NOT NULL,                -- {memberNo, fullName, siteId} as the office sent it
  pack_sequence  INTEGER NOT NULL,
  reported_json  TEXT,                            -- the laptop's edit as last reported
  reported_in    INTEGER                          -- the report sequence that carried it
);

-- Office: the base each applied field edit of a member was made from (to tell two laptops' edits
-- of the same version apart from an edit of an older one).
CREATE TABLE field_member_edit_bases (
  member_id   INTEGER NOT NULL REFERENCES members(id),
  console_id  TEXT    NOT NULL REFERENCES field_consoles(console_id),
  base_json   TEXT    NOT NULL,
  edited_json TEXT    NOT NULL,
  PRIMARY KEY (member_id, console_id)
) WITHOUT ROWID;

-- Field only: notes a technician writes on a visit (about a member, a meter, or both).
CREATE TABLE field_visit_notes (
  id            INTEGER PRIMARY KEY,
  note_uid      TEXT    NOT NULL UNIQUE CHECK (length(note_uid) BETWEEN 8 AND 64),
  member_id     INTEGER,
  meter_instance_id_hex TEXT,
  text          TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  technician    TEXT    NOT NULL DEFAULT '',
  written_at    TEXT    NOT NULL
);

-- Office: visit notes that came from the field (one row per note, whichever report brought it).
CREATE TABLE office_visit_notes (
  id            INTEGER PRIMARY KEY,
  note_uid      TEXT    NOT NULL UNIQUE,
  console_id    TEXT    NOT NULL REFERENCES field_consoles(console_id),
  member_id     INTEGER REFERENCES members(id),
  meter_instance_id_hex TEXT,
  text          TEXT    NOT NULL,
  technician    TEXT    NOT NULL DEFAULT '',
  written_at    TEXT    NOT NULL
);

-- Conflicts and origins now cover members too (SQLite cannot widen a CHECK: rebuild the tables).
CREATE TABLE field_sync_conflicts_v2 (
  id                   INTEGER PRIMARY KEY,
  console_id           TEXT    NOT NULL REFERENCES field_consoles(console_id),
  entity               TEXT    NOT NULL CHECK (entity IN ('meter', 'member')),
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
INSERT INTO field_sync_conflicts_v2 SELECT * FROM field_sync_conflicts;
DROP TABLE field_sync_conflicts;
ALTER TABLE field_sync_conflicts_v2 RENAME TO field_sync_conflicts;

CREATE TABLE field_record_origins_v2 (
  entity       TEXT    NOT NULL CHECK (entity IN ('meter', 'meter_attestation', 'meter_batch', 'member', 'visit_note')),
  record_id    INTEGER NOT NULL,
  console_id   TEXT    NOT NULL REFERENCES field_consoles(console_id),
  technician   TEXT    NOT NULL DEFAULT '',
  recorded_at  TEXT    NOT NULL,
  imported_at  TEXT    NOT NULL,
  report_sequence INTEGER NOT NULL,
  PRIMARY KEY (entity, record_id)
) WITHOUT ROWID;
INSERT INTO field_record_origins_v2 SELECT * FROM field_record_origins;
DROP TABLE field_record_origins;
ALTER TABLE field_record_origins_v2 RENAME TO field_record_origins;

-- Office: stock (Modbus) meters set up on a laptop and the values it polled. Modbus meters sign
-- nothing, so these are the laptop's word (signed by its enrolment key), kept apart from the
-- office's own stock meters (whose port paths they would collide with) and never re-verified.
CREATE TABLE field_stock_meters (
  console_id    TEXT    NOT NULL REFERENCES field_consoles(console_id),
  field_id      INTEGER NOT NULL,                 -- the laptop's modbus_meters.id
  label         TEXT    NOT NULL,
  model         TEXT    NOT NULL,
  unit_id       INTEGER NOT NULL,
  member_id     INTEGER REFERENCES members(id),
  equipment_ref TEXT,
  set_up_at     TEXT    NOT NULL,
  PRIMARY KEY (console_id, field_id)
) WITHOUT ROWID;
CREATE TABLE field_stock_samples (
  console_id    TEXT    NOT NULL,
  field_id      INTEGER NOT NULL,
  at            TEXT    NOT NULL,
  import_wh     INTEGER NOT NULL,
  export_wh     INTEGER NOT NULL,
  power_w       INTEGER NOT NULL,
  voltage_dv    INTEGER NOT NULL,
  total_wh      INTEGER,
  PRIMARY KEY (console_id, field_id, at),
  FOREIGN KEY (console_id, field_id) REFERENCES field_stock_meters(console_id, field_id)
) WITHOUT ROWID;

-- Office: signed meter commands a laptop ran (relay, load limit, clock), from its audit log. The
-- meter's reply carries no signature of its own, so this is a record, not evidence.
CREATE TABLE field_meter_commands (
  console_id      TEXT    NOT NULL REFERENCES field_consoles(console_id),
  field_audit_id  INTEGER NOT NULL,
  instance_id_hex TEXT    NOT NULL,
  action          TEXT    NOT NULL,
  summary         TEXT    NOT NULL,
  detail_json     TEXT,
  run_at          TEXT    NOT NULL,
  technician      TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (console_id, field_audit_id)
) WITHOUT ROWID;
