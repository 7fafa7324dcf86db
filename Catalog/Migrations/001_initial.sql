-- CloudFs catalog, version 1: the tables of DESIGN.md's catalog section.
-- Tokens in braces are replaced per database by SqlDialect (see SqlDialect.cs):
-- {NAME}/{PATH} are byte-ordered (UTF-8 memcmp, as Swift sorts names), {STR:n} is text.
-- Every statement is idempotent, because MariaDB commits each DDL statement on its own:
-- a migration cut off halfway is simply run again.

-- Users: the login identities. account is the account name without AUTH_, username the
-- part after the colon in tempauth's "account:user"; type is admin (every account),
-- owner (tempauth .admin: its own account) or member (only what ACLs grant).
CREATE TABLE IF NOT EXISTS user (
  id {ID},
  account {STR:256} NOT NULL,
  username {STR:256} NOT NULL,
  email {STR:320} NULL,
  password_hash {STR:256} NOT NULL,
  type {STR:16} NOT NULL,
  state {STR:16} NOT NULL DEFAULT 'enabled',
  created_at {BIGINT} NOT NULL,
  updated_at {BIGINT} NOT NULL
) {TABLE};
CREATE UNIQUE INDEX IF NOT EXISTS ux_user_account_username ON user (account, username);
CREATE UNIQUE INDEX IF NOT EXISTS ux_user_email ON user (email);

-- The namespace tree: root, account, container, directory and object rows (docs/catalog.md).
-- name is one path segment; path is the full name inside the container (what listings
-- page over); x_timestamp is Swift's X-Timestamp in 10-microsecond units (newest write
-- wins). Uniqueness includes type because Swift lets object "a/b" and object "a/b/c"
-- coexist: "b" is then both an object row and a directory row under "a".
CREATE TABLE IF NOT EXISTS stobj (
  id {ID},
  parent_id {BIGINT} NULL,
  account_id {BIGINT} NULL,
  container_id {BIGINT} NULL,
  name {NAME} NOT NULL,
  path {NAME} NOT NULL,
  type {STR:16} NOT NULL,
  state {STR:16} NOT NULL DEFAULT 'enabled',
  size {BIGINT} NOT NULL DEFAULT 0,
  etag {STR:64} NULL,
  content_type {STR:256} NULL,
  blob_id {STR:32} NULL,
  delete_at {BIGINT} NULL,
  x_timestamp {BIGINT} NOT NULL,
  created_at {BIGINT} NOT NULL,
  modified_at {BIGINT} NOT NULL,
  CONSTRAINT fk_stobj_parent FOREIGN KEY (parent_id) REFERENCES stobj (id) ON DELETE CASCADE
) {TABLE};
CREATE UNIQUE INDEX IF NOT EXISTS ux_stobj_parent_type_name ON stobj (parent_id, type, name);
CREATE INDEX IF NOT EXISTS ix_stobj_container_type_path ON stobj (container_id, type, path);
CREATE INDEX IF NOT EXISTS ix_stobj_blob ON stobj (blob_id);
CREATE INDEX IF NOT EXISTS ix_stobj_delete_at ON stobj (delete_at);
{INSERT_IGNORE} INTO stobj (id, parent_id, name, path, type, x_timestamp, created_at, modified_at)
  VALUES (1, NULL, '', '', 'root', 0, 0, 0);

-- Operation history: one row per write; no foreign keys, it outlives users and objects.
CREATE TABLE IF NOT EXISTS record (
  id {ID},
  user_id {BIGINT} NULL,
  account {STR:256} NOT NULL,
  action {STR:32} NOT NULL,
  path {PATH} NOT NULL,
  stobj_id {BIGINT} NULL,
  size {BIGINT} NULL,
  trans_id {STR:128} NULL,
  result {INT} NOT NULL,
  detail {TEXT} NULL,
  created_at {BIGINT} NOT NULL
) {TABLE};
CREATE INDEX IF NOT EXISTS ix_record_account_time ON record (account, created_at);
CREATE INDEX IF NOT EXISTS ix_record_account_path ON record (account, path);
CREATE INDEX IF NOT EXISTS ix_record_trans ON record (trans_id);
CREATE INDEX IF NOT EXISTS ix_record_user_time ON record (user_id, created_at);

-- Quotas and exact usage of accounts and containers; reserved_* hold admitted uploads.
CREATE TABLE IF NOT EXISTS quota (
  stobj_id {BIGINT} NOT NULL PRIMARY KEY,
  max_bytes {BIGINT} NULL,
  max_objects {BIGINT} NULL,
  used_bytes {BIGINT} NOT NULL DEFAULT 0,
  used_objects {BIGINT} NOT NULL DEFAULT 0,
  reserved_bytes {BIGINT} NOT NULL DEFAULT 0,
  reserved_objects {BIGINT} NOT NULL DEFAULT 0,
  CONSTRAINT fk_quota_stobj FOREIGN KEY (stobj_id) REFERENCES stobj (id) ON DELETE CASCADE
) {TABLE};

-- Admitted uploads whose bodies are still streaming: room held in quota.reserved_* until
-- the commit turns it into usage or the reservation expires.
CREATE TABLE IF NOT EXISTS reservation (
  id {STR:32} NOT NULL PRIMARY KEY,
  account_id {BIGINT} NOT NULL,
  container_id {BIGINT} NOT NULL,
  bytes {BIGINT} NOT NULL,
  objects {BIGINT} NOT NULL,
  expires_at {BIGINT} NOT NULL
) {TABLE};
CREATE INDEX IF NOT EXISTS ix_reservation_account_expiry ON reservation (account_id, expires_at);

