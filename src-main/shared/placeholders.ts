// The placeholder language shared by Word and Excel templates, so one name means one number everywhere.
//   {{指标名}}          本期 value (the chosen period)
//   {{指标名|累计}}     cumulative value, campaign start → period end (截至X月X日)
//   {{指标名|上期}}     the period of equal length just before the chosen one
//   {{单位.指标名}}     inside a table row: the row is repeated once per unit ({{单位.单位名称}} gives the name)
// Lists are joined with 、; numbers are formatted as in Chinese reports.
// Typed with a Chinese input method the same placeholder comes out full-width, whole or in part: ｛｛指标名｜累计｝｝,
// {{指标名｝｝, ｛｛单位．指标名｝｝ or 单位。指标名, with full-width spaces inside. All of these mean the same thing: the
// fillers first rewrite each one to its canonical half-width form {{key}} (canonicalEdits) and then fill that.
import { distance } from 'fastest-levenshtein';

export type PlaceholderVariant = 'period' | 'cumulative' | 'previous';

export interface Placeholder {
  /** The canonical text between the braces: half-width, no spaces at the edges, e.g. "单位.参学率|累计". */
  key: string;
  name: string;
  variant: PlaceholderVariant;
  perUnit: boolean;
  /** The placeholder as the template has it, braces included (e.g. "｛｛参学率｜累计｝｝"), for messages. */
  written?: string;
}

export interface PlaceholderProblem {
  kind: 'unclosed' | 'unopened' | 'empty' | 'bad_variant' | 'unknown_name';
  /** Chinese, says what is wrong. */
  message: string;
  /** The text around the problem, so the user can find it in Word or Excel. */
  context: string;
  suggestions?: string[];
}

const VARIANTS: Record<string, PlaceholderVariant> = { 本期: 'period', 累计: 'cumulative', 上期: 'previous' };
export const PER_UNIT_PREFIX = '单位.';
/** The per-unit pseudo-indicator that yields the unit's name. */
export const UNIT_NAME = '单位名称';
/**
 * One placeholder, half-width or full-width braces in any mix ({{…}}, ｛｛…｝｝, {{…｝｝, ｛{…}}); group 1 is the text
 * between them. Global: use with replace/matchAll, or copy it before exec.
 */
export const PLACEHOLDER_RE = /[{｛][{｛]([^{}｛｝]*)[}｝][}｝]/g;
/** A doubled delimiter of either width: what must never reach a filled document. */
export const DOUBLE_BRACE_RE = /[{｛][{｛]|[}｝][}｝]/g;
/** "|" or the full-width "｜" between the name and the variant. */
const BAR_RE = /[|｜]/;
/** "单位." with the dot half-width, full-width (．) or the ideographic full stop (。) a Chinese input method types. */
const PER_UNIT_RE = /^单位\s*[.．。]/;
const FULL_WIDTH_TO_HALF: Record<string, string> = { '｛': '{', '｝': '}', '｜': '|', '．': '.', '。': '.' };

/** True when a text holds a doubled brace of either width ("{{", "｝｝", "{｛"…). */
export function hasDoubleBrace(text: string): boolean {
  return /[{｛][{｛]|[}｝][}｝]/.test(text);
}

/** True when a text holds any brace, half- or full-width: only then can it hold placeholder syntax. */
export function hasBraces(text: string): boolean {
  return /[{}｛｝]/.test(text);
}

export function parsePlaceholder(inner: string): Placeholder | PlaceholderProblem {
  const context = `{{${inner}}}`;
  const trimmed = inner.trim();
  if (!trimmed) return { kind: 'empty', message: '占位符内没有指标名', context };
  const parts = trimmed.split(BAR_RE).map((s) => s.trim());
  if (parts.length > 2) {
    return {
      kind: 'bad_variant',
      message: '占位符中只能有一个“|”，写法如 {{指标名|累计}}',
      context,
    };
  }
  const [first, variantWord] = parts;
  let name = first;
  let variant: PlaceholderVariant = 'period';
  if (variantWord !== undefined) {
    const v = VARIANTS[variantWord];
    if (!v) {
      return {
        kind: 'bad_variant',
        message: `“|${variantWord}”不是可用的取值方式，只能是 |本期、|累计 或 |上期`,
        context,
      };
    }
    variant = v;
  }
  const perUnit = PER_UNIT_RE.test(name);
  if (perUnit) name = name.replace(PER_UNIT_RE, '').trim();
  if (!name) return { kind: 'empty', message: '占位符内没有指标名', context };
  const key = `${perUnit ? PER_UNIT_PREFIX : ''}${name}${variantWord === undefined ? '' : `|${variantWord}`}`;
  return { key, name, variant, perUnit };
}

export function isProblem(p: Placeholder | PlaceholderProblem): p is PlaceholderProblem {
  return 'kind' in p;
}

