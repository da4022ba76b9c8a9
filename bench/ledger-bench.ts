// Big ledgers. (1) The ledger table at 50,000 meetings in Chromium against web mode: time to the first rows after
// opening the ledger, and a key in the quick search to the updated rows, each against the same JSON fetched raw by
// the page. (2) 'ledgers:query' in main alone at 50,000. (3) The save-latency curve: one record saved through the
// router at 1,000 … 300,000 records, against a raw write + fsync + rename of the same file's bytes.
// Budgets (issue "Big ledgers"): first rows ≤ 500 ms, key to rows ≤ 100 ms, at 50,000 records.
import { mkdtempSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src-main/app/create-app';
import type { App } from '../src-main/app/create-app';
import { silentLogger } from '../src-main/app/logger';
import { ledgerCollection } from '../src-main/services/ledger-service';
import type { CallContext } from '../src-main/shared/context';
import type { LedgerQueryArgs } from '../src-main/shared/contract/core';
import type { LedgerRecord } from '../src-main/shared/ledgers/types';
import { launchChromium } from '../tests/helpers/chromium';
import { startWebServer } from '../tests/helpers/web-server';
import { durableWrite } from './floor-io';

const ROWS = 50_000;
const RUNS = 7;
const FIRST_ROWS_BUDGET_MS = 500;
const KEY_BUDGET_MS = 100;
const SAVE_SIZES = [1_000, 5_000, 20_000, 50_000, 100_000, 300_000];
const SAVE_RUNS = 7;
const SAVE_BUDGET_MS = 50;
const ctx: CallContext = { door: 'internal', user: null, sessionId: 'bench' };
/** The first page the table asks for when the ledger opens (LedgerPage's defaults). */
const FIRST_PAGE: LedgerQueryArgs = { ledger: 'meetings', offset: 0, limit: 50 };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `${sorted(xs)[0].toFixed(1)}–${sorted(xs)[xs.length - 1].toFixed(1)}`;
const stat = (xs: number[]) => `中位数 ${median(xs).toFixed(1)} ms（${xs.length} 次，${spread(xs)}）`;
const verdict = (v: number, budget: number) => (v <= budget ? '达标' : '超出');

/** Pads the meetings ledger to `n` records with copies of the demo's (new ids and numbered titles), in one write. */
async function padMeetings(app: App, n: number) {
  await app.store.update<LedgerRecord[]>(ledgerCollection('meetings'), (rs) => {
    const out = rs.slice(0, n);
    for (let i = 0; out.length < n; i++) {
      const src = rs[i % rs.length];
      out.push({ ...src, id: `bench-${i}`, title: `${String(src.title)}（第${i + 1}号）`, rev: 1 });
    }
    return out;
  });
}

// In-page scripts are strings: this file is type-checked for Node (no DOM library), and tsx would wrap named
// functions in helpers the page does not have.

/** Opens the meetings ledger and notes the time from the hash change to the frame after its first row and count. */
const OPEN_LEDGER = `(() => {
  const w = window;
  w.__t0 = performance.now();
  w.__t1 = undefined;
  const done = () => {
    const row = document.querySelector('[data-testid=ledger-table] .ant-table-row');
    const count = document.querySelector('[data-testid=row-count]');
    return !!row && !!count && /^共 /.test(count.textContent || '');
  };
  const obs = new MutationObserver(() => {
    if (!done()) return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => (w.__t1 = performance.now()), 0));
  });
  obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  window.location.hash = '/ledger/meetings';
})()`;

/** Arms the quick-search timing: from the first keydown or beforeinput to the frame after the row count changed. */
const ARM_KEY = `(() => {
  const w = window;
  w.__t0 = undefined;
  w.__t1 = undefined;
  const input = document.querySelector('[data-testid=quick-search] input, input[data-testid=quick-search]');
  for (const type of ['keydown', 'beforeinput']) {
    input.addEventListener(type, () => void (w.__t0 ??= performance.now()), { once: true, capture: true });
  }
  const count = document.querySelector('[data-testid=row-count]');
  const obs = new MutationObserver(() => {
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => (w.__t1 = performance.now()), 0));
  });
  obs.observe(count, { childList: true, characterData: true, subtree: true });
})()`;

/** Waits for the armed timing (a function, not a string: the app's CSP refuses strings evaluated in the page). */
async function elapsed(page: Page): Promise<number> {
  const d = await page.waitForFunction(
    () => {
      const w = globalThis as unknown as { __t0?: number; __t1?: number };
      return w.__t0 !== undefined && w.__t1 !== undefined ? w.__t1 - w.__t0 : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await d.jsonValue()) as number;
}

/** The baseline: the page's own fetch of one channel with the app's token, the answer read and parsed; nothing drawn. */
function rawFetch(channel: string, args: unknown): string {
  return `(async () => {
    const token = sessionStorage.getItem('campaign-desk.token') || '';
    const t0 = performance.now();
    const res = await fetch('./api/${channel}', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: ${JSON.stringify(JSON.stringify(args))},
    });
    const body = await res.json();
    if (!body.ok) throw new Error(body.error.message);
    return { ms: performance.now() - t0, bytes: JSON.stringify(body).length };
  })()`;
}

async function timed(page: Page, script: string): Promise<number> {
  await page.evaluate(script);
  return elapsed(page);
}

/** Opens the app in a new tab, lets the dashboard finish, goes to the import page, then times opening the ledger. */
async function firstVisit(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url);
    // The dashboard the app opens on computes over every record first: let it finish, so this measures the ledger.
    await page.getByTestId('kpi-card').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.evaluate(`window.location.hash = '/import'`);
    await page.waitForLoadState('networkidle');
    return await timed(page, OPEN_LEDGER);
  } finally {
    await page.close();
  }
}

