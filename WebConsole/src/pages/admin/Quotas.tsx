import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  MAX_LISTED_CONTAINERS,
  accountUsage,
  bareAccount,
  listAccountContainers,
  listUsers,
  setAccountQuota,
  type AccountUsage,
  type ContainerUsage,
  type Quota,
} from '../../api/admin';
import { SessionExpiredError, messageOf } from '../../api/errors';
import { formatBytes, formatCount } from '../../format';
import { FeedbackLines, useFeedback } from './Feedback';
import { QuotaFields } from './QuotaFields';
import { UsageMeter } from './UsageMeter';
import { ContainerQuotaRow } from './ContainerQuotaRow';

/** Each container row asks for its own quota: show them a page at a time. */
const ROWS_PER_STEP = 50;

export function Quotas() {
  const [accounts, setAccounts] = useState<string[] | null>(null);
  const [account, setAccount] = useState('');
  const [usage, setUsage] = useState<AccountUsage | null>(null);
  const [containers, setContainers] = useState<ContainerUsage[] | null>(null);
  const [containersProblem, setContainersProblem] = useState('');
  const [shown, setShown] = useState(ROWS_PER_STEP);
  const [version, setVersion] = useState(0);
  const feedback = useFeedback();
  const { fail, succeed } = feedback;

  useEffect(() => {
    listUsers().then((users) => {
      const names = [...new Set(users.map((u) => u.account))].sort((a, b) =>
        bareAccount(a).localeCompare(bareAccount(b)),
      );
      setAccounts(names);
      setAccount((current) => current || names[0] || '');
    }, fail);
  }, [fail]);

  // The account on screen now: an answer for one picked before it must not land on its form
  // (it remounted the fields, and a quota typed meanwhile was lost and saved as none).
  const shownAccount = useRef(account);
  shownAccount.current = account;

  const loadUsage = useCallback(async () => {
    if (!account) return;
    try {
      const loaded = await accountUsage(account);
      if (shownAccount.current !== account) return;
      setUsage(loaded);
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  }, [account, fail]);

  useEffect(() => {
    if (!account) return;
    let live = true;
    setUsage(null);
    setContainers(null);
    setContainersProblem('');
    setShown(ROWS_PER_STEP);
    void loadUsage();
    listAccountContainers(account).then(
      (list) => live && setContainers(list),
      (e) => {
        if (!live || e instanceof SessionExpiredError) return;
        setContainersProblem(`Could not list the containers: ${messageOf(e)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [account, loadUsage, fail]);

  const saveAccount = async (quota: Quota) => {
    try {
      await setAccountQuota(account, quota);
      succeed(`Saved the quota of the account ${bareAccount(account)}`);
      await loadUsage();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section class="admin-section" data-testid="admin-quotas" aria-label="Quotas">
      <FeedbackLines feedback={feedback} />
      <div class="admin-toolbar">
        <label class="admin-field">
          <span class="label">Account</span>
          <select
            data-testid="admin-quota-account"
            value={account}
            disabled={!accounts}
            onChange={(e) => {
              feedback.clear();
              setAccount(e.currentTarget.value);
            }}
          >
            {!accounts && <option value="">Loading…</option>}
            {accounts?.map((a) => (
              <option key={a} value={a}>
                {bareAccount(a)}
              </option>
            ))}
          </select>
        </label>
      </div>

      {account && (
        <div class="admin-card admin-pad">
          <h2 class="admin-subtitle">Account {bareAccount(account)}</h2>
          {usage ? (
            <>
              <div class="admin-usage-grid">
                <UsageMeter label="Size" used={usage.bytes} quota={usage.quotaBytes} format={formatBytes} />
                <UsageMeter
                  label="Objects"
                  used={usage.count}
                  quota={usage.quotaCount}
                  format={(n) => formatCount(n)}
                />
                <div class="admin-usage">
                  <span class="label">Containers</span>
                  <span>{formatCount(usage.containers)}</span>
                </div>
              </div>
              <QuotaFields
                key={`${account}/${version}`}
                subject={`Account ${bareAccount(account)}`}
                quota={{ bytes: usage.quotaBytes, count: usage.quotaCount }}
                ids={{ bytes: 'admin-quota-bytes', count: 'admin-quota-count', save: 'admin-quota-save' }}
                onSave={saveAccount}
                onInvalid={fail}
              />
              <p class="hint">Leave a field empty for no quota. Sizes take units: 500 MB, 2 GB, 1 TiB.</p>
            </>
          ) : (
            <p class="muted">Loading…</p>
          )}
        </div>
      )}

      {account && (
        <div class="admin-card">
          <h2 class="admin-subtitle admin-pad">Containers</h2>
          {containersProblem ? (
            <p class="empty admin-problem">{containersProblem}</p>
          ) : !containers ? (
            <p class="empty">Loading…</p>
          ) : containers.length === 0 ? (
            <p class="empty">This account has no containers</p>
          ) : (
            <>
              <table class="admin-table">
                <thead>
                  <tr>
                    <th scope="col">Container</th>
                    <th scope="col">Used</th>
                    <th scope="col">Quota (size, objects)</th>
                  </tr>
                </thead>
                <tbody>
                  {containers.slice(0, shown).map((c) => (
                    <ContainerQuotaRow key={`${account}/${c.name}`} account={account} container={c} feedback={feedback} />
                  ))}
                </tbody>
              </table>
              {shown < containers.length && (
                <p class="pager">
                  <button type="button" onClick={() => setShown((n) => n + ROWS_PER_STEP)}>
                    Show more containers ({formatCount(containers.length - shown)} left)
                  </button>
                </p>
              )}
              {containers.length >= MAX_LISTED_CONTAINERS && (
                <p class="hint admin-pad">Only the first {formatCount(MAX_LISTED_CONTAINERS)} containers are listed.</p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
