// One page of a ledger table from main ('ledgers:query'). While the next page, sort or search is on its way the
// rows shown stay (with `loading`), so the table never blanks; only the newest query's answer is taken.
import { useCallback, useEffect, useState } from 'react';
import type { LedgerQueryArgs, LedgerQueryResult } from '../../../src-main/shared/contract/core';
import type { AppError, Result } from '../../../src-main/shared/result';
import { call } from '../api/client';
import { useReloadAfterSignIn } from './useReloadAfterSignIn';

interface State {
  key: string | null;
  tick: number;
  data?: LedgerQueryResult;
  /** The query `data` answers (the row count and the empty text follow it, not the toolbar's newer state). */
  answered?: LedgerQueryArgs;
  error?: AppError;
}

export interface LedgerQueryState {
  data: LedgerQueryResult | undefined;
  answered: LedgerQueryArgs | undefined;
  /** The newest query's failure (the rows of the last good answer stay). */
  error: AppError | undefined;
  /** True until the newest query (or a refresh) is answered. */
  loading: boolean;
  /** Asks again (after a save or a delete): main's indexes already follow the write. */
  refresh: () => void;
}

/**
 * The first page of a ledger screen, asked for while the screen first renders rather than after it commits: the
 * request then travels while React builds the toolbar and the empty table (most of a first opening's time).
 */
const early = new Map<string, { at: number; answer: Promise<Result<LedgerQueryResult>> }>();
/** An early answer older than this (a render that never committed) is not used: the page asks again. */
const EARLY_MS = 3000;

function askEarly(key: string) {
  const now = performance.now();
  for (const [k, e] of early) if (now - e.at > EARLY_MS) early.delete(k);
  if (!early.has(key))
    early.set(key, { at: now, answer: call('ledgers:query', JSON.parse(key) as LedgerQueryArgs) });
}

function takeEarly(key: string): Promise<Result<LedgerQueryResult>> | undefined {
  const e = early.get(key);
  early.delete(key);
  return e && performance.now() - e.at <= EARLY_MS ? e.answer : undefined;
}

export function useLedgerQuery(args: LedgerQueryArgs): LedgerQueryState {
  const key = JSON.stringify(args);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<State>(() => {
    askEarly(key);
    return { key: null, tick: -1 };
  });

  useEffect(() => {
    let live = true;
    const asked = JSON.parse(key) as LedgerQueryArgs;
    const answer = (tick === 0 ? takeEarly(key) : undefined) ?? call('ledgers:query', asked);
    void answer.then((r) => {
      if (!live) return;
      setState((old) =>
        r.ok
          ? { key, tick, data: r.data, answered: asked }
          : { key, tick, data: old.data, answered: old.answered, error: r.error },
      );
    });
    return () => {
      live = false;
    };
  }, [key, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  useReloadAfterSignIn(state.key === key && state.error?.code === 'unauthenticated', refresh);

  return {
    data: state.data,
    answered: state.answered,
    error: state.key === key ? state.error : undefined,
    loading: state.key !== key || state.tick !== tick,
    refresh,
  };
}
