// 首页 on the demonstration data: every key number card shows what stats:compute gives for the same period.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRaw } from '../../src-main/shared/indicators';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { DashboardScreen } from './pages/DashboardScreen';

/** How a number reads on a card: grouped digits, up to two decimals, % for percents. */
function shown(v: IndicatorRaw, unit: string): string {
  if (typeof v !== 'number') return String(v);
  const n = v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return unit === '%' ? `${n}%` : n;
}

describe('首页', () => {
  let app: E2EApp;
  let dash: DashboardScreen;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    dash = new DashboardScreen(app.page);
    await new AppShellPage(app.page).waitReady();
  });
  afterAll(async () => app?.close());

  async function expectCardsMatchCompute() {
    await expect.poll(async () => (await dash.cards()).length).toBeGreaterThanOrEqual(8);
    const { from, to } = await dash.period();
    const { indicators } = await app.api('stats:compute', { from, to });
    const byName = new Map(indicators.map((i) => [i.name, i]));
    const cards = await dash.cards();
    for (const c of cards) {
      const ind = byName.get(c.name);
      expect(ind, `indicator ${c.name} exists in stats:compute`).toBeTruthy();
      expect(c.value, `${c.name} 本期`).toBe(shown(ind!.period, ind!.unit));
      expect(c.cumulative, `${c.name} 累计`).toContain(`累计 ${shown(ind!.cumulative, ind!.unit)}`);
    }
    return cards;
  }

  it('shows key numbers equal to stats:compute for the default period', async () => {
    await dash.open();
    const cards = await expectCardsMatchCompute();
    expect(cards.some((c) => c.value !== '0' && c.value !== '0%')).toBe(true);
  });

  it('shows key numbers equal to stats:compute for each phase', async () => {
    const settings = await app.api('settings:get', {});
    for (const phase of settings.phases) {
      await dash.choosePeriod(phase.name);
      await expect.poll(() => dash.period()).toEqual({ from: phase.start, to: phase.end });
      await expectCardsMatchCompute();
    }
  });

  it('opens the overdue task list in one click', async () => {
    const all = app.page.getByTestId('overdue-all');
    await dash.choosePeriod('全程');
    await all.waitFor();
    if (await all.isEnabled()) {
      await all.click();
      await app.page.locator('.ant-modal').getByText('逾期任务').first().waitFor();
      await new AppShellPage(app.page).shot('dashboard-overdue');
      await app.page.keyboard.press('Escape');
    }
  });

  it('opens on the remembered period, asking for each first answer only once', async () => {
    await dash.choosePeriod('全程');
    const settings = await app.api('settings:get', {});
    const calls: { channel: string; body: string }[] = [];
    const track = (r: Request) => {
      const m = /\/api\/([^/?]+)$/.exec(new URL(r.url()).pathname);
      if (m) calls.push({ channel: decodeURIComponent(m[1]), body: r.postData() ?? '' });
    };
    app.page.on('request', track);
    await app.page.reload();
    await expect.poll(async () => (await dash.cards()).length).toBeGreaterThanOrEqual(8);
    await app.page.getByTestId('task-lights').waitFor();
    app.page.off('request', track);
    const count = (c: string) => calls.filter((x) => x.channel === c).length;
    // Asked by boot.ts while the script was still loading, and taken by the screens: never asked twice. The
    // statistics come with the period the service picked from the remembered choice, which the screen then takes as
    // its stats:dashboard answer for the same dates.
    for (const c of ['app:info', 'auth:status', 'settings:get', 'stats:dashboardOpening'])
      expect(count(c), c).toBe(1);
    expect(count('stats:dashboard')).toBe(0);
    const opening = calls.find((x) => x.channel === 'stats:dashboardOpening')!;
    expect(JSON.parse(opening.body)).toEqual({ choice: { key: 'campaign' } });
    expect(await dash.period()).toEqual({ from: settings.campaignStart, to: settings.campaignEnd });
    await expectCardsMatchCompute();
  });
});
