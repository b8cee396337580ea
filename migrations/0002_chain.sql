-- Chain: outbox of everything the console wants on chain, set-up facts, anchors.
-- No secret ever lands here: keys live in the encrypted keystore; only SS58 addresses are stored.

-- Facts about the cooperative's chain set-up (account addresses, asset and collection ids).
CREATE TABLE chain_state (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Everything the console wants on chain is recorded here first, then sent. The signed
-- extrinsic (hash, nonce, bytes) is stored BEFORE it is sent, so after a crash at any point the
-- console can tell from the chain whether it landed (hash in a block) or can never land (nonce used
-- by another extrinsic) and resend the very same bytes otherwise: at most one on-chain effect.
CREATE TABLE chain_outbox (
  id              INTEGER PRIMARY KEY,
  reference       TEXT    UNIQUE,               -- caller's idempotency key, e.g. 'settlement:2026-10'
  kind            TEXT    NOT NULL,             -- intent kind, see core/chain/outbox/intents.ts
  intent_json     TEXT    NOT NULL,
  signer          TEXT    NOT NULL,             -- SS58 address
  status          TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'signed', 'broadcast', 'in_block', 'finalized', 'failed')),
  nonce           INTEGER,
  tx_hash         TEXT,
  signed_hex      TEXT,
  signed_at_block INTEGER,
  block_hash      TEXT,
  block_number    INTEGER,
  extrinsic_index INTEGER,
  error_name      TEXT,                          -- e.g. 'assets.BalanceLow'
  error_docs      TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  CHECK (status IN ('pending', 'failed') OR (nonce IS NOT NULL AND tx_hash IS NOT NULL AND signed_hex IS NOT NULL))
);
CREATE INDEX chain_outbox_status ON chain_outbox(status, id);
CREATE INDEX chain_outbox_tx_hash ON chain_outbox(tx_hash);

-- A Merkle root over a set of records, anchored with system.remarkWithEvent through the outbox.
CREATE TABLE chain_anchors (
  id          INTEGER PRIMARY KEY,
  subject     TEXT    NOT NULL CHECK (length(subject) BETWEEN 1 AND 64),  -- 'readings', 'settlement', …
  root        TEXT    NOT NULL CHECK (length(root) = 66),
  leaf_count  INTEGER NOT NULL CHECK (leaf_count > 0),
  remark      TEXT    NOT NULL,                 -- the exact remark text sent on chain
  outbox_id   INTEGER NOT NULL UNIQUE REFERENCES chain_outbox(id),
  created_at  TEXT    NOT NULL
);

CREATE TABLE chain_anchor_leaves (
  anchor_id   INTEGER NOT NULL REFERENCES chain_anchors(id),
  position    INTEGER NOT NULL,
  record_key  TEXT    NOT NULL,
  leaf_hash   TEXT    NOT NULL CHECK (length(leaf_hash) = 66),
  PRIMARY KEY (anchor_id, position),
  UNIQUE (anchor_id, record_key)
);
CREATE INDEX chain_anchor_leaves_key ON chain_anchor_leaves(record_key);
