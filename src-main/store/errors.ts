// Errors the store throws, with Chinese messages that say what happened and what the user can do.
import { AppFailure } from '../shared/result';
import { formatForUser } from './format-time';

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'store.lock';

export interface LockInfo {
  /** Which program holds the directory: 'desktop' | 'web' | 'cli' or any name the caller chose. */
  owner: string;
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random, so a process can tell its own lock from a stale one left by an earlier process with the same pid. */
  token: string;
}

const OWNER_NAMES: Record<string, string> = {
  desktop: '桌面版程序',
  web: '网页版服务',
  cli: '命令行工具',
};

export function ownerName(owner: string): string {
  return OWNER_NAMES[owner] ?? `「${owner}」`;
}

/** Another process (or this one) has the data directory open. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockInfo | null,
    sameHost = true,
  ) {
    super(lockedMessage(dataDir, lockFile, holder, sameHost));
  }
}

function lockedMessage(
  dataDir: string,
  lockFile: string,
  holder: LockInfo | null,
  sameHost: boolean,
): string {
  if (!holder) {
    return (
      `数据目录 ${dataDir} 正在被另一个程序打开（锁文件刚刚创建，尚未写完）。` +
      `同一数据目录一次只能由一个程序使用，以免数据互相覆盖。请稍候片刻再试。`
    );
  }
  const since = formatForUser(holder.startedAt);
  const head = `同一数据目录一次只能由一个程序使用，以免数据互相覆盖。`;
  if (!sameHost) {
    // We cannot see that computer's processes, so we never take over; only a person there can tell.
    return (
      `数据目录 ${dataDir} 正在被${ownerName(holder.owner)}使用（进程号 ${holder.pid}，位于另一台计算机` +
      `「${holder.hostname}」），自 ${since} 起。${head}请先到该计算机上关闭该程序后重试，或用 --data-dir 指定另一个数据目录。` +
      `本程序看不到另一台计算机上的程序是否仍在运行，因此不会自动接管；只有确认那台计算机上进程号 ${holder.pid} 的程序` +
      `已经不存在（已关闭，或那台计算机已重新启动）后，才可以删除锁文件 ${lockFile}。`
    );
  }
  return (
    `数据目录 ${dataDir} 正在被${ownerName(holder.owner)}使用（进程号 ${holder.pid}），自 ${since} 起。${head}` +
    `请先关闭该程序后重试（在任务管理器中可按进程号 ${holder.pid} 找到它），或用 --data-dir 指定另一个数据目录。` +
    `该程序一旦退出（包括异常退出），本程序会自动接管该目录，不需要删除任何文件。` +
    `请不要删除锁文件 ${lockFile}：该程序仍在运行时删除它，会让两个程序同时写入同一目录而丢失数据。`
  );
}

/**
 * The lock file on disk is no longer this process's (deleted, or replaced by another program's): someone else may
 * have opened the directory, so writing on would overwrite their changes with ours (or theirs ours). A failure with
 * code 'store_locked', so every door shows the Chinese message instead of "internal error".
 */
export class StoreLockLostError extends AppFailure {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo | null,
    sameHost = true,
  ) {
    super('store_locked', lockLostMessage(dataDir, holder, sameHost));
  }
}

function lockLostMessage(dataDir: string, holder: LockInfo | null, sameHost: boolean): string {
  const now = holder
    ? `现在由${sameHost ? '' : `计算机「${holder.hostname}」上的`}${ownerName(holder.owner)}使用（进程号 ${holder.pid}，` +
      `自 ${formatForUser(holder.startedAt)} 起）`
    : `中本程序的锁文件 ${LOCK_FILE_NAME} 已被删除或改写，其他程序可能已打开过该目录`;
  return (
    `数据目录已被其他程序接管：${dataDir} ${now}。为避免两个程序互相覆盖数据，本程序已停止保存，这次的修改未能确认保存。` +
    `请关闭本程序，重新打开后（将读取该目录中的最新数据）核对并补录。`
  );
}

/** A file given to restore is not a usable backup; nothing was changed. Never quotes the file's content. */
export class BadBackupError extends AppFailure {
  constructor(message: string) {
    super('bad_file', message);
  }
}

/** The data directory was written by a newer version of the app; opening it could lose data the old app ignores. */
export class StoreVersionError extends Error {
  override readonly name = 'StoreVersionError';
  constructor(
    readonly dataDir: string,
    readonly diskVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `数据目录 ${dataDir} 由更新版本的程序创建（数据格式第 ${diskVersion} 版，本程序只支持到第 ${appVersion} 版）。` +
        `为避免损坏数据，本程序不会打开它。请升级程序到最新版本后再打开。`,
    );
  }
}

/** Nothing could be recovered, or a damaged file could not be moved aside (we never overwrite what we cannot keep). */
export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
  constructor(
    readonly dataDir: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(
      `数据目录 ${dataDir} 已损坏且无法自动恢复：${problems.join('；')}。请联系技术人员，并保留该目录以便人工恢复。`,
      options,
    );
  }
}

/** Turns an fs error into one Chinese sentence about saving; the original stays as `cause`. */
export function describeWriteError(err: unknown, file: string): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const reasons: Record<string, string> = {
    ENOSPC: '磁盘空间不足',
    EDQUOT: '磁盘配额已用完',
    EACCES: '没有写入权限',
    EPERM: '文件被其他程序占用或没有写入权限（如杀毒软件正在扫描）',
    EBUSY: '文件被其他程序占用',
    EROFS: '磁盘为只读',
    EIO: '磁盘读写错误',
    EISDIR: '目标位置是一个文件夹',
  };
  const reason = reasons[code] ?? (err instanceof Error ? err.message : String(err));
  return `保存失败：无法写入 ${file}（${reason}）。本次修改未生效，原有数据未受影响。`;
}
