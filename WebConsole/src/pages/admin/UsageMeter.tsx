interface Props {
  label: string;
  used: number;
  quota: number | null;
  format: (n: number) => string;
}

/** "Used 2 GB of 5 GB" with a bar, or just the use when there is no quota. */
export function UsageMeter({ label, used, quota, format }: Props) {
  const share = quota ? Math.min(1, used / quota) : quota === 0 ? 1 : null;
  const text = quota !== null ? `${format(used)} of ${format(quota)}` : `${format(used)}, no quota`;
  return (
    <div class="admin-usage">
      <span class="label">{label}</span>
      <span>{text}</span>
      {share !== null && (
        <span
          class={share >= 0.9 ? 'admin-meter full' : 'admin-meter'}
          role="meter"
          aria-label={`${label} used`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          aria-valuetext={`${Math.round(share * 100)}% of the quota`}
        >
          <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
        </span>
      )}
    </div>
  );
}
