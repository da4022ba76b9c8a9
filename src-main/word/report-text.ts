// The wording of the progress report (工作情况报告), in the register of the seed report: the opening and the
// sections on leadership and on study. Every clause says a fact that happened in the period (a number above 0, a
// name that is filled); what did not happen is left out, and a section with nothing to say says so in one line.
// The same functions write the template, where every clause is kept with {{指标名}} placeholders.
import type { ReportFacts } from './report-facts';
import { C } from './report-facts';
import type { ProseSection } from './report-prose';
import { LIST_ITEMS_IN_PROSE, clauses, enumerate, section, sentence, series, tally } from './report-prose';

export interface ReportContext {
  f: ReportFacts;
  /** 区纪委监委 name. */
  commission: string;
  campaign: string;
  /** The working groups under the office (文稿简报组 …), in settings order. */
  groups: string[];
}

/** "{P}，a，b" when any part is left, else null. */
export function atPeriod(f: ReportFacts, ...parts: (string | null | false | undefined)[]): string | null {
  const c = clauses(...parts);
  return c && `${f.P}，${c}`;
}

/** "截至{A}，累计…" for a cumulative part, or null. */
export function upTo(f: ReportFacts, text: string | null, word = '累计'): string | null {
  return text && `截至${f.A}，${word}${text}`;
}

/** "先行学习会" for one, "推进会（调度会）16次" for several, "…{{名称}}次" in a template. */
function times(f: ReportFacts, name: Parameters<ReportFacts['say']>[0], what: string): string | null {
  if (!f.has(name)) return null;
  return !f.template && f.num(name) === 1 ? what : `${what}${f.say(name)}次`;
}

export function openingText(c: ReportContext): string {
  const { f } = c;
  const what = f.template ? '本期' : f.P;
  return (
    `中央、省市${c.campaign}动员部署会议召开后，${c.commission}闻令而动、听令而行，全面统一思想、提高政治站位，` +
    `谋划推进工作、确保走深走实。现将${what}工作情况报告如下。`
  );
}

function organisation(c: ReportContext): ProseSection {
  const { f } = c;
  const hearing =
    f.has('区委常委会专题听取汇报次数') &&
    `主动提请区委常委会会议专题听取教育整顿工作汇报${!f.template && f.num('区委常委会专题听取汇报次数') === 1 ? '' : `${f.say('区委常委会专题听取汇报次数')}次`}`;
  const meetings = series(
    times(f, '先行学习会次数', '先行学习会'),
    times(f, '动员部署会次数', '动员部署会'),
    times(f, '推进会次数', '推进会（调度会）'),
    times(f, '督导反馈会次数', '督导反馈会'),
  );
  const launched = f.has('先行学习会次数') || f.has('动员部署会次数');
  const planning =
    (hearing || meetings) &&
    `高站位组织谋划。${f.P}，${c.commission}${clauses(hearing, meetings && `组织召开${meetings}`)}，` +
      (launched
        ? '确保第一时间传达学习到位、安排部署到位、工作落实到位。'
        : '及时研究解决推进中的问题，推动各项部署落地落实。');

  const added =
    !f.same && f.has('具体任务数') && (f.template || f.num('具体任务数') !== f.num('具体任务数', C));
  const overdue = f.template
    ? `，逾期未完成${f.say('逾期任务数', C)}项`
    : f.has('逾期任务数', C)
      ? `，逾期未完成${f.say('逾期任务数', C)}项，已逐项督办、限期销号`
      : '，无逾期任务';
  const progress = f.has('已完成任务数', C)
    ? `截至${f.A}，已完成${f.say('已完成任务数', C)}项、完成率${f.say('任务完成率', C)}${overdue}`
    : `截至${f.A}，各项任务正在推进${overdue}`;
  const tasks =
    f.has('具体任务数', C) &&
    `高起点谋篇布局。对标上级纪委监委实施意见方案，逐项细化落实举措，将需要落实的事项细化成${f.say('具体任务数', C)}项具体任务` +
      (added ? `，其中${f.P}新增${f.say('具体任务数')}项` : '') +
      `，明确工作重点和方法措施；${progress}。`;

  const m = tally(f, [
    { name: '领导小组会议次数', say: (n) => `领导小组会议${n}次` },
    { name: '领导小组办公室会议次数', say: (n) => `领导小组办公室会议${n}次` },
  ]);
  const i = tally(f, [{ name: '督导检查次数', say: (n) => `${n}次` }]);
  const checked = enumerate(f, '被督导单位', '个单位', { countName: '被督导单位数' });
  const setUp =
    f.same && c.groups.length
      ? `成立${c.campaign}领导小组，领导小组办公室下设${c.groups.join('、')}${c.groups.length}个工作组，`
      : '';
  const progressText = sentence(
    atPeriod(
      f,
      m.period && `召开${m.period}`,
      i.period && `开展督导检查${i.period}`,
      i.period && checked && `先后对${checked}进行督导`,
      i.period && f.has('督导发现问题数') && `发现问题${f.say('督导发现问题数')}个`,
    ),
    upTo(f, clauses(m.cumulative && `召开${m.cumulative}`, i.cumulative && `开展督导检查${i.cumulative}`)),
  );
  const driving =
    progressText &&
    `高标准落实推进。${setUp}${progressText.replace(/。$/, '')}，有效推动了建章立制、综合协调、学习教育等工作全面落地。`;

  return section(
    '一、始终聚焦政治塑核这个关键，切实强化组织领导，确保教育整顿不跑偏不变样',
    [
      `开展教育整顿，是纪检监察机关深刻领悟“两个确立”决定性意义，坚决做到“两个维护”的实际行动，必须坚持从政治上看、从政治上抓。${c.commission}在教育整顿中突出政治引领，坚持将党的领导贯穿全过程，不断提高纪检监察干部政治判断力、政治领悟力、政治执行力。`,
    ],
    [planning, tasks, driving],
    `${f.P}，未召开领导小组及其办公室会议，未开展督导检查。`,
  );
}

