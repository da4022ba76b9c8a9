// Checking a backup bundle whole before anything is replaced: readable to its last byte, this app's format, a data
// version this app can bring up to date, and every collection passing its validate(). Restore, its preview and
// `verify` all use this one check, so a bundle that passes here restores.
import fsp from 'node:fs/promises';
import { readBundle, type BackupHeader } from './backup-files';
import type { Engine } from './engine';
import { BadBackupError } from './errors';
import { migrateCollections } from './migrations';

export interface CheckedBundle {
  file: string;
  header: BackupHeader;
  size: number;
  /** Every collection of the app, at the app's version and validated (those the bundle lacks: their default). */
  values: Map<string, unknown>;
  /** Collections the bundle did not hold: a restore gives them their default (empty). */
  missing: string[];
}

/** Throws BadBackupError (code 'bad_file', one Chinese sentence that never quotes the file) if it would not restore. */
export async function checkBundle(engine: Engine, file: string): Promise<CheckedBundle> {
  const { appVersion, migrations } = engine.opts;
  const bundle = await readBundle(file);
  const size = (await fsp.stat(file).catch(() => null))?.size ?? 0;
  const { schemaVersion } = bundle.header;
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
  const missing: string[] = [];
  for (const slot of engine.slots.values()) {
    if (!(slot.name in upgraded)) missing.push(slot.name);
    const raw = slot.name in upgraded ? upgraded[slot.name] : slot.spec.default();
    try {
      values.set(slot.name, slot.spec.validate ? slot.spec.validate(raw) : raw);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new BadBackupError(`备份中的「${slot.name}」数据不符合要求，未做任何恢复：${why}`);
    }
  }
  return { file, header: bundle.header, size, values, missing };
}
