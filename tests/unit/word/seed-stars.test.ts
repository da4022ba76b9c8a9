// Every `*` of the real report the office used to count by hand (tests/fixtures/seed-report.txt, a copy of
// shared/reference/seed-report.txt) is fillable from data: this table maps each of the 28 to the indicator that
// fills it (and, for names, the setting the office fills once), and checks the built-in report and the template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src-main/demo';
import { CATALOG, computeIndicators, formatIndicator, perUnitIndicators } from '../../../src-main/stats';
import type { IndicatorName } from '../../../src-main/stats/catalog';
import { DRAFT_NOTES } from '../../../src-main/services/report-notes-service';
import { buildReport, buildReportTemplate } from '../../../src-main/word/report';
import { catalog } from '../../../src-main/stats';
import { documentText } from './fixtures';

type Variant = 'period' | 'cumulative';

interface Star {
  /** The indicator whose value (or list item `item`) fills the star; its {{placeholder}} in templates. */
  indicator: IndicatorName;
  variant?: Variant;
  item?: number;
  /** Where the office fills a name once (a settings path), when the value is not counted from a ledger. */
  setting?: string;
  /** For a plenary: which part of it the star is. */
  part?: 'term' | 'session';
}

interface Phrase {
  /** The seed's words around the stars, exactly as in the seed. */
  seed: string;
  stars: Star[];
  /** How the built-in report says it, {0} {1} … standing for the stars' values. */
  report: string;
}

const PHRASES: Phrase[] = [
  {
    seed: '细化成*项具体任务',
    stars: [{ indicator: '具体任务数', variant: 'cumulative' }],
    report: '细化成{0}项具体任务',
  },
  {
    seed: '先后召开领导小组会议*次、领导小组办公室会议*次，督导检查*次',
    stars: [
      { indicator: '领导小组会议次数' },
      { indicator: '领导小组办公室会议次数' },
      { indicator: '督导检查次数' },
    ],
    report: '召开领导小组会议{0}次、领导小组办公室会议{1}次，开展督导检查{2}次',
  },
  {
    seed: '省纪委*届*次全会、市纪委*届*次全会',
    stars: [
      { indicator: '上级全会', setting: 'report.plenaries[省纪委]', part: 'term' },
      { indicator: '上级全会', setting: 'report.plenaries[省纪委]', part: 'session' },
      { indicator: '上级全会', setting: 'report.plenaries[市纪委]', part: 'term' },
      { indicator: '上级全会', setting: 'report.plenaries[市纪委]', part: 'session' },
    ],
    report: '省纪委{0}届{1}次全会、市纪委{2}届{3}次全会',
  },
  {
    seed: '组织常委会（中心组）集中学习*次',
    stars: [{ indicator: '领导班子集中学习次数' }],
    report: '组织常委会（中心组）集中学习{0}次',
  },
  {
    seed: '*、*、*3名同志',
    stars: [0, 1, 2].map((item) => ({ indicator: '领导班子学习讲话人' as const, item })),
    report: '{0}、{1}、{2}3名同志',
  },
  {
    seed: '全体纪检监察干部撰写心得体会*篇、学习笔记*万字',
    stars: [{ indicator: '心得体会篇数' }, { indicator: '学习笔记万字' }],
    report: '全体纪检监察干部撰写心得体会{0}篇、学习笔记{1}万字',
  },
  {
    seed: '严格落实*同志',
    stars: [{ indicator: '引述要求领导', setting: 'report.citedLeader' }],
    report: '严格落实{0}同志',
  },
  {
    seed: '领导班子重点学习了*、*等内容',
    // The built-in report names the leadership's contents once, in the 常委会 sentence before it.
    stars: [0, 1].map((item) => ({ indicator: '领导班子学习内容' as const, item })),
    report: '完成对{0}、{1}、',
  },
  {
    seed: '撰写心得体会*篇、学习笔记*万字。\n三是',
    stars: [{ indicator: '领导班子心得体会篇数' }, { indicator: '领导班子学习笔记万字' }],
    report: '领导班子成员撰写心得体会{0}篇、学习笔记{1}万字',
  },
  {
    seed: '学习资料汇编*册*本',
    stars: [{ indicator: '学习资料册数' }, { indicator: '学习资料本数' }],
    report: '{0}册{1}本',
  },
  {
    seed: '等*个方面*篇内容',
    stars: [{ indicator: '学习资料方面数' }, { indicator: '学习资料篇数' }],
    report: '涵盖{0}个方面{1}篇内容',
  },
  {
    seed: '邀请*同志',
    stars: [{ indicator: '专题授课人', item: 0 }],
    report: '邀请{0}',
  },
  {
    seed: '等*方面*条具体规定',
    stars: [{ indicator: '具体规定方面数' }, { indicator: '具体规定条数' }],
    report: '制定{0}方面{1}条具体规定',
  },
  {
    seed: '全区*个乡镇（街道）纪（工）委',
    stars: [{ indicator: '乡镇街道纪工委数', variant: 'cumulative' }],
    report: '全区{0}个乡镇（街道）纪（工）委',
  },
  {
    seed: '如*纪工委',
    stars: [{ indicator: '学习教育制度亮点单位', item: 0 }],
    report: '如{0}在',
  },
];

