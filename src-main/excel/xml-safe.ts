// The safety net under every workbook the app writes: text that reached a cell with a character XML cannot hold
// (a record saved before input was cleaned, a setting, a line of the 操作日志) is cleaned on the way out, so Excel
// and WPS never meet a file they call damaged. exceljs itself drops most C0 controls but not U+FFFE/U+FFFF or a
// lone surrogate half.
import type ExcelJS from 'exceljs';
import { cleanXmlText } from '../shared/xml-text';

/** A value as exceljs holds it, with every string inside cleaned; the same object when nothing needed it. */
export function cleanCellValue<T>(v: T): T {
  if (typeof v === 'string') return cleanXmlText(v) as T;
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    const runs = (o.richText as { text?: unknown }[]).map((r) =>
      typeof r.text === 'string' ? { ...r, text: cleanXmlText(r.text) } : r,
    );
    return { ...o, richText: runs } as T;
  }
  const out: Record<string, unknown> = { ...o };
  for (const k of ['text', 'hyperlink', 'tooltip', 'formula', 'result'] as const) {
    if (typeof out[k] === 'string') out[k] = cleanXmlText(out[k]);
  }
  return out as T;
}

function changed(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Cleans every cell, note, sheet name, header/footer and document property of a workbook, in place. */
export function cleanWorkbook(wb: ExcelJS.Workbook): void {
  const props = wb as unknown as Record<string, unknown>;
  for (const k of ['creator', 'lastModifiedBy', 'title', 'subject', 'company', 'manager', 'description']) {
    if (typeof props[k] === 'string') props[k] = cleanXmlText(props[k]);
  }
  for (const ws of wb.worksheets) {
    const name = cleanXmlText(ws.name);
    if (name !== ws.name) ws.name = name || 'Sheet';
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // Slave cells of a merge show their master's value: writing to them would unmerge nothing but is noise.
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (v === null || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return;
        const clean = cleanCellValue(v);
        if (typeof v === 'string' ? clean !== v : changed(clean, v)) cell.value = clean;
        const note = cell.note;
        if (typeof note === 'string' && cleanXmlText(note) !== note) cell.note = cleanXmlText(note);
      });
    });
    const hf = ws.headerFooter as Record<string, unknown> | undefined;
    if (hf) {
      for (const [k, v] of Object.entries(hf)) if (typeof v === 'string') hf[k] = cleanXmlText(v);
    }
  }
}

/** Cleans, then writes the workbook as .xlsx bytes. */
export async function writeXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  cleanWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
