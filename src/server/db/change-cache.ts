import type { ChangeFeed } from './changes';

export interface ChangeCacheOptions {
  /** How long an entry is trusted at most; 0 turns the cache off. */
  ttlMs: number;
  /** The oldest entries go first beyond this many. */
  maxEntries: number;
}

/**
 * Values read from the database, kept in memory until a change to their tables commits in any copy
 * (the feed's `topic`), their time is up, or the feed stops being live (then nothing is trusted).
 *
 * A value read while a change commits may be the old one: take `version` before reading and give it
 * to `put`, which then keeps the value only if no change was heard in between.
 */
export class ChangeCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private changes = 0;

  constructor(
    private readonly feed: ChangeFeed,
    topic: string,
    private readonly options: ChangeCacheOptions,
  ) {
    feed.on(topic, () => this.forgetAll());
  }

  get version() {
    return this.changes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now() && this.feed.live) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  put(key: string, value: V, version: number) {
    if (!this.options.ttlMs || version !== this.changes || !this.feed.live) return;
    this.entries.delete(key);
    this.entries.set(key, { value, until: Date.now() + this.options.ttlMs });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size() {
    return this.entries.size;
  }

  private forgetAll() {
    this.changes++;
    this.entries.clear();
  }
}
