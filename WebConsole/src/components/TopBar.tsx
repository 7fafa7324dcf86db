import type { Usage } from '../api/swift';
import { formatBytes, formatCount } from '../format';
import { hashOf, viewHash, type View } from '../route';

interface Props {
  account: string;
  usage: Usage | null;
  view: View;
  /** Shows the Admin link; false until the admin check has answered. */
  admin: boolean;
  onLogOut: () => void;
}

function usageText(usage: Usage): string {
  return usage.quotaBytes !== null
    ? `Used ${formatBytes(usage.bytes)} of ${formatBytes(usage.quotaBytes)}`
    : `${formatBytes(usage.bytes)} used`;
}

interface NavItem {
  view: View;
  label: string;
  href: string;
}

const NAV: NavItem[] = [
  { view: 'files', label: 'Files', href: hashOf({ container: '', prefix: '' }) },
  { view: 'search', label: 'Search', href: viewHash('search') },
  { view: 'records', label: 'Records', href: viewHash('records') },
  { view: 'account', label: 'Account', href: viewHash('account') },
];

const ADMIN: NavItem = { view: 'admin', label: 'Admin', href: viewHash('admin') };

export function TopBar({ account, usage, view, admin, onLogOut }: Props) {
  const share = usage && usage.quotaBytes ? Math.min(1, usage.bytes / usage.quotaBytes) : null;
  const items = admin ? [...NAV, ADMIN] : NAV;
  return (
    <header class="topbar">
      <span class="brand">
        CloudFs <span>console</span>
      </span>
      <nav class="main-nav" aria-label="Main">
        <ul>
          {items.map((item) => (
            <li key={item.view}>
              <a
                href={item.href}
                data-testid={`nav-${item.view}`}
                aria-current={item.view === view ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
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
