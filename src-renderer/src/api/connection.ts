// What the page knows about its line to the local service, for the banner and the stale-address page:
// 'lost' when a call could not reach the service or a screen's code could not be loaded (the service stopped or
// restarted), 'stale' when web mode's service answered that the page's access token is not its own (it was
// restarted and printed a new address). A later successful call clears 'lost'; 'stale' stays until a new address.
import { useSyncExternalStore } from 'react';

export interface ConnectionState {
  /** The service did not answer (or a code chunk did not load); `chunk` when it was code, which needs a reload. */
  lost: null | 'service' | 'chunk';
  /** Web mode: the service no longer accepts this page's token. */
  stale: boolean;
}

let state: ConnectionState = { lost: null, stale: false };
const listeners = new Set<() => void>();

function set(next: Partial<ConnectionState>) {
  const merged = { ...state, ...next };
  if (merged.lost === state.lost && merged.stale === state.stale) return;
  state = merged;
  for (const fn of [...listeners]) fn();
}

export function connectionLost(why: 'service' | 'chunk'): void {
  // A chunk that failed stays failed until the page reloads: a later successful call does not clear it.
  set({ lost: state.lost === 'chunk' ? 'chunk' : why });
}

export function connectionOk(): void {
  if (state.lost === 'service') set({ lost: null });
}

export function tokenStale(): void {
  set({ stale: true });
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

export function useConnection(): ConnectionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** For tests of the page: the state as it is now. */
export function connectionState(): ConnectionState {
  return state;
}

/** The error a failed dynamic import raises, in each engine's words (the message is never shown to anyone). */
export function isChunkLoadError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|ChunkLoadError|Loading chunk \S+ failed/i.test(
    text,
  );
}
