// Every wrong file gets its own precise Chinese message: what the file is, and what to do.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { MAX_IMPORT_ROWS, previewImport } from '../../../src-main/excel';
import { collect } from '../../../src-main/excel/export-ledger';
import { testSettings, toBuffer } from './fixtures';

const settings = testSettings();
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function failure(buf: Uint8Array, fileName?: string): Promise<{ code: string; message: string }> {
  try {
    await previewImport(meetings, buf, {
      settings,
      existing: [],
      options: { onDuplicate: 'skip' },
      fileName,
    });
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('expected the import to be refused');
}

const ole = (extra = Buffer.alloc(0)) => Buffer.concat([Buffer.from(OLE), Buffer.alloc(504), extra]);

describe('files that are not xlsx workbooks', () => {
  it('an old .xls', async () => {
    const f = await failure(ole(), '会议台账.xls');
    expect(f.code).toBe('bad_file');
    expect(f.message).toBe(
      '“会议台账.xls”是旧版 Excel 的 .xls 格式（Excel 97-2003），本软件只能读取 .xlsx 格式。请在 WPS 表格或 Excel 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再选择另存后的文件。',
    );
  });

  it('a WPS .et', async () => {
    expect((await failure(ole(), '会议台账.et')).message).toContain('是WPS 表格的 .et 格式');
  });

  it('a password-protected workbook', async () => {
    expect((await failure(ole(Buffer.from('EncryptedPackage', 'utf16le')), 'a.xlsx')).message).toContain(
      '设置了打开密码',
    );
  });

  it('a CSV file', async () => {
    expect((await failure(Buffer.from('会议日期,会议名称\n2026-03-01,会\n'), '会议.csv')).message).toContain(
      '是 CSV 或纯文本文件',
    );
  });

  it('a renamed non-Excel file', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect((await failure(png, '台账.xlsx')).message).toBe(
      '“台账.xlsx”不是 Excel 文件（扩展名可能被改过）。请选择 WPS 表格或 Excel 保存的 .xlsx 文件。',
    );
    expect((await failure(Buffer.from('%PDF-1.7\n'), '台账.xlsx')).message).toContain('是 PDF 文件');
  });

  it('a Word document renamed to .xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    expect((await failure(await zip.generateAsync({ type: 'nodebuffer' }), '台账.xlsx')).message).toContain(
      '是 Word 文档',
    );
  });

  it('a truncated download', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 'x';
    const buf = await toBuffer(wb);
    expect((await failure(buf.subarray(0, buf.length - 200), '台账.xlsx')).message).toContain('已损坏');
  });

  it('an empty file', async () => {
    expect((await failure(Buffer.alloc(0), '台账.xlsx')).message).toBe(
      '“台账.xlsx”是空文件（0 字节），可能没有保存完整。请重新保存或重新下载后再选择。',
    );
  });

  it('a 50 MB file', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const f = await failure(big, '台账.xlsx');
    expect(f.message).toBe(
      '“台账.xlsx”有 50.0 MB，超过了 30 MB 的上限。请删除图片和无关的工作表，或按年份、单位拆成几个文件分批导入。',
    );
  });
});

describe('workbooks that do not fit the ledger', () => {
  it('a sheet without a recognizable header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工资表');
    ws.addRow(['姓名', '基本工资', '绩效']);
    ws.addRow(['张三', 5000, 800]);
    const f = await failure(await toBuffer(wb), '工资.xlsx');
    expect(f.message).toBe(
      '在工作表“工资表”的前30行中没有找到会议台账的表头（至少应有“会议日期”“单位”“会议类型”等列）。请确认选择的是会议台账，或先下载导入模板，按模板的列标题填写后再导入。',
    );
  });

  it(`more than ${MAX_IMPORT_ROWS} data rows`, async () => {
    const out = new PassThrough();
    const done = collect(out);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet('会议');
    ws.addRow(['会议日期', '单位', '会议类型', '会议名称']).commit();
    for (let i = 0; i <= MAX_IMPORT_ROWS; i++)
      ws.addRow(['2026-03-01', '区纪委监委机关', '其他', `会${i}`]).commit();
    ws.commit();
    await wb.commit();
    const f = await failure(await done, '大文件.xlsx');
    expect(f.message).toBe(
      `工作表“会议”的数据超过 ${MAX_IMPORT_ROWS} 行（第 ${MAX_IMPORT_ROWS + 2} 行仍有数据），超过了一次导入的上限。请按年份或单位拆成几个文件分批导入。`,
    );
  });
});
