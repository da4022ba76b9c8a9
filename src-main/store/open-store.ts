// Opening a data directory: lock, finish an interrupted commit, quarantine and restore damaged files, migrate, back up.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { hasBackupOnDay, readBundle, scanBackups, type Bundle } from './backup-files';
import { DamagedFileError, readJsonFile } from './collection-adapter';
import { acquireLock, type DirLock } from './dir-lock';
import { errorCode, removeTempFiles } from './durable-write';
import { Engine, META_FILE, UPLOAD_DIR, type EngineOptions, type Slot } from './engine';
import { StoreLockLostError, StoreVersionError } from './errors';
import { formatForUser, localDay } from './format-time';
import { JOURNAL_FILE, rollForward } from './journal';
import { migrateCollections, pendingMigrations, runMigration } from './migrations';

interface Meta {
  schemaVersion: number;
  createdAt?: string;
  collections?: string[];
}

interface Recovered {
  value: unknown;
  /** The backup it came from; null when nothing usable was found and the default was used. */
  from: { file: string; createdAt: string } | null;
}

export async function openEngine(
  opts: EngineOptions,
  owner: string,
): Promise<{ engine: Engine; lock: DirLock }> {
  let lock: DirLock | null = null;
  try {
    await fsp.mkdir(opts.dataDir, { recursive: true });
    lock = await acquireLock(opts.dataDir, owner, opts.now());
    const engine = new Engine(opts);
    engine.lock = lock;
    await recover(engine);
    return { engine, lock };
  } catch (err) {
    await lock?.release().catch(() => undefined);
    if (err instanceof StoreLockLostError) throw err;
    // Filesystem errors (permissions, read-only media, a folder where a file should be) get a Chinese sentence.
    const code = errorCode(err);
    if (!code) throw err;
    throw new Error(
      `无法打开数据目录 ${opts.dataDir}（${code}：${err instanceof Error ? err.message : String(err)}）。` +
        `请检查该目录的位置和读写权限，或用 --data-dir 指定其他目录。`,
      { cause: err },
    );
  }
}

