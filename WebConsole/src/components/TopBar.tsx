import type { Usage } from '../api/swift';
import { formatBytes, formatCount } from '../format';

interface Props {
  account: string;
  usage: Usage | null;
  onLogOut: () => void;
}

function usageText(usage: Usage): string {
  return usage.quotaBytes !== null
    ? `Used ${formatBytes(usage.bytes)} of ${formatBytes(usage.quotaBytes)}`
    : `${formatBytes(usage.bytes)} used`;
}

export function TopBar({ account, usage, onLogOut }: Props) {
  const share = usage && usage.quotaBytes ? Math.min(1, usage.bytes / usage.quotaBytes) : null;
  return (
    <header class="topbar">
      <span class="brand">
        CloudFs <span>console</span>
      </span>
      <span class="account" title="Account">
        <span data-testid="account-name">{account}</span>
      </span>
      {usage && (
        <span
          class="usage"
          title={`${formatCount(usage.containers)} containers, ${formatCount(usage.objects)} objects`}
        >
          <span data-testid="usage">{usageText(usage)}</span>
          {share !== null && (
            <span class={share >= 0.9 ? 'meter full' : 'meter'} aria-hidden="true">
              <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
            </span>
          )}
        </span>
      )}
      <button type="button" class="ghost" data-testid="logout" onClick={onLogOut}>
        Log out
      </button>
    </header>
  );
}
