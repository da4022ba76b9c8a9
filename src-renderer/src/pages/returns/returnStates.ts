// How the three 报送 states read and look everywhere on the screen (table cells, the 状态 column, the counts line),
// so 已报 is always the same green, 未报 the same gold and 逾期 the same red.
import type { ReturnState, ReturnTask } from '../../../../src-main/shared/contract/returns';
import { addDays, chineseMonthDay } from '../../../../src-main/shared/dates';
import { periodText } from '../../../../src-main/shared/period';

export const STATE_LABEL: Record<ReturnState, string> = {
  reported: '已报',
  pending: '未报',
  overdue: '逾期',
};

/** antd Tag colours. */
export const STATE_TAG: Record<ReturnState, string> = {
  reported: 'green',
  pending: 'gold',
  overdue: 'red',
};

/** Text colours for the counts line (the tags' dark shades, readable on white). */
export const STATE_TEXT: Record<ReturnState, string> = {
  reported: '#389e0d',
  pending: '#d48806',
  overdue: '#cf1322',
};

export const STATE_ORDER: ReturnState[] = ['reported', 'pending', 'overdue'];

/** What the task picker shows: the office's name for it and the dates it covers. */
export function taskLabel(t: Pick<ReturnTask, 'name' | 'from' | 'to'>): string {
  return `${t.name}（${t.from} 至 ${t.to}）`;
}

/** The name a new task gets from its period: "2026年11月报送" for a calendar month. */
export function defaultTaskName(from: string, to: string): string {
  return `${periodText(from, to)}报送`;
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** "12月10日前报送（还有10天）", "今天截止", or "已超过截止日期3天（11月10日）" — the due date as the office chases it. */
export function dueText(due: string, today: string): string {
  const left = dayNumber(due) - dayNumber(today);
  if (left > 0) return `${chineseMonthDay(due)}前报送（还有${left}天）`;
  if (left === 0) return `今天（${chineseMonthDay(due)}）截止报送`;
  return `已超过报送截止日期${-left}天（${chineseMonthDay(due)}）`;
}

/**
 * The due date a new period suggests: a week after the later of its end and today, so a task set up for a month
 * that has already ended is not overdue the moment it is created.
 */
export function defaultDue(to: string, today: string): string {
  return addDays(to > today ? to : today, 7);
}
