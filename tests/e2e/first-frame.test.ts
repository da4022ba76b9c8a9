// The first frame (main.tsx → start.tsx): the dashboard's shell, menu and key numbers drawn before antd and the
// screens have loaded, with working links; the app taking over without a change in the numbers; and what the page
// says when the app's code cannot be loaded.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { DashboardScreen } from './pages/DashboardScreen';

/** The chunk with antd and every screen (app-root.tsx) and its stylesheet (antd's), whatever their hash. */
const APP_CHUNK = /\/assets\/app-root-[^/]+\.(js|css)$/;

/** Holds every request for the app's chunk until `release` is called. */
async function holdAppChunk(page: Page): Promise<{ release: () => Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const passed: Promise<void>[] = [];
  const held = (route: Route) => {
    const p = gate.then(() => route.continue());
    passed.push(p);
    return p;
  };
  await page.route(APP_CHUNK, held);
  return {
    release: async () => {
      open();
      await Promise.all(passed);
      await page.unroute(APP_CHUNK, held);
    },
  };
}

describe('the first frame', () => {
  let app: E2EApp;
  let page: Page;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    page = await (await app.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(async () => app?.close());

  const firstFrame = () => page.locator('[data-stage=first-frame]');

  it('shows the menu and the same key numbers as the app before antd has loaded', async () => {
    const chunk = await holdAppChunk(page);
    await page.goto(app.url);
    await firstFrame().getByTestId('kpi-card').first().waitFor();
    const dash = new DashboardScreen(page);
    const early = await dash.cards();
    // The store's notice about the new data directory is in the frame already, where the app will show it.
    expect(await firstFrame().getByTestId('store-notice').textContent()).toContain('已创建新的数据目录');
    expect(early.length).toBeGreaterThanOrEqual(8);
    // Nothing of antd yet, and the frame is laid out by its own stylesheet: cards with their border, the menu at
    // its width.
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    const card = await firstFrame()
      .getByTestId('kpi-card')
      .first()
      .evaluate((el) => getComputedStyle(el).border);
    expect(card).toBe('1px solid rgb(240, 240, 240)');
    // Drawn from React and the frame's own code: well under antd's chunk alone (over 500 KB), which an import of antd
    // anywhere on the first frame's path would pull in.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ name: e.name, size: (e as PerformanceResourceTiming).decodedBodySize })),
    );
    expect(scripts.some((s) => APP_CHUNK.test(s.name))).toBe(false);
    // And all named in the page as served (the entry, modulepreload links), so they load side by side from the
    // start, not one after another as each chunk names the next.
    const served = await (await fetch(app.url)).text();
    for (const s of scripts) expect(served, s.name).toContain(s.name.split('/').pop());
    expect(scripts.reduce((t, s) => t + s.size, 0)).toBeLessThan(400_000);
    // Icons styled from that stylesheet too; none inserts a <style> of its own at run time.
    const icon = firstFrame().getByTestId('nav-menu').locator('.anticon').first();
    expect(await icon.evaluate((el) => getComputedStyle(el).lineHeight)).toBe('0px');
    expect(
      await page.locator('style').evaluateAll((els) => els.some((e) => e.textContent?.includes('.anticon'))),
    ).toBe(false);
    const menu = await firstFrame().getByTestId('nav-menu').boundingBox();
    expect(menu?.width).toBeGreaterThan(200);
    expect(menu?.width).toBeLessThanOrEqual(208);
    const ledgers = firstFrame().getByTestId('nav-menu').getByRole('link', { name: '会议', exact: true });
    expect(await ledgers.getAttribute('href')).toBe('#/ledger/meetings');
    await new AppShellPage(page).shot('first-frame');

    await chunk.release();
    await new AppShellPage(page).waitReady();
    await page.getByTestId('period-picker').waitFor();
    expect(await dash.cards()).toEqual(early);
    expect(await firstFrame().count()).toBe(0);
  });

  it('follows a menu link clicked before the app has loaded', async () => {
    const chunk = await holdAppChunk(page);
    await page.reload();
    await firstFrame().getByTestId('nav-menu').getByRole('link', { name: '会议', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#/ledger/meetings');
    await chunk.release();
    await page.getByTestId('ledger-page-meetings').waitFor();
    expect(await page.getByTestId('nav-menu').locator('[aria-current=page]').textContent()).toBe('会议');
  });

  it('keeps a dismissed store notice away, in the first frame too', async () => {
    await page.goto(`${app.url.split('#')[0]}#/`);
    const notice = page.locator('[data-stage=app]').getByTestId('store-notice');
    await notice.first().waitFor();
    const count = await notice.count();
    await notice.first().getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => notice.count()).toBe(count - 1);
    const chunk = await holdAppChunk(page);
    await page.reload();
    await firstFrame().getByTestId('kpi-card').first().waitFor();
    expect(await firstFrame().getByTestId('store-notice').count()).toBe(count - 1);
    await chunk.release();
  });

  it('folds and unfolds a menu section from the keyboard', async () => {
    await new AppShellPage(page).waitReady();
    const section = page.getByTestId('nav-menu').locator('details').first();
    const ledgerLink = page.getByTestId('nav-menu').getByRole('link', { name: '会议', exact: true });
    await section.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ledgerLink.isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => ledgerLink.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('任务');
  });

  it('says the app could not be loaded, and loads it on 重新载入 once the service is back', async () => {
    await page.goto(`${app.url.split('#')[0]}#/`);
    await page.route(APP_CHUNK, (route) => route.abort('connectionrefused'));
    await page.reload();
    const failed = page.getByTestId('app-load-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('工作台界面未能载入');
    await new AppShellPage(page).shot('first-frame-load-failed');
    await page.unroute(APP_CHUNK);
    await failed.getByRole('button', { name: '重新载入' }).click();
    await new AppShellPage(page).waitReady();
    await page.getByTestId('period-picker').waitFor();
  });
});
