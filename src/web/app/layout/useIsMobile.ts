import { useSyncExternalStore } from 'react';

/** Below 768 px the sider becomes a drawer (antd's `md` breakpoint). */
const QUERY = '(max-width: 767.98px)';

function subscribe(callback: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', callback);
  return () => list.removeEventListener('change', callback);
}

export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}
