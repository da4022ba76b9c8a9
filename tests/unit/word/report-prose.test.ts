// The report's prose read as the official who signs it would, over the demo district (campaign from 2026-09-01,
// data up to 11-30): an empty future month, the first week, a mid-campaign month and the whole campaign. No figure
// of 0, no number said twice, no "*", no blank name; the right indicator in each sentence.
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src-main/demo';
import type { ReportNotes } from '../../../src-main/shared/contract/report';
import type { Settings } from '../../../src-main/shared/settings';
import { computeIndicators, formatIndicator, perUnitIndicators } from '../../../src-main/stats';
import { DRAFT_NOTES } from '../../../src-main/services/report-notes-service';
import { buildReport } from '../../../src-main/word/report';
import { documentText } from './fixtures';

const demo = generateDemo({ start: '2026-09-01' });

const PERIODS = {
  empty: { from: '2026-12-01', to: '2026-12-31' },
  firstWeek: { from: '2026-09-01', to: '2026-09-06' },
  october: { from: '2026-10-01', to: '2026-10-31' },
  campaign: { from: '2026-09-01', to: '2026-11-29' },
};

async function report(
  q: { from: string; to: string },
  opts: { settings?: Settings; notes?: ReportNotes } = {},
) {
  const input = { settings: opts.settings ?? demo.settings, ledgers: demo.ledgers };
  const values = computeIndicators(input, q);
  const paragraphs = await documentText(
    await buildReport({
      settings: input.settings,
      query: q,
      values,
      perUnit: perUnitIndicators(input, q),
      notes: opts.notes ?? DRAFT_NOTES,
      today: '2026-11-30',
    }),
  );
  // The body: from the opening to the 附件说明 (the tables after it are figures, not prose).
  const end = paragraphs.findIndex((p) => p.startsWith('附件：'));
  const body = paragraphs.slice(2, end);
  const v = (name: string, variant: 'period' | 'cumulative' = 'period') => {
    const x = values.find((i) => i.name === name)!;
    return formatIndicator(x[variant], x.kind);
  };
  return { paragraphs, body, text: body.join('\n'), v };
}

/** A figure of zero with its measure word: "0次", "0人次", "0%", "0万字" (not "10次" or "0.5万字"). */
const ZERO_FIGURE = /(?<![\d.])0(?=次|项|篇|件|人|个|期|起|册|本|条|万字|%|方面|场)/;
const BLANK_NAME = /同志在上|邀请同志|如在|在中明确|《》|“”|、、|，，|。。|；；|：。|，。|、。|等等/;

