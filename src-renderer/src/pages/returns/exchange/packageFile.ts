// Reading a chosen 报送包 / 单位配置包 for the upload channels. What the file holds is judged by the server (its
// messages say what is wrong); here only what the browser can tell before sending: too big, or unreadable.
import type { AppError } from '../../../../../src-main/shared/result';
import { readFileBase64 } from '../../../api/files';
import { formatBytes } from '../../../lib/format';

export interface ChosenFile {
  fileName: string;
  dataBase64: string;
}

/** The contract takes at most 80 MB of base64 text, about 60 MB of file; a package of a year's records is far smaller. */
const MAX_BYTES = 55 * 1024 * 1024;

export async function readPackageFile(
  f: File,
  what: string,
): Promise<{ ok: true; file: ChosenFile } | { ok: false; error: AppError }> {
  if (f.size > MAX_BYTES)
    return {
      ok: false,
      error: {
        code: 'bad_file',
        message: `“${f.name}”有 ${formatBytes(f.size)}，不像${what}（${what}是几 MB 以内的 .json 文件）。请确认选对了文件。`,
      },
    };
  try {
    return { ok: true, file: { fileName: f.name, dataBase64: await readFileBase64(f) } };
  } catch {
    return {
      ok: false,
      error: {
        code: 'bad_file',
        message: `无法读取“${f.name}”：文件可能已被移走或正被其他程序占用，请重新选择。`,
      },
    };
  }
}

/** What 'exchange:receiveMany' takes at once. */
export const MAX_FILES = 500;

/**
 * Several 报送包 chosen together (a month's, from many units), read in file-name order, so that one unit's packages
 * sit together and its periods follow one another. All or none: the first file that cannot be read is the answer.
 */
export async function readPackageFiles(
  files: File[],
  what: string,
): Promise<{ ok: true; files: ChosenFile[] } | { ok: false; error: AppError }> {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'bad_file' as const, message } });
  if (files.length > MAX_FILES)
    return bad(`一次选择了 ${files.length} 个文件，一次最多接收 ${MAX_FILES} 个${what}，请分几次接收。`);
  // Sent in one request, whose size is bounded as one file's is.
  const total = files.reduce((n, f) => n + f.size, 0);
  if (files.length > 1 && total > MAX_BYTES)
    return bad(
      `选择的 ${files.length} 个文件共 ${formatBytes(total)}，一次最多接收约 ${formatBytes(MAX_BYTES)}，请分几次接收。`,
    );
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  const out: ChosenFile[] = [];
  for (const f of sorted) {
    const r = await readPackageFile(f, what);
    if (!r.ok) return r;
    out.push(r.file);
  }
  return { ok: true, files: out };
}
