// Why saves stay cheap at 20,000 records: unchanged records' bytes are reused, never re-serialized.
// The wall-clock budgets themselves are measured by `npm run bench` (bench/store-bench.ts), not asserted here.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store, type CollectionSpec } from '../../../src-main/store/index';
import { quietLogger, tempDir } from './helpers';

interface Row {
  id: string;
  title: string;
  unit: string;
  date: string;
  status: string;
  count: number;
  note: string;
}

const row = (i: number): Row => ({
  id: `r${String(i).padStart(7, '0')}`,
  title: `第${i}次专题学习会议`,
  unit: `区纪委监委第${(i % 12) + 1}纪检监察室`,
  date: '2026-11-20',
  status: ['进行中', '已完成', '未开始'][i % 3],
  count: i % 50,
  note: '学习贯彻会议精神，结合实际查摆问题并制定整改措施。',
});

const rows: CollectionSpec<Row[]> = {
  default: () => [],
  validate: (v) => {
    if (!Array.isArray(v)) throw new Error('必须是数组');
    return v as Row[];
  },
};

async function seeded(): Promise<string> {
  const dir = await tempDir();
  const store = await Store.open({
    dataDir: dir,
    collections: { rows },
    schemaVersion: 1,
    logger: quietLogger,
  });
  await store.update<Row[]>('rows', () => Array.from({ length: 20_000 }, (_, i) => row(i)));
  await store.close();
  return dir;
}

afterEach(() => vi.restoreAllMocks());

describe('performance at 20,000 records', () => {
  it('serializes only the new record when one is added (cached bytes for the rest)', async () => {
    const dir = await seeded();
    const store = await Store.open({
      dataDir: dir,
      collections: { rows },
      schemaVersion: 1,
      logger: quietLogger,
    });
    const stringify = vi.spyOn(JSON, 'stringify');
    await store.update<Row[]>('rows', (all) => [...all, row(20_000)]);
    await store.update<Row[]>('rows', (all) => all.map((r, i) => (i === 777 ? { ...r, count: -1 } : r)));
    expect(stringify.mock.calls.length).toBeLessThanOrEqual(2);
    stringify.mockRestore();
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'rows.json'), 'utf8')) as Row[];
    expect(onDisk).toHaveLength(20_001);
    expect(onDisk[777].count).toBe(-1);
    await store.close();
  });
});
