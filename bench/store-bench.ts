// Store benchmark: saving one record into 20,000 and opening 20,000, against the raw filesystem doing the same work.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Store, type CollectionSpec } from '../src-main/store/index';

const RECORDS = 20_000;
const SAVES = 60;
const OPENS = 7;

interface BenchRecord {
  id: string;
  title: string;
  unit: string;
  owner: string;
  date: string;
  status: string;
  count: number;
  note: string;
}

/** ~250 bytes of JSON each, with Chinese text like the real ledgers. */
function makeRecord(i: number): BenchRecord {
  return {
    id: `r${String(i).padStart(7, '0')}`,
    title: `第${i}次专题学习会议`,
    unit: `区纪委监委第${(i % 12) + 1}纪检监察室`,
    owner: `干部${i % 997}`,
    date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    status: ['进行中', '已完成', '未开始'][i % 3],
    count: i % 50,
    note: '学习贯彻会议精神，结合实际查摆问题并制定整改措施。',
  };
}

/** A linear, identity-preserving check: what a collection's validate() should look like for a big array. */
const spec: CollectionSpec<BenchRecord[]> = {
  default: () => [],
  validate: (value) => {
    if (!Array.isArray(value)) throw new Error('记录必须是数组');
    for (const r of value as BenchRecord[]) if (typeof r?.id !== 'string') throw new Error('记录缺少编号');
    return value as BenchRecord[];
  },
};

async function rawWrite(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.raw-tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function row(label: string, store: number, raw: number): Record<string, string> {
  return {
    操作: label,
    '存储 ms': store.toFixed(2),
    '原始 ms': raw.toFixed(2),
    倍数: (store / raw).toFixed(2),
  };
}

export async function runStoreBench(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-bench-'));
  const dataDir = path.join(dir, 'data');
  const rawFile = path.join(dir, 'raw.json');
  const collections = { records: spec };
  try {
    // Seed through the store itself, as an import would.
    let store = await Store.open({ dataDir, collections, schemaVersion: 1, owner: 'cli' });
    await store.update<BenchRecord[]>('records', () =>
      Array.from({ length: RECORDS }, (_, i) => makeRecord(i)),
    );
    const bytes = (await fs.stat(path.join(dataDir, 'records.json'))).size;

    // Save one record: interleave store and raw so both see the same machine noise.
    const storeMs: number[] = [];
    const rawMs: number[] = [];
    for (let k = 0; k < SAVES; k++) {
      const rec = makeRecord(RECORDS + k);
      let t = performance.now();
      const next = await store.update<BenchRecord[]>('records', (all) =>
        k % 2 ? [...all, rec] : all.map((r, i) => (i === (k * 331) % all.length ? { ...r, count: k } : r)),
      );
      storeMs.push(performance.now() - t);
      const same = Buffer.from(JSON.stringify(next)); // the same bytes, prepared outside the timing
      t = performance.now();
      await rawWrite(rawFile, same);
      rawMs.push(performance.now() - t);
    }
    await store.close();

    // Open: the first open of the day also writes the daily backup, so it is reported on its own.
    const openMs: number[] = [];
    const parseMs: number[] = [];
    for (let k = 0; k < OPENS; k++) {
      let t = performance.now();
      store = await Store.open({ dataDir, collections, schemaVersion: 1, owner: 'cli' });
      openMs.push(performance.now() - t);
      await store.close();
      t = performance.now();
      JSON.parse(await fs.readFile(path.join(dataDir, 'records.json'), 'utf8'));
      parseMs.push(performance.now() - t);
    }
    console.log(
      `存储基准：${RECORDS} 条记录，文件 ${(bytes / 1e6).toFixed(1)} MB；中位数（${SAVES} 次保存，${OPENS} 次打开）`,
    );
    console.table([
      row('保存一条记录（含 fsync）vs 写入+fsync+改名', median(storeMs), median(rawMs)),
      row('打开（不含当日首次备份）vs readFile+JSON.parse', median(openMs.slice(1)), median(parseMs)),
      row('当日首次打开（含每日备份）vs readFile+JSON.parse', openMs[0], median(parseMs)),
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
