// Writing finished documents into a folder the office reads: each file goes to a temporary name first and is
// renamed into place, so a half-written .docx never sits under the real name; a file WPS or Excel holds open,
// a full disk or a read-only folder is answered with a Chinese message naming the file.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppFailure } from '../shared/result';

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
}

/** The Chinese message for a failed write of `path`. */
export function writeFailure(path: string, e: unknown): AppFailure {
  const name = `“${basename(path)}”`;
  switch (codeOf(e)) {
    case 'EBUSY':
    case 'EPERM':
      return new AppFailure(
        'conflict',
        `文件${name}正被 WPS 或 Excel 打开（或被其他程序占用），无法覆盖；请关闭该文件后重试。位置：${path}`,
        { path },
      );
    case 'EACCES':
    case 'EROFS':
      return new AppFailure(
        'conflict',
        `没有权限写入${path}：该文件夹是只读的，请在设置中换一个输出文件夹。`,
        {
          path,
        },
      );
    case 'ENOSPC':
      return new AppFailure('conflict', `磁盘空间已满，${name}没有写入；请清理磁盘后重试。`, { path });
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppFailure('conflict', `输出文件夹不存在或不是文件夹：${path}`, { path });
    default:
      return new AppFailure('internal', `写入${name}失败：${e instanceof Error ? e.message : String(e)}`, {
        path,
      });
  }
}

/** Creates the folder (and its parents); a path that exists as a file is refused in Chinese. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw writeFailure(folder, e);
  }
}

/** Writes the files into `folder`: every temporary file first, then the renames, so a failure leaves no torn file. */
export async function writeFiles(
  folder: string,
  files: { fileName: string; data: Buffer }[],
): Promise<{ path: string; size: number }[]> {
  await ensureFolder(folder);
  const staged: { tmp: string; path: string; size: number }[] = [];
  try {
    for (const f of files) {
      const path = join(folder, f.fileName);
      const tmp = join(folder, `.~${f.fileName}.${process.pid}.tmp`);
      try {
        await writeFile(tmp, f.data);
      } catch (e) {
        throw writeFailure(path, e);
      }
      staged.push({ tmp, path, size: f.data.length });
    }
    for (const s of staged) {
      try {
        await rename(s.tmp, s.path);
      } catch (e) {
        throw writeFailure(s.path, e);
      }
    }
  } finally {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
  }
  return staged.map(({ path, size }) => ({ path, size }));
}
