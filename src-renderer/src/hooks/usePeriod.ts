// The statistics period a screen works on: a preset (本周, 上周, 本月, 上月, a phase, 全程), a month picked from a
// calendar, or a custom range; remembered per purpose, so the dashboard's 本月 never becomes an export's default.
import { useMemo } from 'react';
import { defaultPeriodKey, periodOptions } from '../lib/period';
import type { PeriodOption, PeriodPurpose } from '../lib/period';
import { useAppData } from './useAppData';
import { useLocalStorageState } from './useLocalStorageState';

export interface PeriodChoice {
  /** A preset's key, 'custom' (any range) or 'pickedMonth' (a calendar month chosen in the month picker). */
  key: string;
  from?: string;
  to?: string;
}

export interface PeriodState {
  period: PeriodOption;
  options: PeriodOption[];
  choose: (c: PeriodChoice) => void;
}

/** Kept apart per purpose: the overview key predates the export screens' own and keeps its old name. */
const STORAGE_KEY: Record<PeriodPurpose, string> = {
  overview: 'campaign-desk.period',
  export: 'campaign-desk.period.export',
};

const RANGE_KEYS: Record<string, string> = { custom: '自定义', pickedMonth: '选择月份' };

/** Overview (dashboard, indicators): 本月 while the campaign runs. Export: 上月, the last complete month. */
export function usePeriod(purpose: PeriodPurpose = 'overview'): PeriodState {
  const { info, settings } = useAppData();
  const defaultKey = defaultPeriodKey(purpose, info.today, settings);
  const [choice, setChoice] = useLocalStorageState<PeriodChoice>(STORAGE_KEY[purpose], { key: defaultKey });
  const options = useMemo(() => periodOptions(info.today, settings), [info.today, settings]);
  const period = useMemo<PeriodOption>(() => {
    const rangeLabel = RANGE_KEYS[choice.key];
    if (rangeLabel && choice.from && choice.to && choice.from <= choice.to) {
      return { key: choice.key, label: rangeLabel, from: choice.from, to: choice.to };
    }
    return (
      options.find((o) => o.key === choice.key) ?? options.find((o) => o.key === defaultKey) ?? options[0]
    );
  }, [choice, options, defaultKey]);
  return { period, options, choose: setChoice };
}
