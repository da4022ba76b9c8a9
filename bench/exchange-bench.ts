// 报送包 benchmark (issue 10 §4). (1) The office merges 16 units' monthly packages of 2,000 records each through
// the router ('exchange:receive': parse, signature, unit and version checks, validation of every record, the plan,
// the backup and the one durable write), against a floor doing what any implementation must: parse each package,
// check its HMAC, append its records and durably rewrite the ledger file. Budget ≤ 5 s for the 16.
// (2) The growth curve: 200 units × 12 months (100 records a unit-month), the time to merge each month's 200
// packages as the ledger grows, received together (and, with GROWTH_EACH=1, one by one).
import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../src-main/app/create-app';
import type { App } from '../src-main/app/create-app';
import { silentLogger } from '../src-main/app/logger';
import { writeReturn } from '../src-main/services/exchange/package-format';
import type { ReturnBody } from '../src-main/services/exchange/package-format';
import type { CallContext } from '../src-main/shared/context';
import type { LedgerRecord } from '../src-main/shared/ledgers/types';
import type { Settings, Unit } from '../src-main/shared/settings';
import { durableWrite } from './floor-io';
import { paired, printComparison } from './measure';

const ctx: CallContext = { door: 'internal', user: null, sessionId: 'exchange-bench' };

async function ok<T>(app: App, channel: string, args: unknown): Promise<T> {
  const r = await app.call(channel, args, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

const unitsOf = (n: number): Unit[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `u-${String(i + 1).padStart(3, '0')}`,
    name: `第${i + 1}纪工委`,
    kind: '乡镇街道',
    headcount: 8,
    leaderHeadcount: 2,
    active: true,
  }));

/** An office with `units` and a configuration issued to each: their keys. */
async function office(
  dir: string,
  units: Unit[],
): Promise<{ app: App; keys: Map<string, { id: string; key: string }> }> {
  const app = await createApp({ dataDir: dir, owner: 'test', logger: silentLogger });
  const s = await ok<Settings>(app, 'settings:get', {});
  await ok(app, 'settings:update', { settings: { ...s, units, setupDone: true } });
  const keys = new Map<string, { id: string; key: string }>();
  for (const u of units) {
    const f = await ok<{ dataBase64: string }>(app, 'exchange:issueConfig', { unit: u.id });
    const c = JSON.parse(Buffer.from(f.dataBase64, 'base64').toString('utf8')) as {
      keyId: string;
      key: string;
    };
    keys.set(u.id, { id: c.keyId, key: c.key });
  }
  return { app, keys };
}

