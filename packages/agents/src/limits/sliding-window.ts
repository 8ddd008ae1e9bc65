/** One admitted request in the window. */
export interface WindowEntry {
  time: number;
  tokens: number;
  live: boolean;
}

/**
 * The last `windowMs` of admitted requests and their (reserved, later settled) tokens: what Bedrock's
 * per-minute quotas count.
 *
 * @example
 * ```ts
 * const window = new SlidingWindow(60_000);
 * const entry = window.add(Date.now(), 1200);
 * window.settle(entry, 850);
 * ```
 */
export class SlidingWindow {
  private readonly entries: WindowEntry[] = [];
  private head = 0;
  private tokenSum = 0;

  constructor(readonly windowMs: number) {}

  get count(): number {
    return this.entries.length - this.head;
  }

  get tokens(): number {
    return this.tokenSum;
  }

  add(time: number, tokens: number): WindowEntry {
    const entry: WindowEntry = { time, tokens, live: true };
    this.entries.push(entry);
    this.tokenSum += tokens;
    return entry;
  }

  /** Replaces an entry's reserved tokens with the real count (if it is still inside the window). */
  settle(entry: WindowEntry, tokens: number): void {
    const actual = Math.max(0, tokens);
    if (entry.live) this.tokenSum += actual - entry.tokens;
    entry.tokens = actual;
  }

  /** Drops entries older than the window. */
  prune(now: number): void {
    while (
      this.head < this.entries.length &&
      (this.entries[this.head] as WindowEntry).time <= now - this.windowMs
    ) {
      const entry = this.entries[this.head] as WindowEntry;
      this.tokenSum -= entry.tokens;
      entry.live = false;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Milliseconds until the oldest entry leaves the window (at least 1). */
  untilOldestExpires(now: number): number {
    const oldest = this.entries[this.head];
    return oldest ? Math.max(1, oldest.time + this.windowMs - now) : 1;
  }
}
