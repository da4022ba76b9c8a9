// 报送: the tasks the office sets (which units return which ledgers for a period, by when), the returns recorded as
// each unit's sheet is imported, and 报送情况 worked out from both: who has reported, who is late, and the 催报 text.
// Tasks live in 'return-tasks', returns in 'unit-returns'; every change is in the 操作日志.
import { randomUUID } from 'node:crypto';
import type { HandlersFor } from '../shared/contract';
import type {
  ReturnFor,
  ReturnState,
  ReturnStatus,
  ReturnTask,
  UnitReturn,
  UnitReturnStatus,
} from '../shared/contract/returns';
import { actorName } from '../shared/context';
import type { CallContext } from '../shared/context';
import { chineseDate, chineseMonthDay } from '../shared/dates';
import { ledgerDef } from '../shared/ledgers';
import type { LedgerKey } from '../shared/ledgers/types';
import { AppFailure, isAppFailure } from '../shared/result';
import type { ServiceContext } from './service-context';

export const TASKS_COLLECTION = 'return-tasks';
export const RETURNS_COLLECTION = 'unit-returns';

type TaskInput = Pick<ReturnTask, 'name' | 'from' | 'to' | 'due' | 'ledgers' | 'units'> & { id?: string };

/** What the import tells about a return it committed. */
export interface ReturnReceipt {
  ledger: LedgerKey;
  fileName: string;
  sha256: string;
  created: number;
  updated: number;
  skipped: number;
  removed: number;
}

function notFound(id: string): AppFailure {
  return new AppFailure('not_found', `没有找到报送任务（编号 ${id}），可能已被删除。请刷新后重新选择。`);
}

