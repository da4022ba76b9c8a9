// Cell references and their shifting when template rows are repeated: exceljs's spliceRows does not move
// merges or formulas, so the template filler moves rows itself and rewrites every reference with this module.

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A row expansion: row `at` of `sheet` becomes `by + 1` rows (copies 0..by), everything below moves down
 * by `by`. `copy` is set while rewriting a formula that sits in copy number `copy` of row `at`.
 */
export interface RowShift {
  sheet: string;
  at: number;
  by: number;
  copy?: number;
}

function shiftRow(
  row: number,
  abs: boolean,
  s: RowShift,
  inRange: 'single' | 'start' | 'end',
  spansBlock: boolean,
): number {
  if (row > s.at) return row + s.by;
  if (row < s.at) return row;
  // The template row itself.
  if (inRange === 'end' && spansBlock) return row + s.by; // a range over the block grows with it (SUM total)
  if (s.copy && !abs && !spansBlock) return row + s.copy; // inside copy k, "this row" means row at+k
  return row;
}

const REF_PART = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d+)`;
const SHEET = String.raw`(?:('(?:[^']|'')+'|[^\s'!(),;:=+\-*/&^<>{}"$]+)!)?`;
const REF_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$\u00c0-\uffff])` +
    SHEET +
    String.raw`(?:${REF_PART}(?::${REF_PART})?|(\$?)(\d+):(\$?)(\d+))(?![A-Za-z0-9_(\u00c0-\uffff])`,
  'g',
);

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** Rewrites the references of a range or cell without a sheet name ("A5", "A5:C7", "5:7"). */
export function shiftRef(ref: string, s: RowShift): string {
  return shiftInText(ref, s.sheet, s);
}

function shiftInText(text: string, ownSheet: string, s: RowShift): string {
  return text.replace(REF_RE, (whole, sheet: string | undefined, ...g: string[]) => {
    const target = sheet ? unquote(sheet) : ownSheet;
    if (target.toLowerCase() !== s.sheet.toLowerCase()) return whole;
    const prefix = sheet ? `${sheet}!` : '';
    const [a1, c1, a2, r1, b1, c2, b2, r2, w1, wr1, w2, wr2] = g;
    if (c1) {
      if (!c2) return `${prefix}${a1}${c1}${a2}${shiftRow(Number(r1), !!a2, s, 'single', false)}`;
      const top = Number(r1);
      const bottom = Number(r2);
      const spans = top <= s.at && bottom >= s.at && !(top === bottom && s.copy !== undefined);
      return `${prefix}${a1}${c1}${a2}${shiftRow(top, !!a2, s, 'start', spans)}:${b1}${c2}${b2}${shiftRow(bottom, !!b2, s, 'end', spans)}`;
    }
    const top = Number(wr1);
    const bottom = Number(wr2);
    const spans = top <= s.at && bottom >= s.at && !(top === bottom && s.copy !== undefined);
    return `${prefix}${w1}${shiftRow(top, !!w1, s, 'start', spans)}:${w2}${shiftRow(bottom, !!w2, s, 'end', spans)}`;
  });
}

/** Rewrites the row references of a formula held on `ownSheet`, leaving string literals alone. */
export function shiftFormula(formula: string, ownSheet: string, s: RowShift): string {
  // Split on string literals ("…", with "" as an escaped quote): only the parts outside them hold references.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : shiftInText(part, ownSheet, s)))
    .join('');
}

/** "A1:C3" → its bounds. */
export function decodeRange(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const left = colNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? colNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

export function encodeRange(r: { top: number; left: number; bottom: number; right: number }): string {
  const a = `${colLetter(r.left)}${r.top}`;
  const b = `${colLetter(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}
