// Renderer benchmark in Chromium against web mode with the demonstration data: start-up to a usable dashboard (the
// first frame: menu links and key numbers, drawn before antd loads) and to the full app having taken over, against a
// blank page served by the same door (paired runs, median and spread; the JavaScript loaded before the first frame),
// and quick search over 10,000 ledger rows against a plain filter. Measures the renderer as built in
// out/renderer: run `npm run build:renderer` after changing it.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ledgerCollection } from '../src-main/services/ledger-service';
import type { LedgerRecord } from '../src-main/shared/ledgers/types';
import { launchChromium } from '../tests/helpers/chromium';
import { startWebServer } from '../tests/helpers/web-server';
import type { WebServer } from '../tests/helpers/web-server';
import { paired, printComparison } from './measure';
import type { Paired } from './measure';

const RENDERER_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));
const BLANK_PAGE = '__blank.html';
const ROWS = 10_000;
const STARTS = 9;
const SEARCHES = 9;
const START_BUDGET_MS = 1500;
const SEARCH_BUDGET_MS = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function ensureBuilt() {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  console.log('界面尚未构建，先运行 vite build…');
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

const VIEWPORT = { width: 1440, height: 900 };
/**
 * Resolves at the first animation frame in which `selector` matches an element with a box on screen. Not
 * locator.waitFor: that looks again after 20, 50, 100, 100 and then every 500 ms, so it timed its own schedule (up to
 * 100 ms late, and only for the app: the blank page's paragraph is there at the first look), not the page.
 */
const shown = (selector: string) => (p: Page) =>
  p
    .waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      },
      selector,
      { polling: 'raf', timeout: 60_000 },
    )
    .then(() => undefined);
const dashboardReady = shown('[data-testid=kpi-card]');
/** The full app (antd, the screens) has replaced the first frame: the period picker is there to use. */
const appReady = shown('[data-stage=app] [data-testid=period-picker]');
const paragraphReady = shown('p');

/** Opens `target` in a new tab of `ctx`: milliseconds from navigation to `ready`. */
async function timedOpen(ctx: BrowserContext, target: string, ready: (p: Page) => Promise<void>) {
  const page = await ctx.newPage();
  const t = performance.now();
  // From the moment the page is there to look at: both sides are watched frame by frame from the same point.
  await page.goto(target, { waitUntil: 'commit' });
  await ready(page);
  const ms = performance.now() - t;
  await page.close();
  return ms;
}

/**
 * Start-up, in a fresh browser context (cold HTTP cache) each time: navigation to the dashboard's first key number
 * card, against navigation to a blank page served by the same web server (same door, same static file code).
 */
async function measureStart(
  browser: Browser,
  url: string,
  ready: (p: Page) => Promise<void> = dashboardReady,
): Promise<Paired> {
  const cold = async (target: string, ready: (p: Page) => Promise<void>) => {
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    try {
      return await timedOpen(ctx, target, ready);
    } finally {
      await ctx.close();
    }
  };
  return paired(
    () => cold(url, ready),
    () => cold(`${new URL(url).origin}/${BLANK_PAGE}`, paragraphReady),
    STARTS,
  );
}

/**
 * The same, warm: each side in its own browser context opened twice before measuring, so the HTTP cache holds the
 * scripts and V8 has cached their compiled code, as on an office PC opening the desktop app it opened yesterday
 * (app:// has codeCache). Information beside the budget, which is judged cold.
 */
async function measureWarmStart(browser: Browser, url: string): Promise<Paired> {
  const blank = `${new URL(url).origin}/${BLANK_PAGE}`;
  const app = await browser.newContext({ viewport: VIEWPORT });
  const raw = await browser.newContext({ viewport: VIEWPORT });
  try {
    for (let i = 0; i < 2; i++) {
      await timedOpen(app, url, dashboardReady);
      await timedOpen(raw, blank, paragraphReady);
    }
    return await paired(
      () => timedOpen(app, url, dashboardReady),
      () => timedOpen(raw, blank, paragraphReady),
      STARTS,
    );
  } finally {
    await app.close();
    await raw.close();
  }
}

/**
 * The JavaScript a first visit loads before the dashboard's first frame: every script requested before the app's own
 * chunk (app-root), which start.tsx asks for once that frame is on screen.
 */
async function firstFrameJs(browser: Browser, url: string): Promise<{ files: number; bytes: number }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await ctx.newPage();
    await page.goto(url);
    await appReady(page);
    return await page.evaluate(() => {
      const js = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js')) as PerformanceResourceTiming[];
      const app = js.find((e) => /\/app-root-[^/]+\.js$/.test(e.name));
      const before = js.filter((e) => !app || e.startTime < app.startTime);
      return { files: before.length, bytes: before.reduce((t, e) => t + e.decodedBodySize, 0) };
    });
  } finally {
    await ctx.close();
  }
}

/** Pads the meetings ledger to ROWS records by copying demo records with new ids and titles. */
async function padMeetings(server: WebServer) {
  await server.app.store.update<LedgerRecord[]>(ledgerCollection('meetings'), (rs) => {
    const out = [...rs];
    for (let i = 0; out.length < ROWS; i++) {
      const src = rs[i % rs.length];
      out.push({ ...src, id: `bench-${i}`, title: `${String(src.title)}（第${i + 1}号）`, rev: 1 });
    }
    return out;
  });
}

