// The durable local store: the only writer of the data directory. One queue serializes every change.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { newExternalBackupPath, scanBackups, type BackupEntry } from './backup-files';
import { checkBundle, type CheckedBundle } from './bundle-check';
import { DamagedFileError, readJsonFile } from './collection-adapter';
import type { DirLock } from './dir-lock';
import { errorCode, writeFileDurable } from './durable-write';
import type { Engine } from './engine';
import { META_FILE, UPLOAD_DIR } from './engine';
import {
  BadBackupError,
  BackupWriteError,
  describeWriteError,
  StoreLockLostError,
  StoreWriteError,
} from './errors';
import { fileStamp, formatForUser, localDay } from './format-time';
import { JOURNAL_FILE, JournalStuckError } from './journal';
import { sortMigrations } from './migrations';
import { openEngine } from './open-store';
import type { Logger, StoreNotice, StoreOptions, VerifyResult } from './types';

/** One backup after a full check: `problem` (Chinese) when it would not restore. */
export interface BackupCheck extends BackupEntry {
  ok: boolean;
}

/** What a restore did: the bundle, where the data before it went, and both sets of values (for "what changed"). */
export interface RestoreOutcome {
  file: string;
  createdAt: string;
  reason: string;
  safetyBackup: string;
  previous: Record<string, unknown>;
  restored: Record<string, unknown>;
}

/** Why a full check failed, remembered per file version so the list can flag it without reading it again. */
interface CheckMemo {
  size: number;
  mtimeMs: number;
  problem: string | null;
}

const RESERVED_NAMES = new Set(['meta', 'journal', 'store']);
const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const defaultLogger: Logger = {
  info: () => undefined,
  warn: (msg, meta) => console.warn(`[store] ${msg}`, meta ?? ''),
  error: (msg, meta) => console.error(`[store] ${msg}`, meta ?? ''),
};

