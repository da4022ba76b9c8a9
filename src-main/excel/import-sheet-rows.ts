// The rows of one worksheet, read straight from its XML as it streams: each row's number and its cells' values,
// nothing else. exceljs's worksheet reader turned every row into ~25 KB of short-lived objects (an XML event,
// node and attribute object per tag, Row, Cell and Value objects), and whatever of that was alive when V8
// collected its young generation was promoted, dead, to the old one: at 100,000 rows, hundreds of MB that only
// a full collection frees, most of an import's peak memory. Values come out as exceljs's reader gives them with
// styles ignored (cell-value.ts normalizes them as before).

/** One row as the import reads it. */
export interface SheetRow {
  readonly number: number;
  /** The value of the cell in column `col` (1-based); undefined when the cell is empty or absent. */
  cell(col: number): unknown;
  /** Every value by column number (index 0 unused), as exceljs's `row.values`. */
  readonly values: unknown[];
  /** The first cell holding text (a 合计 or 填报人 line is told by it), and how many cells hold a value. */
  firstText(): string | undefined;
  readonly filled: number;
}

const SLASH = 0x2f;
const GT = 0x3e;

class Row implements SheetRow {
  constructor(
    readonly number: number,
    private readonly cols: number[],
    private readonly vals: unknown[],
  ) {}

  cell(col: number): unknown {
    const cols = this.cols;
    for (let i = 0; i < cols.length; i++) if (cols[i] === col) return this.vals[i];
    return undefined;
  }

  firstText(): string | undefined {
    for (const v of this.vals) if (typeof v === 'string' && v.trim()) return v;
    return undefined;
  }

  get filled(): number {
    return this.cols.length;
  }

  get values(): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < this.cols.length; i++) out[this.cols[i]] = this.vals[i];
    return out;
  }
}

/** True when `c` ends a tag name: whitespace, '>' or '/'. */
function endsName(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === GT || c === SLASH;
}

/**
 * Index of the next `<name` tag (not `<names…`) in text[from, to), or -1. Walks from tag to tag, so a search
 * inside one cell stops at the cell's end instead of running through the rest of the piece.
 */
function findTag(text: string, name: string, from: number, to: number): number {
  for (let i = text.indexOf('<', from); i >= 0 && i < to; i = text.indexOf('<', i + 1)) {
    if (text.startsWith(name, i + 1) && endsName(text.charCodeAt(i + 1 + name.length))) return i;
  }
  return -1;
}

/** Index of the next `<row` tag from `from` (rows follow one another, so the search is short), or -1. */
function findRow(text: string, from: number): number {
  for (let i = text.indexOf('<row', from); i >= 0; i = text.indexOf('<row', i + 1)) {
    if (endsName(text.charCodeAt(i + 4))) return i;
  }
  return -1;
}

/** The value of attribute `name` in the start tag text[from, to), or undefined. */
function attr(text: string, from: number, to: number, name: string): string | undefined {
  let p = from + 1;
  while (p < to && !endsName(text.charCodeAt(p))) p++; // the tag name
  while (p < to) {
    const eq = text.indexOf('=', p);
    if (eq < 0 || eq >= to) return undefined;
    const key = text.slice(p, eq).trim();
    const quote = text[eq + 1];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = text.indexOf(quote, eq + 2);
    if (end < 0 || end >= to) return undefined;
    if (key === name) return text.slice(eq + 2, end);
    p = end + 1;
  }
  return undefined;
}

/** Column number of a cell reference ("AB12" → 28); 0 when it has no letters. */
function refCol(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col;
}

