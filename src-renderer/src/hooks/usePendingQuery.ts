// Loads one of the announced Word/Excel channels with loading / error state and refresh (see api/pending.ts).
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../src-main/shared/result';
import { callPending } from '../api/pending';
import type { PArgs, PendingName, PResult } from '../api/pending';

export function usePendingQuery<C extends PendingName>(name: C, args: PArgs<C>) {
  const key = `${name} ${JSON.stringify(args)}`;
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; tick: number; data?: PResult<C>; error?: AppError }>({
    key: '',
    tick: -1,
  });
  useEffect(() => {
    let live = true;
    void callPending(name, JSON.parse(key.slice(name.length + 1)) as PArgs<C>).then((r) => {
      if (live) setState({ key, tick, data: r.ok ? r.data : undefined, error: r.ok ? undefined : r.error });
    });
    return () => {
      live = false;
    };
  }, [name, key, tick]);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const same = state.key === key;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    loading: !same || state.tick !== tick,
    refresh,
  };
}
