// The report's wording, continued: rules and systems, problem clues, self-examination and rectification,
// publicity; then the parts the office writes per period (亮点, 存在的问题, 下一步工作打算) and the whole.
import type { IndicatorName } from '../stats/catalog';
import type { ReportNotes } from '../shared/contract/report';
import type { ReportFacts } from './report-facts';
import { C } from './report-facts';
import type { ProseSection } from './report-prose';
import {
  ORDINALS,
  clauses,
  closed,
  enumerate,
  paragraphsOf,
  section,
  sentence,
  series,
  tally,
} from './report-prose';
import type { ReportContext } from './report-text';
import { atPeriod, organisationSection, studySection, upTo } from './report-text';

type Named = [name: IndicatorName, label: string];

function rules(c: ReportContext): ProseSection {
  const { f } = c;
  const spec =
    f.has('具体规定数') &&
    `制定${f.has('具体规定方面数') ? `${f.say('具体规定方面数')}方面` : ''}` +
      `${f.has('具体规定条数') ? `${f.say('具体规定条数')}条` : `${f.say('具体规定数')}项`}具体规定`;
  const plans = series(
    f.has('实施方案数') && `实施方案${f.say('实施方案数')}个`,
    f.has('工作方案数') && `工作方案${f.say('工作方案数')}个`,
  );
  const made = clauses(
    plans && `制定${plans}`,
    f.has('工作制度数') &&
      `制定完善工作制度${f.say('工作制度数')}项${f.has('工作制度方面数') ? `、涵盖${f.say('工作制度方面数')}个方面` : ''}`,
    spec,
  );
  const total = tally(f, [{ name: '制度数', say: (n) => `${n}项` }]);
  const precise = sentence(
    made && `${f.P}，${made}`,
    total.cumulative && `截至${f.A}，累计制定完善各类制度${total.cumulative}、${f.say('制度条数', C)}条`,
  );
  const targeted =
    precise &&
    `结合实际突出靶向精准。${precise.replace(/。$/, '')}，确保教育整顿各项工作有章可循、有据可依。`;

  const closedLoop =
    (f.template || f.has('工作方案数')) &&
    c.groups.length > 0 &&
    `立足职能强化闭环管理。根据${c.groups.join('、')}${c.groups.length}个工作组职能分工的不同，${f.P}分别制定工作方案${f.say('工作方案数')}个，` +
      '通过对教育整顿工作的全流程把控和全周期管理，形成高效闭环，推动责任落实。';

  // Township rules are made early: a later month cites them as they stand, "截至…已有…".
  const v = f.has('学习教育制度数') ? 'period' : !f.same && f.has('学习教育制度数', C) ? C : null;
  const units = v && enumerate(f, '学习教育制度单位', '个单位', { variant: v, countName: '学习教育制度数' });
  const made2 =
    v &&
    (v === 'period'
      ? `${f.P}，${units}制定了学习教育制度`
      : `截至${f.A}，全区已有${f.say('学习教育制度数', C)}个单位制定学习教育制度`);
  const example =
    v &&
    f.has('学习教育制度亮点单位', v) &&
    `如${f.items('学习教育制度亮点单位', v)[0]}在${f.items('学习教育制度亮点名称', v)[0]}中明确，` +
      closed(f.items('学习教育制度亮点内容', v)[0]);
  const towns = f.has('乡镇街道纪工委数', C)
    ? `充分考虑全区${f.say('乡镇街道纪工委数', C)}个乡镇（街道）纪（工）委实际情况，督促指导各乡镇（街道）纪（工）委`
    : '督促指导各单位';
  const innovative =
    made2 &&
    `聚焦效能紧扣守正创新。在学习教育环节，${towns}制定“亮点突出、特色鲜明”的学习教育制度。${made2}。${example || ''}`;

  return section(
    '三、紧紧扭住制度建设这条主线，以制度建设强基固本，增强制度的权威性和执行力',
    [
      `有力有效的工作机制，是教育整顿取得实效的重要保证。在教育整顿中，${c.commission}紧紧扭住制度建设主线，针对委机关、各乡镇（街道）纪（工）委、教育整顿各工作组不同职责定位，形成教育整顿工作全链条规范。`,
    ],
    [targeted, closedLoop, innovative],
    `${f.P}，未新制定制度。`,
  );
}

