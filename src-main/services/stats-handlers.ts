// Handlers of the statistics channels: all numbers come from the one indicator catalog in src-main/stats.
import type { HandlersFor } from '../shared/contract';
import type { statsContract } from '../shared/contract/stats';
import type { StatsQuery } from '../shared/indicators';
import { periodForChoice } from '../shared/period';
import { catalog, clueMatrix, computeDashboard, computeIndicators, perUnitIndicators } from '../stats';
import type { StatsInput } from '../stats';
import type { ServiceContext } from './service-context';

export function createStatsService(sc: ServiceContext) {
  const input = (): StatsInput => ({ settings: sc.settings(), ledgers: sc.allLiveRecords() });
  return {
    input,
    /** Values for one query, overall and per unit: what the Word and Excel outputs read. */
    computeValues(query: StatsQuery) {
      const data = input();
      return { values: computeIndicators(data, query), perUnit: perUnitIndicators(data, query) };
    },
    /** Sources × dispositions for the 线索处置统计表, from the clue counting projection (no names). */
    clueTable(query: StatsQuery) {
      return clueMatrix(sc.allLiveRecords().clues, query, sc.settings());
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;

export function createStatsHandlers(
  sc: ServiceContext,
  stats: StatsService,
): HandlersFor<keyof typeof statsContract> {
  return {
    'stats:catalog': async () => ({ indicators: catalog() }),
    'stats:compute': async (q) => ({ indicators: computeIndicators(stats.input(), q) }),
    'stats:dashboard': async (q) => computeDashboard(stats.input(), q, sc.today()),
    'stats:dashboardOpening': async ({ choice }) => {
      const today = sc.today();
      const { from, to } = periodForChoice('overview', choice, today, sc.settings());
      return computeDashboard(stats.input(), { from, to }, today);
    },
  };
}
