-- CloudFs catalog, version 4: large objects.
-- A static large object's row keeps its manifest as Swift does (blob_id, size and etag are the
-- manifest's: usage counts the manifest, listings show its MD5 as hash); slo_bytes and
-- slo_etag are the object's size and ETag as clients see them.
ALTER TABLE stobj {ADD_COLUMN} slo_bytes {BIGINT} NULL;
ALTER TABLE stobj {ADD_COLUMN} slo_etag {STR:64} NULL;

-- The pieces an object's body is made of (a static large object, or a byte-free copy of one),
-- flattened through nested manifests, in order. They name blobs, not objects: the collector
-- keeps every blob a piece names, so a manifest stays readable whatever happens to the
-- segment objects it was made from.
CREATE TABLE IF NOT EXISTS segment (
  object_id {BIGINT} NOT NULL,
  seq {INT} NOT NULL,
  blob_id {STR:32} NOT NULL,
  policy_index {INT} NOT NULL DEFAULT 0,
  blob_offset {BIGINT} NOT NULL,
  length {BIGINT} NOT NULL,
  blob_bytes {BIGINT} NOT NULL,
  PRIMARY KEY (object_id, seq),
  CONSTRAINT fk_segment_stobj FOREIGN KEY (object_id) REFERENCES stobj (id) ON DELETE CASCADE
) {TABLE};
CREATE INDEX IF NOT EXISTS ix_segment_blob ON segment (blob_id);
