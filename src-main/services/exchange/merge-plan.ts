// What merging a 报送包 would do, record by record, decided by revisions. For each record id the office keeps the
// revisions both sides had when it was last merged; a record changed since on the unit's side only is taken, on
// the office's side only is kept, on both is a conflict (settled by the caller's choice, or not merged at all).
// Replaying a package therefore changes nothing: every record is at the revisions last merged.
import type { MergeConflict } from '../../shared/contract/exchange';
import { recordTitle } from '../../shared/ledgers/record-text';
import { recordSchemas } from '../../shared/ledgers/schema';
import type { LedgerDef, LedgerKey, LedgerRecord } from '../../shared/ledgers/types';
import type { Settings } from '../../shared/settings';
import { SYSTEM_FIELDS } from '../ledger-service';

/** The revisions of a record when it was last merged: the unit's copy, and the office's copy as written then. */
export interface MergeMark {
  id: string;
  ledger: LedgerKey;
  unitRev: number;
  officeRev: number;
}

export type Outcome = 'added' | 'changed' | 'removed' | 'unchanged' | 'conflict';

export interface PlannedRecord {
  outcome: Outcome;
  /** The unit's copy, written when the outcome is taken. */
  incoming: LedgerRecord;
}

export interface LedgerPlan {
  ledger: LedgerKey;
  records: PlannedRecord[];
  conflicts: MergeConflict[];
  /** Chinese, one per record that cannot be taken as it is (wrong unit, outside the period, invalid fields). */
  problems: string[];
}

function problemOf(
  def: LedgerDef,
  r: LedgerRecord,
  ctx: { unit: string; from: string; to: string; settings: Settings; office?: LedgerRecord },
): string | null {
  const name = `${def.label}“${recordTitle(def, r) || r.id}”（${r.date}）`;
  if (typeof r.id !== 'string' || !r.id || !Number.isInteger(r.rev) || r.rev < 1)
    return `${name}缺少编号或版本号，报送包可能已损坏`;
  if (r.unit !== ctx.unit) return `${name}不是本单位的记录`;
  if (r.date < ctx.from || r.date > ctx.to) return `${name}不在报送期间内`;
  const editable: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!SYSTEM_FIELDS.has(k)) editable[k] = v;
  const parsed = recordSchemas(def, ctx.settings).for(ctx.office).safeParse(editable);
  if (!parsed.success) return `${name}：${parsed.error.issues.map((i) => i.message).join('；')}`;
  return null;
}

/** Plans one ledger of a package against the office's copy of that ledger and the marks of earlier merges. */
export function planLedger(
  def: LedgerDef,
  incoming: readonly LedgerRecord[],
  office: ReadonlyMap<string, LedgerRecord>,
  marks: ReadonlyMap<string, MergeMark>,
  ctx: { unit: string; from: string; to: string; settings: Settings },
): LedgerPlan {
  const plan: LedgerPlan = { ledger: def.key, records: [], conflicts: [], problems: [] };
  for (const p of incoming) {
    const o = office.get(p.id);
    const problem = problemOf(def, p, { ...ctx, office: o });
    if (problem) {
      plan.problems.push(problem);
      continue;
    }
    const mark = marks.get(p.id);
    let outcome: Outcome;
    if (!o) outcome = p.deletedAt ? 'unchanged' : 'added';
    else if (!mark) {
      // The same id already here but never merged: only the very same version is no conflict.
      outcome = o.rev === p.rev && o.updatedAt === p.updatedAt ? 'unchanged' : 'conflict';
    } else {
      // A deletion keeps the revision (the ledger service does not count it as an edit): seen by its mark instead.
      const unitChanged = p.rev > mark.unitRev || (!!p.deletedAt && !o.deletedAt);
      const officeChanged = o.rev !== mark.officeRev;
      if (!unitChanged) outcome = 'unchanged';
      else if (officeChanged) outcome = 'conflict';
      else outcome = p.deletedAt && !o.deletedAt ? 'removed' : 'changed';
    }
    if (outcome === 'conflict' && o) {
      plan.conflicts.push({
        ledger: def.key,
        id: p.id,
        title: recordTitle(def, o),
        date: o.date,
        officeRev: o.rev,
        unitRev: p.rev,
      });
    }
    plan.records.push({ outcome, incoming: p });
  }
  return plan;
}