/** How a placeholder reads in the template, for messages: as written, or its canonical form. */
export function writtenForm(p: Placeholder): string {
  return p.written ?? `{{${p.key}}}`;
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(text.length, index + length + 12);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * Finds placeholders and broken delimiters in one piece of text (a paragraph, a cell). Any leftover half-width
 * brace, and any leftover doubled brace of either width, is a broken delimiter. A single full-width brace is one
 * only when the text holds another brace too (a placeholder, a half of one): a lone "｛" in plain prose is just text.
 */
export function scanText(text: string): { placeholders: Placeholder[]; problems: PlaceholderProblem[] } {
  const placeholders: Placeholder[] = [];
  const problems: PlaceholderProblem[] = [];
  const masked = text.replace(PLACEHOLDER_RE, (whole, inner: string, offset: number) => {
    const p = parsePlaceholder(inner);
    if (isProblem(p)) problems.push({ ...p, context: around(text, offset, whole.length) });
    else placeholders.push({ ...p, written: whole });
    return ' '.repeat(whole.length);
  });
  const braces = text.match(/[{}｛｝]/g)?.length ?? 0;
  // Whatever braces are left after removing well-formed placeholders are broken delimiters.
  const stray = /[{｛][{｛]|[}｝][}｝]|[{}｛｝]/g;
  for (let m = stray.exec(masked); m; m = stray.exec(masked)) {
    const opening = /^[{｛]/.test(m[0]);
    const fullWidthSingle = m[0] === '｛' || m[0] === '｝';
    if (fullWidthSingle && braces < 2) continue;
    const base = opening ? '占位符缺少结尾的“}}”' : '占位符缺少开头的“{{”';
    problems.push({
      kind: opening ? 'unclosed' : 'unopened',
      message: fullWidthSingle
        ? `${base}（此处有一个全角“${m[0]}”：占位符两端要各写两个大括号，如 {{指标名}}）`
        : base,
      context: around(text, m.index, m[0].length),
    });
  }
  return { placeholders, problems };
}

/**
 * Lines up a placeholder as written with its canonical form: one output string per UTF-16 unit of `written`
 * (the unit itself, its half-width form, or '' for a space dropped), or null if they do not line up.
 */
function alignCanonical(written: string, canonical: string): string[] | null {
  const out: string[] = [];
  let j = 0;
  for (const c of written.split('')) {
    const half = FULL_WIDTH_TO_HALF[c];
    if (j < canonical.length && (canonical[j] === c || canonical[j] === half)) {
      out.push(canonical[j]);
      j++;
    } else if (/\s/.test(c)) out.push('');
    else return null;
  }
  return j === canonical.length ? out : null;
}

/**
 * How each UTF-16 unit of `text` is rewritten so that every well-formed placeholder in it reads exactly
 * "{{key}}": full-width braces, bar and dot made half-width, spaces at the edges of the name and the variant
 * dropped. One string per unit ('' drops it), so a caller can apply it to text split in runs; null when the text
 * needs no change. Broken placeholders are left as written (the scan reports them).
 */
export function canonicalEdits(text: string): string[] | null {
  let out: string[] | null = null;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const p = parsePlaceholder(m[1]);
    if (isProblem(p)) continue;
    const canonical = `{{${p.key}}}`;
    if (canonical === m[0]) continue;
    const edits = alignCanonical(m[0], canonical);
    if (!edits) continue;
    out ??= text.split('');
    edits.forEach((e, i) => {
      out![m.index + i] = e;
    });
  }
  return out;
}

/** `text` with every well-formed placeholder in its canonical half-width form (see canonicalEdits). */
export function canonicalText(text: string): string {
  return canonicalEdits(text)?.join('') ?? text;
}

/**
 * Applies canonicalEdits across the pieces a text is stored in (Word runs, Excel rich-text runs): returns the
 * pieces rewritten, or null when nothing changes. Each piece keeps its own characters, so its formatting stays.
 */
export function canonicalPieces(pieces: readonly string[]): string[] | null {
  const edits = canonicalEdits(pieces.join(''));
  return edits && editPieces(pieces, edits);
}

/**
 * Applies per-unit edits of the joined text (one output string per UTF-16 unit, as canonicalEdits gives them) to
 * the pieces the text is stored in: each piece gets the outputs of its own units.
 */
export function editPieces(pieces: readonly string[], edits: readonly string[]): string[] {
  let at = 0;
  return pieces.map((piece) => {
    const next = edits.slice(at, at + piece.length).join('');
    at += piece.length;
    return next;
  });
}

/** The nearest known names, for "did you mean" messages. */
export function suggestNames(name: string, known: readonly string[], max = 3): string[] {
  const scored = known
    .map((k) => ({ k, d: distance(name, k) - (k.includes(name) || name.includes(k) ? 2 : 0) }))
    .filter((s) => s.d <= Math.max(2, Math.ceil(name.length / 2)))
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, max).map((s) => s.k);
}

/**
 * Checks names against the catalog; returns one problem per unknown name with suggestions. Its context is the
 * first such placeholder as written (writtenForm), which callers use to find where it is.
 */
export function checkNames(placeholders: Placeholder[], known: readonly string[]): PlaceholderProblem[] {
  const knownSet = new Set(known);
  const seen = new Set<string>();
  const problems: PlaceholderProblem[] = [];
  for (const p of placeholders) {
    const ok = knownSet.has(p.name) || (p.perUnit && p.name === UNIT_NAME);
    if (ok || seen.has(p.name)) continue;
    seen.add(p.name);
    const suggestions = suggestNames(p.name, known);
    problems.push({
      kind: 'unknown_name',
      message: `未知的指标名“${p.name}”${suggestions.length ? `，是否是：${suggestions.join('、')}` : ''}`,
      context: writtenForm(p),
      suggestions,
    });
  }
  return problems;
}
