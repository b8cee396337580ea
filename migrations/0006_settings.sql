-- Console settings kept in the database (chain endpoint choice, …), and the evidence the console
-- anchors on chain for itself (meter attestations and batches, records anchored from the Ledger).
-- No secret ever lands here: passphrases and keys stay in the encrypted keystore.

-- One row per setting; value is JSON. Known keys: 'chain.choice' = {"mode":"embedded"} |
-- {"mode":"off"} | {"mode":"external","endpoint":"wss://…"}.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Records the console anchors, kept with their data so a proof can be checked later from the
-- Ledger. Meter evidence arrives one hash at a time and waits here (anchor_id NULL) until the
-- next flush puts a whole group under one Merkle root: one block instead of one per record.
CREATE TABLE chain_evidence (
  id          INTEGER PRIMARY KEY,
  subject     TEXT    NOT NULL CHECK (length(subject) BETWEEN 1 AND 64),   -- 'meter-attestation', 'meter-batch', 'notes', …
  record_key  TEXT    NOT NULL CHECK (length(record_key) BETWEEN 1 AND 200), -- e.g. 'meter_batches:42'
  data        TEXT    NOT NULL,                                           -- exactly the bytes anchored (text)
  anchor_id   INTEGER REFERENCES chain_anchors(id),
  created_at  TEXT    NOT NULL
);
CREATE INDEX chain_evidence_waiting ON chain_evidence(anchor_id, subject, id);
CREATE INDEX chain_evidence_key ON chain_evidence(subject, record_key);
