// The wording of the progress report (工作情况报告), in the register of the seed report: one function writes both
// the filled report (numbers from the indicators) and the template (placeholders where the numbers go).
import type { IndicatorKind } from '../shared/indicators';
import type { ValueBook, Variant } from './values';
import { chineseDate, chineseMonthDay, daysInMonth } from '../shared/dates';

export interface ReportSource {
  readonly template: boolean;
  /** A number or percentage as text ("0" when missing); a placeholder in a template. */
  n(name: string, variant?: Variant, kind?: IndicatorKind): string;
  /**
   * A list joined with 、 (its first LIST_ITEMS_IN_PROSE items: every sentence using it ends in 等), or null when
   * empty so the sentence is left out; a placeholder in a template.
   */
  list(name: string, variant?: Variant): string | null;
  /** A number to choose wording by, or null in a template (where the wording must fit any number). */
  count(name: string, variant?: Variant): number | null;
  /** "4月30日" or {{截至日期}}. */
  readonly asOf: string;
  /** "4月", "4月1日至4月15日" or 本期. */
  readonly period: string;
  /** Sentence saying what period the numbers cover. */
  readonly coverage: string;
}

export interface ProseSection {
  heading: string;
  /** Paragraphs before the points. */
  intro: string[];
  /** 一是… 二是… paragraphs. */
  points: string[];
  /** （一）（二） sub-headings, each with its paragraph. */
  subsections: { heading: string; text: string }[];
}

export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "4月" for a whole month, otherwise "4月1日至4月15日" (with years when the range crosses one). */
export function periodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fy === ty && fm === tm && fd === 1 && td === daysInMonth(ty, tm)) return `${fm}月`;
  if (fy !== ty) return `${chineseDate(from)}至${chineseDate(to)}`;
  return `${chineseMonthDay(from)}至${chineseMonthDay(to)}`;
}

/** Items a sentence names before "等": a list of 23 study titles reads as five of them "等23项". */
export const LIST_ITEMS_IN_PROSE = 5;

export function valueSource(book: ValueBook, query: { from: string; to: string }): ReportSource {
  const asOf = chineseMonthDay(query.to);
  const period = periodLabel(query.from, query.to);
  return {
    template: false,
    n: (name, variant = 'period', kind = 'count') => book.text(name, variant, kind),
    list: (name, variant = 'period') => {
      const items = book.list(name, variant);
      return items.length ? items.slice(0, LIST_ITEMS_IN_PROSE).join('、') : null;
    },
    count: (name, variant = 'period') => book.number(name, variant),
    asOf,
    period,
    coverage: `本期统计时段为${chineseDate(query.from)}至${chineseDate(query.to)}，累计数据截至${asOf}`,
  };
}

const ph = (name: string, variant: Variant = 'period') =>
  `{{${name}${variant === 'cumulative' ? '|累计' : ''}}}`;

export function templateSource(): ReportSource {
  return {
    template: true,
    n: (name, variant) => ph(name, variant),
    list: (name, variant) => ph(name, variant),
    count: () => null,
    asOf: ph('截至日期'),
    period: '本期',
    coverage: `累计数据截至${ph('截至日期')}`,
  };
}

const C: Variant = 'cumulative';

/** 一是、二是… prefixed to the points of a section. */
function numbered(points: string[]): string[] {
  return points.map((p, i) => `${ORDINALS[i]}是${p}`);
}

function section(heading: string, intro: string[], points: string[]): ProseSection {
  return { heading, intro, points: numbered(points), subsections: [] };
}

export function openingText(s: ReportSource, commission: string, campaign: string): string {
  return (
    `${campaign}开展以来，${commission}坚决贯彻中央和省、市关于${campaign}的部署要求，闻令而动、听令而行，` +
    `全面统一思想、提高政治站位，谋划推进工作、确保走深走实。现将${s.template ? '本期' : s.period}工作情况报告如下` +
    `（${s.coverage}）。`
  );
}

