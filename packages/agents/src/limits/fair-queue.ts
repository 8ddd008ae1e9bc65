/**
 * Waiting items grouped by owner and served round-robin: each owner's items stay in FIFO order, and owners take
 * turns, so one busy owner cannot starve the others.
 *
 * @example
 * ```ts
 * const queue = new FairQueue<string>();
 * queue.push("a", "a1"); queue.push("a", "a2"); queue.push("b", "b1");
 * queue.peek()?.item; // "a1", then after shift(): "b1", then "a2"
 * ```
 */
export class FairQueue<T> {
  private readonly queues = new Map<string, T[]>();
  private readonly ring: string[] = [];
  private cursor = 0;
  private total = 0;

  get size(): number {
    return this.total;
  }

  push(owner: string, item: T): void {
    let queue = this.queues.get(owner);
    if (!queue) {
      queue = [];
      this.queues.set(owner, queue);
      this.ring.push(owner);
    }
    queue.push(item);
    this.total++;
  }

  /** The item whose turn it is, without removing it. */
  peek(): { owner: string; item: T } | undefined {
    if (this.ring.length === 0) return undefined;
    if (this.cursor >= this.ring.length) this.cursor = 0;
    const owner = this.ring[this.cursor] as string;
    return { owner, item: (this.queues.get(owner) as T[])[0] as T };
  }

  /** Removes the item whose turn it is and passes the turn to the next owner. */
  shift(): T | undefined {
    const next = this.peek();
    if (!next) return undefined;
    this.removeAt(next.owner, 0);
    return next.item;
  }

  /** Removes a specific item (e.g. one that was aborted); false when it is not queued. */
  remove(owner: string, item: T): boolean {
    const index = this.queues.get(owner)?.indexOf(item) ?? -1;
    if (index < 0) return false;
    this.removeAt(owner, index);
    return true;
  }

  /** Every queued item (for deadline scans). */
  *items(): IterableIterator<T> {
    for (const queue of this.queues.values()) yield* queue;
  }

  private removeAt(owner: string, index: number): void {
    const queue = this.queues.get(owner) as T[];
    const position = this.ring.indexOf(owner);
    queue.splice(index, 1);
    this.total--;
    if (queue.length === 0) {
      this.queues.delete(owner);
      this.ring.splice(position, 1);
      if (position < this.cursor) this.cursor--;
    } else if (index === 0 && position === this.cursor) {
      this.cursor = position + 1;
    }
  }
}
