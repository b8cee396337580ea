-- The members' kiosk: sessions scoped to one member, and member cards.
-- A kiosk session belongs to a member, never to an operator: the core takes the member from it for
-- every kiosk channel. Only a hash of each token is stored, as for operators' sessions.
CREATE TABLE kiosk_sessions (
  token_hash   TEXT    PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members(id),
  method       TEXT    NOT NULL CHECK (method IN ('pin', 'card')),
  created_at   TEXT    NOT NULL,
  last_seen_at TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL
);
CREATE INDEX kiosk_sessions_member ON kiosk_sessions(member_id);

-- One card per member: issuing a new card replaces the secret, so a lost card stops working.
-- Only SHA-256 of the card's 80-bit random secret is kept (the secret itself is printed on the card).
CREATE TABLE member_cards (
  member_id   INTEGER PRIMARY KEY REFERENCES members(id),
  secret_hash TEXT    NOT NULL CHECK (length(secret_hash) = 64),
  issued_at   TEXT    NOT NULL,
  issued_by   INTEGER NOT NULL REFERENCES operators(id)
);
