-- Credit paid ahead, applied to charges posted later (core/payments/README.md, "Credit applied to
-- later charges"). A member's available credit is re-derived from the books: Σ of their live
-- payments less every live allocation on a charge line that is not reversed (the payment's own split
-- and these rows). When charges appear (a settlement posted, a prepaid drawdown, a payment booked or
-- reversed), that credit is applied to the open items in the payment order, oldest payment's credit
-- first; each piece is one row here, naming the payment whose credit paid it. Append-only: a row
-- stops counting when its payment is reversed or its charge line is reversed, and is never changed.
CREATE TABLE payment_credit_applications (
  id             INTEGER PRIMARY KEY,
  -- The payment whose credit paid this piece (live while that payment is not reversed).
  payment_id     INTEGER NOT NULL REFERENCES payments(id),
  member_id      INTEGER NOT NULL REFERENCES members(id),
  charge_line_id INTEGER NOT NULL REFERENCES journal_lines(id),
  bucket         TEXT    NOT NULL CHECK (bucket IN ('arrears', 'instalment', 'fixed-fee', 'energy')),
  charge_code    TEXT    NOT NULL,
  agreement_id   INTEGER REFERENCES agreements(id),
  instalment_no  INTEGER,
  amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
  -- 1 when this piece paid the charge line off.
  settles        INTEGER NOT NULL CHECK (settles IN (0, 1)),
  applied_on     TEXT    NOT NULL CHECK (applied_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- What made the console apply it: settlement | drawdown | payment | reversal | resolution | catch-up.
  occasion       TEXT    NOT NULL CHECK (occasion IN ('settlement', 'drawdown', 'payment', 'reversal', 'resolution', 'catch-up')),
  created_at     TEXT    NOT NULL
);
CREATE INDEX payment_credit_applications_member ON payment_credit_applications(member_id, id);
CREATE INDEX payment_credit_applications_payment ON payment_credit_applications(payment_id);
CREATE INDEX payment_credit_applications_line ON payment_credit_applications(charge_line_id);
CREATE INDEX payment_credit_applications_agreement ON payment_credit_applications(agreement_id) WHERE agreement_id IS NOT NULL;

CREATE TRIGGER payment_credit_applications_no_update BEFORE UPDATE ON payment_credit_applications BEGIN SELECT RAISE(ABORT, 'credit applications are append-only'); END;
CREATE TRIGGER payment_credit_applications_no_delete BEFORE DELETE ON payment_credit_applications BEGIN SELECT RAISE(ABORT, 'credit applications are append-only'); END;
