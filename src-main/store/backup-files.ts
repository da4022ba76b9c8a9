// Backup bundles: one self-contained JSON file holding every collection, plus listing and rotation.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DamagedFileError, readJsonFile } from './collection-adapter';
import { errorCode } from './durable-write';
import { BadBackupError } from './errors';
import { fileStamp, localDay } from './format-time';
import type { Logger } from './types';

export const BACKUP_DIR = 'backups';
export const BUNDLE_FORMAT = 'campaign-desk-backup';
const BACKUP_NAME = /^backup-(\d{8})-\d{6}-\d{3}(-\d+)?\.json$/;
/** The header fields come first in the file, so listing backups reads a few KB of each, not 5 MB. */
const HEADER_PROBE_BYTES = 4096;
/** How every bundle starts (buildBundle writes the format first). */
const BUNDLE_START = `{"format":"${BUNDLE_FORMAT}"`;

export interface BackupHeader {
  format: typeof BUNDLE_FORMAT;
  formatVersion: 1;
  createdAt: string;
  reason: string;
  schemaVersion: number;
}

export interface Bundle {
  header: BackupHeader;
  collections: Record<string, unknown>;
}

export interface BackupEntry {
  file: string;
  createdAt: string;
  reason: string;
  size: number;
  /** Chinese, set when the bundle is known to be unusable: its header cannot be read, or a full check failed. */
  problem?: string;
}

