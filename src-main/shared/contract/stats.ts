// Statistics channels: the indicator catalog and its values for a period (本期) and cumulatively (累计).
import * as z from 'zod';
import { dateString } from '../date-schemas';
import type { IndicatorInfo, IndicatorValue } from '../indicators';
import { channel } from './channel';

export const statsQuery = z
  .object({
    from: dateString('起始日期'),
    to: dateString('截止日期'),
    unit: z.string().optional(),
    group: z.string().optional(),
  })
  .strict()
  .refine((q) => q.to >= q.from, { message: '截止日期不能早于起始日期', path: ['to'] });

/** A period as a screen remembers it (shared/period.ts PeriodChoice): a preset's key, or a range with its own dates. */
const periodChoice = z
  .object({
    key: z.string().min(1).max(40),
    from: dateString('起始日期').optional(),
    to: dateString('截止日期').optional(),
  })
  .strict();

export interface DashboardData {
  query: { from: string; to: string };
  indicators: IndicatorValue[];
  /** Task lights per working group. */
  taskLights: { group: string; groupName: string; green: number; yellow: number; red: number }[];
  overdueTasks: { id: string; content: string; deadline: string; unit: string; group: string }[];
  studyByMonth: { month: string; sessions: number; participants: number }[];
  rectification: { total: number; done: number; closed: number; inProgress: number };
  perUnit: { unit: string; unitName: string; studies: number; writings: number; rectifications: number }[];
  /** Names of the key-number cards, in order (declared with the catalog's typed names in src-main/stats). */
  keyNumbers: string[];
}

export const statsContract = {
  'stats:catalog': channel<{ indicators: IndicatorInfo[] }>()(z.object({}).strict(), 'read'),
  'stats:compute': channel<{ indicators: IndicatorValue[] }>()(statsQuery, 'read'),
  'stats:dashboard': channel<DashboardData>()(statsQuery, 'read'),
  /**
   * The dashboard as the app opens on it: the period the screen would pick for the remembered choice (none: the
   * default), resolved here with the same rules and the service's date and settings, so the renderer can ask for it
   * before it knows either. `query` says which period it is.
   */
  'stats:dashboardOpening': channel<DashboardData>()(
    z.object({ choice: periodChoice.optional() }).strict(),
    'read',
  ),
};
