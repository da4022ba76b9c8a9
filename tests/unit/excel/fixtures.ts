// Shared fixtures of the Excel tests and bench: office settings, a test ledger with every field type,
// records for meetings and that ledger, indicator values, and zip/xlsx reading helpers.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { defaultSettings } from '../../../src-main/shared/settings';
import type { Settings } from '../../../src-main/shared/settings';
import type { LedgerDef, LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { IndicatorKind, IndicatorRaw, IndicatorValue } from '../../../src-main/shared/indicators';

export function testSettings(): Settings {
  const s = defaultSettings('2026-03-01');
  return {
    ...s,
    commissionName: '江城区纪委监委',
    campaignStart: '2026-03-01',
    campaignEnd: '2026-07-31',
    units: [
      {
        id: 'u-office',
        name: '区纪委监委机关',
        kind: '机关',
        headcount: 40,
        leaderHeadcount: 7,
        active: true,
      },
      {
        id: 'u-group1',
        name: '派驻第一纪检监察组',
        kind: '派驻机构',
        headcount: 5,
        leaderHeadcount: 1,
        active: true,
      },
      {
        id: 'u-town1',
        name: '城关街道纪工委',
        kind: '乡镇街道',
        headcount: 6,
        leaderHeadcount: 2,
        active: true,
      },
    ],
    setupDone: true,
  };
}

/** A test-local ledger using every field type, one confidential field, and a cross-field rule. */
export const allTypes: LedgerDef = {
  key: 'clues',
  label: '测试',
  ownerGroup: 'office',
  confidential: false,
  dateLabel: '登记日期',
  dateAliases: ['日期'],
  titleField: 'title',
  dedupeKeys: ['date', 'title'],
  fields: [
    { key: 'title', label: '事项名称', type: 'text', required: true, maxLength: 100, aliases: ['名称'] },
    { key: 'detail', label: '详细情况', type: 'textarea' },
    { key: 'month', label: '所属月份', type: 'month' },
    { key: 'due', label: '完成时限', type: 'date' },
    { key: 'people', label: '参加人数', type: 'int', min: 0, max: 1000 },
    { key: 'notes', label: '笔记万字', type: 'decimal' },
    { key: 'done', label: '是否完成', type: 'bool' },
    { key: 'kind', label: '会议类型', type: 'choice', choiceList: 'meetingType', required: true },
    { key: 'methods', label: '检查方式', type: 'multiChoice', choiceList: 'inspectionMethod' },
    { key: 'items', label: '内容', type: 'textList' },
    { key: 'leadUnit', label: '牵头单位', type: 'unit' },
    { key: 'units', label: '参与单位', type: 'units' },
    { key: 'leadGroup', label: '牵头工作组', type: 'group' },
    { key: 'task', label: '关联任务', type: 'link', linkTo: 'tasks' },
    { key: 'rules', label: '关联制度', type: 'links', linkTo: 'rules' },
    { key: 'reporter', label: '反映人', type: 'text', confidential: true, maxLength: 20 },
  ],
  rules: [
    {
      paths: ['due'],
      message: '完成时限不能早于登记日期',
      test: (r) => typeof r.due !== 'string' || typeof r.date !== 'string' || r.due >= r.date,
    },
  ],
};

const base = (i: number, ledgerDate: string): LedgerRecord => ({
  id: `r${i}`,
  group: 'drafting',
  unit: ['u-office', 'u-group1', 'u-town1'][i % 3],
  date: ledgerDate,
  createdBy: '张三',
  createdAt: '2026-04-01T02:00:00.000Z',
  updatedBy: '张三',
  updatedAt: '2026-04-01T02:00:00.000Z',
  rev: 1,
});

export function dateOf(i: number): string {
  const d = new Date(Date.UTC(2026, 2, 1 + (i % 150)));
  return d.toISOString().slice(0, 10);
}

export function meetingRecords(n: number): LedgerRecord[] {
  const types = ['领导小组会议', '领导小组办公室会议', '推进会/调度会', '督导反馈会'];
  return Array.from({ length: n }, (_, i) => ({
    ...base(i, dateOf(i)),
    type: types[i % types.length],
    title: `第${i + 1}次教育整顿工作会议`,
    place: i % 2 ? '三楼会议室' : undefined,
    chair: '李四',
    expected: 30 + (i % 5),
    present: 28 + (i % 3),
    agenda: ['传达上级精神', `研究第${(i % 9) + 1}项工作`],
    decisions: i % 4 ? '1. 按期推进\n2. 加强督导' : undefined,
    minutesNo: `纪要〔2026〕${i + 1}号`,
    remarks: i % 7 === 0 ? '备注内容' : undefined,
  }));
}

export function allTypesRecords(n: number): LedgerRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base(i, dateOf(i)),
    group: i % 2 ? 'office' : 'rectify',
    title: `事项${i + 1}`,
    detail: `第一行\n第二行${i}`,
    month: `2026-0${(i % 5) + 3}`,
    due: dateOf(i + 10),
    people: i * 3,
    notes: 1.25 + i,
    done: i % 2 === 0,
    kind: '推进会/调度会',
    methods: ['听取汇报', '个别谈话'],
    items: ['党的二十大报告', '条例'],
    leadUnit: 'u-town1',
    units: ['u-office', 'u-group1'],
    leadGroup: 'clues',
    task: `t-${i}`,
    rules: ['rule-1', 'rule-2'],
    reporter: `王五${i}`,
    remarks: '备注',
  }));
}

