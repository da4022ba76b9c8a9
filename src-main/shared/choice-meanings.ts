// What a stored choice label means. Every default option carries a meaning tag (its default label); renaming an
// option in 设置 moves the tag to the new label and keeps the old one as a former label, so records saved
// before and after the rename count alike. Statistics ask "does this value mean X", never "is it the string X".
import { DEFAULT_CHOICES } from './choices';
import type { ChoiceListKey, DefaultChoice } from './choices';

/**
 * settings.choiceMeanings: list → tag → the labels carrying that meaning, current label first, then former
 * labels. A tag without an entry is carried by its own label only (no rename ever happened).
 */
export type ChoiceMeaningMap = Record<string, Record<string, string[]>>;

/** One (list, tag) pair an indicator counts by, typed so a tag the list does not have fails to compile. */
export type ChoiceBasis = { [K in ChoiceListKey]: { list: K; tag: DefaultChoice<K> } }[ChoiceListKey];

/** An option edited in place: the tag it carries moved from one label to another. */
export interface ChoiceRename {
  list: ChoiceListKey;
  tag: string;
  from: string;
  to: string;
}

const DEFAULT_SETS = new Map<string, ReadonlySet<string>>(
  Object.entries(DEFAULT_CHOICES).map(([k, v]) => [k, new Set<string>(v)]),
);

export function isChoiceListKey(key: string): key is ChoiceListKey {
  return DEFAULT_SETS.has(key);
}

/**
 * Reads a ChoiceMeaningMap. A look-up is one Map hit per value (the label index is built once, when the
 * meanings are read), so the statistics can ask for every record. Lists nobody renamed compare directly.
 */
export class ChoiceMeanings {
  /** label → tag, only for lists where something was renamed: the others compare value and tag directly. */
  private readonly renamed = new Map<string, Map<string, string>>();
  /** isAny's label sets, per tag list (the callers' constant arrays) and list. */
  private readonly anyOf = new WeakMap<readonly string[], Map<string, ReadonlySet<string>>>();

  constructor(private readonly map: ChoiceMeaningMap = {}) {
    for (const list of Object.keys(map)) {
      const m = labelIndex(list, map[list]);
      if (m) this.renamed.set(list, m);
    }
  }

  /** The tag a stored value carries, or undefined for options the office added itself. */
  tagOf<K extends ChoiceListKey>(list: K, value: unknown): DefaultChoice<K> | undefined {
    if (typeof value !== 'string') return undefined;
    const m = this.renamed.get(list);
    if (m) return m.get(value) as DefaultChoice<K> | undefined;
    return DEFAULT_SETS.get(list)?.has(value) ? (value as DefaultChoice<K>) : undefined;
  }

  /** True when the stored value means `tag`, whatever the option is called today or was called then. */
  is<K extends ChoiceListKey>(list: K, value: unknown, tag: DefaultChoice<K>): boolean {
    if (this.renamed.size === 0) return value === tag;
    const m = this.renamed.get(list);
    return m === undefined ? value === tag : m.get(value as string) === tag;
  }

  /**
   * label → tag for a list where something was renamed; undefined where nothing was (there a stored value
   * that is a default label is its own tag, and any other value carries none).
   */
  renamedIndex(list: ChoiceListKey): ReadonlyMap<string, string> | undefined {
    return this.renamed.get(list);
  }

  /** True when the stored value means one of `tags` (one Set hit: the labels of a tag list are kept). */
  isAny<K extends ChoiceListKey>(list: K, value: unknown, tags: readonly DefaultChoice<K>[]): boolean {
    return this.labelsMeaning(list, tags).has(value as string);
  }

  /** Every label whose tag is one of `tags`, kept per tag list (the callers' constant arrays) and list. */
  labelsMeaning(list: ChoiceListKey, tags: readonly string[]): ReadonlySet<string> {
    let byList = this.anyOf.get(tags);
    if (!byList) this.anyOf.set(tags, (byList = new Map<string, ReadonlySet<string>>()));
    let labels = byList.get(list);
    if (!labels) {
      const m = this.renamed.get(list);
      labels = new Set(m ? [...m].filter(([, tag]) => tags.includes(tag)).map(([label]) => label) : tags);
      byList.set(list, labels);
    }
    return labels;
  }

  /** Every label that carries the tag: the current one first, then former ones. */
  labelsOf<K extends ChoiceListKey>(list: K, tag: DefaultChoice<K>): readonly string[] {
    const labels = this.map[list]?.[tag];
    return labels && labels.length ? labels : [tag];
  }

  /** The label the tag goes by today. */
  labelOf<K extends ChoiceListKey>(list: K, tag: DefaultChoice<K>): string {
    return this.labelsOf(list, tag)[0];
  }

  /** The label a stored value goes by today: its tag's current label, or itself when it carries no tag. */
  current(list: string, value: string): string {
    if (!isChoiceListKey(list)) return value;
    const tag = this.tagOf(list, value);
    return tag === undefined ? value : this.labelOf(list, tag);
  }

