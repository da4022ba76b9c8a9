// What a template's zip holds that exceljs cannot carry (charts, shapes, pivot tables, macros…), its defined
// names (print titles, print areas: exceljs drops them on sheets with Chinese names), and the pre-load fixes.
import type JSZip from 'jszip';
import { DOUBLE_BRACE_RE } from '../shared/placeholders';

export interface DefinedName {
  name: string;
  localSheetId?: number;
  /** The formula text, XML-unescaped. */
  text: string;
  /** The element's attributes as written, to re-add it faithfully. */
  attrs: string;
}

export function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function parseDefinedNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  const re = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    if (!name) continue;
    out.push({
      name: xmlUnescape(name),
      localSheetId: local === undefined ? undefined : Number(local),
      text: xmlUnescape(m[2]),
      attrs: m[1],
    });
  }
  return out;
}

export function sheetNames(workbookXml: string): string[] {
  const names: string[] = [];
  const re = /<sheet\b[^>]*\bname="([^"]*)"/g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) names.push(xmlUnescape(m[1]));
  return names;
}

const count = (zip: JSZip, re: RegExp) => Object.keys(zip.files).filter((p) => re.test(p)).length;

/** Chinese warnings for every part of the template exceljs will not write back. */
export async function unsupportedParts(zip: JSZip): Promise<string[]> {
  const w: string[] = [];
  const charts = count(zip, /^xl\/charts\/chart\d+\.xml$/);
  if (charts)
    w.push(
      `模板含有 ${charts} 个图表：本软件填写时无法保留图表，生成的文件中不会有图表。如需图表，请在生成后于 WPS/Excel 中重新插入。`,
    );
  const pivots = count(zip, /^xl\/pivotTables\/.+\.xml$/);
  if (pivots) w.push(`模板含有 ${pivots} 个数据透视表：生成的文件中将不保留数据透视表。`);
  let shapes = 0;
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async('string');
    shapes += (xml.match(/<xdr:sp\b/g) ?? []).length;
  }
  if (shapes)
    w.push(`模板含有 ${shapes} 个形状或文本框：生成的文件中将不保留。请把其中的文字改写在单元格里。`);
  if (count(zip, /^xl\/media\//))
    w.push(
      '模板含有图片：图片会保留，位于单位行下方的会随之下移；跨越单位行的图片大小不变，请在生成后核对位置。',
    );
  if (count(zip, /^xl\/embeddings\//)) w.push('模板含有嵌入的对象（如 Word 文档）：生成的文件中将不保留。');
  if (zip.file('xl/vbaProject.bin')) w.push('模板含有宏（VBA）：生成的文件是 .xlsx，不含宏。');
  if (count(zip, /^xl\/externalLinks\//))
    w.push('模板中的公式引用了其他文件（外部链接）：外部链接不会保留，相关公式可能显示错误。');
  if (count(zip, /^xl\/(slicers|slicerCaches|timelines)\//))
    w.push('模板含有切片器或日程表：生成的文件中将不保留。');
  if (count(zip, /^xl\/threadedComments\//)) w.push('模板含有新版批注（线程批注）：只保留为普通批注。');
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async('string');
    if (/<x14:dataValidation\b/.test(xml))
      w.push('模板中有引用其他工作表的下拉列表（扩展格式）：这类下拉列表不会保留，请改用本表内的序列。');
    if (/<x14:sparklineGroup\b/.test(xml)) w.push('模板含有迷你图：生成的文件中将不保留。');
    if (/<x14:conditionalFormatting\b/.test(xml))
      w.push('模板含有扩展格式的条件格式（如数据条）：生成的文件中可能不保留。');
  }
  return [...new Set(w)];
}

/** Rows beyond this in a data-validation range are cut: a whole-column range costs exceljs 1 M entries on load. */
export const VALIDATION_ROW_LIMIT = 5000;

/**
 * Fixes applied before exceljs loads a template: a WPS-style docProps/app.xml (exceljs #2348) is replaced and
 * whole-column data validations are bounded. Returns what was done, in Chinese.
 */
export async function prepareForLoad(zip: JSZip): Promise<string[]> {
  const notes: string[] = [];
  const app = zip.file('docProps/app.xml');
  if (app && !/<Properties[\s>]/.test(await app.async('string'))) {
    zip.file(
      'docProps/app.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    );
  }
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async('string');
    let clamped = false;
    const fixed = xml.replace(
      /(<dataValidation\b[^>]*\bsqref=")([^"]*)"/g,
      (_w, head: string, sqref: string) => {
        const parts = sqref.split(/\s+/).map((r) => {
          const m = /^(\$?[A-Z]{1,3})(\$?\d+)?:(\$?[A-Z]{1,3})(\$?\d+)?$/.exec(r);
          if (!m) return r;
          const top = m[2] ? Number(m[2].replace('$', '')) : 1;
          const bottom = m[4] ? Number(m[4].replace('$', '')) : 1048576;
          if (bottom <= VALIDATION_ROW_LIMIT) return r;
          clamped = true;
          return `${m[1]}${top}:${m[3]}${Math.max(top, VALIDATION_ROW_LIMIT)}`;
        });
        return `${head}${parts.join(' ')}"`;
      },
    );
    if (clamped) {
      zip.file(p, fixed);
      notes.push(
        `模板中有覆盖整列的下拉列表或数据有效性，生成的文件中只保留到第 ${VALIDATION_ROW_LIMIT} 行。`,
      );
    }
  }
  return [...new Set(notes)];
}

/**
 * The first placeholder delimiter ("{{", "}}", "｛｛", "｝｝" or a mix) left in the cells of a written workbook — its
 * sheets' inline texts, formulas and header/footer, and the shared strings — with the text around it, or null.
 */
export async function leftoverDelimiter(zip: JSZip): Promise<{ part: string; context: string } | null> {
  const paths = Object.keys(zip.files)
    .filter((p) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(p))
    .sort();
  for (const path of paths) {
    // Rich-text runs (<r>, <t>, <rPr> and its empty elements) join into one text; any other tag separates texts.
    const xml = await zip.file(path)!.async('string');
    const text = xmlUnescape(
      xml.replace(/<(\/?)([\w:]+)[^>]*?(\/?)>/g, (_t, _c, name: string, empty: string) =>
        empty || name === 'r' || name === 't' || name === 'rPr' ? '' : '\u0000',
      ),
    );
    const m = new RegExp(DOUBLE_BRACE_RE.source).exec(text);
    if (!m) continue;
    const piece = (from: number, to: number) => text.slice(Math.max(0, from), to).split('\u0000');
    const before = piece(m.index - 40, m.index).pop() ?? '';
    const after = piece(m.index + m[0].length, m.index + m[0].length + 40)[0];
    return { part: path, context: `${before}${m[0]}${after}` };
  }
  return null;
}
