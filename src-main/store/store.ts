// The durable local store: the only writer of the data directory. One queue serializes every change.
import path from 'node:path';
import { readBundle, scanBackups, type BackupEntry } from './backup-files';
import { DamagedFileError, readJsonFile } from './collection-adapter';
import type { DirLock } from './dir-lock';
import type { Engine } from './engine';
import { META_FILE } from './engine';
import { BadBackupError, describeWriteError, StoreLockLostError } from './errors';
import { formatForUser } from './format-time';
import { JOURNAL_FILE, JournalStuckError } from './journal';
import { migrateCollections, sortMigrations } from './migrations';
import { openEngine } from './open-store';
import type { Logger, StoreNotice, StoreOptions, VerifyResult } from './types';

const RESERVED_NAMES = new Set(['meta', 'journal', 'store']);
const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const defaultLogger: Logger = {
  info: () => undefined,
  warn: (msg, meta) => console.warn(`[store] ${msg}`, meta ?? ''),
  error: (msg, meta) => console.error(`[store] ${msg}`, meta ?? ''),
};

/** A change could not be made durable; memory and disk still hold the previous data. */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
}

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
      if (values.size > 0) await this.commit(values);
    });
  }

  /**
   * Throws StoreLockLostError (and tells the user once) when the directory's lock is no longer ours: for writers
   * outside the store that share its directory (the 操作日志).
   */
  assertOwner(): Promise<void> {
    return this.engine.assertOwner();
  }

  /** Writes one self-contained bundle (default: <dataDir>/backups/, rotated) and returns its path. */
  backup(reason: string, file?: string): Promise<string> {
    return this.enqueue(() => this.engine.backup(reason, file));
  }

  /** The automatic backups, newest first (damaged bundles are left out). */
  async listBackups(): Promise<BackupEntry[]> {
    const all = await scanBackups(this.engine.backupDir);
    return all
      .filter((b) => b.readable)
      .map(({ file, createdAt, reason, size }) => ({ file, createdAt, reason, size }));
  }

  /** Replaces every collection with a bundle's content, after checking all of it and backing up the current data. */
  restore(file: string): Promise<void> {
    return this.enqueue(async () => {
      const { appVersion, migrations } = this.engine.opts;
      const bundle = await readBundle(file);
      const { schemaVersion, createdAt } = bundle.header;
      if (schemaVersion > appVersion) {
        throw new BadBackupError(
          `该备份来自更新版本的程序（数据格式第 ${schemaVersion} 版），本程序只支持到第 ${appVersion} 版，无法恢复。`,
        );
      }
      let upgraded: Record<string, unknown>;
      try {
        upgraded = migrateCollections(migrations, bundle.collections, schemaVersion, appVersion);
      } catch {
        // A migration's own error may quote the data it choked on: say only what failed.
        throw new BadBackupError(
          `备份中的数据无法从第 ${schemaVersion} 版升级到第 ${appVersion} 版（内容不完整或已被改动），未做任何恢复。`,
        );
      }
      const values = new Map<string, unknown>();
      for (const slot of this.engine.slots.values()) {
        const raw = slot.name in upgraded ? upgraded[slot.name] : slot.spec.default();
        try {
          values.set(slot.name, slot.spec.validate ? slot.spec.validate(raw) : raw);
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          throw new BadBackupError(`备份中的「${slot.name}」数据不符合要求，未做任何恢复：${why}`);
        }
      }
      const safety = await this.engine.backup('恢复前自动备份');
      await this.commit(values, { version: appVersion, writeMeta: true });
      this.engine.notice(
        'restored',
        `已从 ${formatForUser(createdAt)} 的备份（${path.basename(file)}）恢复全部数据；恢复前的数据已备份到 ${safety}。`,
        file,
      );
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

  private enqueue<R>(op: () => Promise<R>): Promise<R> {
    if (this.closing) return Promise.reject(new Error('数据存储已关闭，无法再保存。'));
    const run = this.queue.then(op);
    // The chain must survive a failed operation; the caller still sees the rejection through `run`.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