async function measureTable(app: App, browser: Browser, url: string) {
  // The first opening of a ledger in a tab loads the ledger screen's code and builds its components' styles; the
  // same at the demo's size tells what of it is the ledger's size.
  const demoCount = app.store.get<LedgerRecord[]>(ledgerCollection('meetings')).length;
  const firstSmall: number[] = [];
  for (let i = 0; i < 5; i++) firstSmall.push(await firstVisit(browser, url));
  await padMeetings(app, ROWS);
  const firstBig: number[] = [];
  for (let i = 0; i < 5; i++) firstBig.push(await firstVisit(browser, url));

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.getByTestId('kpi-card').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  // Opened again in the same tab: away to the import page (the ledger unmounts), then the ledger.
  const again: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(`window.location.hash = '/import'`);
    await page.locator('[data-testid=ledger-table]').waitFor({ state: 'detached' });
    again.push(await timed(page, OPEN_LEDGER));
  }
  const firstRaw: number[] = [];
  let pageBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await page.evaluate<{ ms: number; bytes: number }>(rawFetch('ledgers:query', FIRST_PAGE));
    firstRaw.push(r.ms);
    pageBytes = r.bytes;
  }
  const whole = await page.evaluate<{ ms: number; bytes: number }>(
    rawFetch('ledgers:list', { ledger: 'meetings' }),
  );

  // Key to rows: one character typed into the cleared box; the count changes in the same commit as the rows.
  const terms = ['会', '学', '督', '推', '领', '1', '第', '组', '议'];
  const keys: number[] = [];
  const keysRaw: number[] = [];
  const box = page.getByTestId('quick-search');
  for (const term of terms) {
    await box.fill('');
    await page.getByTestId('row-count').filter({ hasText: /^共/ }).waitFor();
    await page.locator('[data-testid=ledger-table]:not([data-loading])').waitFor();
    await box.focus();
    await page.evaluate(ARM_KEY);
    await page.keyboard.type(term);
    keys.push(await elapsed(page));
    const r = await page.evaluate<{ ms: number }>(rawFetch('ledgers:query', { ...FIRST_PAGE, q: term }));
    keysRaw.push(r.ms);
  }
  await page.close();

  // The query in main alone (router included), warm: a search, a sort by title, a filter with a sort and a page.
  const server = async (args: LedgerQueryArgs) => {
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await app.call('ledgers:query', args, ctx);
      out.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
    }
    return out;
  };
  await padMeetings(app, ROWS); // same records, a new array: the next query meets a cold index
  const cold = performance.now();
  await app.call('ledgers:query', { ...FIRST_PAGE, q: '会议', sort: { key: 'title', order: 'ascend' } }, ctx);
  const coldMs = performance.now() - cold;
  return {
    demoCount,
    firstSmall,
    firstBig,
    again,
    firstRaw,
    pageBytes,
    whole,
    keys,
    keysRaw,
    coldMs,
    search: await server({ ...FIRST_PAGE, q: '学习 会' }),
    sortTitle: await server({ ...FIRST_PAGE, sort: { key: 'title', order: 'descend' }, offset: 25_000 }),
    filterSort: await server({
      ...FIRST_PAGE,
      q: '会',
      filter: { from: '2026-01-01', to: '2026-12-31' },
      sort: { key: 'unit', order: 'ascend' },
    }),
  };
}

