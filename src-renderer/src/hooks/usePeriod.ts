// The statistics period a screen works on: a preset (本周, 上周, 本月, 上月, a phase, 全程), a month picked from a
// calendar, or a custom range; remembered per purpose, so the dashboard's 本月 never becomes an export's default.
import { useMemo } from 'react';
import { defaultPeriodKey, periodOptions, resolvePeriod } from '../../../src-main/shared/period';
import { PERIOD_STORAGE_KEY } from '../lib/periodStorage';
import type { PeriodChoice, PeriodOption, PeriodPurpose } from '../../../src-main/shared/period';
import { useAppData } from './useAppData';
import { useLocalStorageState } from './useLocalStorageState';

export type { PeriodChoice };

export interface PeriodState {
  period: PeriodOption;
  options: PeriodOption[];
  choose: (c: PeriodChoice) => void;
}

/** Overview (dashboard, indicators): 本月 while the campaign runs. Export: 上月, the last complete month. */
export function usePeriod(purpose: PeriodPurpose = 'overview'): PeriodState {
  const { info, settings } = useAppData();
  const defaultKey = defaultPeriodKey(purpose, info.today, settings);
  const [choice, setChoice] = useLocalStorageState<PeriodChoice>(PERIOD_STORAGE_KEY[purpose], {
    key: defaultKey,
  });
  const options = useMemo(() => periodOptions(info.today, settings), [info.today, settings]);
  const period = useMemo(() => resolvePeriod(choice, options, defaultKey), [choice, options, defaultKey]);
  return { period, options, choose: setChoice };
}