/** "A、B、C3名同志的讲话精神" (names as entered, their number after them, as the seed writes it). */
function speeches(f: ReportFacts): string | null {
  const names = f.items('领导班子学习讲话人');
  if (!names.length) return null;
  return f.template ? `${names[0]}等同志的讲话精神` : `${names.join('、')}${names.length}名同志的讲话精神`;
}

function firstAgenda(c: ReportContext): string | null {
  const { f } = c;
  const plenaries = f.items('上级全会');
  const items = f.items('领导班子学习内容');
  const shown = f.template ? items : items.slice(0, LIST_ITEMS_IN_PROSE - 1);
  const total = f.template ? Number.NaN : f.num('领导班子学习内容项数');
  const more = f.template
    ? `等${f.say('领导班子学习内容项数')}项重要内容`
    : total > shown.length
      ? `等${total}项重要内容`
      : '';
  const studied = series(...shown, speeches(f));
  const lead =
    f.has('领导班子集中学习次数') &&
    clauses(
      `组织常委会（中心组）集中学习${f.say('领导班子集中学习次数')}次`,
      studied && `完成对${studied}${more}的学习`,
    );
  const everyone = clauses(
    f.has('集中学习次数') && `全区各单位组织集中学习${f.say('集中学习次数')}次`,
    f.has('集中学习次数') && f.has('参学率') && `参学率${f.say('参学率')}`,
  );
  const w = tally(f, [
    { name: '心得体会篇数', say: (n) => `心得体会${n}篇` },
    { name: '学习笔记万字', say: (n) => `学习笔记${n}万字` },
  ]);
  const facts = sentence(
    atPeriod(f, lead, everyone, w.period && `全体纪检监察干部撰写${w.period}`),
    upTo(f, w.cumulative && `撰写${w.cumulative}`),
  );
  if (!facts) return null;
  const plenary = plenaries.length
    ? `，贯通学习${plenaries.join('、')}精神和各级${c.campaign}动员部署会议、工作推进会议精神`
    : '';
  return `认真落实第一议题制度。深入学习习近平总书记关于加强纪检监察干部队伍建设的重要讲话和重要指示批示精神${plenary}。${facts}`;
}

