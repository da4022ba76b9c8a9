// Loads a contract channel's data with loading / error state and refresh; keeps data while refreshing. A load refused
// for want of a session loads again by itself once the user has signed in again (lock screen).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, Channel, ResultOf } from '../../../src-main/shared/contract';
import type { AppError } from '../../../src-main/shared/result';
import { call } from '../api/client';
import { peekEarly, takeEarly } from '../api/early';
import { useReloadAfterSignIn } from './useReloadAfterSignIn';

interface State<T> {
  key: string | null;
  tick: number;
  data?: T;
  error?: AppError;
}

export interface ChannelQuery<T> {
  data: T | undefined;
  error: AppError | undefined;
  /** True while the first load or a refresh is under way. */
  loading: boolean;
  refresh: () => void;
  /** Replaces the data locally (after a save), without a round trip. */
  setData: (update: (old: T | undefined) => T | undefined) => void;
}

/** Pass `null` as args to skip loading (e.g. until a period is chosen). */
export function useChannel<C extends Channel>(channel: C, args: ArgsOf<C> | null): ChannelQuery<ResultOf<C>> {
  const key = args === null ? null : `${channel} ${JSON.stringify(args)}`;
  const [tick, setTick] = useState(0);
  // An answer boot.ts already has (api/early.ts) is the first state: the screen draws once, with its data.
  const [state, setState] = useState<State<ResultOf<C>>>(() => {
    const data = args === null ? undefined : peekEarly(channel, args);
    return data === undefined ? { key: null, tick: -1 } : { key, tick: 0, data };
  });
  const startedWithEarly = useRef(state.key !== null);

  useEffect(() => {
    if (key === null) return;
    const parsed = JSON.parse(key.slice(channel.length + 1)) as ArgsOf<C>;
    const pending = takeEarly(channel, parsed);
    if (startedWithEarly.current) {
      startedWithEarly.current = false;
      return;
    }
    let live = true;
    void (pending ?? call(channel, parsed)).then((r) => {
      if (!live) return;
      setState((old) => ({
        key,
        tick,
        data: r.ok ? r.data : old.key === key ? old.data : undefined,
        error: r.ok ? undefined : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [channel, key, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  useReloadAfterSignIn(state.key === key && state.error?.code === 'unauthenticated', refresh);
  const setData = useCallback(
    (update: (old: ResultOf<C> | undefined) => ResultOf<C> | undefined) =>
      setState((old) => ({ ...old, data: update(old.data) })),
    [],
  );
  const same = state.key === key;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    loading: key !== null && (!same || state.tick !== tick),
    refresh,
    setData,
  };
}
