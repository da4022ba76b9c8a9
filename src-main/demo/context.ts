// What every demo generator shares: the PRNG, the settings, the campaign calendar, and `add`, which stamps
// RecordBase fields (stable id, 演示数据, rev 1) and drops empty values the way the store keeps them.
import { addDays } from '../shared/dates';
import { LEDGER_KEYS } from '../shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings, Unit } from '../shared/settings';
import type { Rng } from './random';

const PREFIX: Record<LedgerKey, string> = {
  meetings: 'mtg',
  tasks: 'task',
  inspections: 'insp',
  studies: 'study',
  writings: 'writ',
  materials: 'mat',
  rules: 'rule',
  clues: 'clue',
  rectifications: 'rect',
  publicity: 'pub',
  opinions: 'opin',
  bulletins: 'bul',
};

export type DemoFields = { group: string; unit: string; date: string } & Record<string, unknown>;

export class DemoContext {
  readonly ledgers = Object.fromEntries(
    LEDGER_KEYS.map((k) => [k, [] as LedgerRecord[]]),
  ) as unknown as Record<LedgerKey, LedgerRecord[]>;
  readonly asOf: string;
  readonly end: string;
  private readonly seq = new Map<LedgerKey, number>();

  constructor(
    readonly rng: Rng,
    readonly settings: Settings,
    /** Whole number ≥ 1: how many times the per-unit and per-week volumes are repeated. */
    readonly scale: number,
    asOfDays: number,
  ) {
    this.asOf = addDays(settings.campaignStart, asOfDays);
    this.end = settings.campaignEnd;
  }

  get start(): string {
    return this.settings.campaignStart;
  }

  unitsOfKind(kind: Unit['kind']): Unit[] {
    return this.settings.units.filter((u) => u.kind === kind);
  }

  unit(id: string): Unit {
    const u = this.settings.units.find((x) => x.id === id);
    if (!u) throw new Error(`演示数据中没有单位 ${id}`);
    return u;
  }

  phaseAt(date: string): string {
    return (
      this.settings.phases.find((p) => p.start <= date && p.end >= date)?.name ?? this.settings.phases[0].name
    );
  }

  /** Moves a Saturday or Sunday to the following Monday: offices meet on working days. */
  workday(date: string): string {
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
  }

  /** A random working day in [from, to] (to if the range is empty), never after the demo's "today". */
  day(from: string, to: string): string {
    const last = to < this.asOf ? to : this.asOf;
    if (last <= from) return from;
    const span = Math.round((Date.parse(last) - Date.parse(from)) / 86_400_000);
    const d = this.workday(addDays(from, this.rng.int(0, span)));
    return d > last ? last : d;
  }

  add(ledger: LedgerKey, fields: DemoFields): LedgerRecord {
    const n = (this.seq.get(ledger) ?? 0) + 1;
    this.seq.set(ledger, n);
    const clean = Object.fromEntries(
      Object.entries(fields).filter(
        ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
      ),
    );
    // Entered the working day the record belongs to, at a plausible office hour (UTC+8 → 01:00–08:59Z).
    const at = `${fields.date}T0${1 + (n % 8)}:${String((n * 7) % 60).padStart(2, '0')}:00.000Z`;
    const record = {
      ...clean,
      id: `demo-${PREFIX[ledger]}-${String(n).padStart(5, '0')}`,
      createdBy: '演示数据',
      createdAt: at,
      updatedBy: '演示数据',
      updatedAt: at,
      rev: 1,
    } as LedgerRecord;
    this.ledgers[ledger].push(record);
    return record;
  }
}
