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
