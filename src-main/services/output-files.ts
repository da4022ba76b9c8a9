// Writing finished documents where the office reads them (the package folder, a file chosen in a save dialog):
// each file goes to a temporary name first and is renamed into place, so a half-written .docx never sits under
// the real name and a failed save leaves the old file as it was. A file WPS or Excel holds open, a full disk or a
// read-only folder is answered with a Chinese message naming the file and saying what to do.
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../shared/result';
import { renameWithRetry } from '../store/durable-write';
import { describeFsError, fsReason } from '../store/errors';

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
}

/** The Chinese message for a failed write of `path` (a file, or the folder it goes in). */
export function writeFailure(path: string, e: unknown): AppFailure {
  const name = `“${basename(path)}”`;
  const code = codeOf(e);
  const details = { path, ...(code ? { fsCode: code } : {}) };
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      return new AppFailure(
        'conflict',
        `文件${name}正被 WPS 或 Excel 打开（或被其他程序占用），无法覆盖；请关闭该文件后重试。位置：${path}`,
        details,
      );
    case 'EACCES':
    case 'EROFS':
      return new AppFailure(
        'conflict',
        `没有权限写入${path}：该文件夹是只读的（或没有写入权限），请换一个文件夹后重试。`,
        details,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppFailure(
        'conflict',
        `磁盘空间已满，${name}没有写入；请清理磁盘（删除不需要的文件、清空回收站）后重试。位置：${path}`,
        details,
      );
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EEXIST': // mkdir where a file of that name is in the way
      return new AppFailure(
        'conflict',
        `文件夹不存在或不是文件夹（可能已被移动、删除，或 U 盘已拔出）：${path}`,
        details,
      );
    default:
      // Never Node's English ("EIO: i/o error, write"): the reason in Chinese, the code for support.
      return new AppFailure(
        'internal',
        describeFsError(e, path) ??
          `写入${name}失败：${fsReason(code || undefined).reason}。请重试；仍不行请换一个文件夹。位置：${path}`,
        details,
      );
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

/**
 * Refuses at once a target WPS or Excel holds open. They open documents denying others write access, so on Windows
 * opening the file for writing fails (EBUSY/EPERM) while it is open there; antivirus scanners share the file and
 * pass. Without this the rename below would retry for a minute (as it must for the scanners) before saying so.
 */
async function refuseIfHeld(path: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r+');
  } catch (e) {
    // Only "held" says anything here: a new file (ENOENT), a folder in the way or a read-only file is left to the
    // write itself, which may well succeed (a rename replaces a read-only file on Linux) or fail with its own code.
    const code = codeOf(e);
    if (code === 'EBUSY' || code === 'EPERM') throw writeFailure(path, e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Test seam: the write and rename steps, so every failure can be produced without a real full disk. */
export interface OutputFs {
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const realFs: OutputFs = {
  writeFile: (p, data) => writeFile(p, data, { flush: true }),
  rename: (from, to) => renameWithRetry(from, to),
};

/** A temp name beside `path`: hidden, and never taken for a document by someone browsing the folder. */
function tempBeside(path: string): string {
  return join(dirname(path), `.~${basename(path)}.${process.pid}.tmp`);
}

/**
 * Saves one document at `path` (chosen in a save dialog): temp file, then rename over the old one. A failure
 * throws writeFailure's AppFailure and leaves any existing file untouched.
 */
export async function writeOutputFile(
  path: string,
  data: Uint8Array,
  fsOps: OutputFs = realFs,
): Promise<void> {
  await refuseIfHeld(path);
  const tmp = tempBeside(path);
  try {
    try {
      await fsOps.writeFile(tmp, data);
    } catch (e) {
      throw writeFailure(path, e);
    }
    try {
      await fsOps.rename(tmp, path);
    } catch (e) {
      throw writeFailure(path, e);
    }
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Writes the files into `folder`: every temporary file first, then the renames, so a failure leaves no torn file. */
export async function writeFiles(
  folder: string,
  files: { fileName: string; data: Buffer }[],
  fsOps: OutputFs = realFs,
): Promise<{ path: string; size: number }[]> {
  await ensureFolder(folder);
  for (const f of files) await refuseIfHeld(join(folder, f.fileName));
  const staged: { tmp: string; path: string; size: number }[] = [];
  const temps: string[] = [];
  try {
    for (const f of files) {
      const path = join(folder, f.fileName);
      const tmp = tempBeside(path);
      temps.push(tmp); // removed below even when writing it failed half-way (a full disk leaves a stub)
      try {
        await fsOps.writeFile(tmp, f.data);
      } catch (e) {
        throw writeFailure(path, e);
      }
      staged.push({ tmp, path, size: f.data.length });
    }
    for (const s of staged) {
      try {
        await fsOps.rename(s.tmp, s.path);
      } catch (e) {
        throw writeFailure(s.path, e);
      }
    }
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true }).catch(() => undefined)));
  }
  return staged.map(({ path, size }) => ({ path, size }));
}
