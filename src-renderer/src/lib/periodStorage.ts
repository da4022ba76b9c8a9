// Where each screen's last period choice is kept in the browser (a PeriodChoice, src-main/shared/period.ts).
import type { PeriodPurpose } from '../../../src-main/shared/period';

/** Where the last choice is kept, per purpose: the overview key predates the export screens' own and keeps its name. */
export const PERIOD_STORAGE_KEY: Record<PeriodPurpose, string> = {
  overview: 'campaign-desk.period',
  export: 'campaign-desk.period.export',
};
