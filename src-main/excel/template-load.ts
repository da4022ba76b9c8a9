// Loads a superior's template with exceljs after the pre-load fixes, remembering what exceljs will lose
// (defined names, unsupported parts) so the inspector can warn and the filler can put names back.
import ExcelJS from 'exceljs';
import { AppFailure, isAppFailure } from '../shared/result';
import { openXlsxZip } from './file-check';
import type { DefinedName } from './template-zip';
import { parseDefinedNames, prepareForLoad, sheetNames, unsupportedParts } from './template-zip';

export interface LoadedTemplate {
  wb: ExcelJS.Workbook;
  /** Defined names as the original workbook.xml has them. */
  names: DefinedName[];
  sheets: string[];
  /** Chinese notes about fixes applied before loading and parts that will not survive. */
  warnings: string[];
}

export async function loadTemplate(buf: Uint8Array, fileName?: string): Promise<LoadedTemplate> {
  const zip = await openXlsxZip(buf, fileName);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const names = parseDefinedNames(workbookXml);
  const sheets = sheetNames(workbookXml);
  const warnings = [...(await unsupportedParts(zip)), ...(await prepareForLoad(zip))];
  // exceljs gets no defined names at all: it would drop the ones it cannot parse, crash on a print area it
  // cannot read, and rewrite print areas wrongly ($A1). The filler puts the originals back, moved.
  zip.file(
    'xl/workbook.xml',
    workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, ''),
  );
  const prepared = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(prepared as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (isAppFailure(e)) throw e;
    throw new AppFailure(
      'bad_file',
      `模板文件无法读取（${e instanceof Error ? e.message.slice(0, 80) : '结构异常'}）。请在 WPS 或 Excel 中打开模板，另存为 .xlsx 后再上传。`,
    );
  }
  return { wb, names, sheets, warnings };
}

/** The sheet a defined name belongs to (by localSheetId), or undefined for a workbook-wide name. */
export function nameSheet(n: DefinedName, sheets: string[]): string | undefined {
  return n.localSheetId === undefined ? undefined : sheets[n.localSheetId];
}

const SIMPLE_AREA = /^(?:'(?:[^']|'')+'|[^'!\s]+)!\$?[A-Z]{0,3}\$?\d*(?::\$?[A-Z]{0,3}\$?\d*)?$/;

/** Names exceljs alone would lose or mangle: anything but plain sheet areas (formulas, several areas, #REF!). */
export function fragileNames(t: LoadedTemplate): DefinedName[] {
  return t.names.filter(
    (n) =>
      n.name.startsWith('_xlnm.Print') || n.text.split(',').some((part) => !SIMPLE_AREA.test(part.trim())),
  );
}

export function describeName(n: DefinedName, sheets: string[]): string {
  const sheet = nameSheet(n, sheets);
  const where = sheet ? `工作表“${sheet}”的` : '';
  if (n.name === '_xlnm.Print_Titles') return `${where}打印标题（${n.text}）`;
  if (n.name === '_xlnm.Print_Area') return `${where}打印区域（${n.text}）`;
  return `${where}名称“${n.name}”（${n.text}）`;
}
