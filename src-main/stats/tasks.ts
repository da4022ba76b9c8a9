// The task light (绿 / 黄 / 红) and what counts as done: one rule for the dashboard, the task table and exports.
import { addDays } from '../shared/dates';
import type { LedgerRecord } from '../shared/ledgers/types';
import { str, TASK_DONE } from './util';

/** done: finished or crossed off; red: past the deadline; yellow: deadline within the next 3 days; else green. */
export function taskLight(task: LedgerRecord, today: string): 'green' | 'yellow' | 'red' | 'done' {
  if (TASK_DONE.includes(task.status as string)) return 'done';
  const deadline = str(task.deadline);
  if (!deadline) return 'green';
  if (deadline < today) return 'red';
  return deadline <= addDays(today, 3) ? 'yellow' : 'green';
}
