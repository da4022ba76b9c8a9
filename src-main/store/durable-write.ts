// Crash-safe file replacement: temp file in the same folder, fsync, rename over the target, fsync the folder.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Temp files are hidden, carry our pid and a counter, and end in .tmp, so open() can find and remove leftovers. */
const TEMP_PATTERN = /^\..+\.\d+\.\d+\.tmp$/;
let tempCounter = 0;

export function tempPathFor(target: string): string {
  tempCounter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${tempCounter}.tmp`);
}

/** Codes Windows returns while antivirus, indexers or backup tools briefly hold the target open (lowdb #581). */
const TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * How long a busy rename is retried: graceful-fs's budget on Windows. Real-time scanners can hold a freshly written
 * file for tens of seconds on a slow office PC; giving up after 2 s turned those into failed saves.
 */
export const RENAME_RETRY_MS = 60_000;

export interface RenameOptions {
  platform?: NodeJS.Platform;
  /** Injectable for tests of the retry policy; defaults to fs.rename. */
  rename?: (from: string, to: string) => Promise<void>;
  /** Total time budget for retries (default RENAME_RETRY_MS). */
  maxWaitMs?: number;
  /** Injectable clock and pause, so the policy is tested without waiting a minute. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Renames, retrying on Windows while the target is briefly held (EPERM/EBUSY/EACCES), with a growing pause
 * (10, 20, … up to 100 ms between tries, as graceful-fs does) for up to `maxWaitMs`. Any other error, any error
 * on POSIX, and the last one after the budget are thrown unchanged (with their code and paths) for the caller
 * to translate.
 */
export async function renameWithRetry(from: string, to: string, opts: RenameOptions = {}): Promise<void> {
  const platform = opts.platform ?? process.platform;
  const rename = opts.rename ?? fs.rename;
  const maxWaitMs = opts.maxWaitMs ?? RENAME_RETRY_MS;
  const now = opts.now ?? Date.now;
  const pause = opts.sleep ?? sleep;
  const started = now();
  let backoff = 0;
  for (;;) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = errorCode(err);
      // On POSIX these codes are permanent (real permission problems): retrying would only delay the error.
      const transient = platform === 'win32' && code !== undefined && TRANSIENT_RENAME_CODES.has(code);
      backoff = Math.min(backoff + 10, 100);
      if (!transient || now() - started + backoff > maxWaitMs) throw err;
      await pause(backoff);
    }
  }
}

/** Makes a rename or unlink in `dir` itself durable. Windows cannot open a directory for fsync, and does not need to. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some filesystems (certain network and FUSE mounts) refuse fsync on directories; the rename still happened.
    const code = errorCode(err);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP' && code !== 'EPERM') throw err;
  } finally {
    await handle?.close();
  }
}

/** Writes chunks in order with writev, coping with partial writes and the per-call iovec limit. */
async function writeChunks(handle: fs.FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  let pending = chunks.filter((c) => c.length > 0);
  while (pending.length > 0) {
    const batch = pending.slice(0, 512); // IOV_MAX is 1024 on Linux, less elsewhere
    const total = batch.reduce((sum, c) => sum + c.length, 0);
    const { bytesWritten } = await handle.writev(batch);
    let rest = bytesWritten;
    let done = 0;
    while (done < batch.length && rest >= batch[done].length) rest -= batch[done++].length;
    if (bytesWritten === total) pending = pending.slice(batch.length);
    else pending = [batch[done].subarray(rest), ...batch.slice(done + 1), ...pending.slice(batch.length)];
  }
}

/**
 * Writes `data` (bytes, text, or chunks written in order) to `target` so that after a crash the target holds
 * either the old or the new content, never a mix.
 */
export async function writeFileDurable(
  target: string,
  data: Uint8Array | string | readonly Uint8Array[],
): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      if (Array.isArray(data)) await writeChunks(handle, data as readonly Uint8Array[]);
      else await handle.writeFile(data as Uint8Array | string);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDir(path.dirname(target));
}

/** Moves a file (same volume) and makes both directory entries durable. */
export async function moveDurable(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await renameWithRetry(from, to);
  await fsyncDir(path.dirname(to));
  if (path.dirname(to) !== path.dirname(from)) await fsyncDir(path.dirname(from));
}

/** Removes temp files a crash left behind; only safe while holding the directory lock. Returns the names removed. */
export async function removeTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return [];
    throw err;
  }
  const leftovers = names.filter((n) => TEMP_PATTERN.test(n));
  for (const name of leftovers) await fs.rm(path.join(dir, name), { force: true });
  return leftovers;
}

export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = err.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
