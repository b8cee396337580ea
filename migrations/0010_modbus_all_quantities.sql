-- Stock meters: everything the SDM120/SDM630 register maps provide is stored, and a Modbus
-- exception reply (the meter answered but refused a register) is a poll problem of its own.
--
-- Samples: current, frequency and the total-energy register, plus phases L2/L3 of an SDM630, as
-- integers in small units like voltage_dv. NULL in samples taken before this version.
ALTER TABLE modbus_samples ADD COLUMN current_ma INTEGER;       -- milliamps, L1 (the only phase on an SDM120)
ALTER TABLE modbus_samples ADD COLUMN frequency_chz INTEGER;    -- centihertz: 5003 = 50.03 Hz
ALTER TABLE modbus_samples ADD COLUMN total_wh INTEGER;         -- the meter's total energy register
ALTER TABLE modbus_samples ADD COLUMN voltage_l2_dv INTEGER;
ALTER TABLE modbus_samples ADD COLUMN voltage_l3_dv INTEGER;
ALTER TABLE modbus_samples ADD COLUMN current_l2_ma INTEGER;
ALTER TABLE modbus_samples ADD COLUMN current_l3_ma INTEGER;

-- 'device-refused' joins the problems. SQLite cannot widen a CHECK in place: the column is
-- replaced by one with the wider CHECK (values copied), under the same name.
ALTER TABLE modbus_meters ADD COLUMN last_poll_problem_next TEXT
  CHECK (last_poll_problem_next IN ('port-missing', 'port-unavailable', 'no-answer', 'device-refused', 'other'));
UPDATE modbus_meters SET last_poll_problem_next = last_poll_problem;
ALTER TABLE modbus_meters DROP COLUMN last_poll_problem;
ALTER TABLE modbus_meters RENAME COLUMN last_poll_problem_next TO last_poll_problem;

-- What the meter refused (set with 'device-refused', NULL otherwise): register name and address,
-- and the Modbus exception code (1 illegal function, 2 illegal data address, …).
ALTER TABLE modbus_meters ADD COLUMN last_refused_register TEXT;
ALTER TABLE modbus_meters ADD COLUMN last_refused_address INTEGER CHECK (last_refused_address BETWEEN 0 AND 65535);
ALTER TABLE modbus_meters ADD COLUMN last_exception_code INTEGER CHECK (last_exception_code BETWEEN 1 AND 255);