async function recover(engine: Engine): Promise<void> {
  const { dataDir, appVersion, migrations, now, logger } = engine.opts;
  // We hold the lock, so any temp file is debris from a crash, never a write in progress.
  const leftovers = [...(await removeTempFiles(dataDir)), ...(await removeTempFiles(engine.backupDir))];
  if (leftovers.length) logger.info('已清理上次异常退出留下的临时文件', { files: leftovers });
  await clearUploads(engine);

  await finishInterruptedCommit(engine);
  const { meta, damaged: metaDamaged } = await readMeta(engine);
  const existing = new Set(await fsp.readdir(dataDir));
  // Backups without any data file: the data was lost, not never there; it comes back from them below.
  const isNew =
    !meta &&
    !metaDamaged &&
    ![...engine.slots.values()].some((s) => existing.has(s.fileName)) &&
    !(await scanBackups(engine.backupDir)).some((b) => b.readable);
  let diskVersion = meta?.schemaVersion ?? (isNew ? appVersion : await guessVersion(engine));
  if (diskVersion > appVersion) throw new StoreVersionError(dataDir, diskVersion, appVersion);
  engine.schemaVersion = diskVersion;
  if (meta?.createdAt) engine.metaCreatedAt = meta.createdAt;

  const dirty = new Set<string>();
  const bundles = new Map<string, Bundle | null>();
  // Phase 1: read every file; damaged or lost ones come back from the newest backup at the disk's version.
  for (const slot of engine.slots.values()) {
    let value: unknown = null;
    try {
      value = await slot.adapter.read();
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err;
      value = await replace(engine, slot, err.reason, diskVersion, false, bundles);
      dirty.add(slot.name);
    }
    if (value === null && !existing.has(slot.fileName)) {
      // Without meta.json the newest backup says whether the collection existed (lost) or is new in this version.
      const lost = meta
        ? meta.collections?.includes(slot.name)
        : !isNew && (await inNewestBackup(engine, slot));
      if (lost) {
        value = await replace(
          engine,
          slot,
          '不见了（可能被误删或被杀毒软件隔离）',
          diskVersion,
          false,
          bundles,
        );
      } else {
        value = slot.spec.default(); // a collection this version of the app introduces
      }
      dirty.add(slot.name);
    }
    slot.low.data = value;
  }

  // Phase 2: migrations, each step durable on its own with a backup taken just before it.
  if (diskVersion < appVersion) {
    const steps = pendingMigrations(migrations, diskVersion, appVersion);
    const from = diskVersion;
    let firstBackup: string | null = null;
    for (const step of steps) {
      const file = await engine.backup(`升级前自动备份（第 ${diskVersion} 版 → 第 ${step.to} 版）`);
      firstBackup ??= file;
      const out = runMigration(step, currentValues(engine));
      const values = new Map(
        [...engine.slots.keys()].map((name) => [name, out[name] ?? engine.slot(name).spec.default()]),
      );
      await engine.commit(values, { version: step.to });
      diskVersion = step.to;
      dirty.clear();
    }
    if (diskVersion < appVersion) {
      await engine.commit(new Map(), { version: appVersion }); // versions without a step: a plain bump
      diskVersion = appVersion;
    }
    const what = steps.map((s) => s.description).join('；');
    const saved = firstBackup ? `升级前的数据已备份到 ${firstBackup}。` : '';
    engine.notice(
      'migrated',
      `数据格式已从第 ${from} 版升级到第 ${appVersion} 版${what ? `（${what}）` : ''}。${saved}`,
    );
  }

  // Phase 3: validate against the app's schema; a failing file is moved aside like a damaged one.
  for (const slot of engine.slots.values()) {
    if (!slot.spec.validate) continue;
    const value = slot.low.data;
    let checked: unknown;
    try {
      checked = slot.spec.validate(value);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      checked = await replace(engine, slot, `内容不符合要求（${why}）`, appVersion, true, bundles);
    }
    if (checked !== value) {
      slot.low.data = checked;
      dirty.add(slot.name);
    }
  }

  // Phase 4: write what was recovered or created, and meta.json, in one commit.
  const metaOutdated =
    !meta || meta.schemaVersion !== appVersion || !sameList(meta.collections, [...engine.slots.keys()]);
  const values = new Map([...dirty].map((name) => [name, engine.slot(name).low.data]));
  if (values.size > 0 || metaOutdated) await engine.commit(values, { version: appVersion, writeMeta: true });

  if (!meta && !metaDamaged && !isNew) {
    engine.notice(
      'repaired',
      `数据版本文件 ${META_FILE} 不见了（可能被误删或被杀毒软件隔离），已按数据格式第 ${appVersion} 版重新建立。`,
      path.join(dataDir, META_FILE),
    );
  }

  if (isNew) engine.notice('created', `已创建新的数据目录：${dataDir}。`);
  else if (await hasBackupOnDay(engine.backupDir, now())) engine.backupDay = localDay(now());
  else await engine.backup('每日自动备份');
}

/** Uploads staged for a restore that never happened: a full copy of someone's data, not to be left lying around. */
async function clearUploads(engine: Engine): Promise<void> {
  const dir = path.join(engine.dataDir, UPLOAD_DIR);
  await fsp.rm(dir, { recursive: true, force: true });
}

/** Whether the newest backup that reads whole holds this collection (false when there is none). */
async function inNewestBackup(engine: Engine, slot: Slot): Promise<boolean> {
  for (const entry of await scanBackups(engine.backupDir)) {
    if (!entry.readable) continue;
    const bundle = await readBundle(entry.file).catch(() => null);
    if (bundle) return slot.name in bundle.collections;
  }
  return false;
}

function currentValues(engine: Engine): Record<string, unknown> {
  return Object.fromEntries([...engine.slots.values()].map((s) => [s.name, s.low.data]));
}

