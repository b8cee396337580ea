-- Stock meters a field report brought: who set them up on the laptop and when the office imported
-- them, so screens can say where each came from (visit notes have theirs in field_record_origins).
ALTER TABLE field_stock_meters ADD COLUMN technician TEXT NOT NULL DEFAULT '';
ALTER TABLE field_stock_meters ADD COLUMN imported_at TEXT;
ALTER TABLE field_stock_meters ADD COLUMN report_sequence INTEGER;
-- Rows booked before these columns existed: their laptop's latest import is the closest bound the
-- office holds (they were imported by then).
UPDATE field_stock_meters
   SET imported_at = (SELECT coalesce(c.last_report_at, field_stock_meters.set_up_at) FROM field_consoles c WHERE c.console_id = field_stock_meters.console_id),
       report_sequence = (SELECT c.last_report_sequence FROM field_consoles c WHERE c.console_id = field_stock_meters.console_id)
 WHERE imported_at IS NULL;