async function runTableBench() {
  const index = fileURLToPath(new URL('../out/renderer/index.html', import.meta.url));
  await fs.access(index).catch(() => {
    throw new Error('界面尚未构建：请先运行 npm run build:renderer');
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-desk-ledger-bench-'));
  const server = await startWebServer({ dataDir: dir, demo: true });
  const browser = await launchChromium();
  try {
    const m = await measureTable(server.app, browser, server.url);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const each = (xs: number[]) => xs.map((x) => x.toFixed(0)).join('/');
    console.log(
      `会议台账 ${ROWS} 条，Chromium（网页版）。计时：改 hash（或按键）到首行与行数文字画出后的下一帧。`,
    );
    console.log(
      `  标签页内首次打开台账（载入台账界面代码、首次生成组件样式）：${stat(m.firstBig)}；各次 ${each(m.firstBig)} ms；` +
        `同样操作、演示数据 ${m.demoCount} 条：${stat(m.firstSmall)}`,
    );
    console.log(`  再次打开（同一标签页，离开后返回）：${stat(m.again)}；各次 ${each(m.again)} ms`);
    const open = median(m.firstBig);
    console.log(
      `    基线：页面内直接 fetch 同一首页 JSON（ledgers:query offset 0 limit 50，${kb(m.pageBytes)}）并解析，不渲染：` +
        `${stat(m.firstRaw)}；倍数（再次打开）${(median(m.again) / median(m.firstRaw)).toFixed(1)}×；` +
        `预算 ≤ ${FIRST_ROWS_BUDGET_MS} ms：首次 ${verdict(open, FIRST_ROWS_BUDGET_MS)}，再次 ${verdict(median(m.again), FIRST_ROWS_BUDGET_MS)}`,
    );
    console.log(
      `    对照：改动前表格的首个请求 ledgers:list 全量（${kb(m.whole.bytes)}）仅 fetch+解析就要 ${m.whole.ms.toFixed(0)} ms`,
    );
    console.log(
      `  快速搜索按键到表格更新（keydown/beforeinput 到行数文字变化后的下一帧，含 25 ms 防抖）：${stat(m.keys)}；各次 ${each(m.keys)} ms`,
    );
    console.log(
      `    基线：页面内直接 fetch 同一查询（ledgers:query + q，首页）并解析，不渲染：${stat(m.keysRaw)}；` +
        `倍数 ${(median(m.keys) / median(m.keysRaw)).toFixed(1)}×；预算 ≤ ${KEY_BUDGET_MS} ms：${verdict(median(m.keys), KEY_BUDGET_MS)}`,
    );
    console.log(`  主进程 ledgers:query（经路由，不经 HTTP），${ROWS} 条：`);
    console.log(`    写入后第一次查询（重建索引与搜索文本，按名称排序）：${m.coldMs.toFixed(1)} ms`);
    console.log(`    搜索“学习 会”取首页：${stat(m.search)}`);
    console.log(`    按会议名称降序取第 501 页：${stat(m.sortTitle)}`);
    console.log(`    搜索 + 日期范围 + 按单位排序：${stat(m.filterSort)}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function saveCurvePoint(n: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-desk-save-bench-'));
  const app = await createApp({ dataDir: path.join(dir, 'data'), owner: 'test', logger: silentLogger });
  try {
    const demo = await app.call('demo:load', { replace: true }, ctx);
    if (!demo.ok) throw new Error(demo.error.message);
    await padMeetings(app, n);
    const target = app.store.get<LedgerRecord[]>(ledgerCollection('meetings'))[Math.floor(n / 2)];
    const {
      id,
      createdBy: _cb,
      createdAt: _ca,
      updatedBy: _ub,
      updatedAt: _ua,
      rev: _rev,
      deletedAt: _da,
      deletedBy: _db,
      ...editable
    } = target;
    let rev = target.rev;
    const save = async (i: number) => {
      const t = performance.now();
      const r = await app.call(
        'ledgers:update',
        { ledger: 'meetings', id, rev, record: { ...editable, title: `${String(editable.title)}·改${i}` } },
        ctx,
      );
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(r.error.message);
      rev = (r.data as LedgerRecord).rev;
      return ms;
    };
    await save(0); // warm-up (and the day's first-change backup, if any)
    const app_: number[] = [];
    for (let i = 1; i <= SAVE_RUNS; i++) app_.push(await save(i));
    const file = path.join(dir, 'data', `${ledgerCollection('meetings')}.json`);
    const bytes = await fs.readFile(file);
    const rawFile = path.join(dir, 'raw.json');
    await durableWrite(rawFile, bytes, { syncDir: false });
    const raw: number[] = [];
    for (let i = 0; i < SAVE_RUNS; i++) {
      const t = performance.now();
      await durableWrite(rawFile, bytes, { syncDir: false });
      raw.push(performance.now() - t);
    }
    return { n, mb: bytes.length / 1024 / 1024, app: app_, raw };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runSaveCurve() {
  console.log(
    `保存一条会议记录（ledgers:update 经路由：校验、写入、fsync、改名、fsync 目录、操作日志），每点 ${SAVE_RUNS} 次（另有 1 次预热）；` +
      `基线：同一台账文件的字节 write + fsync + rename：`,
  );
  const rows: Record<string, string>[] = [];
  for (const n of SAVE_SIZES) {
    const p = await saveCurvePoint(n);
    rows.push({
      记录数: n.toLocaleString('en-US'),
      文件: `${p.mb.toFixed(1)} MB`,
      '应用 中位 ms': median(p.app).toFixed(1),
      '应用 范围 ms': spread(p.app),
      '原始 中位 ms': median(p.raw).toFixed(1),
      '原始 范围 ms': spread(p.raw),
      倍数: (median(p.app) / median(p.raw)).toFixed(2),
      [`≤ ${SAVE_BUDGET_MS} ms`]: verdict(median(p.app), SAVE_BUDGET_MS),
    });
  }
  console.table(rows);
}

export async function runLedgerBench(): Promise<void> {
  const only = process.env.LEDGER_BENCH;
  if (!only || only === 'table') await runTableBench();
  if (!only || only === 'save') await runSaveCurve();
}

// Run directly: node bin/run-ts.js bench/ledger-bench.ts (LEDGER_BENCH=table or save for one half)
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await runLedgerBench();
}
