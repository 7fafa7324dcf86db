-- CloudFs catalog, version 2: search by an object's (or directory's) last segment.
-- (account_id, type, name) serves the container server's search (docs/container-server.md):
-- a name prefix is one range of it, in (name, id) order (the primary key is the implied
-- last column), so a keyset page costs one seek plus the rows returned; substring and
-- glob patterns are tested on its entries before any row is read.
CREATE INDEX IF NOT EXISTS ix_stobj_account_type_name ON stobj (account_id, type, name);
