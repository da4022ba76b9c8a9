// Hash routing (#/ledger/meetings): works from file-like app:// URLs and web mode alike, no server routes.
import { useCallback, useSyncExternalStore } from 'react';

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

function current(): string {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : `/${h}`;
}

/** The current path after '#', e.g. '/ledger/meetings', and a navigate function. */
export function useHashRoute(): [string, (path: string) => void] {
  const path = useSyncExternalStore(subscribe, current, () => '/');
  const go = useCallback((to: string) => {
    window.location.hash = to;
  }, []);
  return [decodeURIComponent(path.split('?')[0]), go];
}