-- Blobs no longer named by the rows that pointed at them (overwritten or deleted). The
-- collector deletes a blob only if no stobj row references it any more (copies share blobs).
CREATE TABLE IF NOT EXISTS garbage (
  blob_id {STR:32} NOT NULL PRIMARY KEY,
  queued_at {BIGINT} NOT NULL
) {TABLE};

-- X-*-Meta-* (kind 'user') and system metadata such as ACLs (kind 'sys').
CREATE TABLE IF NOT EXISTS metadata (
  stobj_id {BIGINT} NOT NULL,
  kind {STR:8} NOT NULL,
  name {STR:128} NOT NULL,
  value {TEXT} NOT NULL,
  PRIMARY KEY (stobj_id, kind, name),
  CONSTRAINT fk_metadata_stobj FOREIGN KEY (stobj_id) REFERENCES stobj (id) ON DELETE CASCADE
) {TABLE};

-- System settings (self-registration switch and the like).
CREATE TABLE IF NOT EXISTS webconf (
  name {STR:128} NOT NULL PRIMARY KEY,
  value {TEXT} NOT NULL,
  updated_at {BIGINT} NOT NULL
) {TABLE};

-- Auth tokens, stored only as SHA-256 hashes.
CREATE TABLE IF NOT EXISTS token (
  token_hash {STR:64} NOT NULL PRIMARY KEY,
  user_id {BIGINT} NOT NULL,
  expires_at {BIGINT} NOT NULL,
  created_at {BIGINT} NOT NULL,
  CONSTRAINT fk_token_user FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE CASCADE
) {TABLE};
CREATE INDEX IF NOT EXISTS ix_token_expires ON token (expires_at);
CREATE INDEX IF NOT EXISTS ix_token_user ON token (user_id);

-- Host inventory: one row per role server, keyed by its persistent node id.
CREATE TABLE IF NOT EXISTS host (
  id {ID},
  node_id {STR:36} NOT NULL,
  hostname {STR:255} NOT NULL,
  role {STR:16} NOT NULL,
  address {STR:64} NOT NULL,
  port {INT} NOT NULL,
  version {STR:32} NOT NULL,
  started_at {BIGINT} NOT NULL,
  last_seen {BIGINT} NOT NULL
) {TABLE};
CREATE UNIQUE INDEX IF NOT EXISTS ux_host_node ON host (node_id);

CREATE TABLE IF NOT EXISTS host_cpu (
  host_id {BIGINT} NOT NULL PRIMARY KEY,
  cores {INT} NOT NULL,
  model {STR:255} NULL,
  updated_at {BIGINT} NOT NULL,
  CONSTRAINT fk_host_cpu FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS host_mem (
  host_id {BIGINT} NOT NULL PRIMARY KEY,
  total_bytes {BIGINT} NOT NULL,
  updated_at {BIGINT} NOT NULL,
  CONSTRAINT fk_host_mem FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS host_net (
  host_id {BIGINT} NOT NULL,
  iface {STR:64} NOT NULL,
  address {STR:64} NULL,
  speed_mbps {INT} NULL,
  updated_at {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, iface),
  CONSTRAINT fk_host_net FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS host_disk (
  host_id {BIGINT} NOT NULL,
  device {STR:64} NOT NULL,
  path {STR:512} NOT NULL,
  total_bytes {BIGINT} NOT NULL,
  updated_at {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, device),
  CONSTRAINT fk_host_disk FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

-- Time series reported by every role server: (host, time in unix ms, sequence) keys a sample.
CREATE TABLE IF NOT EXISTS stat_cpu (
  host_id {BIGINT} NOT NULL,
  ts {BIGINT} NOT NULL,
  seq {INT} NOT NULL,
  user_pct {DOUBLE} NOT NULL,
  system_pct {DOUBLE} NOT NULL,
  iowait_pct {DOUBLE} NOT NULL,
  idle_pct {DOUBLE} NOT NULL,
  load1 {DOUBLE} NOT NULL,
  PRIMARY KEY (host_id, ts, seq),
  CONSTRAINT fk_stat_cpu FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS stat_mem (
  host_id {BIGINT} NOT NULL,
  ts {BIGINT} NOT NULL,
  seq {INT} NOT NULL,
  used_bytes {BIGINT} NOT NULL,
  free_bytes {BIGINT} NOT NULL,
  cached_bytes {BIGINT} NOT NULL,
  process_rss_bytes {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, ts, seq),
  CONSTRAINT fk_stat_mem FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS stat_net (
  host_id {BIGINT} NOT NULL,
  ts {BIGINT} NOT NULL,
  seq {INT} NOT NULL,
  iface {STR:64} NOT NULL,
  rx_bytes {BIGINT} NOT NULL,
  tx_bytes {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, ts, seq, iface),
  CONSTRAINT fk_stat_net FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS stat_disk (
  host_id {BIGINT} NOT NULL,
  ts {BIGINT} NOT NULL,
  seq {INT} NOT NULL,
  device {STR:64} NOT NULL,
  read_bytes {BIGINT} NOT NULL,
  write_bytes {BIGINT} NOT NULL,
  read_ops {BIGINT} NOT NULL,
  write_ops {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, ts, seq, device),
  CONSTRAINT fk_stat_disk FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

CREATE TABLE IF NOT EXISTS stat_storage (
  host_id {BIGINT} NOT NULL,
  ts {BIGINT} NOT NULL,
  seq {INT} NOT NULL,
  device {STR:64} NOT NULL,
  used_bytes {BIGINT} NOT NULL,
  free_bytes {BIGINT} NOT NULL,
  blob_count {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, ts, seq, device),
  CONSTRAINT fk_stat_storage FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};
