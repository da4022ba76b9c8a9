// Recognizes what an uploaded file really is before exceljs sees it, so every wrong file gets a precise
// Chinese message (.xls/.et, CSV, Word, a password, an empty file…) instead of a zip or XML stack trace.
import JSZip from 'jszip';
import { AppFailure } from '../shared/result';

/** Files above this are refused: the office's real ledgers are far smaller, and the file crosses IPC as base64. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

const SAVE_AS =
  '请在 WPS 表格或 Excel 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再选择另存后的文件。';

function fail(message: string, details?: Record<string, unknown>): never {
  throw new AppFailure('bad_file', message, details);
}

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

function hasUtf16(buf: Uint8Array, word: string): boolean {
  return Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 1 << 20)).includes(
    Buffer.from(word, 'utf16le'),
  );
}

function ext(fileName?: string): string {
  const m = /\.([^.\\/]+)$/.exec(fileName ?? '');
  return m ? m[1].toLowerCase() : '';
}

function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.byteLength, 4096);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  return true;
}

/** Throws a bad_file failure for anything that is not an xlsx workbook; returns the zip's entry names. */
export async function checkXlsx(buf: Uint8Array, fileName?: string): Promise<Set<string>> {
  const name = fileName ? `“${fileName}”` : '该文件';
  if (buf.byteLength === 0)
    fail(`${name}是空文件（0 字节），可能没有保存完整。请重新保存或重新下载后再选择。`);
  if (buf.byteLength > MAX_FILE_BYTES) {
    const mb = (buf.byteLength / 1024 / 1024).toFixed(1);
    fail(
      `${name}有 ${mb} MB，超过了 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限。请删除图片和无关的工作表，或按年份、单位拆成几个文件分批导入。`,
      {
        size: buf.byteLength,
        limit: MAX_FILE_BYTES,
      },
    );
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(buf, 'EncryptedPackage')) {
      fail(
        `${name}设置了打开密码，无法读取。请在 WPS 或 Excel 中打开后取消密码（文件 → 文档加密 / 信息 → 保护工作簿），保存后再选择。`,
      );
    }
    const kind = ext(fileName) === 'et' ? 'WPS 表格的 .et 格式' : '旧版 Excel 的 .xls 格式（Excel 97-2003）';
    fail(`${name}是${kind}，本软件只能读取 .xlsx 格式。${SAVE_AS}`, {
      format: ext(fileName) === 'et' ? 'et' : 'xls',
    });
  }
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(buf, [0x25, 0x50, 0x44, 0x46]))
      fail(`${name}是 PDF 文件，不是 Excel 表格，无法导入。请选择 .xlsx 格式的台账文件。`);
    if (ext(fileName) === 'csv' || looksLikeText(buf)) {
      fail(`${name}是 CSV 或纯文本文件，不是 Excel 工作簿。${SAVE_AS}`, { format: 'csv' });
    }
    fail(`${name}不是 Excel 文件（扩展名可能被改过）。请选择 WPS 表格或 Excel 保存的 .xlsx 文件。`);
  }
  const dir = zipDirectory(buf) ?? (await jszipDirectory(buf));
  if (!dir) {
    fail(
      `${name}已损坏，无法打开（压缩包结构不完整，可能没有下载或复制完整）。请重新获取文件，或在 WPS/Excel 中打开后另存为 .xlsx。`,
    );
  }
  const has = (p: string) => dir.has(p);
  if (!has('xl/workbook.xml')) {
    if (has('word/document.xml')) fail(`${name}是 Word 文档，不是 Excel 表格。请选择 .xlsx 格式的台账文件。`);
    if (has('ppt/presentation.xml')) fail(`${name}是 PowerPoint 演示文稿，不是 Excel 表格。`);
    if (has('content.xml') || has('mimetype'))
      fail(`${name}是 OpenDocument 表格（.ods），本软件只能读取 .xlsx。${SAVE_AS}`);
    if (has('xl/workbook.bin'))
      fail(`${name}是 Excel 二进制工作簿（.xlsb），本软件只能读取 .xlsx。${SAVE_AS}`);
    fail(`${name}是一个压缩包，但不是 Excel 工作簿。请选择 .xlsx 格式的台账文件。`);
  }
  for (const [path, size] of dir) {
    if (/^xl\/worksheets\//.test(path) && size > MAX_SHEET_XML_BYTES) {
      fail(
        `${name}中的工作表解压后超过 ${MAX_SHEET_XML_BYTES / 1024 / 1024} MB，数据过多或文件异常。请按年份或单位拆成几个文件分批导入。`,
      );
    }
  }
  return new Set(dir.keys());
}

/** An xlsx workbook opened with JSZip for the template work, after the same checks. */
export async function openXlsxZip(buf: Uint8Array, fileName?: string): Promise<JSZip> {
  await checkXlsx(buf, fileName);
  return JSZip.loadAsync(buf);
}

/** A worksheet's XML beyond this is refused before parsing: 100,000 real rows take about 70 MB. */
export const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;

/**
 * Entry names and uncompressed sizes from the zip's central directory, read in place (JSZip would copy and
 * index the whole file). Null when the directory is missing or damaged; undefined sizes come from zip64.
 */
function zipDirectory(buf: Uint8Array): Map<string, number> | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null; // zip64: left to JSZip
  const out = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const skip = nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLen > buf.byteLength) return null;
    out.set(decoder.decode(buf.subarray(at + 46, at + 46 + nameLen)), size);
    at += 46 + skip;
  }
  return out;
}

async function jszipDirectory(buf: Uint8Array): Promise<Map<string, number> | null> {
  try {
    const zip = await JSZip.loadAsync(buf);
    return new Map(Object.keys(zip.files).map((p) => [p, 0]));
  } catch {
    return null;
  }
}
