import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  bareAccount,
  bareUser,
  createUser,
  deleteUser,
  listUsers,
  updateUser,
  type AdminUser,
  type NewUser,
} from '../../api/admin';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog';
import { FeedbackLines, useFeedback } from './Feedback';
import { ResetKeyDialog } from './ResetKeyDialog';
import { NewUserForm } from './NewUserForm';

/** "test:tester" as the console shows it: the account without its AUTH_ prefix. */
function nameOf(u: AdminUser): string {
  return `${bareAccount(u.account)}:${bareUser(u.user)}`;
}

export function Users() {
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [filter, setFilter] = useState('');
  const [busyUser, setBusyUser] = useState('');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const feedback = useFeedback();
  const { succeed, fail } = feedback;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setUsers(await listUsers());
    } catch (e) {
      fail(e);
    } finally {
      setLoading(false);
    }
  }, [fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => {
    const wanted = bareAccount(filter.trim()).toLowerCase();
    const all = users ?? [];
    return wanted ? all.filter((u) => bareAccount(u.account).toLowerCase().includes(wanted)) : all;
  }, [users, filter]);

  const act = async (u: AdminUser, work: () => Promise<void>, done: string) => {
    setBusyUser(u.user);
    try {
      await work();
      succeed(done);
      await load();
    } catch (e) {
      fail(e);
    } finally {
      setBusyUser('');
    }
  };

  const setEnabled = (u: AdminUser, enabled: boolean) =>
    act(
      u,
      () => updateUser(u.account, bareUser(u.user), { enabled }),
      enabled ? `${nameOf(u)} can sign in again` : `${nameOf(u)} is disabled and can no longer sign in`,
    );

  const askDelete = (u: AdminUser) => {
    const account = bareAccount(u.account);
    const last = (users ?? []).filter((other) => other.account === u.account).length <= 1;
    setConfirm({
      title: `Delete ${nameOf(u)}?`,
      message: last
        ? `${nameOf(u)} is the last user of the account ${account}: deleting it also deletes the account with all its containers and files. This cannot be undone.`
        : `${nameOf(u)} will no longer be able to sign in. The account ${account} and its files stay. This cannot be undone.`,
      confirmLabel: last ? 'Delete user and account' : 'Delete user',
      onConfirm: () =>
        void act(
          u,
          () => deleteUser(u.account, bareUser(u.user)),
          last ? `Deleted ${nameOf(u)} and the account ${account}` : `Deleted ${nameOf(u)}`,
        ),
    });
  };

  const create = async (input: NewUser): Promise<boolean> => {
    try {
      await createUser(input);
      succeed(`Created ${input.account}:${input.user}`);
      await load();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const resetKey = async (key: string) => {
    const u = resetting;
    if (!u) return;
    await updateUser(u.account, bareUser(u.user), { key });
    setResetting(null);
    succeed(`The key of ${nameOf(u)} was changed`);
  };

  return (
    <section class="admin-section" data-testid="admin-users" aria-label="Users">
      <FeedbackLines feedback={feedback} />
      <NewUserForm onCreate={create} onInvalid={fail} />
      <div class="admin-toolbar">
        <label class="admin-field">
          <span class="label">Filter by account</span>
          <input
            type="search"
            data-testid="admin-users-filter"
            placeholder="Account name"
            autoComplete="off"
            spellcheck={false}
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </label>
        <span class="muted admin-count" role="status">
          {loading ? 'Loading…' : users && `${shown.length} of ${users.length} users`}
        </span>
        <button type="button" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </div>
      {users && (
        <div class="admin-card">
          <table class="admin-table" aria-busy={loading}>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Account</th>
                <th scope="col">Email</th>
                <th scope="col">Type</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => {
                const enabled = u.state === 'enabled';
                const busy = busyUser === u.user;
                return (
                  <tr key={u.user} data-testid="admin-user" data-user={nameOf(u)}>
                    <td class="admin-primary" data-label="User">
                      {bareUser(u.user)}
                    </td>
                    <td data-label="Account">{bareAccount(u.account)}</td>
                    <td data-label="Email" class="admin-wrap">
                      {u.email || <span class="muted">—</span>}
                    </td>
                    <td data-label="Type">{u.type}</td>
                    <td data-label="State">
                      <span class={enabled ? 'admin-badge ok' : 'admin-badge off'}>{u.state}</span>
                    </td>
                    <td class="admin-actions">
                      {enabled ? (
                        <button
                          type="button"
                          class="small"
                          data-testid="admin-user-disable"
                          disabled={busy}
                          aria-label={`Disable ${nameOf(u)}`}
                          onClick={() => void setEnabled(u, false)}
                        >
                          Disable
                        </button>
                      ) : (
                        <button
                          type="button"
                          class="small"
                          data-testid="admin-user-enable"
                          disabled={busy}
                          aria-label={`Enable ${nameOf(u)}`}
                          onClick={() => void setEnabled(u, true)}
                        >
                          Enable
                        </button>
                      )}
                      <button
                        type="button"
                        class="small"
                        data-testid="admin-user-reset"
                        disabled={busy}
                        aria-label={`Reset the key of ${nameOf(u)}`}
                        onClick={() => setResetting(u)}
                      >
                        Reset key
                      </button>
                      <button
                        type="button"
                        class="small danger-outline"
                        data-testid="admin-user-delete"
                        disabled={busy}
                        aria-label={`Delete ${nameOf(u)}`}
                        onClick={() => askDelete(u)}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length === 0 && (
            <p class="empty">{filter.trim() ? 'No user in an account matching this filter' : 'No users'}</p>
          )}
        </div>
      )}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
      {resetting && (
        <ResetKeyDialog user={nameOf(resetting)} onSubmit={resetKey} onClose={() => setResetting(null)} />
      )}
    </section>
  );
}
