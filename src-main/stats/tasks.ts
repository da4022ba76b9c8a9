// The task light (绿 / 黄 / 红) and what counts as done: one rule for the dashboard, the task table and exports.
import type { ChoiceMeanings } from '../shared/choice-meanings';
import { addDays } from '../shared/dates';
import type { LedgerRecord } from '../shared/ledgers/types';
import { isDone, str } from './util';

/**
 * done: a status the tasks ledger declares done (已完成, 已销号, under any later name); red: past the deadline;
 * yellow: deadline within the next 3 days; else green.
 */
export function taskLight(
  task: LedgerRecord,
  today: string,
  choices: ChoiceMeanings,
): 'green' | 'yellow' | 'red' | 'done' {
  if (isDone('tasks', task, choices)) return 'done';
  const deadline = str(task.deadline);
  if (!deadline) return 'green';
  if (deadline < today) return 'red';
  return deadline <= addDays(today, 3) ? 'yellow' : 'green';
}
