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

const BACKUP_WRITE_REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限或文件被其他程序占用',
  EBUSY: '文件被其他程序占用',
  EROFS: '磁盘为只读（U盘是否打开了写保护？）',
  EIO: '磁盘读写错误（U盘是否已拔出？）',
  ENOENT: '文件夹不存在（U盘是否已拔出？）',
  ENOTDIR: '所选位置不是文件夹',
  EISDIR: '目标位置是一个文件夹',
};

/**
 * A backup could not be written (or read back whole) where it was asked for: a removed USB drive, a full disk, a
 * read-only folder. Code 'conflict' like other writes to a chosen place; the current data is untouched.
 */
export class BackupWriteError extends AppFailure {
  constructor(target: string, why: unknown, chosen = true) {
    const code = typeof why === 'object' && why !== null && 'code' in why ? String(why.code) : '';
    const reason = typeof why === 'string' ? why : (BACKUP_WRITE_REASONS[code] ?? (code || '未知原因'));
    const next = chosen ? '请换一个位置后重试。' : '请检查数据目录所在磁盘的空间和权限。';
    super('conflict', `备份没有写成：${target}（${reason}）。当前数据未受影响，${next}`, { path: target });
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

/** What a file-system error code means to a clerk, and what to do about it. */
interface FsReason {
  reason: string;
  advice: string;
}

const FS_REASONS: Record<string, FsReason> = {
  EBUSY: { reason: '文件正被 WPS 或 Excel 打开（或被其他程序占用）', advice: '请关闭该文件后重试' },
  // Windows answers EPERM both for a file another program holds open and for a real lack of permission.
  EPERM: {
    reason: '文件正被 WPS 或 Excel 打开（或被杀毒软件等程序占用），或没有修改它的权限',
    advice: '请关闭该文件后重试；仍不行请换一个文件夹',
  },
  EACCES: { reason: '没有写入权限', advice: '请换一个有权限的文件夹，或请管理员开放该文件夹的权限' },
  EROFS: { reason: '所在磁盘是只读的（如写保护的 U 盘、光盘）', advice: '请换一个文件夹' },
  ENOSPC: { reason: '磁盘空间已满', advice: '请清理磁盘（删除不需要的文件、清空回收站）后重试' },
  EDQUOT: { reason: '磁盘配额已用完', advice: '请清理磁盘或请管理员增加配额后重试' },
  ENOENT: {
    reason: '文件或文件夹不存在（可能已被移动、删除，或 U 盘已拔出）',
    advice: '请确认位置后重试',
  },
  ENOTDIR: { reason: '路径中有一项不是文件夹', advice: '请换一个文件夹' },
  EISDIR: { reason: '该位置是一个文件夹，不是文件', advice: '请换一个文件名' },
  EEXIST: { reason: '已存在同名的文件或文件夹', advice: '请换一个名字' },
  ENAMETOOLONG: { reason: '路径太长', advice: '请换一个较短的文件夹或文件名' },
  EMFILE: { reason: '同时打开的文件太多', advice: '请关闭一些程序后重试' },
  ENFILE: { reason: '同时打开的文件太多', advice: '请关闭一些程序后重试' },
  EIO: { reason: '磁盘读写出错（磁盘或 U 盘可能有故障）', advice: '请检查磁盘后重试' },
  EINVAL: { reason: '文件名或路径中含有系统不允许的字符', advice: '请换一个文件名' },
  ETIMEDOUT: { reason: '网络磁盘没有响应', advice: '请检查网络连接后重试' },
  EHOSTDOWN: { reason: '网络磁盘所在的计算机无法访问', advice: '请检查网络连接后重试' },
  ENETUNREACH: { reason: '网络磁盘无法访问', advice: '请检查网络连接后重试' },
  EXDEV: { reason: '不能跨磁盘移动文件', advice: '请换一个位于同一磁盘的文件夹' },
};

/** An error Node's fs raised: it carries a string code such as 'EBUSY' (and usually the path and the syscall). */
export function isFsError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return (
    err instanceof Error &&
    typeof (err as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z0-9]+$/.test((err as NodeJS.ErrnoException).code!)
  );
}

/** The path an fs error is about: for a rename, the destination (the temp file it came from means nothing). */
function fsErrorPath(err: NodeJS.ErrnoException): string | undefined {
  const dest = (err as { dest?: unknown }).dest;
  return typeof dest === 'string' && dest ? dest : err.path;
}

/** The reason and advice for an error code, in Chinese; unknown codes still get a sentence (never Node's English). */
export function fsReason(code: string | undefined): FsReason {
  const known = code && Object.hasOwn(FS_REASONS, code) ? FS_REASONS[code] : undefined;
  return (
    known ?? {
      reason: `系统报告错误${code ? `（${code}）` : ''}`,
      advice: '请稍后重试；仍不行请换一个文件夹',
    }
  );
}

/**
 * Translates an fs error into one Chinese sentence naming the file and what to do, e.g.
 * 无法写入“D:\月报\统计表.xlsx”：文件正被 WPS 或 Excel 打开（或被其他程序占用）。请关闭该文件后重试。
 * `file` overrides the path the error carries (a temp file's path means nothing to a clerk). Returns null for
 * anything that is not an fs error, so the caller decides what to say.
 */
export function describeFsError(err: unknown, file?: string, action = '写入'): string | null {
  if (!isFsError(err)) return null;
  const where = file ?? fsErrorPath(err);
  const { reason, advice } = fsReason(err.code);
  return `无法${action}${where ? `“${where}”` : '文件'}：${reason}。${advice}。`;
}

/** Data files are the app's own: nobody opens them in WPS, and a clerk cannot rename them. */
const DATA_REASONS: Record<string, FsReason> = {
  EBUSY: {
    reason: '文件被其他程序占用',
    advice: '请确认杀毒软件、同步盘或备份软件没有锁住数据目录后重试',
  },
  EPERM: {
    reason: '文件被其他程序占用或没有写入权限（如杀毒软件正在扫描）',
    advice: '请稍后重试；如仍失败，请把数据目录加入杀毒软件的信任区',
  },
  EACCES: { reason: '没有写入权限', advice: '请检查数据目录的权限，或请管理员开放该目录的写入权限' },
  EROFS: { reason: '磁盘为只读', advice: '请把数据目录放到可写的磁盘上' },
  ENOSPC: { reason: '磁盘空间不足', advice: '请清理磁盘（删除不需要的文件、清空回收站）后重试' },
};

/** Turns an fs error into one Chinese sentence about saving; the original stays as `cause`. */
export function describeWriteError(err: unknown, file: string): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const { reason, advice } = (Object.hasOwn(DATA_REASONS, code) ? DATA_REASONS[code] : undefined) ?? {
    reason: fsReason(code || undefined).reason,
    advice: '请稍后重试；如仍失败，请联系技术人员',
  };
  return `保存失败：无法写入 ${file}（${reason}）。本次修改未生效，原有数据未受影响。${advice}。`;
}

