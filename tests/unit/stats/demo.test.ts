// The demo generator: deterministic (same seed → identical output, whatever the clock), every record valid
// for its ledger, ids unique, links resolving, and the key indicators non-zero on it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AS_OF_DAYS, generateDemo } from '../../../src-main/demo';
import { addDays } from '../../../src-main/shared/dates';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import { buildRecordSchema } from '../../../src-main/shared/ledgers/schema';
import { LEDGER_KEYS } from '../../../src-main/shared/ledgers/types';
import { SettingsSchema } from '../../../src-main/shared/settings';
import { computeIndicators, indicatorMap } from '../../../src-main/stats';

const SYSTEM = ['id', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'rev', 'deletedAt', 'deletedBy'];
const demo = generateDemo();
const all = LEDGER_KEYS.flatMap((k) => demo.ledgers[k]);

afterEach(() => vi.useRealTimers());

describe('generateDemo', () => {
  it('is deterministic: same seed gives identical output, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const later = generateDemo();
    expect(later).toEqual(demo);
    expect(generateDemo({ seed: 7 })).toEqual(generateDemo({ seed: 7 }));
    expect(generateDemo({ seed: 7 }).ledgers.studies).not.toEqual(demo.ledgers.studies);
  });

  it('builds a plausible district: valid settings, about 15 units of all three kinds, groups with leaders', () => {
    expect(SettingsSchema.safeParse(demo.settings).success).toBe(true);
    expect(demo.settings.commissionName).toBe('江城区纪委监委');
    expect(demo.settings.units.length).toBeGreaterThanOrEqual(14);
    expect(new Set(demo.settings.units.map((u) => u.kind))).toEqual(
      new Set(['机关', '派驻机构', '乡镇街道']),
    );
    expect(demo.settings.phases.map((p) => p.name)).toEqual(['学习教育', '检视整改', '巩固提升']);
    for (const g of demo.settings.groups) expect(g.leader).not.toBe('');
    expect(demo.settings.leadingGroup.some((m) => m.role === '组长')).toBe(true);
  });

  it('fills every ledger, with a couple of thousand records in all', () => {
    for (const k of LEDGER_KEYS) expect(demo.ledgers[k].length, k).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(1500);
  });

  it('gives every record unique stable ids and its RecordBase fields', () => {
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(demo.ledgers.meetings[0].id).toBe('demo-mtg-00001');
    for (const r of all) {
      expect(r).toMatchObject({ createdBy: '演示数据', updatedBy: '演示数据', rev: 1 });
      expect(r.createdAt.slice(0, 10)).toBe(r.date);
    }
  });

  it.each(LEDGER_KEYS)('every %s record passes its ledger schema', (key) => {
    const schema = buildRecordSchema(LEDGERS[key], {
      choiceLists: demo.settings.choiceLists,
      unitIds: demo.settings.units.map((u) => u.id),
      groupKeys: demo.settings.groups.map((g) => g.key),
    });
    for (const r of demo.ledgers[key]) {
      const editable = Object.fromEntries(Object.entries(r).filter(([k]) => !SYSTEM.includes(k)));
      const parsed = schema.safeParse(editable);
      expect(parsed.success, `${r.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('links rectification items to rules that exist, and some do link', () => {
    const ruleIds = new Set(demo.ledgers.rules.map((r) => r.id));
    const links = demo.ledgers.rectifications.flatMap((r) => (r.rules as string[] | undefined) ?? []);
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect(ruleIds.has(id)).toBe(true);
  });

  it('keeps records on or before the demo "today" (start + AS_OF_DAYS), except planned tasks', () => {
    const asOf = addDays(demo.settings.campaignStart, AS_OF_DAYS);
    for (const k of LEDGER_KEYS.filter((x) => x !== 'tasks')) {
      for (const r of demo.ledgers[k]) expect(r.date <= asOf, `${r.id} ${r.date}`).toBe(true);
    }
  });

  it('shifts with `start` and multiplies with `scale`', () => {
    const shifted = generateDemo({ start: '2027-03-01' });
    expect(shifted.settings.campaignStart).toBe('2027-03-01');
    expect(shifted.ledgers.studies.every((r) => r.date >= '2027-01-01')).toBe(true);
    const big = generateDemo({ scale: 3 });
    expect(big.ledgers.studies.length).toBeGreaterThan(demo.ledgers.studies.length * 2.5);
  });

  it('gives non-zero values for the key indicators over the campaign so far', () => {
    const to = addDays(demo.settings.campaignStart, AS_OF_DAYS);
    const v = indicatorMap(computeIndicators(demo, { from: demo.settings.phases[1].start, to }));
    for (const name of [
      '领导小组会议次数',
      '领导小组办公室会议次数',
      '督导检查次数',
      '具体任务数',
      '已完成任务数',
      '任务完成率',
      '集中学习次数',
      '领导班子集中学习次数',
      '学习内容项数',
      '参学率',
      '心得体会篇数',
      '学习笔记万字',
      '学习资料册数',
      '制度数',
      '制度条数',
      '具体规定条数',
      '乡镇街道纪工委数',
      '受理线索数',
      '处置线索数',
      '第一种形态人次',
      '检视问题数',
      '已整改问题数',
      '整改率',
      '建立制度数',
      '宣传稿件数',
      '舆情数',
      '简报期数',
      '简报被上级采用数',
    ]) {
      expect(v.get(name)?.cumulative, name).toBeGreaterThan(0);
    }
    expect((v.get('领导班子学习内容')?.cumulative as string[]).length).toBeGreaterThan(1);
    expect((v.get('被督导单位')?.cumulative as string[]).length).toBeGreaterThan(1);
  });
});
