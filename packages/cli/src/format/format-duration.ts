/**
 * A duration in seconds as a short human countdown: `11h 59m`, `6d 4h`, `42s`, `expired 3m ago`.
 *
 * @example
 * ```ts
 * formatDuration(43_140); // "11h 59m"
 * formatDuration(-180);   // "expired 3m ago"
 * ```
 */
export function formatDuration(seconds: number): string {
  if (seconds < 0) return `expired ${formatDuration(-seconds)} ago`;
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  if (minutes > 0) return `${minutes}m ${s % 60}s`;
  return `${s}s`;
}
