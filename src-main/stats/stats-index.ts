// The per-call index the indicators read: records narrowed to the scope once, then memoized date-range
// slices and derived values, so ~130 indicators × 2 ranges never rescan 20,000 records each.
import { choiceMeaningsOf } from '../shared/choice-meanings';
import type { ChoiceMeanings } from '../shared/choice-meanings';
import type { ChoiceListKey, DefaultChoice } from '../shared/choices';
import type { DateRange } from '../shared/dates';
import { LEDGER_KEYS } from '../shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { Ledgers, Scope, StatsInput } from './types';
import { LEDGERS } from '../shared/ledgers';
import { doneDateBy, str } from './util';

/**
 * Units a record counts for in a per-unit view. Most records belong to their own unit; a task to its
 * responsible unit; a supervision check to the units it checked; a study also to the unit it was held for.
 */
export function unitsOf(ledger: LedgerKey, r: LedgerRecord): string[] {
  if (ledger === 'tasks') return [str(r.responsibleUnit) ?? r.unit];
  if (ledger === 'inspections') return Array.isArray(r.unitsChecked) ? (r.unitsChecked as string[]) : [];
  if (ledger === 'studies') {
    const other = str(r.audienceUnit);
    return other && other !== r.unit ? [r.unit, other] : [r.unit];
  }
  return [r.unit];
}

/** Working group a record counts for: a task's lead group when set, otherwise the owning group. */
export function groupOf(ledger: LedgerKey, r: LedgerRecord): string {
  return ledger === 'tasks' ? (str(r.leadGroup) ?? r.group) : r.group;
}

function emptyLedgers(): Ledgers {
  return Object.fromEntries(LEDGER_KEYS.map((k) => [k, [] as LedgerRecord[]])) as unknown as Ledgers;
}

/** One pass per ledger: the records inside the scope. */
export function scopeLedgers(ledgers: Ledgers, scope: Scope): Ledgers {
  if (!scope.unit && !scope.group) return ledgers;
  const out = emptyLedgers();
  for (const key of LEDGER_KEYS) {
    out[key] = (ledgers[key] ?? []).filter(
      (r) =>
        (!scope.group || groupOf(key, r) === scope.group) &&
        (!scope.unit || unitsOf(key, r).includes(scope.unit)),
    );
  }
  return out;
}

/** One pass per ledger: every unit's records (a record may count for several units), within a group. */
export function bucketByUnit(ledgers: Ledgers, unitIds: string[], group?: string): Map<string, Ledgers> {
  const buckets = new Map(unitIds.map((id) => [id, emptyLedgers()]));
  for (const key of LEDGER_KEYS) {
    for (const r of ledgers[key] ?? []) {
      if (group && groupOf(key, r) !== group) continue;
      for (const u of unitsOf(key, r)) buckets.get(u)?.[key].push(r);
    }
  }
  return buckets;
}

/** Records grouped by the meaning tag of one field (undefined: options the office added, or empty). */
type Groups = Map<string | undefined, LedgerRecord[]>;

export class StatsIndex {
  readonly settings: Settings;
  /** What stored choice labels mean, renames included: indicators count by meaning, never by label. */
  readonly choices: ChoiceMeanings;
  /** Every live record, unscoped: for look-ups across scope (a rectification's linked rule). */
  readonly everything: Ledgers;
  private readonly scoped: Ledgers;
  private readonly cache = new Map<string, unknown>();
  /** Per record list (the memoized slices), per list and field: the records grouped by meaning. */
  private readonly groups = new WeakMap<LedgerRecord[], Map<string, Groups>>();
  /** Per ledger: its done field and the labels meaning done (LedgerDef.done), or null. */
  private readonly done = new Map<LedgerKey, { field: string; labels: ReadonlySet<string> } | null>();

  constructor(
    input: StatsInput,
    readonly scope: Scope,
    scoped?: Ledgers,
  ) {
    this.settings = input.settings;
    this.choices = choiceMeaningsOf(input.settings);
    this.everything = input.ledgers;
    this.scoped = scoped ?? scopeLedgers(input.ledgers, scope);
  }

