// The 操作日志 as an Excel sheet for the administrator: one row per line, newest first, with the filter written
// above the table so a printed copy says what it covers.
import ExcelJS from 'exceljs';
import type { AuditRow } from '../shared/contract/auth';
import { fitWidth } from './width';
import { writeXlsx } from './xml-safe';

/** Excel refuses cells longer than this. */
const MAX_CELL = 32_000;

const COLUMNS: { header: string; value: (r: AuditRow) => string | number }[] = [
  { header: '序号', value: (r) => r.seq },
  { header: '时间', value: (r) => r.at.replace('T', ' ').slice(0, 19) },
  { header: '用户', value: (r) => r.user },
  {
    header: '入口',
    value: (r) => ({ ipc: '桌面版', http: '网页版', cli: '命令行', internal: '程序' })[r.door] ?? r.door,
  },
  { header: '操作', value: (r) => r.action },
  { header: '对象', value: (r) => r.targetLabel || r.target },
  { header: '记录编号', value: (r) => r.recordId ?? '' },
  { header: '说明', value: (r) => r.detail ?? '' },
  { header: '修改前', value: (r) => json(r.before) },
  { header: '修改后', value: (r) => json(r.after) },
];

function json(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = JSON.stringify(v);
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…（已截断）` : s;
}

export async function buildAuditWorkbook(
  rows: AuditRow[],
  opts: { title: string; filter: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('操作日志', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = opts.title;
  ws.getCell(1, 1).font = { name: '黑体', size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value = `筛选条件：${opts.filter}，共 ${rows.length} 条`;
  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  for (const r of rows) ws.addRow(COLUMNS.map((c) => c.value(r)));
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: COLUMNS.length } };
  COLUMNS.forEach((c, i) => {
    const sample = rows.slice(0, 200).map((r) => String(c.value(r)));
    ws.getColumn(i + 1).width = fitWidth([c.header, ...sample], 6, i >= 7 ? 60 : 24);
  });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return await writeXlsx(wb);
}