/** Assembles the bundle (as chunks to write in order) from already-encoded collections, without re-serializing. */
export function buildBundle(
  header: Omit<BackupHeader, 'format' | 'formatVersion'>,
  parts: [string, readonly Buffer[]][],
): Buffer[] {
  const head: BackupHeader = { format: BUNDLE_FORMAT, formatVersion: 1, ...header };
  const chunks: Buffer[] = [Buffer.from(JSON.stringify(head).slice(0, -1) + ',"collections":{')];
  parts.forEach(([name, bytes], i) => {
    chunks.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(name)}:`), ...bytes);
  });
  chunks.push(Buffer.from('}}'));
  return chunks;
}

function checkHeader(value: unknown, file: string): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  const name = path.basename(file);
  if (typeof h !== 'object' || h === null || h.format !== BUNDLE_FORMAT) {
    throw new BadBackupError(`${name} 不是本程序的备份文件，未做任何恢复。`);
  }
  if (h.formatVersion !== 1)
    throw new BadBackupError(`${name} 的备份格式（第 ${h.formatVersion} 版）无法识别，请升级程序。`);
  if (!Number.isInteger(h.schemaVersion) || (h.schemaVersion as number) < 0) {
    throw new BadBackupError(`${name} 缺少有效的数据格式版本号。`);
  }
  if (typeof h.createdAt !== 'string' || Number.isNaN(Date.parse(h.createdAt))) {
    throw new BadBackupError(`${name} 缺少有效的备份时间。`);
  }
  return {
    format: BUNDLE_FORMAT,
    formatVersion: 1,
    createdAt: h.createdAt,
    reason: String(h.reason ?? ''),
    schemaVersion: h.schemaVersion as number,
  };
}

const READ_FAILURES: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '没有读取权限或文件被占用',
  EISDIR: '这是一个文件夹',
  EBUSY: '文件被其他程序占用',
  EIO: '磁盘读写错误',
};

function unreadable(file: string, err: unknown): BadBackupError {
  const code = errorCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new BadBackupError(`找不到备份文件 ${file}。`);
  const why = (code && READ_FAILURES[code]) ?? `无法读取${code ? `：${code}` : ''}`;
  return new BadBackupError(`无法读取文件 ${path.basename(file)}（${why}），未做任何恢复。`);
}

/** The first bytes of a file, as text: where every bundle states its format. */
async function readStart(file: string, bytes: number): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Reads and checks a whole bundle; throws BadBackupError (code 'bad_file', a Chinese message) if it is not a
 * readable bundle. Whatever file a caller names (`/etc/shadow`, a device, a 5 GB video), it is refused from its
 * first few KB, and no message ever quotes its content: messages reach logs and other users' screens.
 */
export async function readBundle(file: string): Promise<Bundle> {
  const name = path.basename(file);
  let start: string;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new BadBackupError(`${name} 不是一个普通文件，不能作为备份恢复。`);
    start = await readStart(file, HEADER_PROBE_BYTES);
  } catch (err) {
    throw err instanceof BadBackupError ? err : unreadable(file, err);
  }
  // Every bundle begins with its header, format first: anything else is not ours, whatever it holds.
  if (!start.includes(`"${BUNDLE_FORMAT}"`)) {
    // Cut off inside its first few bytes: still ours, just damaged (it never says what it holds, so nothing leaks).
    const cut = start.length > 1 && BUNDLE_START.startsWith(start);
    throw new BadBackupError(
      cut
        ? `备份文件 ${name} 已损坏：被截断，内容不完整，未做任何恢复。`
        : `${name} 不是本程序的备份文件，未做任何恢复。`,
    );
  }
  let parsed: Awaited<ReturnType<typeof readJsonFile>>;
  try {
    parsed = await readJsonFile(file);
  } catch (err) {
    if (err instanceof DamagedFileError)
      throw new BadBackupError(`备份文件 ${name} 已损坏：${err.reason}，未做任何恢复。`);
    throw unreadable(file, err);
  }
  if (!parsed) throw new BadBackupError(`找不到备份文件 ${file}。`);
  const header = checkHeader(parsed.value, file);
  const collections = (parsed.value as { collections?: unknown }).collections;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections)) {
    throw new BadBackupError(`备份文件 ${name} 中没有数据集合，未做任何恢复。`);
  }
  return { header, collections: collections as Record<string, unknown> };
}

/** Reads only the header at the start of a bundle; null if the file is not a readable bundle. */
export async function readBackupHeader(file: string): Promise<BackupHeader | null> {
  try {
    const text = await readStart(file, HEADER_PROBE_BYTES);
    // Inside a JSON string every quote is escaped, so this marker can only be the real key.
    const at = text.indexOf(',"collections":');
    if (at >= 0) return checkHeader(JSON.parse(text.slice(0, at) + '}'), file);
    return (await readBundle(file)).header; // an unusually long reason: read it all
  } catch {
    return null;
  }
}

export interface BackupFileInfo extends BackupEntry {
  readable: boolean;
  name: string;
  mtimeMs: number;
}

/** Every file in the backup folder that looks like ours, newest first; unreadable ones are listed too (for rotation). */
export async function scanBackups(dir: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return [];
    throw err;
  }
  const infos: BackupFileInfo[] = [];
  for (const name of names.filter((n) => BACKUP_NAME.test(n))) {
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat) continue;
    const header = await readBackupHeader(file);
    infos.push({
      file,
      name,
      readable: header !== null,
      createdAt: header?.createdAt ?? stat.mtime.toISOString(),
      reason: header?.reason ?? '（无法读取）',
      size: stat.size,
      mtimeMs: stat.mtimeMs,
    });
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || writtenAfter(b.name, a.name));
}

/** Positive when backup `a` was written after `b`: by stamp, then by the suffix two backups in one millisecond get. */
function writtenAfter(a: string, b: string): number {
  const key = (n: string) => {
    const m = /^(backup-\d{8}-\d{6}-\d{3})(?:-(\d+))?\.json$/.exec(n);
    return m ? { stamp: m[1], n: Number(m[2] ?? 1) } : { stamp: n, n: 0 };
  };
  const x = key(a);
  const y = key(b);
  return x.stamp === y.stamp ? x.n - y.n : x.stamp < y.stamp ? -1 : 1;
}

export async function hasBackupOnDay(dir: string, day: Date): Promise<boolean> {
  const stamp = localDay(day);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  return names.some((n) => BACKUP_NAME.exec(n)?.[1] === stamp);
}

/** A new, unused file name in the backup folder (two backups in one millisecond get a suffix). */
export async function newBackupPath(dir: string, now: Date): Promise<string> {
  const base = `backup-${fileStamp(now)}`;
  const names = new Set(await fsp.readdir(dir).catch(() => [] as string[]));
  let name = `${base}.json`;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}.json`;
  return path.join(dir, name);
}

/** A new file name for a backup written to a folder the user chose: says what it is to whoever finds it there. */
export async function newExternalBackupPath(folder: string, now: Date): Promise<string> {
  const base = `教育整顿工作台备份-${fileStamp(now).slice(0, 15)}`;
  const names = new Set(await fsp.readdir(folder).catch(() => [] as string[]));
  let name = `${base}.json`;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}.json`;
  return path.join(folder, name);
}

/** Keeps the newest `keep` backups; damaged ones count too, so they cannot pile up. */
export async function rotateBackups(dir: string, keep: number, logger: Logger): Promise<void> {
  const all = await scanBackups(dir);
  for (const old of all.slice(Math.max(keep, 1))) {
    await fsp.rm(old.file, { force: true });
    logger.info('已删除过期的自动备份', { file: old.file });
  }
}
