// The store's state and its disk operations (commit, backup, quarantine); the queue and public API sit in store.ts.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import {
  BACKUP_DIR,
  buildBundle,
  newBackupPath,
  readBackupHeader,
  readBundle,
  rotateBackups,
} from './backup-files';
import { CollectionAdapter } from './collection-adapter';
import { errorCode, moveDurable, writeFileDurable } from './durable-write';
import { BackupWriteError, StoreCorruptError, StoreLockLostError } from './errors';
import { fileStamp, localDay } from './format-time';
import { commitFiles, JournalStuckError, type FileChange } from './journal';
import type { Encoded } from './json-encoding';
import type { CollectionSpec, Logger, Migration, StoreNotice } from './types';

export const META_FILE = 'meta.json';
export const QUARANTINE_DIR = 'quarantine';
/** Where an uploaded backup waits between its check (preview) and the restore; emptied at every open. */
export const UPLOAD_DIR = 'incoming';

export interface Slot {
  name: string;
  fileName: string;
  spec: CollectionSpec;
  /** lowdb holds the current value; reads and writes go through the adapter (see Engine.commit for why). */
  low: Low<unknown>;
  adapter: CollectionAdapter;
}

export interface EngineOptions {
  dataDir: string;
  collections: Record<string, CollectionSpec>;
  migrations: Migration[];
  appVersion: number;
  now: () => Date;
  logger: Logger;
  maxBackups: number;
}

export class Engine {
  readonly slots = new Map<string, Slot>();
  readonly backupDir: string;
  readonly notices: StoreNotice[] = [];
  /** Schema version of the data on disk; equals appVersion once open() has finished. */
  schemaVersion: number;
  metaCreatedAt: string;
  /** Bytes of meta.json on disk, null if it does not exist (for undoing a failed commit). */
  metaBytes: Buffer | null = null;
  /** Set when a failed commit could not be undone: further writes would make things worse until a restart. */
  broken: string | null = null;
  /** The directory lock, checked around every write; null while none is held (never in normal use). */
  lock: { assertHeld(): Promise<void> } | null = null;
  /** Local day ("20261125") of the newest automatic backup this process knows of; null: none today yet known. */
  backupDay: string | null = null;
  private lockLostTold = false;

