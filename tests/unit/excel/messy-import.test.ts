// A sheet as offices really send them — merged title rows, headers with marks and aliases, dates as text in
// several forms, serial dates, numbers as text, rich text, formulas, blank rows — read in UTC+8 without shift.
process.env.TZ = 'Asia/Shanghai';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { previewImport } from '../../../src-main/excel';
import { testSettings, toBuffer } from './fixtures';

const settings = testSettings();

async function messySheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填表说明').getCell('A1').value = '请按要求填写，日期写成2026-04-15。';
  const ws = wb.addWorksheet('会议台账');
  ws.mergeCells('A1:M1');
  ws.getCell('A1').value = '江城区纪检监察干部队伍教育整顿会议台账';
  ws.mergeCells('A2:M2');
  ws.getCell('A2').value = '填报单位：区纪委监委机关        填报时间：2026年4月';
  ws.getRow(3).values = [
    '序号',
    '*会议日期',
    '单位名称',
    '会议类型（必填）',
    '会议 名称',
    '地点',
    '主持人',
    '应到人数（人）',
    '实到',
    '会议议程',
    '议定事项',
    '纪要文号',
    '联系人',
  ];
  const rows: unknown[][] = [
    [
      1,
      new Date(Date.UTC(2026, 2, 5)),
      '区纪委监委机关',
      '领导小组会议',
      { richText: [{ text: '第一次', font: { bold: true } }, { text: '领导小组会议' }] },
      '三楼',
      '李四',
      30,
      28,
      '传达精神、部署工作',
      '',
      '纪要〔2026〕1号',
      '小王',
    ],
    [],
    [2, '2026/3/12', ' 城关街道纪工委 ', '推进会／调度会', '推进会', '', '', '12 人', '10', '', '', '', ''],
    [
      3,
      '2026年3月15日',
      '派驻第一纪检监察组',
      '督导反馈会',
      '督导反馈会',
      '',
      '',
      { formula: '10+2', result: 12 },
      { formula: 'H6-1', result: 11 },
      '',
      '',
      '',
      '',
    ],
    [4, 46101, '区纪委监委机关', '其他', '第四次会议', '', '', '', '', '议题一；议题二\n议题三', '', '', ''],
    [5, '2026.3.20', '区纪委监委机关', '其他', '第五次会议', '', '', '１２', '10', '', '', '', ''],
    [6, '20260325', '区纪委监委机关', '其他', '第六次会议', '', '', '', '', '', '', '', ''],
    [7, '3月28日', '区纪委监委机关', '其他', '第七次会议', '', '', '', '', '', '', '', ''],
    [8, '二〇二六年四月二日', '区纪委监委机关', '其他', '第八次会议', '', '', '', '', '', '', '', ''],
    [9, '2026-02-30', '区纪委监委机关', '其他', '日期错误的会议', '', '', '', '', '', '', '', ''],
    [10, '2026-04-03', '区纪委监委机关', '座谈会', '类型不在列表的会议', '', '', '', '', '', '', '', ''],
    [],
    [],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  return toBuffer(wb);
}

describe('a messy sheet', () => {
  it('reads every value form and reports exactly the bad date and the unknown choice', async () => {
    const p = await previewImport(meetings, await messySheet(), {
      settings,
      existing: [],
      options: { onDuplicate: 'skip' },
    });
    expect(p.summary).toMatchObject({
      sheetName: '会议台账',
      headerRow: 3,
      total: 10,
      errorRows: 2,
      canCommit: false,
    });
    const errors = p.rows.flatMap((r) => r.errors);
    expect(errors.map((e) => [e.row, e.column, e.header])).toEqual([
      [13, 'B', '*会议日期'],
      [14, 'D', '会议类型（必填）'],
    ]);
    expect(errors[0].message).toBe(
      '会议日期“2026-02-30”这个日期不存在（2026年2月只有28天，没有30日），请核对',
    );
    expect(errors[1].message).toContain('会议类型只能从列表中选择');
    expect(errors[1].message).toContain('座谈会');
    expect(p.unknownColumns).toEqual([{ column: 'M', header: '联系人' }]);
    expect(p.warnings.join('')).toContain('“联系人”不是会议台账的列');

    const rec = (row: number) => p.rows.find((r) => r.rowNumber === row)?.record;
    expect(rec(4)).toMatchObject({
      date: '2026-03-05',
      unit: 'u-office',
      title: '第一次领导小组会议',
      agenda: ['传达精神', '部署工作'],
      expected: 30,
    });
    expect(rec(6)).toMatchObject({
      date: '2026-03-12',
      unit: 'u-town1',
      type: '推进会/调度会',
      expected: 12,
      present: 10,
    });
    expect(rec(7)).toMatchObject({ date: '2026-03-15', unit: 'u-group1', expected: 12, present: 11 });
    expect(rec(8)).toMatchObject({ date: '2026-03-20', agenda: ['议题一', '议题二', '议题三'] }); // serial 46101
    expect(rec(9)).toMatchObject({ date: '2026-03-20', expected: 12 });
    expect(rec(10)?.date).toBe('2026-03-25');
    expect(rec(11)?.date).toBe('2026-03-28');
    expect(rec(12)?.date).toBe('2026-04-02');
    // Blank rows (5, 15, 16) are not rows of the preview at all.
    expect(p.rows.map((r) => r.rowNumber)).not.toContain(5);
  });

  it('checks the rule across fields with the row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['会议日期', '单位', '会议类型', '会议名称', '应到人数', '实到人数']);
    ws.addRow(['2026-03-02', '区纪委监委机关', '其他', '会', 10, 12]);
    const p = await previewImport(meetings, await toBuffer(wb), {
      settings,
      existing: [],
      options: { onDuplicate: 'skip' },
    });
    expect(p.rows[0].errors).toEqual([
      { row: 2, column: 'F', header: '实到人数', message: '实到人数不能多于应到人数（填写的是“12”）' },
    ]);
  });

  it('reports missing required columns once for the file, not on every row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['会议名称', '地点']);
    ws.addRow(['会', '三楼']);
    ws.addRow(['会2', '三楼']);
    const p = await previewImport(meetings, await toBuffer(wb), {
      settings,
      existing: [],
      options: { onDuplicate: 'skip' },
    });
    expect(p.missingRequired).toEqual(['会议日期', '单位', '会议类型']);
    expect(p.summary.canCommit).toBe(false);
    expect(p.warnings[0]).toBe(
      '缺少必填列：“会议日期”、“单位”、“会议类型”。请在表头中补上这些列（可参照导入模板）后再导入。',
    );
    expect(p.rows.flatMap((r) => r.errors)).toEqual([]);
  });

  it('takes a sub-header row under merged group headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['会议日期', '单位', '会议类型', '会议名称', '人数', ''];
    ws.getRow(2).values = ['', '', '', '', '应到', '实到'];
    ws.mergeCells('E1:F1');
    ['A', 'B', 'C', 'D'].forEach((c) => ws.mergeCells(`${c}1:${c}2`));
    ws.getRow(3).values = ['2026-03-02', '区纪委监委机关', '其他', '会', 10, 9];
    const p = await previewImport(meetings, await toBuffer(wb), {
      settings,
      existing: [],
      options: { onDuplicate: 'skip' },
    });
    expect(p.summary.headerRow).toBe(1);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].record).toMatchObject({ expected: 10, present: 9 });
    expect(p.unknownColumns).toEqual([]);
  });
});
