// One process per data directory: an exclusive lock file naming its owner, taken over when its process is gone.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LOCK_FILE_NAME, StoreLockLostError, StoreLockedError, type LockInfo } from './errors';
import { errorCode, fsyncDir, sleep, tempPathFor } from './durable-write';

export const LOCK_FILE = LOCK_FILE_NAME;
/** A lock file we cannot parse is normally one being written right now; after this long it is debris. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/** Lock files this process holds, released synchronously on exit (SIGKILL cannot be caught: takeover covers it). */
const heldLocks = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [file, token] of heldLocks) releaseSync(file, token);
  });
}

function releaseSync(file: string, token: string): void {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (info.token === token) fs.rmSync(file, { force: true });
  } catch {
    // Already gone or replaced: nothing of ours to release.
  }
}

/** What a stat says about the lock file: equal stamps mean nobody replaced, rewrote or re-created it. */
interface Stamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

function stampOf(st: fs.Stats): Stamp {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

export class DirLock {
  /** The lock file as we last saw it holding our token; null until first checked. */
  private stamp: Stamp | null = null;
  /** Set once the lock was found not to be ours: from then on every check fails the same way. */
  private lost: StoreLockLostError | null = null;

  constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {}

  /** True while the lock file on disk is still ours. */
  async isHeld(): Promise<boolean> {
    const current = await readLock(this.file);
    return current.kind === 'ok' && current.info.token === this.info.token;
  }

  /**
   * Throws StoreLockLostError unless the lock file is still ours. Called before and after every write, so it must
   * be cheap: one stat, compared with the stamp of the file we last read our token from (device, inode, size,
   * modification and change times). Only when the stamp differs is the small file read to look at the token, or
   * always where the file system has no file identity (inode 0) and coarse times could hide a replacement.
   */
  async assertHeld(): Promise<void> {
    if (this.lost) throw this.lost;
    // Synchronous on purpose: a few microseconds on the main thread, where an async stat would wait twice for a
    // thread-pool hop (measurably more on a busy machine). A missing file gives undefined, not an exception.
    const st = fs.statSync(this.file, { throwIfNoEntry: false }) ?? null;
    if (st && st.ino !== 0 && this.stamp && sameStamp(stampOf(st), this.stamp)) return;
    const current = st ? await readLock(this.file) : ({ kind: 'missing' } as const);
    if (current.kind === 'ok' && current.info.token === this.info.token) {
      if (st) this.stamp = stampOf(st);
      return;
    }
    // Missing, unreadable or someone else's: another program may have opened the directory since.
    const holder = current.kind === 'ok' ? current.info : null;
    this.lost = new StoreLockLostError(
      path.dirname(this.file),
      holder,
      !holder || holder.hostname === os.hostname(),
    );
    if (heldLocks.get(this.file) === this.info.token) heldLocks.delete(this.file);
    throw this.lost;
  }

  async release(): Promise<void> {
    // Only forget the file if it is ours: another lock in this process may have taken the name since.
    if (heldLocks.get(this.file) === this.info.token) heldLocks.delete(this.file);
    if (await this.isHeld()) {
      await fsp.rm(this.file, { force: true });
      await fsyncDir(path.dirname(this.file)).catch(() => undefined);
    }
  }
}

type ReadResult =
  { kind: 'missing' } | { kind: 'ok'; info: LockInfo } | { kind: 'unreadable'; ageMs: number };

async function readLock(file: string): Promise<ReadResult> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([fsp.readFile(file, 'utf8'), fsp.stat(file)]);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (typeof info.pid === 'number' && typeof info.token === 'string') return { kind: 'ok', info };
  } catch {
    // fall through
  }
  return { kind: 'unreadable', ageMs: Date.now() - mtimeMs };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return errorCode(err) === 'EPERM';
  }
}

/**
 * Creates the lock file only if there is none, with its content complete from the first instant: the content goes
 * into a temp file that is then hard-linked to the lock name (link fails if the name exists). Media without hard
 * links (FAT32/exFAT USB sticks) fall back to an exclusive create, where a reader may briefly see an empty file.
 */
async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
  const text = JSON.stringify(info);
  const tmp = tempPathFor(file);
  try {
    await fsp.writeFile(tmp, text);
    await fsp.link(tmp, file);
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
  } finally {
    await fsp.rm(tmp, { force: true });
  }
  try {
    await fsp.writeFile(file, text, { flag: 'wx' });
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  }
}

export async function acquireLock(dataDir: string, owner: string, now: Date): Promise<DirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = {
    owner,
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: now.toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(file, info)) {
      heldLocks.set(file, info.token);
      installExitHook();
      await fsyncDir(dataDir).catch(() => undefined);
      return new DirLock(file, info);
    }
    const current = await readLock(file);
    if (current.kind === 'missing') continue; // released between our two calls
    if (current.kind === 'unreadable') {
      if (current.ageMs < UNREADABLE_LOCK_GRACE_MS) throw new StoreLockedError(dataDir, file, null);
      await takeOver(file, null);
      continue;
    }
    const holder = current.info;
    const sameHost = holder.hostname === os.hostname();
    // A lock with our pid that we do not hold was left by an earlier process that happened to get our pid.
    const ours = holder.pid === process.pid && heldLocks.get(file) === holder.token;
    const alive = holder.pid === process.pid ? ours : isProcessAlive(holder.pid);
    // On another host (a shared folder) we cannot see its processes: never steal that lock.
    if (!sameHost || alive) throw new StoreLockedError(dataDir, file, holder, sameHost);
    await takeOver(file, holder.token);
  }
  throw new StoreLockedError(dataDir, file, null);
}

/**
 * Removes a stale lock. Two processes may find the same stale lock at once; a short-lived guard file makes sure
 * only one of them removes it, and the token check makes sure nobody removes a fresh lock taken meanwhile.
 */
async function takeOver(file: string, staleToken: string | null): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    await fsp.writeFile(guard, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
    // Another process is taking over right now, or died doing so (then its guard is debris).
    const [pidText, stat] = await Promise.all([
      fsp.readFile(guard, 'utf8').catch(() => ''),
      fsp.stat(guard).catch(() => null),
    ]);
    const guardPid = Number(pidText);
    const dead =
      Number.isInteger(guardPid) && guardPid > 0 && guardPid !== process.pid && !isProcessAlive(guardPid);
    if (dead || (stat && Date.now() - stat.mtimeMs > UNREADABLE_LOCK_GRACE_MS))
      await fsp.rm(guard, { force: true });
    else await sleep(50);
    return; // let the caller retry from the start
  }
  try {
    const current = await readLock(file);
    const stillStale =
      (current.kind === 'ok' && current.info.token === staleToken) ||
      (current.kind === 'unreadable' && staleToken === null);
    if (stillStale) await fsp.rm(file, { force: true });
  } finally {
    await fsp.rm(guard, { force: true });
  }
}
