// Calls started before React mounts (boot.ts), handed to the first component that asks for the same channel and
// arguments. An answer already in becomes that component's first state, so the first screen draws once, with its
// data, instead of a spinner and three round trips one after another. Each early answer is used once, and only by
// the app's first render: what it did not take is dropped then (endEarlyCalls), so a screen opened later (the
// dashboard after the setup wizard loaded the demo data) never shows numbers from before.
import type { ArgsOf, Channel, ResultOf } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';
import { call } from './client';

interface EarlyCall {
  promise: Promise<Result<unknown>>;
  settled?: Result<unknown>;
}

const early = new Map<string, EarlyCall>();
/** Set by endEarlyCalls: a call boot.ts starts after the first render (a slow service) is an ordinary call. */
let ended = false;

const keyOf = (channel: string, args: unknown) => `${channel} ${JSON.stringify(args)}`;

/** Drops every early answer not taken: called once the app's first render has taken what it needed. */
export function endEarlyCalls(): void {
  ended = true;
  early.clear();
}

/** Starts a call whose answer the first component asking for it will take. */
export function callEarly<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  if (ended) return call(channel, args);
  const e: EarlyCall = { promise: call(channel, args) };
  void e.promise.then((r) => {
    e.settled = r;
  });
  early.set(keyOf(channel, args), e);
  return e.promise;
}

/**
 * Hands on a successful answer obtained some other way as the early answer to `channel` with `args`: the dashboard's
 * statistics, asked for as the app opens (stats:dashboardOpening) before the period's dates were known, become the
 * answer to stats:dashboard for those dates. Ignored once the first render is over.
 */
export function adoptEarly<C extends Channel>(channel: C, args: ArgsOf<C>, data: ResultOf<C>): void {
  if (ended) return;
  const settled: Result<unknown> = { ok: true, data };
  early.set(keyOf(channel, args), { promise: Promise.resolve(settled), settled });
}

/** The data of an early call that has already succeeded (not consumed: `takeEarly` does that). */
export function peekEarly<C extends Channel>(channel: C, args: ArgsOf<C>): ResultOf<C> | undefined {
  const settled = early.get(keyOf(channel, args))?.settled;
  return settled?.ok ? settled.data : undefined;
}

/**
 * The early call for the same channel and arguments, still running or answered successfully, and forgets it; undefined
 * if there is none. A refusal already in is not handed on (asked before sign-in, say): the caller asks again.
 */
export function takeEarly<C extends Channel>(
  channel: C,
  args: ArgsOf<C>,
): Promise<Result<ResultOf<C>>> | undefined {
  const key = keyOf(channel, args);
  const e = early.get(key);
  early.delete(key);
  if (!e || (e.settled && !e.settled.ok)) return undefined;
  return e.promise;
}
