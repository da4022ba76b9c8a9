// Placeholder work on single cells of a loaded template: find them (with the cell's address for messages)
// and replace them, keeping rich-text runs where possible and turning a lone numeric placeholder into a number.
// Placeholders typed full-width (｛｛指标名｜累计｝｝) are first rewritten to their half-width form, run by run.
import type ExcelJS from 'exceljs';
import type { Placeholder, PlaceholderProblem } from '../shared/placeholders';
import {
  DOUBLE_BRACE_RE,
  PLACEHOLDER_RE,
  canonicalPieces,
  canonicalText,
  editPieces,
  hasBraces,
  hasDoubleBrace,
  isProblem,
  parsePlaceholder,
  scanText,
} from '../shared/placeholders';

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
  if (!text || !hasBraces(text)) return null;
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

/**
 * replaceIn over text kept in rich-text runs: a placeholder cut across runs has its value written in the run it
 * starts in and its other characters taken out of the runs they were in, so each run keeps its own font.
 */
function replaceInRuns(runs: string[], lookup: Lookup, which: (p: Placeholder) => boolean): string[] {
  const text = runs.join('');
  const edits = text.split('');
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const p = parsePlaceholder(m[1]);
    if (isProblem(p) || !which(p)) continue;
    edits.fill('', m.index, m.index + m[0].length);
    edits[m.index] = formatValue(lookup(p));
  }
  return editPieces(runs, edits);
}

/** Rich-text runs with new texts; runs left empty are dropped (a cell left with none holds ''). */
function withTexts(runs: ExcelJS.RichText[], texts: string[]): ExcelJS.CellValue {
  const kept = runs.map((r, i) => ({ ...r, text: texts[i] })).filter((r) => r.text !== '');
  return kept.length ? { richText: kept } : '';
}

/** Each "…" string literal of a formula ("" inside for a quote) rewritten by f. */
function mapStringLiterals(formula: string, f: (text: string) => string): string {
  return formula.replace(
    /"((?:[^"]|"")*)"/g,
    (_w, body: string) => `"${f(body.replace(/""/g, '"')).replace(/"/g, '""')}"`,
  );
}

/**
 * Rewrites, in place, every placeholder of a cell to its canonical half-width form "{{key}}" (full-width braces,
 * bar and dot, spaces at the edges: see canonicalEdits). Rich text keeps its runs, each with its own font.
 */
export function canonicalizeCell(cell: ExcelJS.Cell): void {
  const v = cell.value;
  if (typeof v === 'string') {
    const text = canonicalText(v);
    if (text !== v) cell.value = text;
  } else if (v && typeof v === 'object' && 'richText' in v) {
    const next = canonicalPieces(v.richText.map((r) => r.text));
    if (next) cell.value = { richText: v.richText.map((r, i) => ({ ...r, text: next[i] })) };
  } else if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
    const formula = mapStringLiterals(v.formula, canonicalText);
    if (formula !== v.formula) cell.value = { ...v, formula };
  } else if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.text === 'string') {
    const text = canonicalText(v.text);
    if (text !== v.text) cell.value = { ...v, text };
  }
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
  if (!hasBraces(cellSource(cell.value) ?? '')) return;
  canonicalizeCell(cell);
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
    cell.value = withTexts(
      v.richText,
      replaceInRuns(
        v.richText.map((r) => r.text),
        lookup,
        which,
      ),
    );
  } else if (v && typeof v === 'object' && 'formula' in v) {
    // Only inside string literals: "…" with quotes doubled.
    const formula = mapStringLiterals(String(v.formula ?? ''), (t) => replaceIn(t, lookup, which));
    cell.value = { ...v, formula };
  } else if (v && typeof v === 'object' && 'hyperlink' in v) {
    cell.value = { ...v, text: replaceIn(v.text, lookup, which) };
  }
}

/**
 * Removes whatever placeholder syntax is left (broken delimiters, skipped names): no "{{" — nor "｛｛", "}}", "｝｝"
 * or a mix — may reach the office.
 */
export function stripLeftovers(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  const src = cellSource(v);
  if (!src || !hasDoubleBrace(src)) return false;
  const clean = (t: string) => t.replace(PLACEHOLDER_RE, '').replace(DOUBLE_BRACE_RE, '');
  if (typeof v === 'string') cell.value = clean(v);
  else if (v && typeof v === 'object' && 'richText' in v) {
    // On the cell's whole text, so a pair cut between two runs goes too.
    const edits = src.split('');
    for (const m of src.matchAll(PLACEHOLDER_RE)) edits.fill('', m.index, m.index + m[0].length);
    const masked = edits.map((e) => (e === '' ? ' ' : e)).join('');
    for (const m of masked.matchAll(DOUBLE_BRACE_RE)) edits.fill('', m.index, m.index + m[0].length);
    cell.value = withTexts(
      v.richText,
      editPieces(
        v.richText.map((r) => r.text),
        edits,
      ),
    );
  } else if (v && typeof v === 'object' && 'formula' in v)
    cell.value = { ...v, formula: String(v.formula ?? '').replace(DOUBLE_BRACE_RE, '') };
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
    if (typeof t === 'string' && hasBraces(t)) {
      hf[k] = replaceIn(canonicalText(t), lookup, () => true).replace(DOUBLE_BRACE_RE, '');
    }
  }
}
