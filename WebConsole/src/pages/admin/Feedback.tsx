import { useCallback, useMemo, useState } from 'preact/hooks';
import { SessionExpiredError, messageOf } from '../../api/errors';
import { Icon } from '../../components/Icon';

export interface Feedback {
  done: string;
  error: string;
  succeed: (message: string) => void;
  /** Takes an error from the API layer, or words from the page's own checks. */
  fail: (error: unknown) => void;
  clear: () => void;
}

/** The last outcome of an action on an admin section: one success line or one error, never both. */
export function useFeedback(): Feedback {
  const [state, setState] = useState({ done: '', error: '' });
  const succeed = useCallback((message: string) => setState({ done: message, error: '' }), []);
  const fail = useCallback((error: unknown) => {
    // The app has already gone back to the sign-in page, which says why.
    if (error instanceof SessionExpiredError) return;
    setState({ done: '', error: typeof error === 'string' ? error : messageOf(error) });
  }, []);
  const clear = useCallback(() => setState({ done: '', error: '' }), []);
  return useMemo(() => ({ ...state, succeed, fail, clear }), [state, succeed, fail, clear]);
}

export function FeedbackLines({ feedback }: { feedback: Feedback }) {
  return (
    <>
      {feedback.error && (
        <div class="banner">
          <p data-testid="admin-error" role="alert">
            {feedback.error}
          </p>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={feedback.clear}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {feedback.done && (
        <p class="success" data-testid="admin-done" role="status">
          {feedback.done}
        </p>
      )}
    </>
  );
}