const SOURCES: Named[] = [
  ['信访举报线索数', '信访举报'],
  ['上级交办线索数', '上级交办'],
  ['巡视巡察移交线索数', '巡视巡察移交'],
  ['审计移交线索数', '审计移交'],
  ['监督检查发现线索数', '监督检查发现'],
  ['其他来源线索数', '其他来源'],
];
const DISPOSITIONS: Named[] = [
  ['谈话函询线索数', '谈话函询'],
  ['初步核实线索数', '初步核实'],
  ['暂存待查线索数', '暂存待查'],
  ['予以了结线索数', '予以了结'],
  ['拟立案线索数', '拟立案'],
];
const FORMS: [count: IndicatorName, share: IndicatorName, label: string][] = [
  ['第一种形态人次', '第一种形态占比', '第一种形态'],
  ['第二种形态人次', '第二种形态占比', '第二种形态'],
  ['第三种形态人次', '第三种形态占比', '第三种形态'],
  ['第四种形态人次', '第四种形态占比', '第四种形态'],
];

/** "其中信访举报12件、上级交办2件" over the breakdown facts that happened. */
function breakdown(
  f: ReportFacts,
  named: Named[],
  measure: string,
  variant: 'period' | 'cumulative' = 'period',
) {
  const s = series(
    ...named.map(([n, label]) => f.has(n, variant) && `${label}${f.say(n, variant)}${measure}`),
  );
  return s ? `，其中${s}` : '';
}

function fourForms(f: ReportFacts, variant: 'period' | 'cumulative'): string {
  const total = f.say('四种形态人次', variant);
  const parts = clauses(
    ...FORMS.map(
      ([n, share, label]) =>
        f.has(n, variant) && `${label}${f.say(n, variant)}人次、占${f.say(share, variant)}`,
    ),
  );
  const head =
    variant === 'period'
      ? `运用监督执纪“四种形态”批评教育和处理${total}人次`
      : `运用“四种形态”处理${total}人次`;
  return `${head}${parts ? `，其中${parts}` : ''}`;
}

function clues(c: ReportContext): ProseSection {
  const { f } = c;
  const any = f.has('受理线索数') || f.has('处置线索数') || f.has('受理线索数', C);
  const handled = tally(f, [
    { name: '受理线索数', say: (n) => `受理${n}件` },
    { name: '处置线索数', say: (n) => `处置${n}件` },
  ]);
  const intake =
    any &&
    `规范受理处置。${sentence(
      `${f.P}，${f.has('受理线索数') ? `受理问题线索${f.say('受理线索数')}件${breakdown(f, SOURCES, '件')}` : '未收到新的问题线索'}`,
      f.has('处置线索数') && `处置${f.say('处置线索数')}件${breakdown(f, DISPOSITIONS, '件')}`,
      f.has('办结线索数') && `办结${f.say('办结线索数')}件`,
      upTo(f, handled.cumulative),
    )}`;
  const s = tally(f, [
    { name: '立案数', say: (n) => `立案${n}件` },
    { name: '处分人数', say: (n) => `处分${n}人` },
  ]);
  const strict =
    (s.period || s.cumulative) &&
    `从严执纪问责。${sentence(s.period && `${f.P}，${s.period}`, upTo(f, s.cumulative))}`;
  const t = tally(f, [{ name: '四种形态人次', say: (n) => n }]);
  const forms =
    (t.period || t.cumulative) &&
    `精准运用“四种形态”。${sentence(
      t.period && `${f.P}，${fourForms(f, 'period')}`,
      t.cumulative && `截至${f.A}，累计${fourForms(f, C)}`,
    )}`;
  return section(
    '四、严把问题线索处置关口，坚决清除害群之马',
    ['坚持严字当头、流程规范，对反映纪检监察干部的问题线索优先受理、从严处置。'],
    [intake, strict, forms],
    `${f.P}，未收到反映纪检监察干部的问题线索。`,
  );
}

function rectification(c: ReportContext): ProseSection {
  const { f } = c;
  const found = tally(f, [{ name: '检视问题数', say: (n) => `${n}个` }]);
  const examine =
    (found.period || found.cumulative) &&
    `全面检视查摆问题。${sentence(
      found.period && `${f.P}，组织干部对照检视、深入查摆，检视问题${found.period}`,
      upTo(f, found.cumulative && `检视问题${found.cumulative}`),
    )}`;
  const fixedNow = !f.same && f.has('已整改问题数') && `${f.P}新检视的问题已整改${f.say('已整改问题数')}个`;
  const fixedAll =
    f.has('已整改问题数', C) &&
    clauses(
      `截至${f.A}，已整改问题${f.say('已整改问题数', C)}个、整改率${f.say('整改率', C)}`,
      f.has('整改中问题数', C) && `其余${f.say('整改中问题数', C)}个正在整改中`,
    );
  const fix =
    (fixedNow || fixedAll) && `从严抓好问题整改。坚持立行立改、边查边改，${sentence(fixedNow, fixedAll)}`;
  const built = tally(f, [{ name: '建立制度数', say: (n) => `${n}项` }]);
  const consolidate =
    (built.period || built.cumulative) &&
    `以改促建巩固成果。坚持把整改成果转化为制度成果，${sentence(
      built.period && `${f.P}通过整改建立完善制度${built.period}`,
      upTo(f, built.cumulative && `${built.period ? '' : '通过整改建立完善制度'}${built.cumulative}`),
    )}`;
  return section(
    '五、深入开展检视整改，以刀刃向内的勇气动真碰硬',
    ['坚持问题导向，通过个人自查、征求意见、谈心谈话、督导反馈等方式深入查找问题，边查边改、立行立改。'],
    [examine, fix, consolidate],
    `${f.P}，暂无新检视的问题。`,
  );
}

