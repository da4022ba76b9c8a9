// 线索处置统计表's matrix: clue sources × dispositions, built with the same date rules as the catalog's clue
// indicators, so each column's total equals the catalog number (受理/处置/办结/立案) for the same period.
// Rows and columns go by today's labels: a record saved under an option's former name lands in its row.
import { choiceMeaningsOf } from '../shared/choice-meanings';
import { DEFAULT_CHOICE_LISTS } from '../shared/choices';
import { inRange } from '../shared/dates';
import type { DateRange } from '../shared/dates';
import type { LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import { SANCTIONED } from './indicators/clues';
import { isDone, str } from './util';

export interface ClueMatrixRow {
  source: string;
  received: number;
  byDisposition: Record<string, number>;
  closed: number;
  filed: number;
  sanctioned: number;
}

/** Without settings: the default sources and labels as stored (as if nothing was ever renamed). */
export function clueMatrix(
  clues: LedgerRecord[],
  range: DateRange,
  settings: Pick<Settings, 'choiceLists' | 'choiceMeanings'> = { choiceLists: DEFAULT_CHOICE_LISTS },
) {
  const choices = choiceMeaningsOf(settings);
  const rows = new Map<string, ClueMatrixRow>();
  const row = (source: string) => {
    let r = rows.get(source);
    if (!r) {
      r = { source, received: 0, byDisposition: {}, closed: 0, filed: 0, sanctioned: 0 };
      rows.set(source, r);
    }
    return r;
  };
  for (const s of settings.choiceLists.clueSource ?? DEFAULT_CHOICE_LISTS.clueSource) row(s);
  const other = choices.labelOf('clueSource', '其他');
  for (const c of clues) {
    const source = str(c.source);
    const r = row(source ? choices.current('clueSource', source) : other);
    if (inRange(c.date, range)) r.received++;
    const disposition = str(c.disposition);
    if (disposition && inRange(str(c.dispositionDate), range)) {
      const d = choices.current('clueDisposition', disposition);
      r.byDisposition[d] = (r.byDisposition[d] ?? 0) + 1;
    }
    if (isDone('clues', c, choices) && inRange(str(c.closedDate), range)) r.closed++;
    if (c.caseFiled === true && inRange(str(c.dispositionDate) ?? c.date, range)) r.filed++;
    if (
      choices.isAny('clueOutcome', c.outcome, SANCTIONED) &&
      inRange(str(c.closedDate) ?? str(c.dispositionDate), range)
    )
      r.sanctioned++;
  }
  return { rows: [...rows.values()] };
}
