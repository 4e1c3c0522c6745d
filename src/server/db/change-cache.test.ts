import { describe, expect, it, vi } from 'vitest';
import { ChangeCache } from './change-cache';
import { Changes } from './changes';

const make = (opts: { ttlMs?: number; maxEntries?: number } = {}) => {
  const feed = new Changes(true);
  const cache = new ChangeCache<string>(feed, 'actors', { ttlMs: opts.ttlMs ?? 60_000, maxEntries: opts.maxEntries ?? 100 });
  return { feed, cache };
};

describe('ChangeCache', () => {
  it('keeps a value until its topic changes; other topics leave it', () => {
    const { feed, cache } = make();
    cache.put('a', 'A', cache.version);
    feed.notified('customers');
    expect(cache.get('a')).toBe('A');
    feed.notified('actors');
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops a value read while a change committed', () => {
    const { feed, cache } = make();
    const version = cache.version;
    feed.notified('actors'); // the change lands between the read and the put
    cache.put('a', 'old', version);
    expect(cache.get('a')).toBeUndefined();
    cache.put('a', 'new', cache.version);
    expect(cache.get('a')).toBe('new');
  });

  it('trusts nothing while the feed is not live, and forgets what it held', () => {
    const { feed, cache } = make();
    cache.put('a', 'A', cache.version);
    feed.setLive(false);
    expect(cache.get('a')).toBeUndefined();
    cache.put('b', 'B', cache.version);
    expect(cache.get('b')).toBeUndefined();
    feed.setLive(true);
    expect(cache.get('a')).toBeUndefined();
    cache.put('c', 'C', cache.version);
    expect(cache.get('c')).toBe('C');
  });

  it('lets a value go when its time is up, and keeps nothing with a time of 0', () => {
    vi.useFakeTimers();
    try {
      const { cache } = make({ ttlMs: 20_000 });
      cache.put('a', 'A', cache.version);
      vi.advanceTimersByTime(19_999);
      expect(cache.get('a')).toBe('A');
      vi.advanceTimersByTime(1);
      expect(cache.get('a')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    const off = make({ ttlMs: 0 }).cache;
    off.put('a', 'A', off.version);
    expect(off.get('a')).toBeUndefined();
  });

  it('holds at most maxEntries, the oldest put going first', () => {
    const { cache } = make({ maxEntries: 2 });
    cache.put('a', 'A', cache.version);
    cache.put('b', 'B', cache.version);
    cache.put('a', 'A2', cache.version); // a put again is the newest
    cache.put('c', 'C', cache.version);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A2', undefined, 'C']);
  });
});
