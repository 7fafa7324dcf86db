/** "12 s ago", "5 min ago", "3 h ago", "2 days ago"; a time in the future (clock skew) reads "just now". */
export function ago(ms: number, now: number): string {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 2) return 'just now';
  if (seconds < 90) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
