// Filtering a ledger's rows on the client: quick search, group, unit, date range and status, in one pass.
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';

export interface LedgerFilters {
  q: string;
  group?: string;
  unit?: string;
  /** Name of the phase whose dates fill the range (shown in the picker). */
  phase?: string;
  from?: string;
  to?: string;
  status?: string;
}

export const EMPTY_FILTERS: LedgerFilters = { q: '' };

export function hasFilters(f: LedgerFilters): boolean {
  return !!(f.q.trim() || f.group || f.unit || f.from || f.to || f.status);
}

/** `texts[i]` is the pre-lowered search text of `rows[i]`. */
export function filterRows(
  rows: LedgerRecord[],
  texts: string[],
  f: LedgerFilters,
  statusField?: string,
): LedgerRecord[] {
  const terms = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length && !f.group && !f.unit && !f.from && !f.to && !f.status) return rows;
  const out: LedgerRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (f.group && r.group !== f.group) continue;
    if (f.unit && r.unit !== f.unit) continue;
    if (f.from && r.date < f.from) continue;
    if (f.to && r.date > f.to) continue;
    if (f.status && statusField) {
      const v = r[statusField];
      if (Array.isArray(v) ? !v.includes(f.status) : v !== f.status) continue;
    }
    if (terms.length) {
      const t = texts[i];
      let all = true;
      for (const term of terms) if (!t.includes(term)) all = false;
      if (!all) continue;
    }
    out.push(r);
  }
  return out;
}
