// Realistic indicator values, settings and docx reading helpers shared by the Word tests and the Word bench.
import JSZip from 'jszip';
import { defaultSettings } from '../../../src-main/shared/settings';
import type { Settings } from '../../../src-main/shared/settings';
import type { IndicatorKind, IndicatorRaw, IndicatorValue } from '../../../src-main/shared/indicators';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { catalog } from '../../../src-main/stats';

type Row = [
  name: string,
  category: string,
  unit: string,
  kind: IndicatorKind,
  period: IndicatorRaw,
  cumulative: IndicatorRaw,
];

// Distinct numbers, so a test can tell each one apart in the text.
const ROWS: Row[] = [
  ['领导小组会议次数', '组织领导', '次', 'count', 2, 7],
  ['领导小组办公室会议次数', '组织领导', '次', 'count', 3, 11],
  ['督导检查次数', '组织领导', '次', 'count', 4, 13],
  [
    '被督导单位',
    '组织领导',
    '',
    'list',
    ['城关镇纪委', '派驻第一纪检监察组'],
    ['城关镇纪委', '派驻第一纪检监察组', '东街街道纪工委'],
  ],
  ['具体任务数', '组织领导', '项', 'count', 5, 48],
  ['已完成任务数', '组织领导', '项', 'count', 6, 42],
  ['任务完成率', '组织领导', '%', 'percent', 85.7, 87.5],
  ['逾期任务数', '组织领导', '项', 'count', 1, 2],
  ['集中学习次数', '学习教育', '次', 'count', 8, 23],
  ['领导班子集中学习次数', '学习教育', '次', 'count', 9, 17],
  ['学习内容项数', '学习教育', '项', 'count', 12, 36],
  [
    '学习内容',
    '学习教育',
    '',
    'list',
    ['党的二十大报告', '二十届中央纪委二次全会精神'],
    ['党的二十大报告', '二十届中央纪委二次全会精神', '《中国共产党纪律处分条例》'],
  ],
  [
    '领导班子学习内容',
    '学习教育',
    '',
    'list',
    ['习近平总书记关于加强纪检监察干部队伍建设的重要论述', '《纪检监察机关监督检查审查调查措施使用规定》'],
    [],
  ],
  ['专题授课次数', '学习教育', '次', 'count', 14, 15],
  ['主题党日次数', '学习教育', '次', 'count', 16, 18],
  ['参学率', '学习教育', '%', 'percent', 96.5, 95.2],
  ['心得体会篇数', '学习教育', '篇', 'count', 121, 356],
  ['学习笔记万字', '学习教育', '万字', 'amount', 12.345, 40.5],
  ['领导班子心得体会篇数', '学习教育', '篇', 'count', 19, 57],
  ['领导班子学习笔记万字', '学习教育', '万字', 'amount', 2.25, 6.75],
  ['学习资料册数', '学习教育', '册', 'count', 1, 3],
  ['学习资料本数', '学习教育', '本', 'count', 150, 450],
  ['学习资料方面数', '学习教育', '个', 'count', 6, 9],
  ['学习资料篇数', '学习教育', '篇', 'count', 58, 172],
  ['制度数', '建章立制', '项', 'count', 21, 31],
  ['制度方面数', '建章立制', '个', 'count', 22, 32],
  ['制度条数', '建章立制', '条', 'count', 88, 264],
  ['乡镇街道纪工委数', '建章立制', '个', 'count', 24, 24],
  ['受理线索数', '问题线索', '件', 'count', 25, 61],
  ['处置线索数', '问题线索', '件', 'count', 26, 59],
  ['立案数', '问题线索', '件', 'count', 27, 63],
  ['处分人数', '问题线索', '人', 'count', 28, 64],
  ['四种形态人次', '问题线索', '人次', 'count', 122, 266],
  ['第一种形态人次', '问题线索', '人次', 'count', 29, 65],
  ['第二种形态人次', '问题线索', '人次', 'count', 30, 66],
  ['第三种形态人次', '问题线索', '人次', 'count', 31, 67],
  ['第四种形态人次', '问题线索', '人次', 'count', 32, 68],
  ['第一种形态占比', '问题线索', '%', 'percent', 70.1, 71.2],
  ['第二种形态占比', '问题线索', '%', 'percent', 20.3, 19.4],
  ['第三种形态占比', '问题线索', '%', 'percent', 6.6, 6.7],
  ['第四种形态占比', '问题线索', '%', 'percent', 3, 2.7],
  ['检视问题数', '检视整改', '个', 'count', 33, 69],
  ['已整改问题数', '检视整改', '个', 'count', 34, 70],
  ['整改率', '检视整改', '%', 'percent', 75, 81.4],
  ['建立制度数', '检视整改', '项', 'count', 35, 71],
  ['宣传稿件数', '宣传舆情', '篇', 'count', 36, 72],
  ['舆情数', '宣传舆情', '起', 'count', 0, 1],
  ['简报期数', '宣传舆情', '期', 'count', 37, 73],
  ['简报被上级采用数', '宣传舆情', '期', 'count', 38, 74],
  ['截至日期', '基本信息', '', 'text', '4月30日', '4月30日'],
  ['单位名称', '基本信息', '', 'text', '区纪委监委', '区纪委监委'],
];