  /** Former labels of the option now called `label` (empty when it was never renamed or carries no tag). */
  formerLabels(list: string, label: string): string[] {
    if (!isChoiceListKey(list)) return [];
    const tag = this.tagOf(list, label);
    if (tag === undefined || this.labelOf(list, tag) !== label) return [];
    return this.labelsOf(list, tag).slice(1);
  }
}

/**
 * label → tag for one list, or null when nothing in it was renamed. Current labels first (a rename outranks
 * the default it replaced), then untouched defaults, then former labels no current label claims.
 */
function labelIndex(list: string, byTag: Record<string, string[]> | undefined): Map<string, string> | null {
  const defaults = DEFAULT_SETS.get(list);
  const entries = Object.entries(byTag ?? {}).filter(([tag, labels]) => defaults?.has(tag) && labels.length);
  if (!defaults || entries.length === 0) return null;
  const m = new Map<string, string>();
  for (const [tag, [current]] of entries) if (!m.has(current)) m.set(current, tag);
  const renamed = new Set(entries.map(([tag]) => tag));
  for (const tag of defaults) if (!renamed.has(tag) && !m.has(tag)) m.set(tag, tag);
  for (const [tag, labels] of entries)
    for (const label of labels.slice(1)) if (!m.has(label)) m.set(label, tag);
  return m;
}

/** Meanings of a settings object, built once per object (the statistics build many indexes per call). */
const cache = new WeakMap<object, ChoiceMeanings>();
export function choiceMeaningsOf(settings: { choiceMeanings?: ChoiceMeaningMap }): ChoiceMeanings {
  const key = settings.choiceMeanings;
  if (!key) return NO_RENAMES;
  let m = cache.get(key);
  if (!m) cache.set(key, (m = new ChoiceMeanings(key)));
  return m;
}

/** Meanings when no option was ever renamed: every default label carries itself. */
export const NO_RENAMES = new ChoiceMeanings();

/** Longest common subsequence of two short lists, as index pairs, in order. */
function commonPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/**
 * Lines of a one-option-per-line list edited in place: between two lines both versions keep in order, the k-th
 * line that left the list is paired with the k-th line that came in at that place. Where lines were moved
 * across that place the edit is no longer "in place" and nothing is paired there (a rename the office did
 * not mean would merge two meanings; a missed one shows in 设置 as a deletion before saving).
 */
export function editedInPlace(before: readonly string[], after: readonly string[]): [string, string][] {
  const kept = new Set(before.filter((l) => after.includes(l)));
  const pairs: [string, string][] = [];
  let i = 0;
  let j = 0;
  for (const [ci, cj] of [...commonPairs(before, after), [before.length, after.length]]) {
    const was = before.slice(i, ci);
    const now = after.slice(j, cj);
    i = ci + 1;
    j = cj + 1;
    if (was.some((l) => kept.has(l)) || now.some((l) => kept.has(l))) continue;
    for (let k = 0; k < Math.min(was.length, now.length); k++) pairs.push([was[k], now[k]]);
  }
  return pairs;
}

/**
 * The meanings after the office saved new choice lists: every tagged option edited in place hands its tag to
 * its new label and keeps the old label as a former one (records saved with it keep counting).
 */
export function followRenames(
  map: ChoiceMeaningMap,
  before: Record<string, readonly string[]>,
  after: Record<string, readonly string[]>,
): { map: ChoiceMeaningMap; renames: ChoiceRename[] } {
  const meanings = new ChoiceMeanings(map);
  const next: ChoiceMeaningMap = structuredClone(map);
  const renames: ChoiceRename[] = [];
  for (const [list, labels] of Object.entries(after)) {
    if (!isChoiceListKey(list) || !before[list]) continue;
    for (const [from, to] of editedInPlace(before[list], labels)) {
      const tag = meanings.tagOf(list, from);
      // Only the label a meaning goes by today hands it on; a former label re-added as its own line does not.
      if (tag === undefined || meanings.labelOf(list, tag) !== from) continue;
      const carried = meanings.labelsOf(list, tag);
      (next[list] ??= {})[tag] = [to, ...carried.filter((l) => l !== to)];
      renames.push({ list, tag, from, to });
    }
  }
  return { map: next, renames };
}

/** Lists whose labels key the outcome / sanction → 四种形态 mapping. */
const FOUR_FORM_LISTS = ['clueOutcome', 'clueSanction'] as const;

/**
 * The four-forms mapping after renames: a renamed outcome or sanction keeps its form under its new label, in
 * the same place. A key that is only a former label (a stale form sent it back) moves to the current label too.
 */
export function followFourForms<V>(
  forms: Record<string, V>,
  map: ChoiceMeaningMap,
  lists: Record<string, readonly string[]>,
): Record<string, V> {
  const meanings = new ChoiceMeanings(map);
  const target = new Map<string, string>();
  for (const list of FOUR_FORM_LISTS) {
    for (const key of Object.keys(forms)) {
      const now = meanings.current(list, key);
      if (now !== key && !(lists[list] ?? []).includes(key)) target.set(key, now);
    }
  }
  if (target.size === 0) return forms;
  const out: Record<string, V> = {};
  for (const [key, value] of Object.entries(forms)) {
    const to = target.get(key);
    if (to === undefined) out[key] = value;
    else if (!(to in forms) && !(to in out)) out[to] = value;
  }
  return out;
}