export function reportSections(s: ReportSource, commission: string): ProseSection[] {
  const P = s.period;
  const A = s.asOf;
  const pct = (name: string, v?: Variant) => s.n(name, v, 'percent');
  const supervised = s.list('被督导单位');
  const contents = s.list('学习内容');
  const leaderContents = s.list('领导班子学习内容');
  const overdue = s.count('逾期任务数', C);
  const opinions = s.count('舆情数');
  const forms = ['第一种', '第二种', '第三种', '第四种']
    .map((f) => `${f}形态${s.n(`${f}形态人次`, C)}人次、占${pct(`${f}形态占比`, C)}`)
    .join('，');

  return [
    section(
      '一、始终聚焦政治引领，切实强化组织领导，确保教育整顿不跑偏不变样',
      [
        `开展教育整顿，必须坚持从政治上看、从政治上抓。${commission}坚持将党的领导贯穿教育整顿全过程，健全工作机制，压实工作责任，推动各项任务落地见效。`,
      ],
      [
        `高站位统筹调度。${P}，召开领导小组会议${s.n('领导小组会议次数')}次、领导小组办公室会议${s.n('领导小组办公室会议次数')}次，研究部署阶段性重点工作；截至${A}，累计召开领导小组会议${s.n('领导小组会议次数', C)}次、领导小组办公室会议${s.n('领导小组办公室会议次数', C)}次。`,
        `高起点细化任务。对标上级部署要求，将需要落实的事项细化成${s.n('具体任务数', C)}项具体任务，明确工作重点和方法措施；截至${A}，已完成${s.n('已完成任务数', C)}项，完成率${pct('任务完成率', C)}` +
          (overdue === null
            ? `，逾期任务${s.n('逾期任务数', C)}项。`
            : overdue > 0
              ? `；逾期未完成${s.n('逾期任务数', C)}项，已逐项督办、限期销号。`
              : '，无逾期任务。'),
        `高标准督导推进。${P}，开展督导检查${s.n('督导检查次数')}次` +
          (supervised ? `，先后对${supervised}等单位进行督导` : '') +
          `；截至${A}，累计开展督导检查${s.n('督导检查次数', C)}次，有效推动了各项工作全面落地。`,
      ],
    ),
    section(
      '二、牢牢抓住学习教育这个根本，确保学习教育入脑入心，夯实教育整顿思想基础',
      [
        '坚持把习近平新时代中国特色社会主义思想作为学习教育的“第一课”和终身必修课，自上而下、全员覆盖，以自我革命的坚定决心纯洁思想、纯洁组织。',
      ],
      [
        `认真落实第一议题制度。${P}，组织集中学习${s.n('集中学习次数')}次` +
          (contents
            ? `，完成对${contents}等${s.n('学习内容项数')}项重要内容的学习`
            : `，学习重要内容${s.n('学习内容项数')}项`) +
          `，参学率${pct('参学率')}，全体纪检监察干部撰写心得体会${s.n('心得体会篇数')}篇、学习笔记${s.n('学习笔记万字', 'period', 'amount')}万字；截至${A}，累计组织集中学习${s.n('集中学习次数', C)}次，撰写心得体会${s.n('心得体会篇数', C)}篇、学习笔记${s.n('学习笔记万字', C, 'amount')}万字。`,
        `始终坚持以上率下原则。领导班子坚持学在前、干在前、做表率，${P}开展领导班子集中学习${s.n('领导班子集中学习次数')}次` +
          (leaderContents ? `，重点学习了${leaderContents}等内容` : '') +
          `，撰写心得体会${s.n('领导班子心得体会篇数')}篇、学习笔记${s.n('领导班子学习笔记万字', 'period', 'amount')}万字。`,
        `创新丰富学习教育形式。内容上突出“全”，截至${A}，累计编制印发学习资料汇编${s.n('学习资料册数', C)}册${s.n('学习资料本数', C)}本，涵盖${s.n('学习资料方面数', C)}个方面${s.n('学习资料篇数', C)}篇内容。形式上突出“新”，${P}开展专题授课${s.n('专题授课次数')}次、主题党日活动${s.n('主题党日次数')}次，进一步激励纪检监察干部昂扬斗志、弘扬清风正气。`,
      ],
    ),
    section(
      '三、紧紧扭住制度建设这条主线，以制度建设强基固本，增强制度的权威性和执行力',
      [
        `有力有效的工作机制，是教育整顿取得实效的重要保证。${commission}紧扣教育整顿各环节工作需要，形成教育整顿工作全链条规范。`,
      ],
      [
        `结合实际健全工作制度。${P}，制定完善各类制度${s.n('制度数')}项，涵盖${s.n('制度方面数')}个方面${s.n('制度条数')}条；截至${A}，累计制定完善制度${s.n('制度数', C)}项、涵盖${s.n('制度方面数', C)}个方面${s.n('制度条数', C)}条，确保教育整顿各项工作有章可循、有据可依。`,
        `聚焦效能督促指导基层。充分考虑全区${s.n('乡镇街道纪工委数', C)}个乡镇（街道）纪（工）委实际情况，督促指导各乡镇（街道）纪（工）委制定亮点突出、特色鲜明的学习教育制度，把常态化的学习教育贯穿教育整顿始终。`,
      ],
    ),
    section(
      '四、严把问题线索处置关口，坚决清除害群之马',
      ['坚持严字当头、流程规范，对反映纪检监察干部的问题线索优先受理、从严处置。'],
      [
        `规范受理处置。${P}，受理问题线索${s.n('受理线索数')}件，处置${s.n('处置线索数')}件；截至${A}，累计受理${s.n('受理线索数', C)}件、处置${s.n('处置线索数', C)}件。`,
        `从严执纪问责。${P}，立案${s.n('立案数')}件，处分${s.n('处分人数')}人；截至${A}，累计立案${s.n('立案数', C)}件、处分${s.n('处分人数', C)}人。`,
        `精准运用“四种形态”。截至${A}，累计运用“四种形态”批评教育和处理${s.n('四种形态人次', C)}人次，其中${forms}。`,
      ],
    ),
    section(
      '五、深入开展检视整改，以刀刃向内的勇气动真碰硬',
      ['坚持问题导向，通过个人自查、征求意见、谈心谈话、督导反馈等方式深入查找问题，边查边改、立行立改。'],
      [
        `全面检视查摆问题。${P}，检视问题${s.n('检视问题数')}个；截至${A}，累计检视问题${s.n('检视问题数', C)}个。`,
        `从严抓好问题整改。${P}，整改完成问题${s.n('已整改问题数')}个；截至${A}，累计已整改问题${s.n('已整改问题数', C)}个，整改率${pct('整改率', C)}。`,
        `以改促建巩固成果。坚持把整改成果转化为制度成果，截至${A}，通过整改建立完善制度${s.n('建立制度数', C)}项。`,
      ],
    ),
    section(
      '六、加强宣传引导，营造教育整顿良好氛围',
      [],
      [
        `强化正面宣传。${P}，在各级各类媒体刊发宣传稿件${s.n('宣传稿件数')}篇；截至${A}，累计刊发${s.n('宣传稿件数', C)}篇。`,
        `编发工作简报。${P}，编发教育整顿工作简报${s.n('简报期数')}期，被上级采用${s.n('简报被上级采用数')}期；截至${A}，累计编发${s.n('简报期数', C)}期、被上级采用${s.n('简报被上级采用数', C)}期。`,
        opinions === 0
          ? `做好舆情处置。${P}，未发生涉及纪检监察干部队伍的负面舆情；截至${A}，累计处置舆情${s.n('舆情数', C)}起。`
          : `做好舆情处置。${P}，发现并妥善处置舆情${s.n('舆情数')}起；截至${A}，累计处置舆情${s.n('舆情数', C)}起。`,
      ],
    ),
    {
      heading: '七、存在的问题',
      intro: [
        '对照上级要求，教育整顿工作还存在一些差距和不足：一是学习教育的深度还需拓展，个别干部存在以学代做、学用脱节现象；二是检视问题还不够深入，有的查摆问题停留在表面，触及思想根源不够；三是制度建设的系统性还需增强，部分制度的针对性和可操作性有待提高。',
      ],
      points: [],
      subsections: [],
    },
    {
      heading: '八、下一步工作打算',
      intro: [],
      points: [],
      subsections: [
        {
          heading: '（一）持续深化学习教育。',
          text: '坚持把学习教育贯穿始终，创新学习形式，推动学习成果转化为推动工作的实际成效。',
        },
        {
          heading: '（二）从严抓好检视整改。',
          text: '坚持问题导向，建立问题清单、整改清单、责任清单，确保问题整改到位、见底清零。',
        },
        {
          heading: '（三）巩固拓展整顿成效。',
          text: '坚持边整边建、以建促治，及时把行之有效的经验做法固化为制度机制，锻造忠诚干净担当的纪检监察铁军。',
        },
      ],
    },
  ];
}
