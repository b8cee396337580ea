-- Field sync (issue 13): the same meter provisioned on two laptops gives the same office state in
-- whichever order their reports arrive. The office keeps each laptop's version of each field meter
-- as it came (the meter and its attestation evidence, CBOR), so that a version that loses the
-- deterministic rule later (earlier on its laptop wins, then the lower console id) can still be put
-- in a conflict exactly as its own report would have put it.
CREATE TABLE field_meter_versions (
  instance_id_hex  TEXT    NOT NULL,
  console_id       TEXT    NOT NULL REFERENCES field_consoles(console_id),
  report_sequence  INTEGER NOT NULL,
  version          BLOB    NOT NULL,               -- CBOR {meter, attestations}
  PRIMARY KEY (instance_id_hex, console_id)
) WITHOUT ROWID;

-- Network sync (issue 13): a laptop paired with its office once, by a 6-digit code both operators
-- compared (core/field-sync/lan-pairing.ts). Office: one row per laptop; laptop: one row, itself,
-- with the office's address. `sync_key` authenticates network syncs and opens the packs sent over
-- the network; it is not a signing key (bundles stay signed by the enrolment keys, kept encrypted
-- in the sync key store), so a copy of it lets no one write a report or a pack.
CREATE TABLE field_lan_pairings (
  console_id  TEXT    PRIMARY KEY,
  pairing_id  TEXT    NOT NULL,
  office_url  TEXT,
  sync_key    BLOB    NOT NULL CHECK (length(sync_key) = 32),
  code        TEXT    NOT NULL CHECK (length(code) = 6),
  state       TEXT    NOT NULL CHECK (state IN ('pending', 'confirmed', 'rejected', 'revoked')),
  created_at  TEXT    NOT NULL,
  decided_at  TEXT,
  decided_by  INTEGER REFERENCES operators(id)
);
