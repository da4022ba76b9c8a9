// A ledger table's toolbar state (quick search, group, unit, phase → date range, status) and the query it asks of
// main: the search, the filtering and the sorting themselves run there ('ledgers:query', services/ledger-query.ts).
import type { LedgerFilter } from '../../../src-main/shared/contract/core';

/** The toolbar's filters besides the quick search (whose text is kept apart: typing re-renders the box alone). */
export interface LedgerFilters {
  group?: string;
  unit?: string;
  /** Name of the phase whose dates fill the range (shown in the picker). */
  phase?: string;
  from?: string;
  to?: string;
  status?: string;
}

export const EMPTY_FILTERS: LedgerFilters = {};

/** The filters as the query takes them: only those set (the phase only named the dates). */
export function queryFilter(f: LedgerFilters): LedgerFilter | undefined {
  const out: LedgerFilter = {};
  if (f.group) out.group = f.group;
  if (f.unit) out.unit = f.unit;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.status) out.status = f.status;
  return Object.keys(out).length ? out : undefined;
}
