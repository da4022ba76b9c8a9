// Store benchmark: saving one record into a 20,000-record ledger the way the app saves it (through the router:
// argument validation, the ledger service's zod check and link check, the store's durable rewrite of the ledger
// file, the 操作日志 line appended and its head rewritten), and opening the store with the app's collections.
// Each against a floor: the same bytes written by hand with the same durability (no validation, no serializing),
// i.e. the least any implementation keeping these files must do. A ratio to a floor is what the app adds on top of
// the disk, not a comparison with an equivalent program.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectionSpecs, SCHEMA_VERSION } from '../src-main/app/collections';
import { createApp } from '../src-main/app/create-app';
import { silentLogger } from '../src-main/app/logger';
import { ledgerCollection } from '../src-main/services/ledger-service';
import type { CallContext } from '../src-main/shared/context';
import type { LedgerRecord } from '../src-main/shared/ledgers/types';
import { Store } from '../src-main/store';
import { durableWrite } from './floor-io';
import { paired, printComparison, timed } from './measure';

const RECORDS = 20_000;
const SAVES = 30;
const OPENS = 7;
const ctx: CallContext = { door: 'internal', user: null, sessionId: 'store-bench' };

async function durableAppend(file: string, bytes: Buffer): Promise<void> {
  const h = await fs.open(file, 'a');
  try {
    await h.write(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
}

/** The bytes one save wrote: the ledger file, the 操作日志 lines appended, and head.json. */
interface SaveBytes {
  ledger: Buffer;
  auditTail: Buffer;
  head: Buffer;
}

export async function runStoreBench(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-bench-'));
  const dataDir = path.join(dir, 'data');
  const floorDir = path.join(dir, 'floor');
  await fs.mkdir(floorDir);
  const ledgerFile = path.join(dataDir, `${ledgerCollection('meetings')}.json`);
  const auditFile = path.join(dataDir, 'audit', 'audit.log');
  const headFile = path.join(dataDir, 'audit', 'head.json');
  const app = await createApp({ dataDir, owner: 'test', logger: silentLogger });
  try {
    // The demo's meetings copied under new ids up to RECORDS: real, valid records (their links point at demo records).
    const demo = await app.call('demo:load', { replace: true }, ctx);
    if (!demo.ok) throw new Error(demo.error.message);
    await app.store.update<LedgerRecord[]>(ledgerCollection('meetings'), (rs) => {
      const out = [...rs];
      for (let i = 0; out.length < RECORDS; i++) out.push({ ...rs[i % rs.length], id: `bench-${i}`, rev: 1 });
      return out;
    });
    const bytes = (await fs.stat(ledgerFile)).size;
    const records = () => app.store.get<LedgerRecord[]>(ledgerCollection('meetings'));

    // Saves alternate between changing a record and adding one, as an office does.
    let k = 0;
    let last: SaveBytes | null = null;
    const save = async () => {
      const auditBefore = (await fs.stat(auditFile)).size;
      const all = records();
      const target = all[(k * 331) % all.length];
      const { id, rev, createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _w, ...fields } = target;
      const record = { ...fields, title: `${String(target.title)}（第${k}次修改）` };
      const t = performance.now();
      const r =
        k++ % 2
          ? await app.call('ledgers:create', { ledger: 'meetings', record }, ctx)
          : await app.call('ledgers:update', { ledger: 'meetings', id, rev, record }, ctx);
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(r.error.message);
      const audit = await fs.readFile(auditFile);
      last = {
        ledger: await fs.readFile(ledgerFile),
        auditTail: audit.subarray(auditBefore),
        head: await fs.readFile(headFile),
      };
      return ms;
    };
    // The floor writes, with the same durability, exactly the bytes the app's last save wrote.
    const floor = async () => {
      if (!last) await save();
      const b = last!;
      const t = performance.now();
      await durableWrite(path.join(floorDir, 'ledger.json'), b.ledger);
      await durableAppend(path.join(floorDir, 'audit.log'), b.auditTail);
      await durableWrite(path.join(floorDir, 'head.json'), b.head);
      return performance.now() - t;
    };
    printComparison({
      title: `保存一条记录（会议台账 ${RECORDS.toLocaleString('en')} 条，文件 ${(bytes / 1e6).toFixed(1)} MB；修改与新增交替）`,
      what: '经路由调用 ledgers:update / ledgers:create：参数校验、台账服务的 zod 校验与关联检查、权限、存储层序列化并持久写入台账文件（临时文件、fsync、改名、目录 fsync）、操作日志追加一行（fsync）并重写 head.json',
      baseline:
        '把这次保存写出的同样字节原样写一遍：台账文件与 head.json 各“临时文件+fsync+改名+目录 fsync”，操作日志追加同样的行并 fsync；不校验、不序列化',
      floor: true,
      samples: await paired(save, floor, SAVES, 3),
      digits: 2,
    });
    await app.close();

    // Opening: the app's collections with their checks (not the day's first open, which also writes a backup).
    const files = (await fs.readdir(dataDir)).filter((f) => f.endsWith('.json'));
    const open = async () => {
      const t = performance.now();
      const store = await Store.open({
        dataDir,
        collections: collectionSpecs(() => '2026-11-30'),
        schemaVersion: SCHEMA_VERSION,
        migrations: [],
        owner: 'test',
        logger: silentLogger,
      });
      const ms = performance.now() - t;
      await store.close();
      return ms;
    };
    await open(); // the day's first open writes the daily backup
    printComparison({
      title: `打开存储（${files.length} 个数据文件，共 ${((await Promise.all(files.map((f) => fs.stat(path.join(dataDir, f))))).reduce((t, s) => t + s.size, 0) / 1e6).toFixed(1)} MB）`,
      what: 'Store.open：取得目录锁、读入并核对每个集合文件（应用的集合定义与检查）、日志与临时文件检查',
      baseline: `readFile + JSON.parse 同样的 ${files.length} 个文件`,
      floor: true,
      samples: await paired(
        open,
        timed(async () => {
          for (const f of files) JSON.parse(await fs.readFile(path.join(dataDir, f), 'utf8'));
        }),
        OPENS,
      ),
      digits: 2,
    });
  } finally {
    await app.close().catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// Run on its own: node bin/run-ts.js bench/store-bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await runStoreBench();
