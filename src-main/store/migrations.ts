// Schema migrations: the ordered steps that bring collections from the version on disk to the app's version.
import type { Migration } from './types';

/** Checks the app's migration list once at open (programming errors, so they fail loudly) and sorts it. */
export function sortMigrations(migrations: Migration[], appVersion: number): Migration[] {
  const seen = new Set<number>();
  for (const m of migrations) {
    if (!Number.isInteger(m.to) || m.to < 1 || m.to > appVersion) {
      throw new Error(
        `迁移「${m.description}」的目标版本 ${m.to} 无效：应为 1 到 ${appVersion} 之间的整数。`,
      );
    }
    if (seen.has(m.to)) throw new Error(`有两个迁移的目标版本都是 ${m.to}。`);
    seen.add(m.to);
  }
  return [...migrations].sort((a, b) => a.to - b.to);
}

/** Steps to run for data at `from` to reach `to` (versions without a step are plain version bumps). */
export function pendingMigrations(sorted: Migration[], from: number, to: number): Migration[] {
  return sorted.filter((m) => m.to > from && m.to <= to);
}

/** Runs one step on a private deep copy, so a step that mutates its input cannot touch the store's frozen values. */
export function runMigration(m: Migration, collections: Record<string, unknown>): Record<string, unknown> {
  let out: unknown;
  try {
    out = m.up(structuredClone(collections));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`数据升级到第 ${m.to} 版（${m.description}）失败：${message}`, { cause: err });
  }
  if (typeof out !== 'object' || out === null || Array.isArray(out)) {
    throw new Error(`数据升级到第 ${m.to} 版（${m.description}）失败：迁移没有返回集合对象。`);
  }
  return out as Record<string, unknown>;
}

/** Brings a whole set of collections (e.g. an old backup) from `from` to `to` in memory. */
export function migrateCollections(
  sorted: Migration[],
  collections: Record<string, unknown>,
  from: number,
  to: number,
): Record<string, unknown> {
  let current = collections;
  for (const m of pendingMigrations(sorted, from, to)) current = runMigration(m, current);
  return current;
}
