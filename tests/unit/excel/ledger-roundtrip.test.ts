// Export → import round trips (meetings and a ledger with every field type), the template's headers and
// lists, duplicate recognition and the confidential-field note.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { buildImportTemplate, exportLedger, previewImport } from '../../../src-main/excel';
import {
  allTypes,
  allTypesRecords,
  editable,
  loadXlsx,
  meetingRecords,
  testSettings,
  xmlParts,
} from './fixtures';

const settings = testSettings();
const fresh = { settings, existing: [], options: { onDuplicate: 'skip' as const } };

function headerTexts(ws: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell((c) => out.push(c.text));
  return out;
}

describe('ledger export → import round trip', () => {
  it('gives back identical meeting records', async () => {
    const records = meetingRecords(60);
    const file = await exportLedger(meetings, records, settings);
    const preview = await previewImport(meetings, file, fresh);
    expect(preview.summary).toMatchObject({
      total: 60,
      create: 60,
      errorRows: 0,
      canCommit: true,
      headerRow: 2,
    });
    expect(preview.unknownColumns).toEqual([]);
    expect(preview.rows.map((r) => r.record)).toEqual(records.map((r) => editable(meetings, r)));
  });

  it('gives back identical records of a ledger with every field type, confidential field included', async () => {
    const records = allTypesRecords(40);
    const file = await exportLedger(allTypes, records, settings, { includeConfidential: true });
    const preview = await previewImport(allTypes, file, fresh);
    expect(preview.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(preview.rows.map((r) => r.record)).toEqual(records.map((r) => editable(allTypes, r)));
  });

  it('writes unit names, 、-joined lists and real dates formatted yyyy-mm-dd', async () => {
    const [rec] = allTypesRecords(1);
    const wb = await loadXlsx(await exportLedger(allTypes, [rec], settings));
    const ws = wb.worksheets[0];
    const headers = headerTexts(ws, 2);
    const cell = (label: string) => ws.getRow(3).getCell(headers.indexOf(label) + 1);
    expect(cell('单位').value).toBe('区纪委监委机关');
    expect(cell('参与单位').value).toBe('区纪委监委机关、派驻第一纪检监察组');
    expect(cell('内容').value).toBe('党的二十大报告、条例');
    expect(cell('是否完成').value).toBe('是');
    expect(cell('所属工作组').value).toBe('整改协调组');
    const d = cell('登记日期');
    expect(d.value).toBeInstanceOf(Date);
    expect((d.value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(d.numFmt).toBe('yyyy-mm-dd');
    expect(typeof cell('参加人数').value).toBe('number');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe(`A2:${String.fromCharCode(64 + headers.length)}3`);
  });

  it('leaves out 反映人 unless asked, and says so in the note row', async () => {
    const records = allTypesRecords(3);
    const plain = await loadXlsx(await exportLedger(allTypes, records, settings));
    expect(headerTexts(plain.worksheets[0], 2)).not.toContain('反映人');
    expect(plain.worksheets[0].getCell('A1').text).toContain('未包含“反映人”');
    const parts = await xmlParts(await exportLedger(allTypes, records, settings));
    expect(Object.values(parts).join('')).not.toContain('王五');
    const full = await loadXlsx(
      await exportLedger(allTypes, records, settings, { includeConfidential: true }),
    );
    expect(headerTexts(full.worksheets[0], 2)).toContain('反映人');
    expect(full.worksheets[0].getCell('A1').text).toContain('涉密');
  });

  it('the import template has the export headers, required ones in red, notes and bounded list validations', async () => {
    const tpl = await loadXlsx(await buildImportTemplate(allTypes, settings));
    const exp = await loadXlsx(await exportLedger(allTypes, [], settings, { includeConfidential: true }));
    const ws = tpl.worksheets[0];
    expect(headerTexts(ws, 2)).toEqual(headerTexts(exp.worksheets[0], 2));
    const headers = headerTexts(ws, 2);
    const at = (label: string) => ws.getRow(2).getCell(headers.indexOf(label) + 1);
    expect(at('事项名称').font?.color?.argb).toBe('FFC00000');
    expect(at('详细情况').font?.color?.argb).toBe('FF000000');
    expect(at('会议类型').note).toBeTruthy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(tpl.getWorksheet('选项')?.state).toBe('hidden');
    const sheetXml = (await xmlParts(await buildImportTemplate(allTypes, settings)))[
      'xl/worksheets/sheet1.xml'
    ];
    const sqrefs = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs.length).toBeGreaterThanOrEqual(6); // 单位, 是否完成, 会议类型, 检查方式, 牵头单位, 参与单位, 工作组…
    for (const s of sqrefs) expect(s).toMatch(/^[A-Z]+3:[A-Z]+2002$/);
    expect(sheetXml).toContain('选项');
  });

  it('an empty template imports as zero rows and cannot be committed', async () => {
    const preview = await previewImport(meetings, await buildImportTemplate(meetings, settings), fresh);
    expect(preview.summary).toMatchObject({ total: 0, canCommit: false });
    expect(preview.warnings.join('')).toContain('没有任何数据行');
  });
});

describe('Chinese text across the streaming reader’s chunk boundaries (exceljs #2063/#2084)', () => {
  const records: LedgerRecord[] = meetingRecords(4000).map((r, i) => ({
    ...r,
    title: `第${i + 1}次专题学习暨警示教育推进会议（扩大）`,
    chair: '欧阳书记',
  }));

  it('survives in inline strings (the streaming writer’s files)', async () => {
    const p = await previewImport(meetings, await exportLedger(meetings, records, settings), fresh);
    expect(JSON.stringify(p.rows)).not.toContain('\uFFFD');
    expect(p.rows.map((r) => r.record)).toEqual(records.map((r) => editable(meetings, r)));
  });

  it('survives in shared strings (the files Excel and WPS write)', async () => {
    const wb = new (await import('exceljs')).default.Workbook();
    const ws = wb.addWorksheet('会议');
    ws.addRow(['会议日期', '单位', '会议类型', '会议名称', '主持人']);
    for (const r of records) ws.addRow([r.date, '区纪委监委机关', r.type, r.title, r.chair]);
    const p = await previewImport(meetings, Buffer.from(await wb.xlsx.writeBuffer()), fresh);
    expect(p.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(p.rows.map((r) => r.record?.title)).toEqual(records.map((r) => r.title));
  });
});

describe('duplicates (by the ledger dedupeKeys)', () => {
  const stored = meetingRecords(5);

  it('skips rows matching a stored record by 会议日期 + 会议名称, and says so', async () => {
    const file = await exportLedger(meetings, meetingRecords(8), settings);
    const p = await previewImport(meetings, file, {
      settings,
      existing: stored,
      options: { onDuplicate: 'skip' },
    });
    expect(p.summary).toMatchObject({ total: 8, create: 3, skip: 5, duplicates: 5 });
    expect(p.rows[0]).toMatchObject({ action: 'skip', existingId: 'r0', duplicate: { of: 'existing' } });
    expect(p.rows[0].duplicate?.message).toContain('会议日期、会议名称相同');
  });

  it('updates matching records when asked, keeping columns the file lacks', async () => {
    const changed = meetingRecords(2).map((r) => ({ ...r, place: '五楼会议室' }));
    const file = await exportLedger(meetings, changed, settings);
    const p = await previewImport(meetings, file, {
      settings,
      existing: stored,
      options: { onDuplicate: 'update' },
    });
    expect(p.rows.map((r) => [r.action, r.existingId, r.record?.place])).toEqual([
      ['update', 'r0', '五楼会议室'],
      ['update', 'r1', '五楼会议室'],
    ]);
  });

  it('recognizes a repeated row inside the file', async () => {
    const [a] = meetingRecords(1);
    const file = await exportLedger(
      meetings,
      [a, { ...a, id: 'copy', title: ` ${a.title as string} ` }],
      settings,
    );
    const p = await previewImport(meetings, file, fresh);
    expect(p.rows[1]).toMatchObject({ action: 'skip', duplicate: { of: 'file', row: 3 } });
  });
});