/** The editable part of a record: what an import must reproduce. */
export function editable(def: LedgerDef, r: Record<string, unknown>): Record<string, unknown> {
  const keys = ['group', 'unit', 'date', 'remarks', ...def.fields.map((f) => f.key)];
  return Object.fromEntries(
    keys
      .filter((k) => r[k] !== undefined && r[k] !== '' && !(Array.isArray(r[k]) && !r[k].length))
      .map((k) => [k, r[k]]),
  );
}

type Row = [
  name: string,
  category: string,
  unit: string,
  kind: IndicatorKind,
  period: IndicatorRaw,
  cumulative: IndicatorRaw,
];

const ROWS: Row[] = [
  ['领导小组会议次数', '组织领导', '次', 'count', 2, 7],
  ['督导检查次数', '组织领导', '次', 'count', 4, 13],
  [
    '被督导单位',
    '组织领导',
    '',
    'list',
    ['城关街道纪工委', '派驻第一纪检监察组'],
    ['城关街道纪工委', '派驻第一纪检监察组', '区纪委监委机关'],
  ],
  ['任务完成率', '组织领导', '%', 'percent', 85.7, 87.5],
  ['集中学习次数', '学习教育', '次', 'count', 8, 23],
  ['参学率', '学习教育', '%', 'percent', 96.5, 95.2],
  ['心得体会篇数', '学习教育', '篇', 'count', 121, 356],
  ['学习笔记万字', '学习教育', '万字', 'amount', 12.35, 40.5],
  ['制度数', '建章立制', '项', 'count', 21, 31],
  ['受理线索数', '问题线索', '件', 'count', 25, 61],
  ['信访举报线索数', '问题线索', '件', 'count', 10, 30],
  ['上级交办线索数', '问题线索', '件', 'count', 5, 11],
  ['其他来源线索数', '问题线索', '件', 'count', 1, 2],
  ['谈话函询线索数', '问题线索', '件', 'count', 9, 20],
  ['初步核实线索数', '问题线索', '件', 'count', 6, 14],
  ['办结线索数', '问题线索', '件', 'count', 7, 33],
  ['立案数', '问题线索', '件', 'count', 3, 6],
  ['处分人数', '问题线索', '人', 'count', 2, 5],
  ['第一种形态人次', '问题线索', '人次', 'count', 12, 40],
  ['第二种形态人次', '问题线索', '人次', 'count', 3, 8],
  ['第三种形态人次', '问题线索', '人次', 'count', 1, 1],
  ['检视问题数', '检视整改', '个', 'count', 30, 75],
  ['整改率', '检视整改', '%', 'percent', 70, 82.7],
  ['简报期数', '宣传舆情', '期', 'count', 2, 9],
];

export function indicatorValues(): IndicatorValue[] {
  return ROWS.map(([name, category, unit, kind, period, cumulative]) => ({
    name,
    category,
    unit,
    kind,
    meaning: name,
    period,
    cumulative,
  }));
}

/** Per-unit values: distinct, so a test can tell which unit a number belongs to. */
export function perUnitValues(settings: Settings) {
  return settings.units.map((u, i) => ({
    unitId: u.id,
    unitName: u.name,
    values: indicatorValues().map((v) => ({
      ...v,
      period: typeof v.period === 'number' ? (v.kind === 'percent' ? 90 + i : i + 1) : v.period,
      cumulative:
        typeof v.cumulative === 'number' ? (v.kind === 'percent' ? 80 + i : (i + 1) * 10) : v.cumulative,
    })),
  }));
}

export async function loadXlsx(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every XML part of an xlsx, by path. */
export async function xmlParts(buf: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out: Record<string, string> = {};
  for (const p of Object.keys(zip.files))
    if (/\.(xml|rels)$/.test(p)) out[p] = await zip.file(p)!.async('string');
  return out;
}

/** Writes a workbook with exceljs's document model. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
