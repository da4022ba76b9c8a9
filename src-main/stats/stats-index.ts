// The per-call index the indicators read: records narrowed to the scope once, then memoized date-range
// slices and derived values, so ~130 indicators × 2 ranges never rescan 20,000 records each.
import type { DateRange } from '../shared/dates';
import { LEDGER_KEYS } from '../shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { Ledgers, Scope, StatsInput } from './types';
import { str } from './util';

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

export class StatsIndex {
  readonly settings: Settings;
  /** Every live record, unscoped: for look-ups across scope (a rectification's linked rule). */
  readonly everything: Ledgers;
  private readonly scoped: Ledgers;
  private readonly cache = new Map<string, unknown>();

  constructor(
    input: StatsInput,
    readonly scope: Scope,
    scoped?: Ledgers,
  ) {
    this.settings = input.settings;
    this.everything = input.ledgers;
    this.scoped = scoped ?? scopeLedgers(input.ledgers, scope);
  }

  /** Records of a ledger inside the scope, whatever their date. */
  all(ledger: LedgerKey): LedgerRecord[] {
    return this.scoped[ledger] ?? [];
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
