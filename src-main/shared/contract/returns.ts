// 报送 (returns) channels: what each unit must return for a period (a 报送任务: which ledgers, by when), the returns
// recorded as the units' sheets are imported, and 报送情况 (who has reported, who is late, the 催报 text to send).
import * as z from 'zod';
import { dateString } from '../date-schemas';
import type { LedgerKey } from '../ledgers/types';
import { channel } from './channel';
import { ledgerKey } from './core';

export interface ReturnTask {
  id: string;
  /** What the office calls it, e.g. "2026年10月报送". */
  name: string;
  /** The period the returns cover (records dated in it). */
  from: string;
  to: string;
  /** The last day to return, inclusive. */
  due: string;
  ledgers: LedgerKey[];
  /** Unit ids expected to return. */
  units: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** One unit's return of one ledger for a task, as recorded when its sheet was imported. */
export interface UnitReturn {
  id: string;
  taskId: string;
  unit: string;
  ledger: LedgerKey;
  /** When it was imported, and by whom. */
  at: string;
  by: string;
  /** Rows of the file imported as records (新增 + 更新), and those skipped as already stored. */
  created: number;
  updated: number;
  skipped: number;
  /** Records of the unit's earlier return this corrected one no longer had (moved to the recycle bin). */
  removed?: number;
  fileName: string;
  /** SHA-256 of the file, to tell a resent file from a corrected one. */
  sha256: string;
}

/** 已报 / 未报 (before the due date) / 逾期 (after it). */
export type ReturnState = 'reported' | 'pending' | 'overdue';

export interface UnitReturnStatus {
  unit: string;
  unitName: string;
  state: ReturnState;
  ledgers: {
    ledger: LedgerKey;
    state: ReturnState;
    /** The latest return of this ledger, if any. */
    last?: UnitReturn;
    /** The unit's records of this ledger dated in the period, as stored now. */
    records: number;
  }[];
}

export interface ReturnStatus {
  task: ReturnTask;
  today: string;
  units: UnitReturnStatus[];
  counts: Record<ReturnState, number>;
  /** The 催报 text to copy into a message; empty when every unit has reported. */
  reminder: string;
}

const taskFields = z.object({
  name: z.string().trim().min(1, '任务名称必须填写').max(60, '任务名称不能超过60字'),
  from: dateString('起始日期'),
  to: dateString('截止日期'),
  due: dateString('报送截止日期'),
  ledgers: z.array(ledgerKey).min(1, '至少选择一个台账').max(20),
  units: z.array(z.string().min(1).max(100)).min(1, '至少选择一个单位').max(500),
});

const taskArgs = taskFields
  .extend({ id: z.string().min(1).max(100).optional() })
  .strict()
  .refine((t) => t.to >= t.from, { message: '截止日期不能早于起始日期', path: ['to'] })
  .refine((t) => t.due >= t.to, { message: '报送截止日期不能早于所报期间的截止日期', path: ['due'] });

/** What an import says it is: the return of `unit` for task `taskId` (every row must be that unit's). */
export const returnFor = z
  .object({ taskId: z.string().min(1).max(100), unit: z.string().min(1).max(100) })
  .strict();
export type ReturnFor = z.infer<typeof returnFor>;

export const returnsContract = {
  'returns:tasks': channel<{ tasks: ReturnTask[] }>()(z.object({}).strict(), 'read'),
  'returns:saveTask': channel<{ task: ReturnTask }>()(taskArgs, 'write'),
  'returns:removeTask': channel<{ removed: string }>()(
    z.object({ id: z.string().min(1).max(100) }).strict(),
    'write',
  ),
  'returns:status': channel<ReturnStatus>()(
    z.object({ taskId: z.string().min(1).max(100) }).strict(),
    'read',
  ),
} as const;