/** A change could not be made durable; memory and disk still hold the previous data. */
export { StoreWriteError } from './errors';

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly engine: Engine,
    private readonly lock: DirLock,
  ) {}

  /** Acquires the directory lock, finishes or undoes interrupted work, restores damaged files, migrates, backs up. */
  static async open(opts: StoreOptions): Promise<Store> {
    for (const name of Object.keys(opts.collections)) {
      if (!COLLECTION_NAME.test(name) || RESERVED_NAMES.has(name))
        throw new Error(`数据集合名「${name}」无效或为保留名。`);
    }
    if (!Number.isInteger(opts.schemaVersion) || opts.schemaVersion < 0) {
      throw new Error(`schemaVersion 必须是非负整数，收到 ${opts.schemaVersion}。`);
    }
    const { engine, lock } = await openEngine(
      {
        dataDir: path.resolve(opts.dataDir),
        collections: opts.collections,
        migrations: sortMigrations(opts.migrations ?? [], opts.schemaVersion),
        appVersion: opts.schemaVersion,
        now: opts.now ?? (() => new Date()),
        logger: opts.logger ?? defaultLogger,
        maxBackups: opts.maxBackups ?? 30,
      },
      opts.owner ?? 'desktop',
    );
    return new Store(engine, lock);
  }

  get dataDir(): string {
    return this.engine.dataDir;
  }

  /** What open() (and restore()) did that the user should know about, in Chinese. */
  get notices(): StoreNotice[] {
    return this.engine.notices;
  }

  /** The current value, deep-frozen: derive new values from it, never mutate it. */
  get<T>(collection: string): T {
    return this.engine.slot(collection).low.data as T;
  }

  /** Replaces one collection with fn(current). Resolves once the new value is durable; memory changes only then. */
  update<T>(collection: string, fn: (current: T) => T): Promise<T> {
    return this.enqueue(async () => {
      const slot = this.engine.slot(collection);
      const current = slot.low.data as T;
      const produced = fn(current);
      if (produced === current) return current;
      const next = slot.spec.validate ? slot.spec.validate(produced) : produced;
      await this.commit(new Map([[collection, next]]));
      await this.dailyBackup();
      return slot.low.data as T;
    });
  }

  /** Replaces several collections at once, all or nothing (journal; a crash mid-way rolls forward on next open). */
  updateMany(fn: (get: <T>(c: string) => T) => Record<string, unknown>): Promise<void> {
    return this.enqueue(async () => {
      const changes = fn(<T>(c: string) => this.engine.slot(c).low.data as T);
      const values = new Map<string, unknown>();
      for (const [name, produced] of Object.entries(changes)) {
        const slot = this.engine.slot(name);
        if (produced === slot.low.data) continue;
        values.set(name, slot.spec.validate ? slot.spec.validate(produced) : produced);
      }
      if (values.size > 0) {
        await this.commit(values);
        await this.dailyBackup();
      }
    });
  }

  /**
   * Throws StoreLockLostError (and tells the user once) when the directory's lock is no longer ours: for writers
   * outside the store that share its directory (the 操作日志).
   */
  assertOwner(): Promise<void> {
    return this.engine.assertOwner();
  }

  /**
   * Writes one self-contained bundle and returns its path: by default into <dataDir>/backups/ (rotated); with
   * `file`, exactly there; with `folder`, under a new dated name in that folder (a USB drive). A chosen place is
   * read back whole after the write. Write failures are BackupWriteError (Chinese, code 'conflict').
   */
  backup(reason: string, target?: string | { file?: string; folder?: string }): Promise<string> {
    return this.enqueue(async () => {
      const t = typeof target === 'string' ? { file: target } : (target ?? {});
      if (t.folder) {
        const folder = path.resolve(t.folder);
        const st = await fsp.stat(folder).catch((err: unknown) => {
          throw new BackupWriteError(folder, err);
        });
        if (!st.isDirectory()) throw new BackupWriteError(folder, { code: 'ENOTDIR' });
        return this.engine.backup(reason, await newExternalBackupPath(folder, this.engine.opts.now()));
      }
      return this.engine.backup(reason, t.file);
    });
  }

  /** The data format version this program writes. */
  get schemaVersion(): number {
    return this.engine.opts.appVersion;
  }

  /** How many data files the directory holds (one per collection). */
  get collectionCount(): number {
    return this.engine.slots.size;
  }

  /** The folder automatic backups go to. */
  get backupDir(): string {
    return this.engine.backupDir;
  }

  /** How many automatic backups are kept. */
  get maxBackups(): number {
    return this.engine.opts.maxBackups;
  }

  /**
   * The automatic backups, newest first. Damaged ones are listed too, with `problem`: those whose header cannot be
   * read, and those a full check (verify, a preview, a refused restore) found unusable since they were last written.
   */
  async listBackups(): Promise<BackupEntry[]> {
    const all = await scanBackups(this.engine.backupDir);
    return all.map(({ file, createdAt, reason, size, readable, mtimeMs }) => {
      const memo = this.checks.get(file);
      const known = memo && memo.size === size && memo.mtimeMs === mtimeMs ? memo.problem : null;
      const problem = readable ? known : '文件已损坏，无法读取备份信息';
      return { file, createdAt, reason, size, ...(problem ? { problem } : {}) };
    });
  }

  /** Reads and checks every automatic backup whole, as a restore would, newest first. */
  async verifyBackups(): Promise<BackupCheck[]> {
    const out: BackupCheck[] = [];
    for (const entry of await scanBackups(this.engine.backupDir)) {
      let problem: string | null = null;
      try {
        await checkBundle(this.engine, entry.file);
      } catch (err) {
        if (errorCode(err) === 'ENOENT') continue; // rotated away while we looked
        problem = err instanceof BadBackupError ? err.message : `无法检查：${String(err)}`;
      }
      await this.remember(entry.file, problem);
      const { file, createdAt, reason, size } = entry;
      out.push({ file, createdAt, reason, size, ok: !problem, ...(problem ? { problem } : {}) });
    }
    return out;
  }

  /**
   * The full check of restore() without replacing anything: the bundle's header and every collection as a restore
   * would write it, beside the current values. Throws BadBackupError if the file would not restore.
   */
  async inspect(file: string): Promise<{ checked: CheckedBundle; current: Record<string, unknown> }> {
    const checked = await this.checked(file);
    return { checked, current: this.currentValues() };
  }

  /**
   * Keeps an uploaded file (web mode's 从文件恢复) in <dataDir>/incoming/ until it is restored, replacing any earlier
   * upload; the folder is emptied at every open. Returns its path, for inspect() and restore().
   */
  stageUpload(bytes: Buffer): Promise<string> {
    return this.enqueue(async () => {
      await this.engine.assertOwner();
      const dir = path.join(this.engine.dataDir, UPLOAD_DIR);
      await fsp.rm(dir, { recursive: true, force: true });
      await fsp.mkdir(dir, { recursive: true });
      const file = path.join(dir, `upload-${fileStamp(this.engine.opts.now())}.json`);
      await writeFileDurable(file, bytes);
      return file;
    });
  }

  /** Removes a staged upload (after its restore, or when its check failed); other paths are left alone. */
  async discardUpload(file: string): Promise<void> {
    if (this.isUpload(file)) await fsp.rm(file, { force: true });
  }

  /** True for a file stageUpload() wrote. */
  isUpload(file: string): boolean {
    return path.dirname(path.resolve(file)) === path.join(this.engine.dataDir, UPLOAD_DIR);
  }

  /**
   * Replaces every collection with a bundle's content, after checking all of it and backing up the current data.
   * `describe(previous, restored)` adds what changed, in Chinese, to the notice the banner shows.
   */
  restore(
    file: string,
    describe?: (previous: Record<string, unknown>, restored: Record<string, unknown>) => string,
  ): Promise<RestoreOutcome> {
    return this.enqueue(async () => {
      const { values, header } = await this.checked(file);
      const { appVersion } = this.engine.opts;
      const previous = this.currentValues();
      const safetyBackup = await this.engine.backup('恢复前自动备份');
      await this.commit(values, { version: appVersion, writeMeta: true });
      const restored = this.currentValues();
      const what = describe?.(previous, restored);
      this.engine.notice(
        'backup_restored',
        `已从 ${formatForUser(header.createdAt)} 的备份（${path.basename(file)}）恢复全部数据` +
          `${what ? `：${what}` : ''}；恢复前的数据已备份到 ${safetyBackup}。`,
        file,
      );
      return { file, createdAt: header.createdAt, reason: header.reason, safetyBackup, previous, restored };
    });
  }

  /** Re-reads every file from disk and checks it: JSON, validate(), schema version, and that it matches memory. */
  verify(): Promise<VerifyResult> {
    return this.enqueue(async () => {
      const problems: string[] = [];
      const { dataDir, appVersion } = this.engine.opts;
      try {
        const meta = await readJsonFile(path.join(dataDir, META_FILE));
        const version = (meta?.value as { schemaVersion?: unknown } | null)?.schemaVersion;
        if (!meta) problems.push(`缺少数据版本文件 ${META_FILE}。`);
        else if (version !== appVersion)
          problems.push(`${META_FILE} 记录的数据格式为第 ${String(version)} 版，程序为第 ${appVersion} 版。`);
      } catch (err) {
        problems.push(`${META_FILE} 已损坏：${err instanceof DamagedFileError ? err.reason : String(err)}。`);
      }
      if (await readJsonFile(path.join(dataDir, JOURNAL_FILE)).then(Boolean, () => true)) {
        problems.push(`存在未完成的批量保存日志 ${JOURNAL_FILE}。`);
      }
      for (const slot of this.engine.slots.values()) {
        try {
          const parsed = await readJsonFile(slot.adapter.file);
          if (!parsed) {
            problems.push(`数据文件「${slot.fileName}」不存在。`);
            continue;
          }
          slot.spec.validate?.(parsed.value);
          if (!slot.adapter.encoded || !parsed.bytes.equals(slot.adapter.encoded.rope.flatten())) {
            problems.push(`数据文件「${slot.fileName}」与程序中的数据不一致（可能被其他程序修改过）。`);
          }
        } catch (err) {
          const why =
            err instanceof DamagedFileError ? err.reason : err instanceof Error ? err.message : String(err);
          problems.push(`数据文件「${slot.fileName}」有问题：${why}。`);
        }
      }
      if (!(await this.lock.isHeld())) problems.push('数据目录的锁文件丢失或已被其他程序占用。');
      return { ok: problems.length === 0, problems };
    });
  }

  /** Waits for queued changes, then releases the directory. Further changes are refused. */
  close(): Promise<void> {
    this.closing = true;
    this.closed ??= this.queue.then(() => this.lock.release());
    return this.closed;
  }

  private async commit(
    values: Map<string, unknown>,
    opts?: { version?: number; writeMeta?: boolean },
  ): Promise<void> {
    try {
      await this.engine.commit(values, opts);
    } catch (err) {
      if (err instanceof JournalStuckError || err instanceof StoreLockLostError || this.engine.broken)
        throw err;
      // A program that took the directory over clears our temp files as debris: say that, not "disk error".
      const lost = await this.engine.assertOwner().then(
        () => null,
        (e: unknown) => (e instanceof StoreLockLostError ? e : null),
      );
      if (lost) throw lost;
      const files = [...values.keys()].map((n) => `${n}.json`).join('、');
      throw new StoreWriteError(describeWriteError(err, files), { cause: err });
    }
  }

  private readonly checks = new Map<string, CheckMemo>();

  /** checkBundle(), remembering a backup's verdict for the list. */
  private async checked(file: string): Promise<CheckedBundle> {
    try {
      const result = await checkBundle(this.engine, file);
      await this.remember(file, null);
      return result;
    } catch (err) {
      if (err instanceof BadBackupError) await this.remember(file, err.message);
      throw err;
    }
  }

  private async remember(file: string, problem: string | null): Promise<void> {
    const resolved = path.resolve(file);
    if (path.dirname(resolved) !== this.engine.backupDir) return;
    const st = await fsp.stat(resolved).catch(() => null);
    if (st) this.checks.set(resolved, { size: st.size, mtimeMs: st.mtimeMs, problem });
  }

  private currentValues(): Record<string, unknown> {
    return Object.fromEntries([...this.engine.slots.values()].map((s) => [s.name, s.low.data]));
  }

  /**
   * The first change of a calendar day is followed by a backup when none was taken that day (a brand-new store, or
   * a program left running past midnight), so a file damaged later comes back from a backup, never as factory data.
   * The change is already durable: a failed backup is logged and tried again after the next change.
   */
  private async dailyBackup(): Promise<void> {
    const today = localDay(this.engine.opts.now());
    if (this.engine.backupDay === today) return;
    try {
      await this.engine.backup('每日自动备份（当天第一次修改后）');
    } catch (err) {
      this.engine.opts.logger.warn('每日自动备份失败，下次修改后再试', { error: String(err) });
    }
  }

  private enqueue<R>(op: () => Promise<R>): Promise<R> {
    if (this.closing) return Promise.reject(new Error('数据存储已关闭，无法再保存。'));
    const run = this.queue.then(op);
    // The chain must survive a failed operation; the caller still sees the rejection through `run`.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