const LEVELS: Named[] = [
  ['中央级宣传稿件数', '中央级媒体'],
  ['省级宣传稿件数', '省级媒体'],
  ['市级宣传稿件数', '市级媒体'],
  ['区级宣传稿件数', '区级媒体'],
];

function publicity(c: ReportContext): ProseSection {
  const { f } = c;
  const a = tally(f, [{ name: '宣传稿件数', say: (n) => `${n}篇` }]);
  const articles =
    (a.period || a.cumulative) &&
    `强化正面宣传。${sentence(
      a.period && `${f.P}，在各级各类媒体刊发宣传稿件${a.period}${breakdown(f, LEVELS, '篇')}`,
      upTo(f, a.cumulative && `刊发${a.period ? '' : '宣传稿件'}${a.cumulative}`),
    )}`;
  const adopters = f.items('简报采用单位');
  const b = tally(f, [
    { name: '简报期数', say: (n) => `编发${f.has('简报期数') ? '' : '工作简报'}${n}期` },
    { name: '简报被上级采用数', say: (n) => `被上级采用${n}期` },
  ]);
  const bulletins =
    (b.period || b.cumulative) &&
    `编发工作简报。${sentence(
      atPeriod(
        f,
        f.has('简报期数') &&
          `编发教育整顿工作简报${f.say('简报期数')}期${f.has('简报增刊期数') ? `（含增刊${f.say('简报增刊期数')}期）` : ''}`,
        f.has('简报被上级采用数') &&
          `被${adopters.length ? adopters.slice(0, 3).join('、') : '上级'}采用${f.say('简报被上级采用数')}期`,
      ),
      upTo(f, b.cumulative),
    )}`;
  const o = tally(f, [{ name: '舆情数', say: (n) => `${n}起` }]);
  const handled = f.has('已处置舆情数') && `已妥善处置${f.say('已处置舆情数')}起`;
  const opinions =
    (articles || bulletins || o.cumulative || f.has('舆情数')) &&
    `做好舆情处置。${sentence(
      f.has('舆情数')
        ? `${f.P}，发现涉及纪检监察干部队伍的舆情${o.period}${handled ? `，${handled}` : ''}`
        : `${f.P}，未发生涉及纪检监察干部队伍的负面舆情`,
      upTo(f, o.cumulative && `发现舆情${o.cumulative}`),
    )}`;
  return section(
    '六、加强宣传引导，营造教育整顿良好氛围',
    [],
    [articles, bulletins, opinions],
    `${f.P}，未刊发宣传稿件，未编发工作简报。`,
  );
}

/** A notes field as sub-headed paragraphs: a line "（一）标题。正文" becomes a 楷体 heading and its text. */
function subsectioned(text: string): { heading: string; text: string }[] {
  return paragraphsOf(text).map((line) => {
    const m = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(line);
    return m ? { heading: m[1], text: m[2] } : { heading: '', text: line };
  });
}

/**
 * Every section of the report, headings numbered over those present: the six sections of facts, then 工作亮点
 * (when the office wrote any), 存在的问题 and 下一步工作打算 from the period's notes (left out when empty).
 */
export function reportSections(c: ReportContext, notes: ReportNotes): ProseSection[] {
  const facts = [organisationSection(c), studySection(c), rules(c), clues(c), rectification(c), publicity(c)];
  const written: [string, ProseSection][] = [];
  const add = (title: string, text: string, sub = false) => {
    if (!text.trim()) return;
    written.push([
      title,
      sub
        ? { heading: '', intro: [], points: [], subsections: subsectioned(text) }
        : { heading: '', intro: paragraphsOf(text), points: [], subsections: [] },
    ]);
  };
  add('工作亮点', notes.highlights);
  add('存在的问题', notes.problems);
  add('下一步工作打算', notes.nextSteps, true);
  return [
    ...facts,
    ...written.map(([title, s], i) => ({ ...s, heading: `${ORDINALS[facts.length + i]}、${title}` })),
  ];
}
