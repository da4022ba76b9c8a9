// Every indicator of the catalog against hand-worked values on the small dataset: 本期 (April) and 累计
// (from the campaign start), records on both period boundaries, and no indicator left unchecked.
import { describe, expect, it } from 'vitest';
import { CATALOG, computeIndicators, indicatorMap } from '../../../src-main/stats';
import { INPUT, PERIOD } from './dataset';
import { BASIC, ORGANISATION, STUDY } from './expected-a';
import { CLUES, PUBLICITY, RECTIFICATION, RULES } from './expected-b';

const SECTIONS = { BASIC, ORGANISATION, STUDY, RULES, CLUES, RECTIFICATION, PUBLICITY };
const EXPECTED = Object.assign({}, ...Object.values(SECTIONS)) as Record<string, [unknown, unknown]>;
const values = indicatorMap(computeIndicators(INPUT, PERIOD));

describe('indicator catalog on the hand-built dataset', () => {
  it('has a hand-worked expectation for every indicator, and no stale ones', () => {
    const names: string[] = CATALOG.map((d) => d.name);
    expect(names.filter((n) => !(n in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((n) => !names.includes(n))).toEqual([]);
  });

  for (const [section, table] of Object.entries(SECTIONS)) {
    describe(section, () => {
      it.each(Object.entries(table))('%s', (name, [period, cumulative]) => {
        const v = values.get(name);
        expect(v, name).toBeDefined();
        expect({ 本期: v?.period, 累计: v?.cumulative }).toEqual({ 本期: period, 累计: cumulative });
      });
    });
  }

  it('computes the same through each entry’s stand-alone compute()', () => {
    const cumulative = { from: INPUT.settings.campaignStart, to: PERIOD.to };
    for (const d of CATALOG) {
      expect(d.compute(INPUT, PERIOD, {}), d.name).toEqual(EXPECTED[d.name][0]);
      expect(d.compute(INPUT, cumulative, {}), d.name).toEqual(EXPECTED[d.name][1]);
    }
  });
});
