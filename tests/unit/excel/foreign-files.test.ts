// Files the office gets from elsewhere: re-saved by LibreOffice (shared strings, date styles), saved by WPS
// (a docProps/app.xml that crashes exceljs's document loader, exceljs #2348).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportLedger, previewImport } from '../../../src-main/excel';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { allTypes, allTypesRecords, editable, meetingRecords, testSettings } from './fixtures';
import { resaveWithLibreOffice } from './lo';

const settings = testSettings();
const fresh = { settings, existing: [], options: { onDuplicate: 'skip' as const } };

describe('files from other programs', () => {
  it('an export re-saved by LibreOffice imports to the same records', async () => {
    const records = allTypesRecords(30);
    const file = await resaveWithLibreOffice(
      await exportLedger(allTypes, records, settings, { includeConfidential: true }),
    );
    const zip = await JSZip.loadAsync(file);
    expect(zip.file('xl/sharedStrings.xml')).toBeTruthy(); // a different producer indeed
    const p = await previewImport(allTypes, file, fresh);
    expect(p.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(p.rows.map((r) => r.record)).toEqual(records.map((r) => editable(allTypes, r)));
  });

  it('a workbook whose docProps/app.xml is written the WPS way', async () => {
    const zip = await JSZip.loadAsync(await exportLedger(meetings, meetingRecords(5), settings));
    zip.file(
      'docProps/app.xml',
      '<?xml version="1.0" encoding="UTF-8"?><properties:Properties xmlns:properties="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><properties:Application>WPS 表格</properties:Application></properties:Properties>',
    );
    const p = await previewImport(meetings, await zip.generateAsync({ type: 'nodebuffer' }), fresh);
    expect(p.summary).toMatchObject({ total: 5, canCommit: true });
  });
});
