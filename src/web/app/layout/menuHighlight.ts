import { useEffect, useSyncExternalStore } from 'react';

/**
 * The menu entry a page belongs to when its path says otherwise: a pool customer's view
 * (/customers/7) was opened from 客户池. The page names it while it shows; the side menu reads it.
 */
let override: string | undefined;
const listeners = new Set<() => void>();

function set(path: string | undefined) {
  override = path;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Highlight `path` in the side menu while the calling page shows (undefined: its own path decides). */
export function useMenuHighlight(path: string | undefined) {
  useEffect(() => {
    if (!path) return undefined;
    set(path);
    return () => {
      if (override === path) set(undefined);
    };
  }, [path]);
}

/** The entry a page asked for, if any. */
export function useMenuHighlightOverride(): string | undefined {
  return useSyncExternalStore(subscribe, () => override);
}