  /** Records of a ledger inside the scope, whatever their date. */
  all(ledger: LedgerKey): LedgerRecord[] {
    return this.scoped[ledger] ?? [];
  }

  /**
   * True when a record's choice value means `tag` (the option's default label), under whatever label it was
   * saved: ix.is('meetingType', m.type, '领导小组会议'). A tag the list does not have fails to compile.
   */
  is<K extends ChoiceListKey>(list: K, value: unknown, tag: DefaultChoice<K>): boolean {
    return this.choices.is(list, value, tag);
  }

  /** The meaning tag a stored choice value carries (undefined for options the office added). */
  tagOf<K extends ChoiceListKey>(list: K, value: unknown): DefaultChoice<K> | undefined {
    return this.choices.tagOf(list, value);
  }

  /** The labels that carry a tag, current first. */
  labelsOf<K extends ChoiceListKey>(list: K, tag: DefaultChoice<K>): readonly string[] {
    return this.choices.labelsOf(list, tag);
  }

  /** True when a record's choice value means one of `tags`. */
  isAny<K extends ChoiceListKey>(list: K, value: unknown, tags: readonly DefaultChoice<K>[]): boolean {
    return this.choices.isAny(list, value, tags);
  }

  /**
   * The records whose `field` means `tag`. Pass a memoized slice (within, or an ix.memo list): the slice is
   * grouped by meaning once, with one look-up per record, and every tag of the family reads its group.
   */
  withTag<K extends ChoiceListKey>(
    records: LedgerRecord[],
    list: K,
    field: string,
    tag: DefaultChoice<K>,
  ): LedgerRecord[] {
    let byField = this.groups.get(records);
    if (!byField) this.groups.set(records, (byField = new Map<string, Groups>()));
    const key = `${list}\u0000${field}`;
    let groups = byField.get(key);
    if (!groups) {
      groups = new Map() as Groups;
      // Where nothing in the list was renamed a value is its own tag (values no default has are never asked).
      const index = this.choices.renamedIndex(list);
      for (const r of records) {
        const v = r[field];
        const t = index ? index.get(v as string) : typeof v === 'string' ? v : undefined;
        const g = groups.get(t);
        if (g) g.push(r);
        else groups.set(t, [r]);
      }
      byField.set(key, groups);
    }
    return groups.get(tag) ?? [];
  }

  /** True when the record's status means done, by its ledger's declaration (LedgerDef.done). */
  isDone(ledger: LedgerKey, r: LedgerRecord): boolean {
    let d = this.done.get(ledger);
    if (d === undefined) {
      const def = LEDGERS[ledger].done;
      d = def ? { field: def.field, labels: this.choices.labelsMeaning(def.list, def.tags) } : null;
      this.done.set(ledger, d);
    }
    return d !== null && d.labels.has(r[d.field] as string);
  }

  /** Done by `asOf`: a status the ledger declares done (LedgerDef.done), done date (if any) not after asOf. */
  doneBy(ledger: LedgerKey, r: LedgerRecord, asOf: string): boolean {
    return this.isDone(ledger, r) && doneDateBy(r, asOf);
  }

  memo<T>(key: string, make: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = make();
    this.cache.set(key, v);
    return v;
  }

  /** Records whose date field (default the common `date`) lies in the range, both ends inclusive. */
  within(ledger: LedgerKey, range: DateRange, field = 'date'): LedgerRecord[] {
    return this.withinBy(ledger, range, field, (r) => r[field]);
  }

  /** As `within`, with a derived date (e.g. a clue's outcome date: closed date, else disposition date). */
  withinBy(
    ledger: LedgerKey,
    range: DateRange,
    name: string,
    dateOf: (r: LedgerRecord) => unknown,
  ): LedgerRecord[] {
    return this.memo(`in\u0000${ledger}\u0000${name}\u0000${range.from}\u0000${range.to}`, () =>
      this.all(ledger).filter((r) => {
        const d = dateOf(r);
        return typeof d === 'string' && d >= range.from && d <= range.to;
      }),
    );
  }
}
