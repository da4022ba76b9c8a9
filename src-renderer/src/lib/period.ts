// Statistics periods the office thinks in: this week, this month, each phase, the whole campaign, or a range.
import { addDays } from '../../../src-main/shared/dates';
import type { Settings } from '../../../src-main/shared/settings';

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

function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Preset periods relative to today (the office's clock, from app:info). Weeks run Monday to Sunday. */
export function periodOptions(today: string, settings: Settings): PeriodOption[] {
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const out: PeriodOption[] = [
    { key: 'week', label: '本周', from: monday, to: addDays(monday, 6) },
    { key: 'month', label: '本月', from: `${today.slice(0, 7)}-01`, to: monthEnd(today) },
  ];
  settings.phases.forEach((p, i) => out.push({ key: `phase-${i}`, label: p.name, from: p.start, to: p.end }));
  out.push({ key: 'campaign', label: '全程', from: settings.campaignStart, to: settings.campaignEnd });
  return out;
}

/** The phase a date falls in, if any. */
export function phaseOf(date: string, settings: Settings): string | undefined {
  return settings.phases.find((p) => date >= p.start && date <= p.end)?.name;
}
