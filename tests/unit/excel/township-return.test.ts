// A township clerk's monthly return, built as WPS saves one: a merged title, the 填报单位 line, headers in the
// clerk's own words, dates in every form, full-width digits, a blank row, a 合计 row with SUM formulas and cached
// results, the 填报人/审核人 line and a note under the table. The preview reads the records, skips the lines that
// hold none (said once, with the row numbers WPS shows), and words every problem so the clerk can act on it.
process.env.TZ = 'Asia/Shanghai';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../src-main/excel';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../src-main/shared/settings';
import { testSettings, toBuffer } from './fixtures';

const base = testSettings();
const settings: Settings = {
  ...base,
  units: [
    ...base.units,
    { id: 'u-dhz', name: '东湖镇纪委', kind: '乡镇街道', headcount: 4, leaderHeadcount: 1, active: true },
  ],
};

interface ReturnOptions {
  /** The data rows (序号 first), as the clerk typed them. */
  rows: unknown[][];
  /** Header of the date column: the clerk's word for it. */
  dateHeader?: string;
  /** Last month's sheet kept in the file, hidden, before this month's (as clerks reuse last month's file). */
  hiddenFirst?: boolean;
}

/** The return as WPS saves it; data rows start at row 4. */
async function townshipReturn({
  rows,
  dateHeader = '会议时间',
  hiddenFirst,
}: ReturnOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (hiddenFirst) {
    const old = wb.addWorksheet('9月会议', { state: 'hidden' });
    old.addRow(['序号', '会议日期', '单位名称', '会议类型', '会议名称']);
    old.addRow([1, '2026-09-03', '东湖镇纪委', '其他', '九月的会']);
  }
  const ws = wb.addWorksheet('10月会议');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '东湖镇纪检监察干部队伍教育整顿会议情况统计表';
  ws.mergeCells('A2:H2');
  ws.getCell('A2').value = '填报单位（盖章）：东湖镇纪委          填报时间：2026年10月31日';
  ws.getRow(3).values = [
    '序号',
    dateHeader,
    '单位名称',
    '会议\n类型',
    '会议名称',
    '应到人数（人）',
    '实到人数（人）',
    '主持者',
  ];
  let r = 4;
  for (const row of rows) ws.getRow(r++).values = row as ExcelJS.CellValue[];
  const first = 4;
  const last = r - 1;
  ws.getRow(r++).values = [
    '合  计',
    '',
    '',
    '',
    '',
    { formula: `SUM(F${first}:F${last})`, result: 30 },
    { formula: `SUM(G${first}:G${last})`, result: 27 },
  ] as ExcelJS.CellValue[];
  ws.getRow(r++).values = ['填报人：张三', '', '', '审核人：李四', '', '填报日期：2026年10月31日'];
  ws.getRow(r++).values = ['注：本表每月底前报区纪委监委教育整顿办。'];
  return toBuffer(wb);
}

const clean: unknown[][] = [
  [1, '2026年10月9日', '东湖镇纪委', '领导小组会议', '教育整顿第三次推进会', 9, 8, '王书记'],
  [2, '2026.10.15', '东湖镇纪委', '推进会／调度会', '十月调度会', 12, 11, ''],
  [],
  [3, '２０２６－１０－２０', '东湖镇纪委', '其他', '专题学习会', 9, 8, ''],
];

const preview = async (buf: Buffer, existing: LedgerRecord[] = [], onDuplicate: 'skip' | 'update' = 'skip') =>
  previewImport(meetings, buf, { settings, existing, options: { onDuplicate } });

describe("a township's return", () => {
  it('takes every record, and skips the 合计 row, the signatures and the note, saying so once', async () => {
    const p = await preview(await townshipReturn({ rows: clean }));
    expect(p.summary).toMatchObject({
      sheetName: '10月会议',
      headerRow: 3,
      total: 3,
      create: 3,
      errorRows: 0,
      canCommit: true,
    });
    expect(p.rows.map((r) => [r.rowNumber, r.record?.date, r.record?.unit])).toEqual([
      [4, '2026-10-09', 'u-dhz'],
      [5, '2026-10-15', 'u-dhz'],
      [7, '2026-10-20', 'u-dhz'],
    ]);
    expect(p.rows[1].record?.type).toBe('推进会/调度会');
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        '第8行是合计行，已跳过，不作为记录导入。',
        '第9行是填报人、审核人等落款，已跳过，不作为记录导入。',
        '第10行是表格下方的说明文字，已跳过，不作为记录导入。',
      ]),
    );
    expect(p.warnings.join('')).not.toContain('学时');
  });

  it('reads the visible sheet, not last month’s hidden one before it', async () => {
    const p = await preview(await townshipReturn({ rows: clean, hiddenFirst: true }));
    expect(p.summary).toMatchObject({ sheetName: '10月会议', total: 3, canCommit: true });
    expect(p.rows.map((r) => r.record?.title)).not.toContain('九月的会');
  });

  it('reads 会议时间 as 会议日期, and asks about a header it does not know', async () => {
    const p = await preview(await townshipReturn({ rows: clean }));
    expect(p.missingRequired).toEqual([]);
    expect(p.unknownColumns).toEqual([{ column: 'H', header: '主持者' }]);
    expect(p.warnings).toContain(
      '第3行H列的“主持者”不是会议台账的列，导入时将忽略这一列。“主持者”是不是“主持人”？如果是，请把表头改为“主持人”后重新导入。',
    );
  });

  it('suggests the unit meant, says an impossible date does not exist, and counts only rows it will write', async () => {
    const rows = [
      ...clean,
      [4, '2026-09-31', '东湖镇纪委', '其他', '日期写错的会', 9, 8, ''],
      [5, '2026-10-28', '东湖乡纪委', '其他', '单位写错的会', 9, 8, ''],
    ];
    const p = await preview(await townshipReturn({ rows }));
    expect(p.summary).toMatchObject({ total: 5, create: 3, errorRows: 2, canCommit: false });
    const errors = p.rows.flatMap((r) => r.errors);
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [8, 'B', '会议日期“2026-09-31”这个日期不存在（2026年9月只有30天，没有31日），请核对'],
      [9, 'C', '单位不在单位列表中（填写的是“东湖乡纪委”），是不是“东湖镇纪委”？'],
    ]);
    expect(p.warnings).toContain('第10行是合计行，已跳过，不作为记录导入。');
  });

  it('leaves a record stored exactly so untouched on update, and updates the one that changed', async () => {
    const first = await preview(await townshipReturn({ rows: clean }));
    const stored = first.rows.map(
      (r, i): LedgerRecord =>
        ({
          ...(r.record as Record<string, unknown>),
          id: `m-${i}`,
          rev: 1,
          createdBy: '张三',
          createdAt: '2026-10-31T08:00:00.000Z',
          updatedBy: '张三',
          updatedAt: '2026-10-31T08:00:00.000Z',
        }) as LedgerRecord,
    );
    const corrected = clean.map((row) => (row[4] === '十月调度会' ? [...row.slice(0, 6), 12, ''] : row));
    const p = await preview(await townshipReturn({ rows: corrected }), stored, 'update');
    expect(p.summary).toMatchObject({ total: 3, create: 0, update: 1, skip: 2, canCommit: true });
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.duplicate?.message])).toEqual([
      [4, 'skip', '与已有记录完全相同，无需更新，将跳过'],
      [5, 'update', '与已有记录重复（会议日期、会议名称相同），将用本行内容更新该记录'],
      [7, 'skip', '与已有记录完全相同，无需更新，将跳过'],
    ]);
  });
});