/** Keydown (or text input) in the quick search box to the next frame after the row count (same commit as the rows) changed. */
async function measureSearch(
  browser: Browser,
  url: string,
): Promise<{ app: number; raw: number; rows: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  await page.getByTestId('nav-menu').waitFor();
  await page.evaluate(() => {
    window.location.hash = '/ledger/meetings';
  });
  await page
    .getByTestId('row-count')
    .filter({ hasText: `共 ${ROWS} 条` })
    .waitFor({ timeout: 60_000 });
  const box = page.getByTestId('quick-search');
  const terms = ['会', '学', '督', '推', '领', '1', '第', '组', '议'].slice(0, SEARCHES);
  const times: number[] = [];
  for (const term of terms) {
    await box.fill('');
    await page.getByTestId('row-count').filter({ hasText: /^共/ }).waitFor();
    await box.focus();
    await page.evaluate(() => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      w.__t0 = undefined;
      w.__t1 = undefined;
      const input = document.querySelector(
        '[data-testid=quick-search] input, input[data-testid=quick-search]',
      );
      // Characters outside the US layout arrive as text input without a keydown: take whichever comes first.
      // (Inline callbacks only: tsx would wrap a named one in a helper the page does not have.)
      for (const type of ['keydown', 'beforeinput']) {
        input?.addEventListener(type, () => void (w.__t0 ??= performance.now()), {
          once: true,
          capture: true,
        });
      }
      const count = document.querySelector('[data-testid=row-count]')!;
      const obs = new MutationObserver(() => {
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => (w.__t1 = performance.now()), 0));
      });
      obs.observe(count, { childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.type(term);
    const d = await page.waitForFunction(() => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      return w.__t0 !== undefined && w.__t1 !== undefined ? w.__t1 - w.__t0 : null;
    });
    times.push((await d.jsonValue()) as number);
  }
  // Baseline: the same rows, fetched as the page does, filtered with a plain Array.filter over their values.
  const raw = await page.evaluate(async (ts: string[]) => {
    const token = sessionStorage.getItem('campaign-desk.token') ?? '';
    const res = await fetch('./api/ledgers:list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ledger: 'meetings' }),
    });
    const { data } = (await res.json()) as { data: { records: Record<string, unknown>[] } };
    const out: number[] = [];
    for (const t of ts) {
      const t0 = performance.now();
      const hits = data.records.filter((r) => Object.values(r).join(' ').includes(t));
      out.push(performance.now() - t0 + (hits.length ? 0 : 0));
    }
    return out.sort((a, b) => a - b)[Math.floor(out.length / 2)];
  }, terms);
  await page.close();
  return { app: median(times), raw, rows: ROWS };
}

export async function runRendererBench({ search = true } = {}): Promise<void> {
  await ensureBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-desk-bench-'));
  // The built renderer plus a blank page, served by the same door: the blank page's load is the floor of any page.
  const staticDir = path.join(dir, 'renderer');
  cpSync(RENDERER_DIR, staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, BLANK_PAGE), '<!doctype html><title>空白</title><p>空白页</p>');
  const server = await startWebServer({ dataDir: path.join(dir, 'data'), staticDir, demo: true });
  const browser = await launchChromium();
  try {
    const js = await firstFrameJs(browser, server.url);
    console.log(
      `首屏之前载入的脚本：${js.files} 个文件，${(js.bytes / 1024).toFixed(0)} KB（React 与首屏）；antd 与各页面在首屏绘出后载入，图表等按需载入`,
    );
    printComparison({
      title: `启动到首页可用（演示数据，Chromium 无头，每次新的浏览器上下文）`,
      what: '打开网页版地址 → 载入页面与入口脚本（一开始就同时请求应用信息、账户状态、设置，随即请求首页统计；同时载入 React 与首屏）→ 首屏（外框、菜单链接、关键数字）绘出 → 第一张关键数字卡片出现',
      baseline: `同一网页版服务提供的空白页（${BLANK_PAGE}，一个段落）打开到该段落出现`,
      samples: await measureStart(browser, server.url),
      budget: { ratio: 3, ms: START_BUDGET_MS },
    });
    printComparison({
      title: `启动到完整应用接管（antd 与各页面载入并绘出，时段选择器可用；仅供参考，预算按首屏判断）`,
      what: '同上，直到完整应用替换首屏、时段选择器出现',
      baseline: `同上的空白页`,
      samples: await measureStart(browser, server.url, appReady),
    });
    printComparison({
      title: `同上，再次打开（缓存与已编译代码都在：办公电脑上每天打开桌面版的情形；仅供参考，预算按上面的首次打开判断）`,
      what: '同一浏览器上下文中先打开两次，再每次新开一个标签页打开网页版地址到第一张关键数字卡片出现',
      baseline: `同样先打开两次后，新标签页打开空白页到段落出现`,
      samples: await measureWarmStart(browser, server.url),
    });
    if (!search) return;
    await padMeetings(server);
    const s = await measureSearch(browser, server.url);
    console.log(
      `${s.rows} 行台账快速搜索（按键到表格更新，中位数）：${ms(s.app)}；纯数组过滤 ${ms(s.raw)}；` +
        `倍数 ${(s.app / Math.max(s.raw, 0.1)).toFixed(1)}×；预算 ≤ ${SEARCH_BUDGET_MS} ms：${s.app <= SEARCH_BUDGET_MS ? '达标' : '超出'}`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: node bin/run-ts.js bench/renderer-bench.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await runRendererBench();
}
