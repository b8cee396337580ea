-- Stock Modbus meters keep their polling schedule and the outcome of their last poll, so polling
-- resumes by itself after a restart and the console can say what happened last before the next
-- poll. Existing rows get "not polled" (0) and "never polled" (NULLs, 0 failures).

-- 0 = not polled automatically; otherwise 5 … 86400 seconds (the API refuses anything else).
ALTER TABLE modbus_meters ADD COLUMN poll_seconds INTEGER NOT NULL DEFAULT 0
  CHECK (poll_seconds = 0 OR poll_seconds BETWEEN 5 AND 86400);

-- The last attempt (scheduled or "poll now"), successful or not. ISO-8601 UTC.
ALTER TABLE modbus_meters ADD COLUMN last_poll_at TEXT;
ALTER TABLE modbus_meters ADD COLUMN last_poll_ok INTEGER CHECK (last_poll_ok IN (0, 1));

-- Why the last attempt failed (NULL after a success): a code the UI translates, and the core's
-- English message with the details (port path, unit id, baud rate, driver error).
ALTER TABLE modbus_meters ADD COLUMN last_poll_problem TEXT
  CHECK (last_poll_problem IN ('port-missing', 'port-unavailable', 'no-answer', 'other'));
ALTER TABLE modbus_meters ADD COLUMN last_poll_error TEXT;

-- Failed attempts since the last success (0 after a success).
ALTER TABLE modbus_meters ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0
  CHECK (consecutive_failures >= 0);
