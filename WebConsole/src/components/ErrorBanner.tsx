import { Icon } from './Icon';

export interface Problem {
  message: string;
  /** The server's transaction id, for an operator to find the request in the logs. */
  reference?: string;
}

interface Props {
  problem: Problem;
  onDismiss: () => void;
}

export function ErrorBanner({ problem, onDismiss }: Props) {
  return (
    <div class="banner">
      <p
        data-testid="error-banner"
        role="alert"
        title={problem.reference ? `Transaction ${problem.reference}` : undefined}
      >
        {problem.message}
      </p>
      <button type="button" class="icon-button" data-testid="error-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