const ENTITY = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser gives it: line ends normalized, entities and character references replaced. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('\r') < 0) return s;
  const t = s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
  return t.replace(ENTITY, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Content of the element whose start tag begins at `at` (inside [at, to)); '' for an empty one; null if cut off. */
function content(text: string, at: number, to: number, name: string): string | null {
  const gt = text.indexOf('>', at);
  if (gt < 0 || gt >= to) return null;
  if (text.charCodeAt(gt - 1) === SLASH) return '';
  const end = text.indexOf(`</${name}>`, gt);
  return end < 0 || end > to ? null : text.slice(gt + 1, end);
}

/** The text of an inline string (`<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
function inlineText(text: string, from: number, to: number): string {
  let out = '';
  let p = from;
  for (;;) {
    const t = findTag(text, 't', p, to);
    if (t < 0) return out;
    const ph = findTag(text, 'rPh', p, t);
    if (ph >= 0) {
      const phEnd = text.indexOf('</rPh>', ph);
      if (phEnd < 0 || phEnd >= to) return out;
      p = phEnd + 6;
      continue;
    }
    const run = content(text, t, to, 't');
    if (run === null) return out;
    out += run;
    p = text.indexOf('>', t) + 1;
  }
}

/**
 * A cell's value from its content text[from, to) and type `t`, as exceljs's streaming reader gives it: a formula
 * as { formula, result }, a shared string from the workbook's table, an error as { error }, booleans, numbers
 * (dates as serials, since styles are not read). Better than exceljs in two ways: every run of a rich inline
 * string is kept (exceljs keeps the last), and entities are decoded once (exceljs decodes "&amp;lt;" to "<").
 */
function cellValue(
  text: string,
  from: number,
  to: number,
  t: string | undefined,
  shared: readonly unknown[] | undefined,
): unknown {
  const fAt = findTag(text, 'f', from, to);
  const vAt = findTag(text, 'v', from, to);
  const v = vAt < 0 ? null : content(text, vAt, to, 'v');
  if (fAt >= 0) {
    const formula = xmlText(content(text, fAt, to, 'f') ?? '');
    if (v === null) return { formula };
    return { formula, result: t === 'str' ? xmlText(v) : parseFloat(v) };
  }
  if (t === 'inlineStr') {
    const isAt = findTag(text, 'is', from, to);
    if (isAt < 0) return v === null ? undefined : xmlText(v);
    const end = text.indexOf('</is>', isAt);
    return xmlText(inlineText(text, isAt, end < 0 || end > to ? to : end));
  }
  if (v === null) return undefined;
  switch (t) {
    case 's':
      return shared?.[parseInt(v, 10)];
    case 'str':
      return xmlText(v);
    case 'e':
      return { error: xmlText(v) };
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'd':
      return xmlText(v); // an ISO date as text: the import reads dates written as text
    default:
      return parseFloat(v);
  }
}

/** The cells of the row whose content is text[from, to). */
function parseRow(
  text: string,
  number: number,
  from: number,
  to: number,
  shared: readonly unknown[] | undefined,
): Row {
  const cols: number[] = [];
  const vals: unknown[] = [];
  let lastCol = 0;
  let p = from;
  for (;;) {
    const at = findTag(text, 'c', p, to);
    if (at < 0) break;
    const gt = text.indexOf('>', at);
    if (gt < 0 || gt >= to) break;
    const ref = attr(text, at, gt, 'r');
    const col = (ref && refCol(ref)) || lastCol + 1;
    lastCol = col;
    if (text.charCodeAt(gt - 1) === SLASH) {
      p = gt + 1;
      continue;
    }
    const end = text.indexOf('</c>', gt);
    if (end < 0 || end > to) break;
    const value = cellValue(text, gt + 1, end, attr(text, at, gt, 't'), shared);
    if (value !== undefined && value !== null) {
      cols.push(col);
      vals.push(value);
    }
    p = end + 4;
  }
  return new Row(number, cols, vals);
}

/**
 * The rows of a worksheet whose XML arrives as `text` (pieces of any length, cut anywhere), in order, blank rows
 * included as exceljs gives them. `shared` gives the workbook's shared strings when the first row is read (the
 * workbook reader parses them before any sheet).
 */
export async function* sheetRows(
  text: AsyncIterable<string>,
  shared: () => readonly unknown[] | undefined,
): AsyncGenerator<SheetRow> {
  const strings = shared();
  let carry = '';
  let last = 0;
  for await (const piece of text) {
    const s = carry ? carry + piece : piece;
    let at = 0;
    for (;;) {
      const open = findRow(s, at);
      if (open < 0) {
        // Keep a tag cut off at the end of the piece ("<ro"), nothing else: no row starts before it.
        const lt = s.lastIndexOf('<');
        at = lt >= at && s.indexOf('>', lt) < 0 ? lt : s.length;
        break;
      }
      const gt = s.indexOf('>', open);
      if (gt < 0) {
        at = open;
        break;
      }
      const r = attr(s, open, gt, 'r');
      const number = r ? parseInt(r, 10) : last + 1;
      if (s.charCodeAt(gt - 1) === SLASH) {
        last = number;
        at = gt + 1;
        yield new Row(number, [], []);
        continue;
      }
      const end = s.indexOf('</row>', gt);
      if (end < 0) {
        at = open;
        break;
      }
      last = number;
      at = end + 6;
      yield parseRow(s, number, gt + 1, end, strings);
    }
    carry = at < s.length ? s.slice(at) : '';
  }
}
