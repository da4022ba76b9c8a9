// The statistics period a screen works on: a preset (本周, 本月, a phase, 全程) or a custom range; remembered.
import { useMemo } from 'react';
import { periodOptions } from '../lib/period';
import type { PeriodOption } from '../lib/period';
import { useAppData } from './useAppData';
import { useLocalStorageState } from './useLocalStorageState';

export interface PeriodChoice {
  key: string;
  from?: string;
  to?: string;
}

export interface PeriodState {
  period: PeriodOption;
  options: PeriodOption[];
  choose: (c: PeriodChoice) => void;
}

/** 本月 while the campaign runs; 全程 before or after it, when 本月 would show only zeros. */
export function usePeriod(): PeriodState {
  const { info, settings } = useAppData();
  const defaultKey =
    info.today >= settings.campaignStart && info.today <= settings.campaignEnd ? 'month' : 'campaign';
  const [choice, setChoice] = useLocalStorageState<PeriodChoice>('campaign-desk.period', { key: defaultKey });
  const options = useMemo(() => periodOptions(info.today, settings), [info.today, settings]);
  const period = useMemo<PeriodOption>(() => {
    if (choice.key === 'custom' && choice.from && choice.to) {
      return { key: 'custom', label: '自定义', from: choice.from, to: choice.to };
    }
    return (
      options.find((o) => o.key === choice.key) ?? options.find((o) => o.key === defaultKey) ?? options[0]
    );
  }, [choice, options, defaultKey]);
  return { period, options, choose: setChoice };
}