/** A unit's month as its own installation would write it: `n` meetings, new ids, signed. */
function monthPackage(
  unit: Unit,
  key: { id: string; key: string },
  month: number,
  n: number,
  tag: string,
): Buffer {
  const from = `2026-${String(month).padStart(2, '0')}-01`;
  const to = `2026-${String(month).padStart(2, '0')}-28`;
  const records: LedgerRecord[] = Array.from({ length: n }, (_, i) => ({
    id: `${tag}-${unit.id}-${month}-${i}`,
    group: 'drafting',
    unit: unit.id,
    date: `2026-${String(month).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    type: '其他',
    title: `${unit.name}第${month}月第${i + 1}次会议`,
    expected: 10,
    present: 9,
    createdBy: unit.name,
    createdAt: `${from}T08:00:00.000Z`,
    updatedBy: unit.name,
    updatedAt: `${from}T08:00:00.000Z`,
    rev: 1,
  }));
  const body: ReturnBody = {
    manifest: {
      keyId: key.id,
      unit: { id: unit.id, name: unit.name },
      from,
      to,
      createdAt: `${to}T10:00:00.000Z`,
      appVersion: 'bench',
      schemaVersion: 1,
      counts: { meetings: n },
    },
    records: { meetings: records },
  };
  return writeReturn(body, key.key);
}

/** The floor: parse each package, check its HMAC, append its records, durably rewrite the ledger file. */
async function floorMerge(file: string, packages: Buffer[], keys: string[]): Promise<void> {
  let all: unknown[] = [];
  for (let i = 0; i < packages.length; i++) {
    const f = JSON.parse(packages[i].toString('utf8')) as { body: string; signature: string };
    const sig = createHmac('sha256', Buffer.from(keys[i], 'base64')).update(f.body).digest('hex');
    if (sig !== f.signature) throw new Error('基准无效：签名不符');
    const body = JSON.parse(f.body) as ReturnBody;
    all = all.concat(body.records.meetings ?? []);
    await durableWrite(file, Buffer.from(JSON.stringify(all)), { syncDir: false });
  }
}

async function runSixteen(root: string) {
  const units = unitsOf(16);
  let run = 0;
  const prepared = async () => {
    const dir = path.join(root, `sixteen-${run++}`);
    const o = await office(dir, units);
    const pkgs = units.map((u) => monthPackage(u, o.keys.get(u.id)!, 10, 2000, `r${run}`));
    return { ...o, dir, pkgs };
  };
  const samples = await paired(
    async () => {
      const { app, pkgs, dir } = await prepared();
      const t = performance.now();
      for (const p of pkgs) await ok(app, 'exchange:receive', { dataBase64: p.toString('base64') });
      const ms = performance.now() - t;
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      return ms;
    },
    async () => {
      const { app, pkgs, keys, dir } = await prepared();
      await app.close();
      const file = path.join(dir, 'floor.json');
      const t = performance.now();
      await floorMerge(
        file,
        pkgs,
        units.map((u) => keys.get(u.id)!.key),
      );
      const ms = performance.now() - t;
      rmSync(dir, { recursive: true, force: true });
      return ms;
    },
    5,
  );
  printComparison({
    title: '合并 16 个单位的月度报送包（每包 2,000 条会议记录，共 32,000 条）',
    what: '逐包 exchange:receive：解析、核对签名/单位/数据版本、逐条按台账规则校验、按编号与版本生成合并计划、合并前自动备份、一次持久写入（含合并标记）',
    baseline:
      '逐包 JSON 解析、核对 HMAC、把记录追加进数组并持久重写台账文件（临时文件 + fsync + 改名）；不校验、不备份',
    floor: true,
    samples,
    budget: { ms: 5000 },
    digits: 0,
  });
}

/**
 * The growth curve: each month's packages merged as they come ('each': one exchange:receive per package) or as the
 * office would after collecting them ('batch': one exchange:receiveMany for the month).
 */
async function runGrowth(root: string, mode: 'each' | 'batch', units = 200, months = 12, perPackage = 100) {
  const dir = path.join(root, `growth-${mode}`);
  const { app, keys } = await office(dir, unitsOf(units));
  const rows: Record<string, string>[] = [];
  for (let month = 1; month <= months; month++) {
    const pkgs = unitsOf(units).map((u) => monthPackage(u, keys.get(u.id)!, month, perPackage, 'g'));
    const times: number[] = [];
    if (mode === 'batch') {
      const t = performance.now();
      await ok(app, 'exchange:receiveMany', { files: pkgs.map((p) => p.toString('base64')) });
      times.push(performance.now() - t);
    } else {
      for (const p of pkgs) {
        const t = performance.now();
        await ok(app, 'exchange:receive', { dataBase64: p.toString('base64') });
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    const size = (await fs.stat(path.join(dir, 'ledger-meetings.json'))).size;
    rows.push({
      月份: String(month),
      台账记录: (month * units * perPackage).toLocaleString('en'),
      台账文件: `${(size / 1048576).toFixed(1)} MB`,
      [`本月 ${units} 包合计 s`]: (total / 1000).toFixed(1),
      ...(mode === 'each'
        ? {
            '每包中位 ms': times[times.length >> 1].toFixed(0),
            '每包最慢 ms': times[times.length - 1].toFixed(0),
          }
        : {}),
    });
  }
  await app.close();
  console.log(
    `■ ${units} 个单位 × ${months} 个月（每包 ${perPackage} 条）：${mode === 'batch' ? '每月的报送包一次接收（exchange:receiveMany，一次备份、一次写入）' : '逐包接收（exchange:receive；合并前自动备份，连续接收时每十分钟至多一次）'}`,
  );
  console.table(rows);
}

export async function runExchangeBench(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-'));
  try {
    await runSixteen(root);
    const units = Number(process.env.GROWTH_UNITS ?? 200);
    const months = Number(process.env.GROWTH_MONTHS ?? 12);
    await runGrowth(root, 'batch', units, months);
    // Package by package takes about ten minutes for the full year: only when asked (GROWTH_EACH=1).
    if (process.env.GROWTH_EACH) await runGrowth(root, 'each', units, months);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runExchangeBench();
}
