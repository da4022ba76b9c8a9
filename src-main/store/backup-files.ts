// Backup bundles: one self-contained JSON file holding every collection, plus listing and rotation.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DamagedFileError, readJsonFile } from './collection-adapter';
import { errorCode } from './durable-write';
import { fileStamp, localDay } from './format-time';
import type { Logger } from './types';

export const BACKUP_DIR = 'backups';
export const BUNDLE_FORMAT = 'campaign-desk-backup';
const BACKUP_NAME = /^backup-(\d{8})-\d{6}-\d{3}(-\d+)?\.json$/;
/** The header fields come first in the file, so listing backups reads a few KB of each, not 5 MB. */
const HEADER_PROBE_BYTES = 4096;

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
  if (typeof h !== 'object' || h === null || h.format !== BUNDLE_FORMAT) {
    throw new Error(`${path.basename(file)} 不是本程序的备份文件。`);
  }
  if (h.formatVersion !== 1)
    throw new Error(`${path.basename(file)} 的备份格式（第 ${h.formatVersion} 版）无法识别，请升级程序。`);
  if (!Number.isInteger(h.schemaVersion) || (h.schemaVersion as number) < 0) {
    throw new Error(`${path.basename(file)} 缺少有效的数据格式版本号。`);
  }
  if (typeof h.createdAt !== 'string' || Number.isNaN(Date.parse(h.createdAt))) {
    throw new Error(`${path.basename(file)} 缺少有效的备份时间。`);
  }
  return {
    format: BUNDLE_FORMAT,
    formatVersion: 1,
    createdAt: h.createdAt,
    reason: String(h.reason ?? ''),
    schemaVersion: h.schemaVersion as number,
  };
}

/** Reads and checks a whole bundle; throws an Error with a Chinese message if it is damaged or not a bundle. */
export async function readBundle(file: string): Promise<Bundle> {
  let parsed: Awaited<ReturnType<typeof readJsonFile>>;
  try {
    parsed = await readJsonFile(file);
  } catch (err) {
    if (err instanceof DamagedFileError)
      throw new Error(`备份文件 ${path.basename(file)} 已损坏：${err.reason}。`);
    throw err;
  }
  if (!parsed) throw new Error(`找不到备份文件 ${file}。`);
  const header = checkHeader(parsed.value, file);
  const collections = (parsed.value as { collections?: unknown }).collections;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections)) {
    throw new Error(`备份文件 ${path.basename(file)} 中没有数据集合。`);
  }
  return { header, collections: collections as Record<string, unknown> };
}

/** Reads only the header at the start of a bundle; null if the file is not a readable bundle. */
export async function readBackupHeader(file: string): Promise<BackupHeader | null> {
  try {
    const handle = await fsp.open(file, 'r');
    let text: string;
    try {
      const buf = Buffer.alloc(HEADER_PROBE_BYTES);
      const { bytesRead } = await handle.read(buf, 0, HEADER_PROBE_BYTES, 0);
      text = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
    // Inside a JSON string every quote is escaped, so this marker can only be the real key.
    const at = text.indexOf(',"collections":');
    if (at >= 0) return checkHeader(JSON.parse(text.slice(0, at) + '}'), file);
    return (await readBundle(file)).header; // an unusually long reason: read it all
  } catch {
    return null;
  }
}

interface BackupFileInfo extends BackupEntry {
  readable: boolean;
  name: string;
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
    });
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
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

/** Keeps the newest `keep` backups; damaged ones count too, so they cannot pile up. */
export async function rotateBackups(dir: string, keep: number, logger: Logger): Promise<void> {
  const all = await scanBackups(dir);
  for (const old of all.slice(Math.max(keep, 1))) {
    await fsp.rm(old.file, { force: true });
    logger.info('已删除过期的自动备份', { file: old.file });
  }
}
