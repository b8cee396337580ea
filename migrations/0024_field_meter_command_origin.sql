-- Meter commands a field report brought: when the office imported them and with which report, so
-- the "From the field" lists can show them for one import as for a member or a meter.
ALTER TABLE field_meter_commands ADD COLUMN imported_at TEXT;
ALTER TABLE field_meter_commands ADD COLUMN report_sequence INTEGER;
