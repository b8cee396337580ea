-- Member chain accounts: which sr25519 address belongs to which member, and how they approve.
-- Also the Multisig calls that register agreements on chain (what each party approves).
-- No secret ever lands here: console-held keys live in the encrypted keystore; only SS58 addresses,
-- the Argon2id hash of the member's PIN and public call data are stored.

-- 'console': the key was created at the console and sits in the cooperative keystore; the member
--   approves at the console with a PIN (only its Argon2id hash is kept; 5 wrong PINs lock it 15 min).
-- 'external': an address the member controls in their own wallet; approvals happen outside the
--   console and are detected on chain.
CREATE TABLE member_chain_accounts (
  member_id           INTEGER PRIMARY KEY REFERENCES members(id),
  kind                TEXT    NOT NULL CHECK (kind IN ('console', 'external')),
  address             TEXT    NOT NULL UNIQUE CHECK (length(address) BETWEEN 46 AND 50),
  pin_hash            TEXT,
  failed_pin_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_attempts >= 0),
  locked_until        TEXT,
  funded_at           TEXT,
  created_at          TEXT    NOT NULL,
  created_by          INTEGER REFERENCES operators(id),
  updated_at          TEXT    NOT NULL,
  CHECK ((kind = 'console') = (pin_hash IS NOT NULL))
);

-- The registering call of one agreement version: utility.batchAll of Uniques calls, dispatched as the
-- cooperative's issuer through proxy.proxy by the Multisig account of (cooperative + every party),
-- threshold = all of them. The cooperative approves first when proposing (and pays the deposit), so
-- the parties' Multisig can only ever run calls the cooperative approved.
CREATE TABLE agreement_chain_calls (
  agreement_id      INTEGER NOT NULL REFERENCES agreements(id),
  version           INTEGER NOT NULL,
  multisig_address  TEXT    NOT NULL,
  signatories_json  TEXT    NOT NULL,          -- JSON array of SS58 addresses, cooperative first
  threshold         INTEGER NOT NULL CHECK (threshold >= 2),
  cooperative       TEXT    NOT NULL,          -- the issuer address that approved first
  collection_id     INTEGER NOT NULL,
  item_id           INTEGER NOT NULL,
  call_hex          TEXT    NOT NULL,          -- the SCALE-encoded call every party approves
  call_hash         TEXT    NOT NULL CHECK (length(call_hash) = 66),
  timepoint_height  INTEGER,
  timepoint_index   INTEGER,
  proposed_block    INTEGER,
  executed_block_hash   TEXT,
  executed_block_number INTEGER,
  executed_extrinsic    TEXT,
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  PRIMARY KEY (agreement_id, version),
  FOREIGN KEY (agreement_id, version) REFERENCES agreement_versions(agreement_id, version)
);
CREATE INDEX agreement_chain_calls_multisig ON agreement_chain_calls(multisig_address);
