// Statistics periods the office thinks in: this and last week, this and last month, each phase, the whole campaign,
// a month picked from a calendar, or any range; and how a period reads in Chinese ("2026年10月"). Shared: the
// screens resolve a remembered choice with these rules, and so does the service when the dashboard opens
// (stats:dashboardOpening), so both arrive at the same dates.
import { addDays, chineseMonthDay } from './dates';
import type { Settings } from './settings';

export interface PeriodOption {
  key: string;
  label: string;
  from: string;
  to: string;
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The last day of the month `date` (or "YYYY-MM") falls in. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** First and last day of a month given as "YYYY-MM". */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: monthEnd(month) };
}

/** "YYYY-MM" when the range is exactly one calendar month, else null. */
export function wholeMonth(from: string, to: string): string | null {
  return from.endsWith('-01') && from.slice(0, 7) === to.slice(0, 7) && to === monthEnd(from)
    ? from.slice(0, 7)
    : null;
}

/** "2026年10月" for a calendar month, "11月23日至11月29日" within a year, full dates across years. */
export function periodText(from: string, to: string): string {
  const month = wholeMonth(from, to);
  if (month) return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
  const year = (d: string) => `${Number(d.slice(0, 4))}年`;
  if (from === to) return `${year(from)}${chineseMonthDay(from)}`;
  if (from.slice(0, 4) !== to.slice(0, 4))
    return `${year(from)}${chineseMonthDay(from)}至${year(to)}${chineseMonthDay(to)}`;
  return `${year(from)}${chineseMonthDay(from)}至${chineseMonthDay(to)}`;
}

/** Preset periods relative to today (the office's clock, from app:info). Weeks run Monday to Sunday. */
export function periodOptions(today: string, settings: Settings): PeriodOption[] {
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(firstOfMonth, -1);
  const out: PeriodOption[] = [
    { key: 'week', label: '本周', from: monday, to: addDays(monday, 6) },
    { key: 'lastWeek', label: '上周', from: addDays(monday, -7), to: addDays(monday, -1) },
    { key: 'month', label: '本月', from: firstOfMonth, to: monthEnd(today) },
    { key: 'lastMonth', label: '上月', from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd },
  ];
  settings.phases.forEach((p, i) => out.push({ key: `phase-${i}`, label: p.name, from: p.start, to: p.end }));
  out.push({ key: 'campaign', label: '全程', from: settings.campaignStart, to: settings.campaignEnd });
  return out;
}

/** What a screen uses the period for: the dashboard looks at the running month, exports at a finished one. */
export type PeriodPurpose = 'overview' | 'export';

/**
 * The period a screen opens on. Overview: 本月 while the campaign runs, else 全程. Export: 上月, the last complete
 * month, a report is written about; 本月 when the campaign began only this month (上月 would be all zeros).
 */
export function defaultPeriodKey(purpose: PeriodPurpose, today: string, settings: Settings): string {
  const running = today >= settings.campaignStart && today <= settings.campaignEnd;
  if (purpose === 'export') {
    const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    const lastMonthStart = `${lastMonthEnd.slice(0, 7)}-01`;
    if (lastMonthEnd >= settings.campaignStart && lastMonthStart <= settings.campaignEnd) return 'lastMonth';
  }
  return running ? 'month' : 'campaign';
}

/** What the user last chose on a screen: a preset's key, or 'custom' / 'pickedMonth' with its range. */
export interface PeriodChoice {
  /** A preset's key, 'custom' (any range) or 'pickedMonth' (a calendar month chosen in the month picker). */
  key: string;
  from?: string;
  to?: string;
}

const RANGE_LABELS: Record<string, string> = { custom: '自定义', pickedMonth: '选择月份' };

/** The period a choice stands for today: its own range, else its preset, else the default, else the first preset. */
export function resolvePeriod(
  choice: PeriodChoice,
  options: PeriodOption[],
  defaultKey: string,
): PeriodOption {
  const rangeLabel = RANGE_LABELS[choice.key];
  if (rangeLabel && choice.from && choice.to && choice.from <= choice.to) {
    return { key: choice.key, label: rangeLabel, from: choice.from, to: choice.to };
  }
  return options.find((o) => o.key === choice.key) ?? options.find((o) => o.key === defaultKey) ?? options[0];
}

/**
 * The period a screen of `purpose` opens on today for a remembered choice (none remembered: the default), as usePeriod
 * works it out: what the service uses when it picks the dashboard's period itself (stats:dashboardOpening).
 */
export function periodForChoice(
  purpose: PeriodPurpose,
  choice: PeriodChoice | undefined,
  today: string,
  settings: Settings,
): PeriodOption {
  const defaultKey = defaultPeriodKey(purpose, today, settings);
  return resolvePeriod(choice ?? { key: defaultKey }, periodOptions(today, settings), defaultKey);
}

/** The phase a date falls in, if any. */
export function phaseOf(date: string, settings: Settings): string | undefined {
  return settings.phases.find((p) => date >= p.start && date <= p.end)?.name;
}