function sameList(a: string[] | undefined, b: string[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

async function finishInterruptedCommit(engine: Engine): Promise<void> {
  try {
    const files = await rollForward(engine.dataDir);
    if (files) engine.opts.logger.info('已完成上次被中断的批量保存', { files });
  } catch (err) {
    const reason =
      err instanceof DamagedFileError ? err.reason : err instanceof Error ? err.message : String(err);
    const moved = await engine.quarantine(path.join(engine.dataDir, JOURNAL_FILE), 'journal');
    engine.notice(
      'quarantined',
      `上次未完成的批量保存记录（${JOURNAL_FILE}）无法使用：${reason}。它已移至隔离区，那次批量修改没有生效，其余数据不受影响。`,
      moved ?? undefined,
    );
  }
}

async function readMeta(engine: Engine): Promise<{ meta: Meta | null; damaged: boolean }> {
  const file = path.join(engine.dataDir, META_FILE);
  let reason: string;
  try {
    const parsed = await readJsonFile(file);
    if (!parsed) return { meta: null, damaged: false };
    const meta = parsed.value as Partial<Meta> | null;
    if (meta && Number.isInteger(meta.schemaVersion) && (meta.schemaVersion as number) >= 0) {
      engine.metaBytes = parsed.bytes;
      return { meta: meta as Meta, damaged: false };
    }
    reason = '缺少有效的版本号';
  } catch (err) {
    if (!(err instanceof DamagedFileError)) throw err;
    reason = err.reason;
  }
  const moved = await engine.quarantine(file, 'meta');
  const version = await guessVersion(engine);
  engine.notice(
    'quarantined',
    `数据版本文件 ${META_FILE} ${reason}，已移至隔离区（未删除），并按数据格式第 ${version} 版继续打开。`,
    moved ?? undefined,
  );
  return { meta: null, damaged: true };
}

/** Without meta.json, the newest backup is the best witness of the data's version. */
async function guessVersion(engine: Engine): Promise<number> {
  const newest = (await scanBackups(engine.backupDir)).find((b) => b.readable);
  if (!newest) return engine.opts.appVersion;
  try {
    return (await readBundle(newest.file)).header.schemaVersion;
  } catch {
    return engine.opts.appVersion;
  }
}

/**
 * Moves the collection's file aside (if it is there), then takes the collection from the newest backup that has it
 * in a usable form at `version` (validated too, when `validated`), or its default. Tells the user either way.
 */
async function replace(
  engine: Engine,
  slot: Slot,
  reason: string,
  version: number,
  validated: boolean,
  bundles: Map<string, Bundle | null>,
): Promise<unknown> {
  const moved = await engine.quarantine(slot.adapter.file, slot.name);
  slot.adapter.forget();
  const found = await fromBackups(engine, slot, version, validated, bundles);
  const where = moved ? `已移至隔离区（${path.relative(engine.dataDir, moved)}，未删除）` : '';
  const head = `数据文件「${slot.fileName}」${reason}${where ? `，${where}` : ''}。`;
  if (found.from) {
    engine.notice(
      'restored',
      `${head}已从 ${formatForUser(found.from.createdAt)} 的备份恢复该数据；此后对它的修改已丢失，请核对最近录入的内容。`,
      moved ?? found.from.file,
    );
  } else {
    engine.notice(
      'quarantined',
      `${head}没有可用的备份，该数据已重置为空；如有其他备份，可通过「恢复备份」找回。`,
      moved ?? undefined,
    );
  }
  return found.value;
}

async function fromBackups(
  engine: Engine,
  slot: Slot,
  version: number,
  validated: boolean,
  bundles: Map<string, Bundle | null>,
): Promise<Recovered> {
  for (const entry of await scanBackups(engine.backupDir)) {
    if (!entry.readable) continue;
    if (!bundles.has(entry.file)) bundles.set(entry.file, await readBundle(entry.file).catch(() => null));
    const bundle = bundles.get(entry.file);
    if (!bundle || bundle.header.schemaVersion > version || !(slot.name in bundle.collections)) continue;
    try {
      const at = migrateCollections(
        engine.opts.migrations,
        bundle.collections,
        bundle.header.schemaVersion,
        version,
      );
      if (!(slot.name in at)) continue;
      const value = validated && slot.spec.validate ? slot.spec.validate(at[slot.name]) : at[slot.name];
      return { value, from: { file: entry.file, createdAt: bundle.header.createdAt } };
    } catch (err) {
      engine.opts.logger.warn('备份中的该集合不可用，继续尝试更早的备份', {
        file: entry.file,
        error: String(err),
      });
    }
  }
  return { value: slot.spec.default(), from: null };
}
