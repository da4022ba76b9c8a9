// Lines of a sheet that hold no record though they sit among or under its rows: the 合计/小计 rows clerks add (with
// SUM formulas, as WPS saves them), the 填报人/审核人 line under the table, a 注：note. An import skips them and says
// so once in the preview ("第25行是合计行，已跳过"); reading them as records made every such sheet fail with
// messages about the total (学时不能大于24) that the clerk could not act on.
import { halfWidth } from './cell-value';

export type LineKind = 'total' | 'signature' | 'note';

/** What the preview says about each kind, after the row numbers. */
export const LINE_KIND_TEXT: Record<LineKind, string> = {
  total: '是合计行',
  signature: '是填报人、审核人等落款',
  note: '是表格下方的说明文字',
};

const TOTAL = /^(合计|小计|总计|共计|累计|总合计|全区合计|全县合计|全市合计)[:：]?$/;
const SIGNATURE =
  /^(填报人|填表人|审核人|审核|制表人|统计人|负责人|单位负责人|主要负责人|分管领导|联系人|联系电话|填报日期|填表日期|填报时间|审核日期|报送日期)\s*[:：\s]/;
const NOTE = /^(注|备注|说明|填表说明)\s*[:：]/;

/**
 * The first characters of the words above. Every data row's first text is looked at: a record's (a date, a unit, a
 * title) fails this test without its text being copied and normalized.
 */
const LEADS = new Set('合小总共累全填审制统负单主分联报注备说');

/** The first character that is not a space (ASCII or full-width). */
function leadingChar(text: string): string {
  for (const c of text) if (c.trim()) return c;
  return '';
}

/**
 * The kind of a line, from its first text cell and how many cells it fills; null for a line that may be a record.
 * A signature or note line fills few cells: a record whose first text happens to start with 联系人： is still read.
 */
export function lineKind(firstText: string | undefined, filled: number): LineKind | null {
  if (!firstText || !LEADS.has(leadingChar(firstText))) return null;
  const t = halfWidth(firstText).trim();
  if (TOTAL.test(t.replace(/\s+/g, ''))) return 'total';
  if (filled <= 6 && SIGNATURE.test(`${t} `)) return 'signature';
  if (filled <= 2 && NOTE.test(t)) return 'note';
  return null;
}

/** The first text of a row given as values by column (index 0 unused), and how many cells it fills. */
export function lineOfValues(values: readonly unknown[]): { firstText?: string; filled: number } {
  let firstText: string | undefined;
  let filled = 0;
  for (let c = 1; c < values.length; c++) {
    const v = values[c];
    if (v === undefined || v === null || v === '') continue;
    filled++;
    if (firstText === undefined && typeof v === 'string' && v.trim()) firstText = v;
  }
  return { firstText, filled };
}

/** Rows skipped as lines, by kind, for the preview's one sentence per kind. */
export class SkippedLines {
  private readonly rows: Record<LineKind, number[]> = { total: [], signature: [], note: [] };

  add(kind: LineKind, row: number): void {
    this.rows[kind].push(row);
  }

  get count(): number {
    return this.rows.total.length + this.rows.signature.length + this.rows.note.length;
  }

  /** "第25、40行是合计行，已跳过。" per kind; beyond ten rows, the first ten and the count. */
  sentences(): string[] {
    const out: string[] = [];
    for (const kind of ['total', 'signature', 'note'] as const) {
      const rows = this.rows[kind];
      if (!rows.length) continue;
      const shown = rows.slice(0, 10).join('、');
      const more = rows.length > 10 ? `等${rows.length}行` : '行';
      out.push(`第${shown}${more}${LINE_KIND_TEXT[kind]}，已跳过，不作为记录导入。`);
    }
    return out;
  }
}
