// stats:dashboardOpening: the dashboard as the app opens on it, its period picked by the service from the remembered
// choice with the screen's own rules (shared/period.ts), so the renderer can ask before it knows the date and the
// settings. Same numbers as stats:dashboard for the dates it picked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPeriodKey, periodOptions, resolvePeriod } from '../../../src-main/shared/period';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

describe('stats:dashboardOpening', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(); // 2026-04-20, inside the campaign set up below
    await setUpOffice(t);
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
  });
  afterEach(async () => t.close());

  it('opens on 本月 while the campaign runs, with the numbers stats:dashboard gives for it', async () => {
    const opening = await t.ok('stats:dashboardOpening', {});
    expect(opening.query).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(opening).toEqual(await t.ok('stats:dashboard', opening.query));
  });

  it('resolves a remembered choice exactly as the screen does', async () => {
    const settings = await t.ok('settings:get', {});
    const today = '2026-04-20';
    const choices = [
      { key: 'campaign' },
      { key: 'lastWeek' },
      { key: 'phase-1' },
      { key: 'custom', from: '2026-03-05', to: '2026-03-20' },
      { key: 'pickedMonth', from: '2026-03-01', to: '2026-03-31' },
      { key: 'a-preset-that-no-longer-exists' },
    ];
    for (const choice of choices) {
      const defaultKey = defaultPeriodKey('overview', today, settings);
      const screen = resolvePeriod(choice, periodOptions(today, settings), defaultKey);
      const opening = await t.ok('stats:dashboardOpening', { choice });
      expect(opening.query, choice.key).toEqual({ from: screen.from, to: screen.to });
    }
    expect((await t.ok('stats:dashboardOpening', { choice: { key: 'campaign' } })).query).toEqual({
      from: settings.campaignStart,
      to: settings.campaignEnd,
    });
  });

  it('refuses a choice with a malformed date, naming the field', async () => {
    const r = await t.call('stats:dashboardOpening', {
      choice: { key: 'custom', from: '2026/3/5', to: '2026-03-20' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('起始日期');
  });
});