export function createReturnsService(sc: ServiceContext) {
  const tasks = () => sc.store.get<ReturnTask[] | undefined>(TASKS_COLLECTION) ?? [];
  const returns = () => sc.store.get<UnitReturn[] | undefined>(RETURNS_COLLECTION) ?? [];
  const unitName = (id: string) => sc.settings().units.find((u) => u.id === id)?.name ?? id;

  function task(id: string): ReturnTask {
    const t = tasks().find((x) => x.id === id);
    if (!t) throw notFound(id);
    return t;
  }

  async function saveTask(input: TaskInput, ctx: CallContext): Promise<ReturnTask> {
    const known = new Set(sc.settings().units.map((u) => u.id));
    const unknown = input.units.filter((u) => !known.has(u));
    if (unknown.length) {
      throw new AppFailure(
        'validation',
        `单位列表中没有这些单位：${unknown.join('、')}。请刷新后重新选择。`,
        {
          issues: [{ path: ['units'], message: '含有不在单位列表中的单位' }],
        },
      );
    }
    const before = input.id ? task(input.id) : undefined;
    const now = sc.now().toISOString();
    const saved: ReturnTask = {
      id: before?.id ?? `rt-${randomUUID()}`,
      name: input.name,
      from: input.from,
      to: input.to,
      due: input.due,
      ledgers: [...new Set(input.ledgers)],
      units: [...new Set(input.units)],
      createdAt: before?.createdAt ?? now,
      createdBy: before?.createdBy ?? actorName(ctx),
      updatedAt: now,
    };
    await sc.store.update<ReturnTask[] | undefined>(TASKS_COLLECTION, (cur = []) => [
      ...cur.filter((t) => t.id !== saved.id),
      saved,
    ]);
    await sc.audit.record(
      {
        action: '修改报送任务',
        target: TASKS_COLLECTION,
        recordId: saved.id,
        before,
        after: saved,
        detail: `${saved.name}（${saved.from}至${saved.to}，${saved.due}前报送）`,
      },
      ctx,
    );
    return saved;
  }

  async function removeTask(id: string, ctx: CallContext): Promise<void> {
    const t = task(id);
    // The task and its record of returns go together (the imported records stay: they are the ledgers' now).
    await sc.store.updateMany((get) => ({
      [TASKS_COLLECTION]: (get<ReturnTask[] | undefined>(TASKS_COLLECTION) ?? []).filter((x) => x.id !== id),
      [RETURNS_COLLECTION]: (get<UnitReturn[] | undefined>(RETURNS_COLLECTION) ?? []).filter(
        (r) => r.taskId !== id,
      ),
    }));
    await sc.audit.record(
      { action: '删除报送任务', target: TASKS_COLLECTION, recordId: id, before: t, detail: t.name },
      ctx,
    );
  }

  /** Throws unless `r` names a task that expects `ledger` from `r.unit`; the task when it does. */
  function check(r: ReturnFor, ledger: LedgerKey): ReturnTask {
    const t = task(r.taskId);
    if (!t.units.includes(r.unit))
      throw new AppFailure('validation', `“${unitName(r.unit)}”不在报送任务“${t.name}”的报送单位中。`);
    if (!t.ledgers.includes(ledger))
      throw new AppFailure(
        'validation',
        `报送任务“${t.name}”不要求报送${ledgerDef(ledger).label}台账。请选择该任务包含的台账，或修改任务。`,
      );
    return t;
  }

  /** Has `r.unit` returned `ledger` for the task before (a new file is then a corrected return)? */
  function hasReturn(r: ReturnFor, ledger: LedgerKey): boolean {
    return returns().some((x) => x.taskId === r.taskId && x.unit === r.unit && x.ledger === ledger);
  }

  /** Records a committed import as `r.unit`'s return of `receipt.ledger` for the task (the newest one counts). */
  async function record(r: ReturnFor, receipt: ReturnReceipt, ctx: CallContext): Promise<UnitReturn> {
    const t = check(r, receipt.ledger);
    const entry: UnitReturn = {
      id: `ur-${randomUUID()}`,
      taskId: t.id,
      unit: r.unit,
      ledger: receipt.ledger,
      at: sc.now().toISOString(),
      by: actorName(ctx),
      created: receipt.created,
      updated: receipt.updated,
      skipped: receipt.skipped,
      removed: receipt.removed,
      fileName: receipt.fileName,
      sha256: receipt.sha256,
    };
    await sc.store.update<UnitReturn[] | undefined>(RETURNS_COLLECTION, (cur = []) => [...cur, entry]);
    await sc.audit.record(
      {
        action: '记录报送',
        target: RETURNS_COLLECTION,
        recordId: entry.id,
        detail: `${t.name}：${unitName(r.unit)} ${ledgerDef(receipt.ledger).label}台账（${receipt.fileName}，新增${receipt.created}条，更新${receipt.updated}条${receipt.removed ? `，删除${receipt.removed}条` : ''}）`,
      },
      ctx,
    );
    return entry;
  }

  function status(taskId: string, ctx: CallContext): ReturnStatus {
    const t = task(taskId);
    const today = sc.today();
    const late = today > t.due;
    const mine = returns().filter((r) => r.taskId === t.id);
    const counted = new Map<string, number>();
    for (const ledger of t.ledgers) {
      // A ledger the caller may not read (问题线索 for most) still shows whether it was returned, not its counts.
      if (!sc.policy.canRead(ledger, ctx)) continue;
      let recs;
      try {
        recs = sc.records(ledger, ctx);
      } catch (e) {
        // 问题线索 before the administrator exists cannot be opened: its counts stay 0, the states still show.
        if (isAppFailure(e) && e.code === 'needs_admin') continue;
        throw e;
      }
      for (const rec of recs) {
        if (rec.date < t.from || rec.date > t.to) continue;
        const k = `${ledger}\u0000${rec.unit}`;
        counted.set(k, (counted.get(k) ?? 0) + 1);
      }
    }
    const units: UnitReturnStatus[] = t.units.map((unit) => {
      const ledgers = t.ledgers.map((ledger) => {
        const last = mine.filter((r) => r.unit === unit && r.ledger === ledger).at(-1);
        const state: ReturnState = last ? 'reported' : late ? 'overdue' : 'pending';
        return {
          ledger,
          state,
          ...(last ? { last } : {}),
          records: counted.get(`${ledger}\u0000${unit}`) ?? 0,
        };
      });
      const state: ReturnState = ledgers.every((l) => l.state === 'reported')
        ? 'reported'
        : late
          ? 'overdue'
          : 'pending';
      return { unit, unitName: unitName(unit), state, ledgers };
    });
    const counts: Record<ReturnState, number> = { reported: 0, pending: 0, overdue: 0 };
    for (const u of units) counts[u.state]++;
    return { task: t, today, units, counts, reminder: reminder(t, units, today) };
  }

  return { tasks, saveTask, removeTask, check, hasReturn, record, status };
}

/** The 催报 text: who has not returned what, and by when (or that the date has passed). */
export function reminder(t: ReturnTask, units: UnitReturnStatus[], today: string): string {
  const missing = units.filter((u) => u.state !== 'reported');
  if (!missing.length) return '';
  const lines = missing.map((u) => {
    const left = u.ledgers.filter((l) => l.state !== 'reported').map((l) => ledgerDef(l.ledger).label);
    return `${u.unitName}（${left.join('、')}）`;
  });
  const deadline =
    today > t.due
      ? `已超过报送截止时间（${chineseMonthDay(t.due)}），请尽快报送。`
      : `请于${chineseMonthDay(t.due)}前报送。`;
  return `截至${chineseDate(today)}，以下${missing.length}个单位尚未报送“${t.name}”材料：${lines.join('；')}。${deadline}`;
}

export type ReturnsService = ReturnType<typeof createReturnsService>;

export function createReturnsHandlers(
  returns: ReturnsService,
): HandlersFor<'returns:tasks' | 'returns:saveTask' | 'returns:removeTask' | 'returns:status'> {
  return {
    'returns:tasks': async () => ({
      // Newest period first: the task the office is chasing now is at the top.
      tasks: [...returns.tasks()].sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0)),
    }),
    'returns:saveTask': async (args, ctx) => ({ task: await returns.saveTask(args, ctx) }),
    'returns:removeTask': async ({ id }, ctx) => {
      await returns.removeTask(id, ctx);
      return { removed: id };
    },
    'returns:status': async ({ taskId }, ctx) => returns.status(taskId, ctx),
  };
}
