-- Deciding 'field' on a meter conflict whose office binding already holds reading batches: those
-- batches (raw signed bytes, CBOR) are set aside here, in the decided conflict, so no record is lost
-- and the field version's batches can be booked from sequence 1 (the two copies number alike).
ALTER TABLE field_sync_conflicts ADD COLUMN office_batches BLOB;