describe('report prose over the demo district', () => {
  for (const [label, q] of Object.entries(PERIODS)) {
    it(`${label}: no zero figure, no star, no placeholder, no blank name`, async () => {
      const { text, body } = await report(q);
      expect(text).not.toMatch(ZERO_FIGURE);
      expect(text).not.toMatch(/[*＊]|\{\{|｛｛|undefined|NaN|null/);
      expect(text).not.toMatch(BLANK_NAME);
      // Six sections of facts, each present (a section with nothing to say keeps its heading and one line).
      for (const n of ['一、', '二、', '三、', '四、', '五、', '六、']) {
        expect(body.filter((p) => p.startsWith(n))).toHaveLength(1);
      }
      // No data-dictionary aside in the opening.
      expect(body[0]).not.toMatch(/统计时段|累计数据截至/);
    });
  }

  it('says each number once when 本期 is 累计 (the whole campaign, the first week)', async () => {
    for (const q of [PERIODS.campaign, PERIODS.firstWeek]) {
      const { text, body } = await report(q);
      expect(text).not.toContain('累计');
      expect(body[0]).toContain('现将教育整顿开展以来工作情况报告如下');
    }
  });

  it('gives the cumulative figures of a mid-campaign month once, after the month’s', async () => {
    const { text, v } = await report(PERIODS.october);
    expect(text).toContain(
      `10月，召开领导小组会议${v('领导小组会议次数')}次、领导小组办公室会议${v('领导小组办公室会议次数')}次`,
    );
    expect(text).toContain(
      `截至10月31日，累计召开领导小组会议${v('领导小组会议次数', 'cumulative')}次、领导小组办公室会议${v('领导小组办公室会议次数', 'cumulative')}次`,
    );
    // 建立制度数 is the same for the month and the campaign so far (3): said once.
    expect(v('建立制度数')).toBe(v('建立制度数', 'cumulative'));
    expect(text).toContain(`10月通过整改建立完善制度${v('建立制度数')}项。`);
    expect(text).not.toMatch(/累计通过整改建立完善制度/);
  });

  it('uses the leadership’s count for the 常委会 study and the all-units count apart', async () => {
    const { text, v } = await report(PERIODS.october);
    expect(Number(v('集中学习次数'))).toBeGreaterThan(100);
    expect(text).toContain(`组织常委会（中心组）集中学习${v('领导班子集中学习次数')}次`);
    expect(text).not.toContain(`常委会（中心组）集中学习${v('集中学习次数')}次`);
    expect(text).toContain(`全区各单位组织集中学习${v('集中学习次数')}次`);
  });

  it('fills the names the seed report names: speakers, plenaries, cited leader, lecturers, film, example unit', async () => {
    const { text, v } = await report(PERIODS.campaign);
    expect(text).toContain('贯通学习二十届中央纪委五次全会、省纪委十二届五次全会、市纪委九届五次全会精神');
    expect(text).toContain('刘建华、孙志明、周建华3名同志的讲话精神');
    expect(text).toContain(
      '严格落实周建华同志在全市纪检监察干部队伍教育整顿动员部署会议上“领导班子要发挥带动作用，学在前、干在前、做表率”要求',
    );
    expect(text).toContain('邀请高志远、吴明同志进行专题授课');
    expect(text).toContain('《榜样7》');
    expect(text).toMatch(/如东湖镇纪委在《东湖镇纪委学习教育制度》中明确，[^。]+。/);
    expect(text).toContain(`制定${v('具体规定方面数')}方面${v('具体规定条数')}条具体规定`);
    expect(text).toContain(`全区${v('乡镇街道纪工委数')}个乡镇（街道）纪（工）委`);
  });

  it('leaves out the sentence of a name the office has not filled', async () => {
    const settings: Settings = {
      ...demo.settings,
      report: { ...demo.settings.report, plenaries: [], citedRequirement: '' },
    };
    const { text } = await report(PERIODS.campaign, { settings });
    expect(text).not.toContain('贯通学习');
    expect(text).not.toContain('严格落实');
    expect(text).toContain('始终坚持以上率下原则。坚持以“主要负责人严于班子其他成员');
  });

  it('says an empty month plainly: no clue received, nothing new, with the totals so far', async () => {
    const { text } = await report(PERIODS.empty);
    expect(text).toContain('12月，未收到新的问题线索；截至12月31日，累计受理');
    expect(text).toContain('12月，未发生涉及纪检监察干部队伍的负面舆情');
    expect(text).not.toMatch(/12月，(召开|开展|受理问题线索|编发)/);
  });

  it('writes the office’s own text for the period and leaves out a part left empty', async () => {
    const notes: ReportNotes = {
      highlights: '青山镇纪委推行“清风夜校”，每周一晚集中学习党纪法规。',
      problems: '个别单位学习笔记存在照抄照搬现象。\n部分整改措施针对性不强。',
      nextSteps: '',
    };
    const { paragraphs } = await report(PERIODS.october, { notes });
    const all = paragraphs.join('\n');
    expect(paragraphs).toContain('七、工作亮点');
    expect(paragraphs).toContain('八、存在的问题');
    expect(all).toContain('个别单位学习笔记存在照抄照搬现象。\n部分整改措施针对性不强。');
    expect(all).not.toContain('下一步工作打算');
    expect(all).not.toContain(DRAFT_NOTES.problems.slice(0, 20));
  });

  it('lists only the rows of 附件1 with a figure, in a table of a few pages', async () => {
    const { paragraphs } = await report(PERIODS.october);
    const start = paragraphs.indexOf('附件1');
    const table = paragraphs.slice(start, paragraphs.indexOf('附件2'));
    expect(table.length).toBeLessThan(260);
    // Rows are [category?, name, unit, 本期, 累计]: no row of the table reads 0 and 0.
    const text = table.join('|');
    expect(text).not.toMatch(/\|0\|0(\||$)/);
    expect(text).not.toMatch(/\|0%\|0%(\||$)/);
  });
});
