// The ledger table's query ('ledgers:query'): quick search, filters, sort and one page, answered in main from
// per-ledger indexes. The store hands out the same frozen array until a write replaces it, so an index is keyed
// by that array and a write invalidates it by itself; the per-record texts and sort keys are keyed by the record
// objects (a save keeps every other record's object), so rebuilding after a save of one record costs a lookup each.
import type { LedgerFilter, LedgerQueryResult } from '../shared/contract/core';
import { ledgerDef } from '../shared/ledgers';
import {
  dateText,
  ledgerColumns,
  linkLabel,
  makeLookups,
  matchesTerms,
  searchTerms,
  searchText,
  sortKey,
  sortKind,
} from '../shared/ledgers/record-text';
import type { LedgerColumn, Lookups } from '../shared/ledgers/record-text';
import type { LedgerDef, LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import { AppFailure, isAppFailure } from '../shared/result';
import type { Settings } from '../shared/settings';

export interface LedgerQuery {
  ledger: LedgerKey;
  deleted?: boolean;
  q?: string;
  filter?: LedgerFilter;
  sort?: { key: string; order: 'ascend' | 'descend' };
  offset: number;
  limit: number;
  withIds?: boolean;
}

/** What the query needs to know about the caller, already decided by the access policy. */
export interface QueryAccess {
  /** May the caller read this (linked) ledger? Link titles of ledgers it may not read are neither shown nor searched. */
  canRead(ledger: LedgerKey): boolean;
  /** May the caller see the confidential fields (反映人) of this ledger? Only then may it sort by them. */
  canSeeConfidentialFields: boolean;
}

export interface LedgerQueryDeps {
  /** Every record of the ledger, recycled ones too: the same array until a write. */
  all(ledger: LedgerKey): LedgerRecord[];
  settings(): Settings;
}

/**
 * What a record's texts depend on besides the record: the unit and group names (settings) and the titles of the
 * linked records the caller may read. Same inputs (by identity), same texts.
 */
interface Derivation {
  inputs: unknown[];
  lookups: Lookups;
  /** By record object: one lookup per record when an index is rebuilt after a save. */
  derived: WeakMap<object, Derived>;
}

/** What was derived from one record (with one Derivation): its search texts and its sort keys by column. */
interface Derived {
  text?: string;
  dates?: string;
  keys: Record<string, number | string>;
}

/** The live (or recycled) records of one version of a ledger, newest first, and what was derived from them. */
interface Index {
  recs: LedgerRecord[];
  derivation?: Derivation;
  /** The search texts are being built after a first page (see query). */
  warming?: boolean;
  texts?: string[];
  dates?: string[];
  /** `${column}:${order}` → positions in `recs`. */
  orders: Map<string, Int32Array>;
  /** column → rank of each record in `recs` (both orders come from it). */
  ranks: Map<string, { ranks: Float64Array; top: number }>;
  statuses?: string[];
}

/**
 * A growing, sorted set of the texts a column has shown, with ranks spaced RANK_GAP apart: a text a save adds is
 * placed by binary search and ranked between its neighbours, so neither the set is sorted again (190 ms for 50,000
 * titles in Chinese order) nor every rank renumbered.
 */
interface Collation {
  sorted: string[];
  rank: Map<string, number>;
  /** Above every rank. */
  top: number;
}

const RANK_GAP = 1024;
let collator: Intl.Collator | undefined;
/** Made on first use: building it loads ICU's Chinese data (about 5 ms), which a run sorting no texts skips. */
const collation = () => (collator ??= new Intl.Collator('zh-CN', { numeric: true }));

function numberCollation(c: Collation) {
  c.rank.clear();
  c.sorted.forEach((k, i) => c.rank.set(k, (i + 1) * RANK_GAP));
  c.top = (c.sorted.length + 1) * RANK_GAP;
}

/** Places one new text; false when its neighbours leave no room between their ranks (renumber before the next). */
function placeInCollation(c: Collation, k: string): boolean {
  const { compare } = collation();
  let lo = 0;
  let hi = c.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(c.sorted[mid], k) < 0) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? c.rank.get(c.sorted[lo - 1])! : 0;
  const after = lo < c.sorted.length ? c.rank.get(c.sorted[lo])! : c.top;
  c.sorted.splice(lo, 0, k);
  if (after - before < 2) return false;
  c.rank.set(k, before + Math.floor((after - before) / 2));
  return true;
}

