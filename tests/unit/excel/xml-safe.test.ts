// Workbooks never carry a character XML cannot hold: records saved before input was cleaned (or a line of the
// 操作日志) still export to a file Excel and WPS open. Without the net, exceljs writes U+FFFE as is and the file
// cannot even be read back ("disallowed character"), LibreOffice shows it empty.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAuditWorkbook } from '../../../src-main/excel/audit-export';
import type { AuditRow } from '../../../src-main/shared/contract/auth';
import { exportLedger } from '../../../src-main/excel';
import { cleanWorkbook, writeXlsx } from '../../../src-main/excel/xml-safe';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { hasXmlInvalidChars } from '../../../src-main/shared/xml-text';
import { loadXlsx, meetingRecords, testSettings } from './fixtures';

const BAD = '会议\ufffe纪要\uffff\u0001\ud800';

describe('workbooks are cleaned on the way out', () => {
  it('exports a ledger whose stored records hold U+FFFE, controls and a lone surrogate', async () => {
    const [rec] = meetingRecords(1);
    const dirty = { ...rec, title: BAD, decisions: '一\u000b二', agenda: ['传达\ufffe精神'] };
    const wb = await loadXlsx(await exportLedger(meetings, [dirty], testSettings()));
    const ws = wb.worksheets[0];
    const values = (ws.getRow(3).values as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(values).toContain('会议纪要');
    expect(values).toContain('一\n二');
    expect(values).toContain('传达精神');
    expect(values.some((v) => hasXmlInvalidChars(v))).toBe(false);
  });

  it('writes the 操作日志 export readable even when a logged value held such characters', async () => {
    const row: AuditRow = {
      seq: 1,
      at: '2026-11-25T10:00:00.000Z',
      user: '管理员',
      door: 'http',
      action: '修改',
      target: 'meetings',
      targetLabel: '会议',
      detail: `改了${BAD}`,
      before: { title: BAD },
      after: { title: '会议纪要' },
    };
    const buf = await buildAuditWorkbook([row], { title: '操作日志', filter: '全部' });
    const wb = await loadXlsx(buf);
    expect(wb.worksheets[0].getRow(4).getCell(8).value).toBe('改了会议纪要');
  });

  it('cleans rich text, formula results, hyperlinks, sheet names and header/footer of any workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.creator = `办公室${BAD}`;
    const ws = wb.addWorksheet('表\ufffe一');
    ws.getCell('A1').value = { richText: [{ text: '甲\ufffe' }, { text: '乙', font: { bold: true } }] };
    ws.getCell('A2').value = { formula: 'A1', result: '丙\uffff' };
    ws.getCell('A3').value = { text: '丁\ufffe', hyperlink: 'https://example.invalid/' };
    ws.getCell('A4').value = 42;
    ws.headerFooter.oddFooter = '&C第&P页\ufffe';
    const back = await loadXlsx(await writeXlsx(wb));
    const sheet = back.worksheets[0];
    expect(sheet.name).toBe('表一');
    expect(sheet.getCell('A1').value).toMatchObject({ richText: [{ text: '甲' }, { text: '乙' }] });
    expect(sheet.getCell('A2').value).toMatchObject({ formula: 'A1', result: '丙' });
    expect(sheet.getCell('A3').value).toMatchObject({ text: '丁' });
    expect(sheet.getCell('A4').value).toBe(42);
    expect(sheet.headerFooter.oddFooter).toBe('&C第&P页');
    expect(back.creator).toBe('办公室会议纪要');
  });

  it('leaves a clean workbook as it was', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会议');
    const rich = { richText: [{ text: '甲' }] };
    ws.getCell('A1').value = rich;
    ws.getCell('B1').value = '乙\t丙\n丁';
    cleanWorkbook(wb);
    expect(ws.getCell('A1').value).toEqual(rich);
    expect(ws.getCell('B1').value).toBe('乙\t丙\n丁');
  });
});
