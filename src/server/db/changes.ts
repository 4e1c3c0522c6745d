/**
 * Change notifications across server copies. A table whose rows a process keeps in memory gets a
 * trigger that calls `notify_change('<topic>')` (migration 0012); PostgreSQL delivers the
 * notification at commit to every connection that listens on CHANGES_CHANNEL, in every copy.
 *
 * Every connection of ours listens, the pool's included: PostgreSQL hands a session its own
 * notification before the COMMIT's answer, so a change this process commits has reached its
 * handlers before the code that made it goes on. A dedicated connection keeps listening while the
 * pool is idle; while it is down, `live` is false and a cache must not trust what it holds.
 */
export const CHANGES_CHANNEL = 'crm_changes';

export interface ChangeFeed {
  /** False while a change in another copy could go unheard. */
  readonly live: boolean;
  /** Call `handler` after every committed change to `topic`, and whenever `live` changes. */
  on(topic: string, handler: () => void): () => void;
}

export class Changes implements ChangeFeed {
  private readonly handlers = new Map<string, Set<() => void>>();
  private isLive: boolean;

  constructor(live: boolean) {
    this.isLive = live;
  }

  get live() {
    return this.isLive;
  }

  on(topic: string, handler: () => void) {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => void set.delete(handler);
  }

  /** A notification's payload is its topic. */
  notified(topic: string) {
    for (const handler of this.handlers.get(topic) ?? []) handler();
  }

  /** Losing (or regaining) the listening connection may have hidden changes of every topic. */
  setLive(live: boolean) {
    if (live === this.isLive) return;
    this.isLive = live;
    for (const set of this.handlers.values()) for (const handler of set) handler();
  }
}
