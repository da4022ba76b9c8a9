// The small public helpers: the task light, the four-forms mapping, value formatting, and the catalog's own
// integrity (unique stable names, categories, confidential marking, plain data across IPC).
import { describe, expect, it } from 'vitest';
import { NO_RENAMES } from '../../../src-main/shared/choice-meanings';
import { DEFAULT_FOUR_FORMS } from '../../../src-main/shared/choices';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import {
  CATALOG,
  catalog,
  computeIndicators,
  formatIndicator,
  fourFormOf,
  taskLight,
} from '../../../src-main/stats';
import { INPUT, PERIOD } from './dataset';

const rec = (fields: Record<string, unknown>) =>
  ({ id: 'x', group: 'g', unit: 'u', date: '2026-04-01', ...fields }) as LedgerRecord;

describe('taskLight', () => {
  const task = (status: string, deadline?: string) => rec({ status, deadline });
  it.each([
    ['已完成', '2026-04-01', '2026-04-20', 'done'],
    ['已销号', '2026-04-01', '2026-04-20', 'done'],
    ['推进中', '2026-04-19', '2026-04-20', 'red'], // a day past the deadline
    ['推进中', '2026-04-20', '2026-04-20', 'yellow'], // due today
    ['未启动', '2026-04-23', '2026-04-20', 'yellow'], // due in exactly 3 days
    ['推进中', '2026-04-24', '2026-04-20', 'green'], // 4 days left
    ['推进中', undefined, '2026-04-20', 'green'], // no deadline set
  ] as const)('%s due %s seen on %s is %s', (status, deadline, today, light) => {
    expect(taskLight(task(status, deadline), today, NO_RENAMES)).toBe(light);
  });
});

describe('fourFormOf', () => {
  const m = DEFAULT_FOUR_FORMS;
  it('counts 了结澄清 as the first form only after 谈话函询', () => {
    expect(fourFormOf(rec({ disposition: '谈话函询', outcome: '了结澄清' }), m, NO_RENAMES)).toBe(1);
    expect(fourFormOf(rec({ disposition: '初步核实', outcome: '了结澄清' }), m, NO_RENAMES)).toBeNull();
    expect(fourFormOf(rec({ disposition: '予以了结', outcome: '了结澄清' }), m, NO_RENAMES)).toBeNull();
  });
  it('lets the sanction decide over the outcome', () => {
    expect(fourFormOf(rec({ outcome: '党纪处分', sanction: '留党察看' }), m, NO_RENAMES)).toBe(3);
    expect(fourFormOf(rec({ outcome: '政务处分', sanction: '记大过' }), m, NO_RENAMES)).toBe(2);
    expect(fourFormOf(rec({ outcome: '诫勉', sanction: '开除' }), m, NO_RENAMES)).toBe(3);
  });
  it('falls back to the outcome when the sanction is not mapped, and gives null without a result', () => {
    expect(fourFormOf(rec({ outcome: '诫勉', sanction: '未知处分' }), m, NO_RENAMES)).toBe(1);
    expect(fourFormOf(rec({ outcome: '党纪处分' }), m, NO_RENAMES)).toBeNull(); // no sanction to say which form
    expect(fourFormOf(rec({ outcome: '移送司法机关' }), m, NO_RENAMES)).toBe(4);
    expect(fourFormOf(rec({}), m, NO_RENAMES)).toBeNull();
  });
  it('follows an edited mapping', () => {
    expect(fourFormOf(rec({ outcome: '诫勉' }), { ...m, 诫勉: 2 }, NO_RENAMES)).toBe(2);
  });
});

describe('formatIndicator', () => {
  it.each([
    [8.1234, 'amount', '8.12'],
    [8.1, 'amount', '8.1'],
    [13, 'amount', '13'],
    [0.05, 'amount', '0.05'],
    [87.5, 'percent', '87.5%'],
    [100, 'percent', '100%'],
    [0, 'percent', '0%'],
    [33.333, 'percent', '33.3%'],
    [12, 'count', '12'],
    [['党的二十大报告', '《监察法》'], 'list', '党的二十大报告、《监察法》'],
    [[], 'list', ''],
    ['4月30日', 'text', '4月30日'],
  ] as const)('%j as %s reads %s', (raw, kind, text) => {
    expect(formatIndicator(raw as number | string | string[], kind)).toBe(text);
  });
});

describe('catalog', () => {
  it('has unique names in the seven known categories', () => {
    const names = CATALOG.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const categories = new Set(CATALOG.map((d) => d.category));
    expect([...categories].sort()).toEqual(
      ['基本信息', '学习教育', '宣传舆情', '建章立制', '检视整改', '组织领导', '问题线索'].sort(),
    );
  });

  it('includes every indicator the domain guide and the seed report name', () => {
    const names = new Set<string>(CATALOG.map((d) => d.name));
    for (const n of [
      '领导小组会议次数',
      '领导小组办公室会议次数',
      '督导检查次数',
      '督导发现问题数',
      '具体任务数',
      '已完成任务数',
      '任务完成率',
      '逾期任务数',
      '集中学习次数',
      '领导班子集中学习次数',
      '学习内容项数',
      '领导班子学习内容',
      '学习内容',
      '专题授课次数',
      '主题党日次数',
      '参学率',
      '心得体会篇数',
      '学习笔记万字',
      '领导班子心得体会篇数',
      '领导班子学习笔记万字',
      '交流研讨发言篇数',
      '学习资料册数',
      '学习资料本数',
      '学习资料方面数',
      '学习资料篇数',
      '制度数',
      '制度方面数',
      '制度条数',
      '工作制度数',
      '工作制度方面数',
      '具体规定方面数',
      '具体规定条数',
      '乡镇街道纪工委数',
      '受理线索数',
      '处置线索数',
      '立案数',
      '处分人数',
      '第一种形态人次',
      '第四种形态人次',
      '第一种形态占比',
      '检视问题数',
      '已整改问题数',
      '整改率',
      '建立制度数',
      '宣传稿件数',
      '舆情数',
      '简报期数',
      '简报被上级采用数',
      '被督导单位',
      '单位名称',
      '教育整顿名称',
      '起始日期',
      '截止日期',
      '截至日期',
      '报告期间',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it('marks exactly the clue indicators as confidential-derived, and they are never lists', () => {
    for (const d of CATALOG) {
      expect(!!d.fromConfidential, d.name).toBe(d.category === '问题线索');
      if (d.fromConfidential) expect(d.kind).not.toBe('list');
    }
  });

  it('describes kinds and units consistently', () => {
    for (const d of CATALOG) {
      expect(d.meaning, d.name).toMatch(/[\u4e00-\u9fff]/);
      if (d.kind === 'percent') expect(d.unit).toBe('%');
      if (d.kind === 'list' || d.kind === 'text') expect(d.unit).toBe('');
      else expect(d.unit, d.name).not.toBe('');
    }
  });

  it('hands out plain data only (values cross IPC by structured clone)', () => {
    expect(() => structuredClone(catalog())).not.toThrow();
    expect(() => structuredClone(computeIndicators(INPUT, PERIOD))).not.toThrow();
    expect(Object.keys(catalog()[0]).sort()).toEqual(['category', 'kind', 'meaning', 'name', 'unit']);
  });
});
