// Errors the store throws at open, with Chinese messages that say what happened and what the user can do.
import { formatForUser } from './format-time';

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
  const where = sameHost ? '' : `，位于另一台计算机「${holder.hostname}」`;
  return (
    `数据目录 ${dataDir} 正在被${ownerName(holder.owner)}使用（进程号 ${holder.pid}${where}），` +
    `自 ${formatForUser(holder.startedAt)} 起。同一数据目录一次只能由一个程序使用，以免数据互相覆盖。` +
    `请先关闭该程序后重试，或用 --data-dir 指定另一个数据目录。` +
    `如确认该程序已不在运行，可删除锁文件 ${lockFile} 后重试。`
  );
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
