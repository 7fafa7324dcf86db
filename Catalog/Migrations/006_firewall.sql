-- CloudFs catalog, version 6: the rows the resource firewall disabled, one line each, so an
-- admin can list them without scanning stobj (whose state column stays the rule reads obey).
-- FirewallService keeps both in the same transaction; a deleted row leaves by the cascade.
CREATE TABLE IF NOT EXISTS firewall (
  stobj_id {BIGINT} NOT NULL PRIMARY KEY,
  account_id {BIGINT} NOT NULL,
  disabled_at {BIGINT} NOT NULL,
  CONSTRAINT fk_firewall_stobj FOREIGN KEY (stobj_id) REFERENCES stobj (id) ON DELETE CASCADE
) {TABLE};
CREATE INDEX IF NOT EXISTS ix_firewall_account ON firewall (account_id);

-- What earlier versions disabled.
{INSERT_IGNORE} INTO firewall (stobj_id, account_id, disabled_at)
SELECT id, COALESCE(account_id, id), modified_at FROM stobj WHERE state = 'disabled';