/**
 * Positions 0…n-1 ordered by rank (ties keep their position): one numeric sort of packed rank·n + position, or a
 * comparison sort if the packed numbers would not be exact (never at the sizes a ledger reaches).
 */
function orderByRank(ranks: Float64Array, top: number, descend: boolean): Int32Array {
  const n = ranks.length;
  const out = new Int32Array(n);
  const sign = descend ? -1 : 1;
  const base = descend ? top : 0;
  if ((top + 1) * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (base + sign * ranks[i]) * n + i;
    packed.sort();
    for (let k = 0; k < n; k++) out[k] = packed[k] % n;
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = i;
  return out.sort((a, b) => sign * (ranks[a] - ranks[b]) || a - b);
}

/** Ranks of plain values (numbers, stored dates): their unique values sorted, which are few. */
function plainRanks(keys: (number | string)[]): { ranks: Float64Array; top: number } {
  const unique = [...new Set(keys)];
  if (typeof unique[0] === 'number') (unique as number[]).sort((a, b) => a - b);
  else (unique as string[]).sort();
  const rank = new Map(unique.map((v, i) => [v, i]));
  return { ranks: Float64Array.from(keys, (k) => rank.get(k)!), top: unique.length };
}

/** 'YYYY-MM-DD' as the number YYYYMMDD, read without making strings (the default order of every query). */
function dateNumber(d: unknown): number {
  if (typeof d !== 'string' || d.length !== 10) return 0;
  const y = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10;
  const m = (d.charCodeAt(5) - 48) * 10 + d.charCodeAt(6) - 48;
  return (y + d.charCodeAt(3) - 48) * 10_000 + m * 100 + (d.charCodeAt(8) - 48) * 10 + d.charCodeAt(9) - 48;
}

function derivedOf(d: Derivation, r: LedgerRecord): Derived {
  let e = d.derived.get(r);
  if (!e) d.derived.set(r, (e = { keys: {} }));
  return e;
}

export function createLedgerQuery(deps: LedgerQueryDeps) {
  const indexes = new WeakMap<LedgerRecord[], { live?: Index; deleted?: Index }>();
  const derivations = new Map<LedgerKey, Derivation>();
  const collations = new Map<string, Collation>();
  const linkLabels = new WeakMap<LedgerRecord[], Map<string, string>>();

  function indexFor(ledger: LedgerKey, deleted: boolean): Index {
    const source = deps.all(ledger);
    let slot = indexes.get(source);
    if (!slot) indexes.set(source, (slot = {}));
    const which = deleted ? 'deleted' : 'live';
    const have = slot[which];
    if (have) return have;
    const recs: LedgerRecord[] = [];
    for (const r of source) if (deleted ? !!r.deletedAt : !r.deletedAt) recs.push(r);
    // Newest first; records of the same day keep the order they were entered in (as the table always showed them).
    const days = new Float64Array(recs.length);
    for (let i = 0; i < recs.length; i++) days[i] = dateNumber(recs[i].date);
    const order = orderByRank(days, 99_991_231, true);
    const sorted = new Array<LedgerRecord>(recs.length);
    for (let k = 0; k < order.length; k++) sorted[k] = recs[order[k]];
    const index: Index = { recs: sorted, orders: new Map(), ranks: new Map() };
    slot[which] = index;
    return index;
  }

  /** Titles of a linked ledger's records, or null when the caller may not read it (its ids stay ids). */
  function linkedTitles(
    target: LedgerKey,
    access: QueryAccess,
  ): { source: unknown; titles: Map<string, string> } | null {
    if (!access.canRead(target)) return null;
    let source: LedgerRecord[];
    try {
      source = deps.all(target);
    } catch (e) {
      if (isAppFailure(e) && e.code === 'needs_admin') return null;
      throw e;
    }
    let titles = linkLabels.get(source);
    if (!titles) {
      const def = ledgerDef(target);
      titles = new Map(source.map((r) => [r.id, linkLabel(def, r)]));
      linkLabels.set(source, titles);
    }
    return { source, titles };
  }

  function derivationFor(def: LedgerDef, access: QueryAccess): Derivation {
    const settings = deps.settings();
    const targets = [...new Set(def.fields.flatMap((f) => (f.linkTo ? [f.linkTo] : [])))];
    const linked = targets.map((t) => linkedTitles(t, access));
    const inputs: unknown[] = [settings, ...linked.map((l) => l?.source ?? null)];
    const have = derivations.get(def.key);
    if (have && have.inputs.length === inputs.length && have.inputs.every((x, i) => x === inputs[i]))
      return have;
    const links = new Map<string, Map<string, string>>();
    targets.forEach((t, i) => {
      const l = linked[i];
      if (l) links.set(t, l.titles);
    });
    const d: Derivation = { inputs, lookups: makeLookups(settings, links), derived: new WeakMap() };
    derivations.set(def.key, d);
    return d;
  }

  /** Forgets what the index derived with other lookups (a unit renamed, a linked record retitled). */
  function bind(index: Index, d: Derivation) {
    if (index.derivation === d) return;
    index.derivation = d;
    index.texts = undefined;
    index.dates = undefined;
    index.orders.clear();
    index.ranks.clear();
  }

  /** Search texts of the index's records, built once per index (and per derivation), each reused by record. */
  function textsOf(def: LedgerDef, index: Index, d: Derivation): { texts: string[]; dates: string[] } {
    bind(index, d);
    if (!index.texts || !index.dates) {
      const n = index.recs.length;
      const texts = new Array<string>(n);
      const dates = new Array<string>(n);
      for (let i = 0; i < n; i++) {
        const e = derivedOf(d, index.recs[i]);
        if (e.text === undefined || e.dates === undefined) {
          e.text = searchText(def, index.recs[i], d.lookups);
          e.dates = dateText(def, index.recs[i]);
        }
        texts[i] = e.text;
        dates[i] = e.dates;
      }
      index.texts = texts;
      index.dates = dates;
    }
    return { texts: index.texts, dates: index.dates };
  }

  /** Ranks of shown texts in Chinese order, from the column's collation (only new texts are placed by search). */
  function textRanks(
    ledger: LedgerKey,
    column: string,
    keys: string[],
  ): { ranks: Float64Array; top: number } {
    const id = `${ledger}/${column}`;
    let c = collations.get(id);
    const n = keys.length;
    const ranks = new Float64Array(n);
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = c?.rank.get(keys[i]);
      if (r === undefined) missing.push(i);
      else ranks[i] = r;
    }
    if (c && missing.length === 0) return { ranks, top: c.top };
    const fresh = [...new Set(missing.map((i) => keys[i]))];
    // A collation that has grown well past what is shown (renamed units, edited titles) is rebuilt from what is.
    const stale = c && c.sorted.length > 2 * keys.length + 1000;
    if (!c || stale || fresh.length > c.sorted.length / 8) {
      const sorted = [...new Set(stale ? keys : [...(c?.sorted ?? []), ...fresh])].sort(collation().compare);
      c = { sorted, rank: new Map(), top: 0 };
      numberCollation(c);
      collations.set(id, c);
    } else {
      let renumbered = false;
      for (const k of fresh) {
        if (placeInCollation(c, k)) continue;
        numberCollation(c);
        renumbered = true;
      }
      if (!renumbered) {
        for (const i of missing) ranks[i] = c.rank.get(keys[i])!;
        return { ranks, top: c.top };
      }
    }
    for (let i = 0; i < n; i++) ranks[i] = c.rank.get(keys[i])!;
    return { ranks, top: c.top };
  }

  function orderOf(
    def: LedgerDef,
    index: Index,
    d: Derivation,
    column: LedgerColumn,
    order: 'ascend' | 'descend',
  ): Int32Array {
    bind(index, d);
    const id = `${column.key}:${order}`;
    const have = index.orders.get(id);
    if (have) return have;
    let ranked = index.ranks.get(column.key);
    if (!ranked) {
      const n = index.recs.length;
      const keys = new Array<number | string>(n);
      for (let i = 0; i < n; i++) {
        const e = derivedOf(d, index.recs[i]);
        let k = e.keys[column.key];
        if (k === undefined) e.keys[column.key] = k = sortKey(column, index.recs[i], d.lookups);
        keys[i] = k;
      }
      ranked =
        sortKind(column) === 'text' ? textRanks(def.key, column.key, keys as string[]) : plainRanks(keys);
      index.ranks.set(column.key, ranked);
    }
    const out = orderByRank(ranked.ranks, ranked.top, order === 'descend');
    index.orders.set(id, out);
    return out;
  }

  function statusesOf(def: LedgerDef, index: Index): string[] {
    if (index.statuses) return index.statuses;
    const seen = new Set<string>();
    if (def.statusField) {
      for (const r of index.recs) {
        const v = r[def.statusField];
        for (const s of Array.isArray(v) ? v : v == null || v === '' ? [] : [v]) seen.add(String(s));
      }
    }
    return (index.statuses = [...seen]);
  }

  function query(args: LedgerQuery, access: QueryAccess): LedgerQueryResult {
    const def = ledgerDef(args.ledger);
    const index = indexFor(args.ledger, !!args.deleted);
    const d = derivationFor(def, access);
    bind(index, d);
    const terms = searchTerms(args.q ?? '');

    let order: Int32Array | null = null;
    if (args.sort) {
      const column = ledgerColumns(def).find((c) => c.key === args.sort!.key);
      if (!column) throw new AppFailure('validation', `${def.label}台账没有可排序的列“${args.sort.key}”`);
      if (column.field.confidential && !access.canSeeConfidentialFields)
        throw new AppFailure('forbidden', `您无权按“${column.label}”排序`);
      order = orderOf(def, index, d, column, args.sort.order);
    }
    const { texts, dates } = terms.length ? textsOf(def, index, d) : { texts: [], dates: [] };

    const f = args.filter ?? {};
    const statusField = f.status ? def.statusField : undefined;
    const { recs } = index;
    const n = recs.length;
    const matches = new Int32Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k;
      const r = recs[i];
      if (f.group && r.group !== f.group) continue;
      if (f.unit && r.unit !== f.unit) continue;
      if (f.from && r.date < f.from) continue;
      if (f.to && r.date > f.to) continue;
      if (statusField) {
        const v = r[statusField];
        if (Array.isArray(v) ? !v.includes(f.status) : v !== f.status) continue;
      }
      if (terms.length && !matchesTerms(terms, texts[i], dates[i])) continue;
      matches[total++] = i;
    }

    const { limit } = args;
    let offset = args.offset;
    if (offset >= total) offset = limit > 0 && total > 0 ? Math.floor((total - 1) / limit) * limit : 0;
    const records: LedgerRecord[] = [];
    for (let k = offset; k < Math.min(total, offset + limit); k++) records.push(recs[matches[k]]);
    const result: LedgerQueryResult = { records, total, count: n, offset, statuses: statusesOf(def, index) };
    if (args.withIds) result.ids = Array.from(matches.subarray(0, total), (i) => recs[i].id);

    // The first page answers before the search texts exist; they are built right after, before the first key.
    if (!index.texts && !index.warming) {
      index.warming = true;
      setImmediate(() => {
        index.warming = false;
        if (index.derivation === d) textsOf(def, index, d);
      });
    }
    return result;
  }

  return { query };
}

export type LedgerQueryService = ReturnType<typeof createLedgerQuery>;
