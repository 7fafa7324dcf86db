import { useEffect, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { SELF_REGISTRATION, getSettings, setSetting } from '../../api/admin';
import { ApiError } from '../../api/errors';
import { FeedbackLines, useFeedback } from './Feedback';

export function Settings() {
  const [selfRegistration, setSelfRegistration] = useState<boolean | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const feedback = useFeedback();
  const { fail, succeed } = feedback;

  useEffect(() => {
    getSettings().then(
      (settings) => {
        const on = settings[SELF_REGISTRATION] === 'true';
        setSelfRegistration(on);
        setSaved(on);
      },
      (e) => {
        if (e instanceof ApiError && e.status === 404) {
          fail(new Error('This cluster has no site settings yet: its proxy is older than this console'));
        } else {
          fail(e);
        }
      },
    );
  }, [fail]);

  const save = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || selfRegistration === null) return;
    setBusy(true);
    try {
      await setSetting(SELF_REGISTRATION, selfRegistration ? 'true' : 'false');
      setSaved(selfRegistration);
      succeed(
        selfRegistration
          ? 'Saved: the sign-in page now offers to create an account'
          : 'Saved: only admins can create accounts now',
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-section" data-testid="admin-settings" aria-label="Settings">
      <FeedbackLines feedback={feedback} />
      <form class="admin-card admin-pad admin-settings" onSubmit={save} noValidate>
        <label class="admin-check">
          <input
            type="checkbox"
            data-testid="admin-self-registration"
            checked={selfRegistration ?? false}
            disabled={selfRegistration === null}
            onChange={(e) => setSelfRegistration(e.currentTarget.checked)}
          />
          <span>
            Allow people to create their own account
            <span class="hint">
              The sign-in page then offers “Create an account”: anyone who can reach the console gets a new account
              of their own, as its owner.
            </span>
          </span>
        </label>
        <div>
          <button
            type="submit"
            class="primary"
            data-testid="admin-settings-save"
            disabled={busy || selfRegistration === null}
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
          {saved !== null && selfRegistration !== saved && <span class="hint admin-unsaved"> Not saved yet</span>}
        </div>
      </form>
    </section>
  );
}
