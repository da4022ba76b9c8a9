// 线索处置统计表's matrix: clue sources × dispositions, built with the same date rules as the catalog's clue
// indicators, so each column's total equals the catalog number (受理/处置/办结/立案) for the same period.
import { DEFAULT_CHOICE_LISTS } from '../shared/choices';
import { inRange } from '../shared/dates';
import type { DateRange } from '../shared/dates';
import type { LedgerRecord } from '../shared/ledgers/types';
import { str } from './util';

export interface ClueMatrixRow {
  source: string;
  received: number;
  byDisposition: Record<string, number>;
  closed: number;
  filed: number;
  sanctioned: number;
}

const SANCTIONED = ['党纪处分', '政务处分'];

export function clueMatrix(
  clues: LedgerRecord[],
  range: DateRange,
  sources = DEFAULT_CHOICE_LISTS.clueSource,
) {
  const rows = new Map<string, ClueMatrixRow>();
  const row = (source: string) => {
    let r = rows.get(source);
    if (!r) {
      r = { source, received: 0, byDisposition: {}, closed: 0, filed: 0, sanctioned: 0 };
      rows.set(source, r);
    }
    return r;
  };
  for (const s of sources) row(s);
  for (const c of clues) {
    const r = row(str(c.source) ?? '其他');
    if (inRange(c.date, range)) r.received++;
    const disposition = str(c.disposition);
    if (disposition && inRange(str(c.dispositionDate), range)) {
      r.byDisposition[disposition] = (r.byDisposition[disposition] ?? 0) + 1;
    }
    if (c.status === '已办结' && inRange(str(c.closedDate), range)) r.closed++;
    if (c.caseFiled === true && inRange(str(c.dispositionDate) ?? c.date, range)) r.filed++;
    if (SANCTIONED.includes(String(c.outcome)) && inRange(str(c.closedDate) ?? str(c.dispositionDate), range))
      r.sanctioned++;
  }
  return { rows: [...rows.values()] };
}
