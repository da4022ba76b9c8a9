// An import preview lists every problem of a row at once — a missing field, an unreadable cell, a negative number
// and a broken cross-field rule together — so the office fixes the file in one round; dates in the spellings
// clerks type are read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../src-main/excel';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { testSettings, toBuffer } from './fixtures';

async function sheet(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议台账');
  ws.getRow(1).values = ['会议日期', '单位', '会议类型', '会议名称', '应到人数', '实到人数'];
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
  return toBuffer(wb);
}

const ctx = { settings: testSettings(), existing: [], options: { onDuplicate: 'skip' as const } };

describe('import preview: all problems of a row', () => {
  it('lists a missing name, an unknown unit and 实到 > 应到 on the same row', async () => {
    const buf = await sheet([['2026.3.5', '不存在的单位', '领导小组会议', '', 9, 12]]);
    const p = await previewImport(meetings, buf, ctx);
    const row = p.rows[0];
    expect(
      row.errors.map((e) => `${e.column}${e.header}：${e.message.replace(/（填写的是.*）$/, '')}`).sort(),
    ).toEqual(
      [
        'B单位：单位不在单位列表中',
        'D会议名称：会议名称必须填写',
        'F实到人数：实到人数不能多于应到人数',
      ].sort(),
    );
    expect(p.summary.canCommit).toBe(false);
  });

  it('flags a negative count and an unreadable date together, never dropping either', async () => {
    const buf = await sheet([['2026.13.45', '区纪委监委机关', '领导小组会议', '第一次会议', -3, 2]]);
    const row = (await previewImport(meetings, buf, ctx)).rows[0];
    const cols = row.errors.map((e) => e.column).sort();
    expect(cols).toEqual(['A', 'E']);
    expect(row.errors.find((e) => e.column === 'E')?.message).toMatch(/应到人数不能小于0/);
  });

  it('reads the date spellings clerks type', async () => {
    const spellings = ['2026.11.25', '2026/11/25', '20261125', '2026年11月25日', '2026。11。25'];
    const buf = await sheet(
      spellings.map((d, i) => [d, '区纪委监委机关', '领导小组会议', `第${i + 1}次会议`, 9, 9]),
    );
    const p = await previewImport(meetings, buf, ctx);
    expect(p.rows.map((r) => r.errors)).toEqual(spellings.map(() => []));
    expect(p.rows.map((r) => r.record?.date)).toEqual(spellings.map(() => '2026-11-25'));
  });
});