const seed = readFileSync(join(import.meta.dirname, '../../fixtures/seed-report.txt'), 'utf8');
const demo = generateDemo({ start: '2026-09-01' });
// The whole campaign: every fact of the seed (a first report) has happened.
const query = { from: '2026-09-01', to: '2026-11-29' };
const values = computeIndicators(demo, query);

function valueOf(star: Star): string {
  const v = values.find((i) => i.name === star.indicator)!;
  const raw = v[star.variant ?? 'period'];
  if (star.part) {
    const body = star.setting!.match(/\[(.+)\]/)![1];
    const p = demo.settings.report.plenaries.find((x) => x.body === body)!;
    return p[star.part];
  }
  if (star.item !== undefined) return (raw as string[])[star.item];
  return formatIndicator(raw, v.kind);
}

describe('the 28 stars of the seed report', () => {
  it('maps each of the 28 to a source, every phrase as the seed writes it', () => {
    expect([...seed].filter((c) => c === '*')).toHaveLength(28);
    expect(PHRASES.flatMap((p) => p.stars)).toHaveLength(28);
    for (const p of PHRASES) {
      expect(seed, p.seed).toContain(p.seed);
      expect(
        [...p.seed].filter((c) => c === '*'),
        p.seed,
      ).toHaveLength(p.stars.length);
    }
    const names = new Set<string>(CATALOG.map((d) => d.name));
    for (const s of PHRASES.flatMap((p) => p.stars)) expect(names.has(s.indicator), s.indicator).toBe(true);
  });

  it('fills every star from the demo data in the built-in report', async () => {
    const text = (
      await documentText(
        await buildReport({
          settings: demo.settings,
          query,
          values,
          perUnit: perUnitIndicators(demo, query),
          notes: DRAFT_NOTES,
          today: '2026-11-30',
        }),
      )
    ).join('\n');
    for (const p of PHRASES) {
      const said = p.stars.reduce((s, star, i) => s.replace(`{${i}}`, valueOf(star)), p.report);
      for (const star of p.stars) expect(valueOf(star), `${p.seed}: ${star.indicator}`).toBeTruthy();
      expect(text, p.seed).toContain(said);
    }
  });

  it('gives every star a placeholder in the report template', async () => {
    const text = (
      await documentText(
        await buildReportTemplate({ settings: demo.settings, catalog: catalog(), notes: DRAFT_NOTES }),
      )
    ).join('\n');
    for (const s of PHRASES.flatMap((p) => p.stars)) {
      expect(text, s.indicator).toContain(`{{${s.indicator}${s.variant === 'cumulative' ? '|累计' : ''}}}`);
    }
  });
});
