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
