// Placeholder work on single cells of a loaded template: find them (with the cell's address for messages)
// and replace them, keeping rich-text runs where possible and turning a lone numeric placeholder into a number.
import type ExcelJS from 'exceljs';
import type { Placeholder, PlaceholderProblem } from '../shared/placeholders';
import { PLACEHOLDER_RE, isProblem, parsePlaceholder, scanText } from '../shared/placeholders';

export type Lookup = (p: Placeholder) => string | number;

/** The text a cell holds that may contain placeholders (plain, rich, hyperlink text, formula strings). */
export function cellSource(value: ExcelJS.CellValue): string | null {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
  if ('formula' in value && typeof value.formula === 'string') return value.formula;
  if ('hyperlink' in value && typeof value.text === 'string') return value.text;
  return null;
}

export interface CellScan {
  placeholders: Placeholder[];
  problems: PlaceholderProblem[];
}

export function scanCell(cell: ExcelJS.Cell): CellScan | null {
  const text = cellSource(cell.value);
  if (!text || (!text.includes('{') && !text.includes('}'))) return null;
  return scanText(text);
}

export function formatValue(v: string | number): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '0';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** Replaces every well-formed placeholder in `text`; `which` decides whether a placeholder is handled now. */
function replaceIn(text: string, lookup: Lookup, which: (p: Placeholder) => boolean): string {
  return text.replace(PLACEHOLDER_RE, (whole, inner: string) => {
    const p = parsePlaceholder(inner);
    if (isProblem(p)) return whole;
    return which(p) ? formatValue(lookup(p)) : whole;
  });
}

function isPercentFormat(cell: ExcelJS.Cell): boolean {
  return typeof cell.numFmt === 'string' && cell.numFmt.replace(/"[^"]*"/g, '').includes('%');
}

/**
 * Fills the placeholders `which` selects in one cell. A cell whose whole content is one placeholder whose
 * value is a number becomes a number (so SUM totals compute); in a cell formatted as a percentage the value
 * (0..100, as indicators give it) is divided by 100.
 */
export function fillCell(cell: ExcelJS.Cell, lookup: Lookup, which: (p: Placeholder) => boolean): void {
  const v = cell.value;
  const src = cellSource(v);
  if (!src || !src.includes('{{')) return;
  const lone = /^\s*\{\{([^{}]*)\}\}\s*$/.exec(src);
  const isFormula = !!v && typeof v === 'object' && 'formula' in v;
  if (lone && !isFormula) {
    const p = parsePlaceholder(lone[1]);
    if (!isProblem(p) && which(p)) {
      const out = lookup(p);
      cell.value =
        typeof out === 'number' ? (isPercentFormat(cell) ? Math.round(out * 1e4) / 1e6 : out) : out;
      return;
    }
  }
  if (typeof v === 'string') {
    cell.value = replaceIn(v, lookup, which);
  } else if (v && typeof v === 'object' && 'richText' in v) {
    // Keep each run's font when every placeholder sits inside one run; otherwise fall back to plain text.
    const runsHold = v.richText.every((r) => !/\{\{|\}\}/.test(r.text.replace(PLACEHOLDER_RE, '')));
    cell.value = runsHold
      ? { richText: v.richText.map((r) => ({ ...r, text: replaceIn(r.text, lookup, which) })) }
      : replaceIn(src, lookup, which);
  } else if (v && typeof v === 'object' && 'formula' in v) {
    // Only inside string literals: "…" with quotes doubled.
    const formula = String(v.formula ?? '').replace(
      /"((?:[^"]|"")*)"/g,
      (_w, body: string) => `"${replaceIn(body.replace(/""/g, '"'), lookup, which).replace(/"/g, '""')}"`,
    );
    cell.value = { ...v, formula };
  } else if (v && typeof v === 'object' && 'hyperlink' in v) {
    cell.value = { ...v, text: replaceIn(v.text, lookup, which) };
  }
}

/** Removes whatever placeholder syntax is left (broken delimiters, skipped names): no "{{" may reach the office. */
export function stripLeftovers(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  const src = cellSource(v);
  if (!src || !/\{\{|\}\}/.test(src)) return false;
  const clean = (t: string) => t.replace(PLACEHOLDER_RE, '').replace(/\{\{|\}\}/g, '');
  if (typeof v === 'string') cell.value = clean(v);
  else if (v && typeof v === 'object' && 'richText' in v)
    cell.value = { richText: v.richText.map((r) => ({ ...r, text: clean(r.text) })) };
  else if (v && typeof v === 'object' && 'formula' in v)
    cell.value = { ...v, formula: String(v.formula ?? '').replace(/\{\{|\}\}/g, '') };
  else if (v && typeof v === 'object' && 'hyperlink' in v) cell.value = { ...v, text: clean(v.text) };
  return true;
}

/** Header and footer texts of a sheet, which may hold placeholders too. */
export const HEADER_FOOTER_KEYS = [
  'oddHeader',
  'oddFooter',
  'evenHeader',
  'evenFooter',
  'firstHeader',
  'firstFooter',
] as const;

export function fillHeaderFooter(ws: ExcelJS.Worksheet, lookup: Lookup): void {
  const hf = ws.headerFooter as unknown as Record<string, unknown> | undefined;
  if (!hf) return;
  for (const k of HEADER_FOOTER_KEYS) {
    const t = hf[k];
    if (typeof t === 'string' && t.includes('{{')) {
      hf[k] = replaceIn(t, lookup, () => true).replace(/\{\{|\}\}/g, '');
    }
  }
}