function leadByExample(f: ReportFacts): string | null {
  // The 常委会's contents are listed in the first point; here only when that point did not list them.
  const listedAbove = f.has('领导班子集中学习次数') && f.has('领导班子学习内容');
  const cited =
    f.has('引述要求领导') && f.has('引述要求会议') && f.has('引述要求')
      ? `严格落实${f.say('引述要求领导')}同志在${f.say('引述要求会议')}上“${f.say('引述要求')}”要求，`
      : '坚持';
  const contents =
    (f.template || !listedAbove) &&
    enumerate(f, '领导班子学习内容', '项内容', { countName: '领导班子学习内容项数', max: 3 });
  const w = tally(f, [
    { name: '领导班子心得体会篇数', say: (n) => `心得体会${n}篇` },
    { name: '领导班子学习笔记万字', say: (n) => `学习笔记${n}万字` },
  ]);
  const facts = atPeriod(
    f,
    contents && `领导班子重点学习了${contents}${/等\d*项内容$/.test(contents) || f.template ? '' : '等内容'}`,
    w.period && `${contents ? '' : '领导班子成员'}撰写${w.period}`,
  );
  if (!facts) return null;
  return (
    `始终坚持以上率下原则。${cited}以“主要负责人严于班子其他成员、领导干部严于一般干部”为原则，` +
    `从学习方式、学习内容、学习要求等方面提出更严格、更量化、更具体的要求。${facts}。`
  );
}

/** Book titles side by side take no 、 between them (GB/T 15834). */
const titles = (items: string[]) => items.join('');

function newForms(f: ReportFacts): string | null {
  const books = f.items('学习资料');
  const m = tally(f, [
    { name: '学习资料册数', say: (n) => `${n}册` },
    { name: '学习资料本数', say: (n) => `${n}本` },
  ]);
  const what = !books.length ? '学习资料' : books.length === 1 ? books[0] : `${books[0]}等学习资料`;
  const cover = series(
    f.has('学习资料方面数') && `${f.say('学习资料方面数')}个方面`,
    f.has('学习资料篇数') && `${f.say('学习资料篇数')}篇`,
  );
  const content = sentence(
    m.period &&
      `${f.P}，编制印发${what}${m.period.replace('、', '')}${cover ? `，涵盖${cover.replace('、', '')}内容` : ''}`,
    m.cumulative && `截至${f.A}，累计编印学习资料${m.cumulative.replace('、', '')}`,
  );

  const lecturers = f.items('专题授课人');
  const lectures = f.num('专题授课次数');
  const lecture =
    f.has('专题授课次数') &&
    (f.template
      ? `邀请${lecturers[0]}同志进行专题授课${f.say('专题授课次数')}次`
      : lecturers.length && lecturers.length >= lectures
        ? `邀请${lecturers.join('、')}同志进行专题授课`
        : lecturers.length
          ? `邀请${lecturers.join('、')}等同志进行专题授课${lectures}次`
          : `开展专题授课${lectures}次`);
  const days = f.items('主题党日活动');
  const day0 = (days[0] ?? '').replace(/主题党日(活动)?$/, '');
  const themeDay =
    f.has('主题党日次数') &&
    (!f.template && f.num('主题党日次数') === 1 && day0
      ? `开展${day0}主题党日活动`
      : `开展${day0 ? `${day0}等` : ''}主题党日活动${f.say('主题党日次数')}次`);
  const films = f.items('专题片名称').slice(0, 3);
  const film =
    films.length > 0 &&
    `组织收看${titles(films)}${films.length > 1 || f.template ? '等' : ''}专题片` +
      (f.template || f.num('观看专题片次数') > 1 ? `${f.say('观看专题片次数')}场次` : '');
  const warning = f.has('警示教育次数') && `开展警示教育${f.say('警示教育次数')}次`;
  const forms = clauses(lecture, themeDay, film, warning);

  if (!content && !forms) return null;
  return (
    '创新丰富学习教育形式。' +
    (content ? `内容上突出“全”，${content}` : '') +
    (forms ? `形式上突出“新”，${f.P}${forms}，进一步激励全体纪检监察干部昂扬革命斗志，弘扬清风正气。` : '')
  );
}

function study(c: ReportContext): ProseSection {
  const { f } = c;
  return section(
    '二、牢牢抓住学习教育这个根本，确保学习教育入脑入心，进一步夯实开展教育整顿的思想基础',
    [
      '按照学习教育环节工作要求，坚持把习近平新时代中国特色社会主义思想作为学习教育的“第一课”和终身必修课，自上而下、全员覆盖，以自我革命的坚定决心纯洁思想、纯洁组织。',
    ],
    [firstAgenda(c), leadByExample(f), newForms(f)],
    `${f.P}，未组织集中学习等学习教育活动。`,
  );
}

export { organisation as organisationSection, study as studySection };