const empty = (kind: IndicatorKind): IndicatorRaw => (kind === 'list' ? [] : kind === 'text' ? '' : 0);

/**
 * Every indicator of the catalog (the report names them all and a missing one is an error): the rows above with
 * their distinct numbers, every other indicator empty (0, no items).
 */
export function sampleValues(): IndicatorValue[] {
  const rows = new Map(ROWS.map((r) => [r[0], r]));
  const fromRows = ROWS.map(([name, category, unit, kind, period, cumulative]) => ({
    name,
    category,
    unit,
    kind,
    meaning: name,
    period,
    cumulative,
    fromConfidential: category === '问题线索' || undefined,
  }));
  const rest = catalog()
    .filter((i) => !rows.has(i.name))
    .map((i) => ({ ...i, period: empty(i.kind), cumulative: empty(i.kind) }));
  return [...fromRows, ...rest];
}

export const UNITS = [
  { unitId: 'u1', unitName: '区纪委监委机关' },
  { unitId: 'u2', unitName: '城关镇纪委' },
  { unitId: 'u3', unitName: '东街街道纪工委' },
];

/** Per-unit values: unit i has 集中学习次数 = 100 + i and so on, distinct from the district's. */
export function samplePerUnit() {
  return UNITS.map((u, i) => ({
    ...u,
    values: sampleValues().map((v) =>
      typeof v.period === 'number'
        ? { ...v, period: 100 + i * 10 + (v.period % 10), cumulative: 200 + i * 10 }
        : v,
    ),
  }));
}

export function sampleSettings(): Settings {
  const s = defaultSettings('2026-03-01');
  return { ...s, commissionName: 'XX区纪委监委', officeName: 'XX区纪检监察干部队伍教育整顿领导小组办公室' };
}

export async function unzip(buf: Buffer | Uint8Array) {
  return JSZip.loadAsync(buf);
}

export async function part(buf: Buffer | Uint8Array, name: string): Promise<string> {
  const zip = await unzip(buf);
  const f = zip.file(name);
  if (!f) throw new Error(`no ${name}`);
  return f.async('string');
}

/** The text of each paragraph of an XML part, runs joined. */
export function paragraphTexts(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join(''),
    )
    .filter((t) => t !== '');
}

export async function documentText(buf: Buffer | Uint8Array): Promise<string[]> {
  return paragraphTexts(await part(buf, 'word/document.xml'));
}

/** A 简报 ledger record as the bulletins ledger stores it. */
export function sampleBulletin(over: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    id: 'b-12',
    group: 'drafting',
    unit: 'u-office',
    date: '2026-04-28',
    createdBy: '王五',
    createdAt: '2026-04-28T09:00:00+08:00',
    updatedBy: '王五',
    updatedAt: '2026-04-28T09:00:00+08:00',
    rev: 1,
    issueNo: 12,
    kind: '正刊',
    title: '区纪委监委扎实推进纪检监察干部队伍教育整顿学习教育走深走实',
    signedBy: '张三',
    editorNote: '学习教育是教育整顿的基础性工作。现将区纪委监委的做法刊发，供各单位学习借鉴。',
    body: [
      '　　近期，区纪委监委坚持把学习教育摆在突出位置，推动学习教育入脑入心。',
      '',
      '一、高位推动，压实学习责任',
      '领导班子带头学习，以上率下。',
      '（一）坚持第一议题制度',
      '每次会议第一议题学习习近平总书记重要讲话精神。',
      '二、创新形式，丰富学习载体',
      '开展专题授课、主题党日、警示教育等活动，组织收看专题片，增强学习教育的针对性和实效性。',
    ].join('\n'),
    reportTo: ['市纪检监察干部队伍教育整顿领导小组办公室'],
    sendTo: ['区委办公室', '区委组织部'],
    issueTo: ['各乡镇（街道）纪（工）委', '委机关各部门', '各派驻纪检监察组'],
    copies: 40,
    ...over,
  };
}
