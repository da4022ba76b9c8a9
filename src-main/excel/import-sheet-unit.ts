// The 填报单位 line above a return's table ("填报单位（盖章）：东湖镇纪委      填报时间：2026年10月31日"): the unit
// the sheet speaks for. A return without a unit column takes its rows' unit from it; a return imported as one
// unit's whose line names another is refused before any row is read.
import type { Settings } from '../shared/settings';
import { normValue } from './columns';

const LINE = /填报单位[^：:]{0,8}[：:]\s*([^\s\u3000：:，,；;]+)/;

/** The unit the line above the header names, as written, and its id when the unit list has it. */
export function sheetUnitOf(
  rows: readonly { number: number; values: readonly unknown[] }[],
  headerRow: number,
  settings: Settings,
): { row: number; written: string; id?: string } | undefined {
  for (const r of rows) {
    if (r.number >= headerRow) break;
    for (const v of r.values) {
      if (typeof v !== 'string') continue;
      const m = LINE.exec(v);
      if (!m) continue;
      const written = m[1];
      const id = settings.units.find((u) => normValue(u.name) === normValue(written))?.id;
      return { row: r.number, written, ...(id ? { id } : {}) };
    }
  }
  return undefined;
}
