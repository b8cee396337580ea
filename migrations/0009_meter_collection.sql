-- Background collection of attested meters: the outcome of the last attempt per meter, so the
-- collector resumes its schedule after a restart (next read = last attempt + interval, or the
-- capped back-off while failing) and the console says what happened last before the next read.
-- One row per meter that was ever tried; a meter without a row has never been collected in the
-- background. Readings themselves stay in meter_batches / meter_readings (evidence, append-only).
CREATE TABLE meter_collection (
  meter_id             INTEGER PRIMARY KEY REFERENCES meters(id),
  last_attempt_at      TEXT    NOT NULL,                 -- ISO-8601 UTC
  last_ok              INTEGER NOT NULL CHECK (last_ok IN (0, 1)),
  last_success_at      TEXT,
  -- Why the last attempt failed (NULL after a success): a code the UI translates, and the core's
  -- English message with the details (port path, what to check).
  problem              TEXT    CHECK (problem IN ('port-missing', 'port-unavailable', 'no-answer', 'damaged-replies', 'wrong-meter', 'batches-rejected', 'other')),
  error                TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  -- What the last successful attempt brought in.
  last_batches         INTEGER NOT NULL DEFAULT 0 CHECK (last_batches >= 0),
  last_readings        INTEGER NOT NULL DEFAULT 0 CHECK (last_readings >= 0),
  CHECK ((last_ok = 1) = (problem IS NULL))
) WITHOUT ROWID;