  constructor(readonly opts: EngineOptions) {
    this.backupDir = path.join(opts.dataDir, BACKUP_DIR);
    this.schemaVersion = opts.appVersion;
    this.metaCreatedAt = opts.now().toISOString();
    for (const [name, spec] of Object.entries(opts.collections)) {
      const fileName = `${name}.json`;
      const adapter = new CollectionAdapter(path.join(opts.dataDir, fileName));
      this.slots.set(name, { name, fileName, spec, adapter, low: new Low<unknown>(adapter, spec.default()) });
    }
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`未知的数据集合「${name}」。`);
    return slot;
  }

  notice(kind: StoreNotice['kind'], message: string, file?: string): void {
    this.notices.push({ kind, message, at: this.opts.now().toISOString(), ...(file ? { file } : {}) });
    this.opts.logger[kind === 'created' ? 'info' : 'warn'](message, file ? { file } : undefined);
  }

  /**
   * Throws StoreLockLostError when the directory lock is no longer ours, and tells the user once. Before a write it
   * keeps us from overwriting another program's data; after it, it keeps us from acknowledging a write that landed
   * after another program had already read the directory (that program would overwrite it with older data).
   */
  async assertOwner(): Promise<void> {
    try {
      await this.lock?.assertHeld();
    } catch (err) {
      if (err instanceof StoreLockLostError && !this.lockLostTold) {
        this.lockLostTold = true;
        this.notice('lock_lost', err.message);
      }
      throw err;
    }
  }

  buildMeta(version: number): Buffer {
    const meta = {
      format: 'campaign-desk-meta',
      schemaVersion: version,
      createdAt: this.metaCreatedAt,
      collections: [...this.slots.keys()],
    };
    return Buffer.from(JSON.stringify(meta));
  }

  /**
   * Makes new values of several collections (and optionally meta.json) durable, all or nothing, then puts them in
   * memory. Validation is the caller's job. Low.read()/Low.write() are bypassed because they silently skip falsy
   * data (0, '', false, null); lowdb stays the holder of each collection's value.
   */
  async commit(
    values: Map<string, unknown>,
    opts: { version?: number; writeMeta?: boolean } = {},
  ): Promise<void> {
    if (this.broken) throw new Error(this.broken);
    await this.assertOwner();
    const encoded: [Slot, Encoded][] = [...values].map(([name, v]) => {
      const slot = this.slot(name);
      return [slot, slot.adapter.encode(v)];
    });
    const version = opts.version ?? this.schemaVersion;
    const meta = opts.writeMeta || opts.version !== undefined ? this.buildMeta(version) : null;
    if (encoded.length === 1 && !meta) {
      const [slot, enc] = encoded[0];
      await slot.adapter.writeEncoded(enc);
      await this.assertOwner();
    } else if (encoded.length === 0 && meta) {
      await writeFileDurable(path.join(this.dataDir, META_FILE), meta);
      await this.assertOwner();
    } else if (encoded.length > 0) {
      const changes: FileChange[] = encoded.map(([slot, enc]) => ({
        name: slot.fileName,
        bytes: enc.rope.chunks,
        previous: slot.adapter.encoded?.rope.chunks ?? null,
      }));
      if (meta)
        changes.push({ name: META_FILE, bytes: [meta], previous: this.metaBytes && [this.metaBytes] });
      try {
        // Only a lost lock stops the undo: after any other failure the undo must run, or the journal would replay
        // this unacknowledged change over later saves at the next start.
        const stillOwner = () =>
          this.assertOwner().catch((e: unknown) => {
            if (e instanceof StoreLockLostError) throw e;
          });
        await commitFiles(this.dataDir, changes, this.opts.now(), stillOwner);
      } catch (err) {
        if (err instanceof JournalStuckError) this.broken = `${err.message}请重新启动程序。`;
        // Stuck after a full apply means the files are new: memory must follow them.
        if (!(err instanceof JournalStuckError && err.applied)) throw err;
      }
      await this.assertOwner();
      for (const [slot, enc] of encoded) slot.adapter.adopt(enc);
    }
    for (const [slot, enc] of encoded) slot.low.data = enc.value;
    if (meta) {
      this.metaBytes = meta;
      this.schemaVersion = version;
    }
  }

  /**
   * Writes one self-contained bundle of every collection as it is now. Without `file` it goes to backups/ (rotated);
   * with one (a chosen folder, a USB drive) it is read back whole after the write, and an existing file that is not
   * one of our bundles is never overwritten. Failures to write are BackupWriteError (Chinese, code 'conflict').
   */
  async backup(reason: string, file?: string): Promise<string> {
    await this.assertOwner(); // rotation deletes files in the data directory
    const target = file ? path.resolve(file) : await newBackupPath(this.backupDir, this.opts.now());
    if (file) await refuseForeignFile(target);
    const parts: [string, readonly Buffer[]][] = [...this.slots.values()].map((s) => [
      s.name,
      (s.adapter.encoded ?? s.adapter.encode(s.low.data)).rope.chunks,
    ]);
    const header = { createdAt: this.opts.now().toISOString(), reason, schemaVersion: this.schemaVersion };
    try {
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await writeFileDurable(target, buildBundle(header, parts));
    } catch (err) {
      throw new BackupWriteError(target, err, !!file);
    }
    if (file) {
      // A USB drive can fail silently: read it back, so "已备份" means a bundle that restores.
      try {
        await readBundle(target);
      } catch {
        throw new BackupWriteError(target, '写入后读回检查未通过，文件不完整');
      }
    } else {
      this.backupDay = localDay(this.opts.now());
      await rotateBackups(this.backupDir, this.opts.maxBackups, this.opts.logger);
    }
    this.opts.logger.info('已创建备份', { file: target, reason });
    return target;
  }

  /** Moves a damaged file to quarantine/ (never deletes it); null if it was not there. If it cannot be kept, refuses to go on. */
  async quarantine(file: string, label: string): Promise<string | null> {
    const dir = path.join(this.dataDir, QUARANTINE_DIR);
    await fsp.mkdir(dir, { recursive: true });
    const names = new Set(await fsp.readdir(dir));
    const base = `${label}.${fileStamp(this.opts.now())}`;
    let name = `${base}.json`;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}.json`;
    const target = path.join(dir, name);
    try {
      await moveDurable(file, target);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw new StoreCorruptError(
        this.dataDir,
        [`无法把已损坏的 ${path.basename(file)} 移到隔离区（${String(err)}）`],
        {
          cause: err,
        },
      );
    }
    return target;
  }
}

/** A chosen backup target that exists must be one of our bundles (being replaced): never someone's document. */
async function refuseForeignFile(target: string): Promise<void> {
  const st = await fsp.stat(target).catch(() => null);
  if (!st) return;
  if (!st.isFile() || !(await readBackupHeader(target))) {
    throw new BackupWriteError(
      target,
      '该位置已有一个不是本程序备份的文件，为免覆盖，未写入；请换一个文件名',
    );
  }
}