/**
 * A change could not be made durable (disk full, folder read-only, file held): memory and disk still hold the
 * previous data. An AppFailure, so every door shows its Chinese message (from describeWriteError, naming the file)
 * instead of "内部出错"; details carry the fs code for support. Same call shape as the store's plain-Error class it
 * is meant to replace: `new StoreWriteError(describeWriteError(err, files), { cause: err })`.
 */
export class StoreWriteError extends AppFailure {
  constructor(message: string, options?: { cause?: unknown }) {
    const cause = options?.cause;
    const fsCode =
      typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
    super('internal', message, fsCode ? { fsCode } : undefined);
    if (options && 'cause' in options) this.cause = cause;
  }
}

/**
 * What to tell someone whose program could not start: the store's own Chinese errors as they are, an fs error
 * translated with its path, anything else after 启动失败.
 */
export function describeStartupError(e: unknown): string {
  if (
    e instanceof StoreLockedError ||
    e instanceof StoreVersionError ||
    e instanceof StoreCorruptError ||
    (e instanceof Error && e.name === 'AppFailure')
  )
    return e.message;
  const fs = describeFsError(e, undefined, '打开');
  if (fs) return `启动失败：${fs}`;
  return `启动失败：${e instanceof Error ? e.message : String(e)}`;
}
