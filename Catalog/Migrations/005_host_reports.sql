-- CloudFs catalog, version 5: host reports.
-- How often the host reports (a host is silent after missing a few reports) and the
-- sequence number of its last report.
ALTER TABLE host {ADD_COLUMN} interval_seconds {INT} NOT NULL DEFAULT 0;
ALTER TABLE host {ADD_COLUMN} last_seq {INT} NOT NULL DEFAULT 0;

-- The alerts a host raised in its last report; since = when each was first reported.
CREATE TABLE IF NOT EXISTS host_alert (
  host_id {BIGINT} NOT NULL,
  kind {STR:32} NOT NULL,
  subject {STR:255} NOT NULL,
  detail {STR:512} NOT NULL,
  since {BIGINT} NOT NULL,
  PRIMARY KEY (host_id, kind, subject),
  CONSTRAINT fk_host_alert FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) {TABLE};

-- Retention finds old samples by time across all hosts.
CREATE INDEX IF NOT EXISTS ix_stat_cpu_ts ON stat_cpu (ts);
CREATE INDEX IF NOT EXISTS ix_stat_mem_ts ON stat_mem (ts);
CREATE INDEX IF NOT EXISTS ix_stat_net_ts ON stat_net (ts);
CREATE INDEX IF NOT EXISTS ix_stat_disk_ts ON stat_disk (ts);
CREATE INDEX IF NOT EXISTS ix_stat_storage_ts ON stat_storage (ts);
