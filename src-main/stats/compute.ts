// Runs the catalog for a query: 本期 is [from, to], 累计 is from the campaign start to `to`. One index per
// scope is built up front and every indicator reads it.
import type { DateRange } from '../shared/dates';
import type { IndicatorValue, StatsQuery } from '../shared/indicators';
import { CATALOG } from './catalog';
import { infoOf } from './define';
import { bucketByUnit, StatsIndex } from './stats-index';
import type { Scope, StatsInput } from './types';

export function rangesOf(input: StatsInput, query: StatsQuery): { period: DateRange; cumulative: DateRange } {
  const start = input.settings.campaignStart;
  // Work dated before the official start (the 区委常委会 hearing on preparations) belongs to the campaign
  // too: 累计 starts at the earlier of the two, so it can never be smaller than 本期.
  const from = query.from < start ? query.from : start;
  return { period: { from: query.from, to: query.to }, cumulative: { from, to: query.to } };
}

function evaluate(ix: StatsIndex, period: DateRange, cumulative: DateRange): IndicatorValue[] {
  return CATALOG.map((d) => ({ ...infoOf(d), period: d.run(ix, period), cumulative: d.run(ix, cumulative) }));
}

const scopeOf = (q: StatsQuery): Scope => ({
  ...(q.unit ? { unit: q.unit } : {}),
  ...(q.group ? { group: q.group } : {}),
});

export function computeIndicators(input: StatsInput, query: StatsQuery): IndicatorValue[] {
  const { period, cumulative } = rangesOf(input, query);
  return evaluate(new StatsIndex(input, scopeOf(query)), period, cumulative);
}

export function indicatorMap(values: IndicatorValue[]): Map<string, IndicatorValue> {
  return new Map(values.map((v) => [v.name, v]));
}

/** Every unit in settings order (the query's unit is ignored; its group, when set, applies to every row). */
export function perUnitIndicators(
  input: StatsInput,
  query: StatsQuery,
): { unitId: string; unitName: string; values: IndicatorValue[] }[] {
  const { period, cumulative } = rangesOf(input, query);
  const units = input.settings.units;
  const buckets = bucketByUnit(
    input.ledgers,
    units.map((u) => u.id),
    query.group,
  );
  return units.map((u) => {
    const scope: Scope = { unit: u.id, ...(query.group ? { group: query.group } : {}) };
    const ix = new StatsIndex(input, scope, buckets.get(u.id));
    return { unitId: u.id, unitName: u.name, values: evaluate(ix, period, cumulative) };
  });
}
