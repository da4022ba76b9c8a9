// Shared helpers for the store tests: a fresh temp data directory per test and a small set of collections.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store, type CollectionSpec, type Logger, type StoreOptions } from '../../../src-main/store/index';

export interface Item {
  id: number;
  name: string;
}

export const itemsSpec: CollectionSpec<Item[]> = {
  default: () => [],
  validate: (value) => {
    if (!Array.isArray(value)) throw new Error('事项列表必须是数组');
    for (const item of value as Item[]) {
      if (typeof item?.id !== 'number' || typeof item.name !== 'string')
        throw new Error('事项缺少编号或名称');
    }
    return value as Item[];
  },
};

export const settingsSpec: CollectionSpec<{ unit: string; year: number }> = {
  default: () => ({ unit: '区纪委监委', year: 2026 }),
  validate: (value) => {
    const v = value as { unit?: unknown; year?: unknown } | null;
    if (typeof v?.unit !== 'string' || typeof v.year !== 'number') throw new Error('设置缺少单位或年度');
    return value as { unit: string; year: number };
  },
};

export const collections = { items: itemsSpec, settings: settingsSpec };

export const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** A fresh, empty temp directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-test-'));
  dirs.push(dir);
  return dir;
}

/** A clock the test can move: backups and notices are stamped with it. */
export function fakeClock(start: Date): {
  now: () => Date;
  set: (d: Date) => void;
  advance: (ms: number) => void;
} {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (d) => (current = d.getTime()),
    advance: (ms) => (current += ms),
  };
}

export function openStore(dataDir: string, extra: Partial<StoreOptions> = {}): Promise<Store> {
  return Store.open({ dataDir, collections, schemaVersion: 1, logger: quietLogger, ...extra });
}

export function items(n: number, from = 1): Item[] {
  return Array.from({ length: n }, (_, i) => ({ id: from + i, name: `事项${from + i}` }));
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
}

export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const CHILD_SCRIPT = path.join(import.meta.dirname, 'store-child.ts');
