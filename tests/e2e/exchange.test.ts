// 报送包 end to end: the demo app is the district office, a second data directory (the real app in-process, no
// browser) is a unit running the program itself. The office issues the unit its 单位配置包 through the page (a
// download); the unit is set up from that very file, records two meetings and writes its 报送包; the office checks it
// on the page (the diff: 新增 2), merges it on 确认合并, sees a replay change nothing (all 不变), a tampered copy
// refused (签名不符) and a record changed on both sides merged only once a side is chosen. Two more units (two more
// data directories) send their packages, received together: summed up, merged at once, a set with one tampered
// package refused whole. Last, the unit's own screen in a browser. Screenshots: the office view, the diff, the
// refusal, the conflict choice, several packages checked together (and refused, and with a conflict), the unit's view.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsOf, Channel, ResultOf } from '../../src-main/shared/contract';
import type { CallContext } from '../../src-main/shared/context';
import type { Settings } from '../../src-main/shared/settings';
import { makeTempDir } from '../helpers/temp-dir';
import { startWebServer } from '../helpers/web-server';
import { SHOTS_DIR, startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { ExchangeScreen } from './pages/ExchangeScreen';
import type { FileBytes } from './pages/ExchangeScreen';

const UNIT = 'u-qsz';
const UNIT_NAME = '青山镇纪委';
const TITLES = ['青山镇教育整顿推进会', '青山镇专题学习会'];
/** Two more units, each with its own installation, whose packages the office receives together. */
const OTHERS = [
  { id: 'u-dhz', name: '东湖镇纪委', titles: ['东湖镇教育整顿动员会', '东湖镇警示教育会'] },
  { id: 'u-bsz', name: '白沙镇纪委', titles: ['白沙镇专题党课'] },
];

describe('报送包', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let screen: ExchangeScreen;
  let settings: Settings;
  // The unit: its own data directory and app, called in-process (served over HTTP only for the last screenshot).
  const unitDir = makeTempDir('campaign-desk-e2e-unit-');
  let unit: Awaited<ReturnType<typeof startWebServer>>;
  const unitCtx: CallContext = { door: 'internal', user: null, sessionId: 'e2e-unit' };
  const unitOk = async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
    const r = await unit.app.call(channel, args, unitCtx);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  let config: FileBytes;
  let pkg: FileBytes;
  let meetingType: string;
  let unitContext: BrowserContext | undefined;
  let unitPage: Page | undefined;

  const meeting = (title: string, date: string, over: Record<string, unknown> = {}) => ({
    group: 'drafting',
    unit: UNIT,
    date,
    type: meetingType,
    title,
    expected: 5,
    present: 5,
    ...over,
  });
  const submit = async (): Promise<FileBytes> => {
    const f = await unitOk('exchange:submit', { from: '2026-10-01', to: '2026-10-31' });
    return { name: f.fileName, bytes: Buffer.from(f.dataBase64, 'base64') };
  };
  const officeMeetings = async (of = UNIT) =>
    (await app.api('ledgers:list', { ledger: 'meetings' })).records.filter((r) => r.unit === of);
  // The other units' installations, started in the test that uses them.
  const otherDirs = OTHERS.map(() => makeTempDir('campaign-desk-e2e-unit-'));
  const others: Awaited<ReturnType<typeof startWebServer>>[] = [];

  /** Closes the "已保存" notifications (a file task's), which would cover the top right of a screenshot. */
  const clearNotices = async () => {
    for (const b of await app.page.locator('.ant-notification-notice-close').all()) await b.click();
    await app.page.locator('.ant-notification-notice').first().waitFor({ state: 'detached' });
    await app.page.mouse.move(0, 0);
  };

  /** Waits out the toasts of earlier steps (a finished one may linger unseen, fading out: not counted). */
  const quiet = () =>
    expect
      .poll(() => app.page.locator('.ant-message-notice:not(.ant-message-fade-leave)').count(), {
        timeout: 10_000,
      })
      .toBe(0);

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    screen = new ExchangeScreen(app.page);
    await shell.waitReady();
    settings = await app.api('settings:get', {});
    unit = await startWebServer({ dataDir: unitDir.dir });
  });
  afterAll(async () => {
    await unitContext?.close();
    await app?.close();
    await unit?.close();
    for (const o of others) await o.close();
    unitDir.remove();
    for (const d of otherDirs) d.remove();
  });

  it('issues a unit its 单位配置包 from the office’s page, as a download, and shows it issued', async () => {
    await screen.open();
    expect(await screen.root().getAttribute('data-role')).toBe('office');
    await expect
      .poll(() => app.page.locator('[data-testid=exchange-units] .ant-table-row').count())
      .toBe(settings.units.length);
    expect(await screen.issuedState(UNIT)).toBe('false');
    expect(await app.page.getByTestId('exchange-issued-count').textContent()).toBe('已为 0 个单位签发');
    // Nothing issued yet: the administrator could still make this installation a 填报单位.
    expect(await app.page.getByTestId('exchange-setup-section').isVisible()).toBe(true);
    await shell.shot('exchange-office');

    config = await screen.issue(UNIT);
    expect(config.name).toBe(`${UNIT_NAME}单位配置包.json`);
    const parsed = JSON.parse(config.bytes.toString('utf8')) as { unit: { id: string }; office: string };
    expect(parsed).toMatchObject({ unit: { id: UNIT }, office: settings.commissionName });
    await expect.poll(() => screen.issuedState(UNIT)).toBe('true');
    expect(await app.page.getByTestId('exchange-issued-count').textContent()).toBe('已为 1 个单位签发');
    expect(await screen.issueButton(UNIT).textContent()).toContain('重新签发');
    expect(await app.page.getByTestId('exchange-setup-section').count()).toBe(0);
    expect((await app.api('exchange:identity', {})).issued?.map((i) => i.unit)).toEqual([UNIT]);
  });

  it('sets the unit up from the downloaded file; it records two meetings of October and writes its 报送包', async () => {
    const me = await unitOk('exchange:setupUnit', { dataBase64: config.bytes.toString('base64') });
    expect(me).toMatchObject({
      role: 'unit',
      unit: { id: UNIT, name: UNIT_NAME },
      office: settings.commissionName,
    });
    // A type both installations know (the office checks each record against its own lists).
    const unitTypes = (await unitOk('settings:get', {})).choiceLists.meetingType;
    meetingType = unitTypes.find((t) => settings.choiceLists.meetingType.includes(t))!;
    expect(meetingType).toBeTruthy();
    await unitOk('ledgers:create', { ledger: 'meetings', record: meeting(TITLES[0], '2026-10-12') });
    await unitOk('ledgers:create', { ledger: 'meetings', record: meeting(TITLES[1], '2026-10-26') });
    await unitOk('ledgers:create', {
      ledger: 'meetings',
      record: meeting('青山镇十一月调度会', '2026-11-05'),
    });
    pkg = await submit();
    expect(pkg.name).toBe(`${UNIT_NAME}报送包（2026-10-01至2026-10-31）.json`);
  });

  it('checks the package first (新增 2, nothing written), then merges it on 确认合并', async () => {
    // The demo office has meetings of this unit already (entered by hand): only the package's are new.
    const before = new Set((await officeMeetings()).map((r) => r.id));
    await screen.upload(pkg);
    const report = screen.report();
    await report.waitFor();
    expect(await report.getByTestId('exchange-manifest').textContent()).toContain(UNIT_NAME);
    expect(await report.getByTestId('exchange-manifest').textContent()).toContain(
      '2026年10月（2026-10-01 至 2026-10-31）',
    );
    expect(await screen.counts().textContent()).toBe('新增 2 / 更新 0 / 删除 0 / 不变 0');
    expect((await screen.ledgerCounts())['会议']).toEqual([2, 0, 0, 0]);
    expect(await screen.conflictRows().count()).toBe(0);
    expect(await screen.mergeButton().isEnabled()).toBe(true);
    expect((await officeMeetings()).filter((r) => !before.has(r.id))).toEqual([]);
    await clearNotices();
    await shell.shot('exchange-diff');

    await screen.mergeButton().click();
    await screen.done().waitFor({ timeout: 60_000 });
    expect(await screen.done().textContent()).toContain('新增 2 条，更新 0 条，不变 0 条');
    const merged = (await officeMeetings()).filter((r) => !before.has(r.id));
    expect(merged.map((r) => r.title).sort()).toEqual([...TITLES].sort());
    await shell.shot('exchange-merged');
  });

  it('takes the same package again as all 不变: nothing to merge', async () => {
    await screen.next();
    await screen.upload(pkg);
    await screen.report().waitFor();
    expect(await screen.counts().textContent()).toBe('新增 0 / 更新 0 / 删除 0 / 不变 2');
    expect(await app.page.getByTestId('exchange-nothing').isVisible()).toBe(true);
    expect(await screen.mergeButton().isDisabled()).toBe(true);
    expect(await screen.mergeButton().textContent()).toContain('无需合并');
  });

  it('refuses a package changed after it was written, in the server’s words', async () => {
    const file = JSON.parse(pkg.bytes.toString('utf8')) as { body: string };
    file.body = file.body.replace(TITLES[0], '篡改后的会议');
    await screen.upload({ name: pkg.name, bytes: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => screen.problem().textContent()).toContain(`“${UNIT_NAME}”的报送包签名不符`);
    expect(await screen.report().count()).toBe(0);
    expect((await officeMeetings()).map((r) => r.title)).not.toContain('篡改后的会议');
    await shell.shot('exchange-tampered');
  });

  it('lists a record changed on both sides and merges it only once a side is chosen', async () => {
    const [mine] = (await officeMeetings()).filter((r) => r.title === TITLES[0]);
    const edit = (place: string) => meeting(TITLES[0], '2026-10-12', { place });
    await app.api('ledgers:update', {
      ledger: 'meetings',
      id: mine.id,
      rev: mine.rev,
      record: edit('区纪委监委改：三楼会议室'),
    });
    const theirs = (await unitOk('ledgers:list', { ledger: 'meetings' })).records.find(
      (r) => r.id === mine.id,
    )!;
    await unitOk('ledgers:update', {
      ledger: 'meetings',
      id: theirs.id,
      rev: theirs.rev,
      record: edit('镇里改：党委会议室'),
    });
    await screen.upload(await submit());
    await screen.report().waitFor();
    await expect.poll(() => screen.conflictRows().count()).toBe(1);
    const row = await screen.conflictRows().first().textContent();
    expect(row).toContain(TITLES[0]);
    expect(row).toContain('本机第2版 / 下级单位第2版');
    expect(await screen.counts().textContent()).toBe('新增 0 / 更新 0 / 删除 0 / 不变 1 / 冲突 1');
    // No side chosen, no merge.
    expect(await screen.mergeButton().isDisabled()).toBe(true);
    await screen.chooseSide('以下级单位为准');
    await expect.poll(() => screen.mergeButton().isEnabled()).toBe(true);
    await clearNotices();
    await shell.shot('exchange-conflict');

    await screen.mergeButton().click();
    await screen.done().waitFor({ timeout: 60_000 });
    expect(await screen.done().textContent()).toContain('1 条两边都改过的记录以下级单位为准');
    const now = (await officeMeetings()).find((r) => r.id === mine.id)!;
    expect(now.place).toBe('镇里改：党委会议室');
  });

  it('receives two units’ packages at once: summed up, merged together, a set with a tampered one refused whole', async () => {
    // Each unit: issued its configuration, set up in its own data directory, two meetings or one in October.
    const pkgs: FileBytes[] = [];
    const calls: (<C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ResultOf<C>>)[] = [];
    for (const [i, o] of OTHERS.entries()) {
      const server = await startWebServer({ dataDir: otherDirs[i].dir });
      others.push(server);
      const ok = async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
        const r = await server.app.call(channel, args, { ...unitCtx, sessionId: `e2e-${o.id}` });
        if (!r.ok) throw new Error(`${o.id} ${channel}: ${r.error.message}`);
        return r.data;
      };
      calls.push(ok);
      const cfg = await app.api('exchange:issueConfig', { unit: o.id });
      await ok('exchange:setupUnit', { dataBase64: cfg.dataBase64 });
      for (const [n, title] of o.titles.entries())
        await ok('ledgers:create', {
          ledger: 'meetings',
          record: meeting(title, `2026-10-${10 + n * 10}`, { unit: o.id }),
        });
      const f = await ok('exchange:submit', { from: '2026-10-01', to: '2026-10-31' });
      pkgs.push({ name: f.fileName, bytes: Buffer.from(f.dataBase64, 'base64') });
    }
    const [dhz, bsz] = OTHERS;
    const [atDhz] = calls;
    const bszPkg = pkgs[1];
    const titlesOf = async (of: string) => (await officeMeetings(of)).map((r) => r.title);

    await screen.next();
    await screen.upload(pkgs);
    await screen.summary().waitFor();
    expect(await screen.chosen().textContent()).toBe('已选择 2 个报送包（点击或拖入可更换）');
    expect(await screen.summary().textContent()).toContain('共 2 个报送包，报送期间：2026年10月');
    expect(await screen.totals().textContent()).toBe('新增 3 / 更新 0 / 删除 0 / 不变 0');
    for (const o of OTHERS) {
      const header = await screen.packagePanel(o.name).locator('.ant-collapse-header').textContent();
      expect(header).toContain(`新增 ${o.titles.length} / 更新 0`);
    }
    // No conflicts: the first package is open, the other folded; one 确认合并 for both.
    expect(await screen.report().count()).toBe(1);
    expect(await screen.mergeButton().textContent()).toContain('确认合并 2 个报送包');
    expect(await screen.mergeButton().isEnabled()).toBe(true);
    for (const o of OTHERS) expect(await titlesOf(o.id)).not.toContain(o.titles[0]);
    await clearNotices();
    await quiet();
    await shell.shot('exchange-many');

    await screen.mergeButton().click();
    await screen.done().waitFor({ timeout: 60_000 });
    expect(await screen.done().textContent()).toContain('已合并 2 个报送包（2 个单位，2026年10月）');
    expect(await screen.done().textContent()).toContain('合计新增 3 条，更新 0 条，不变 0 条');
    for (const o of OTHERS) expect(await titlesOf(o.id)).toEqual(expect.arrayContaining(o.titles));

    // 东湖镇 adds a meeting and changes one the office changed too; 白沙镇's next package was changed after it
    // was written. Together they are refused, and 东湖镇's new meeting is not merged either.
    const [mine] = (await officeMeetings(dhz.id)).filter((r) => r.title === dhz.titles[0]);
    const edit = (place: string) => meeting(dhz.titles[0], '2026-10-10', { unit: dhz.id, place });
    await app.api('ledgers:update', {
      ledger: 'meetings',
      id: mine.id,
      rev: mine.rev,
      record: edit('区里改'),
    });
    await atDhz('ledgers:update', {
      ledger: 'meetings',
      id: mine.id,
      rev: mine.rev,
      record: edit('镇里改'),
    });
    await atDhz('ledgers:create', {
      ledger: 'meetings',
      record: meeting('东湖镇整改推进会', '2026-10-28', { unit: dhz.id }),
    });
    const dhzNext = await atDhz('exchange:submit', { from: '2026-10-01', to: '2026-10-31' });
    const dhzPkg = { name: dhzNext.fileName, bytes: Buffer.from(dhzNext.dataBase64, 'base64') };
    const file = JSON.parse(bszPkg.bytes.toString('utf8')) as { body: string };
    file.body = file.body.replace(bsz.titles[0], '篡改后的党课');
    await screen.next();
    await screen.upload([dhzPkg, { name: bszPkg.name, bytes: Buffer.from(JSON.stringify(file)) }]);
    await expect.poll(() => screen.problem().textContent()).toContain(`“${bsz.name}”的报送包签名不符`);
    expect(await screen.problem().textContent()).toContain('选择的 2 个报送包都没有合并');
    expect(await screen.summary().count()).toBe(0);
    expect(await titlesOf(dhz.id)).not.toContain('东湖镇整改推进会');
    expect(await titlesOf(bsz.id)).not.toContain('篡改后的党课');
    await quiet();
    await shell.shot('exchange-many-refused');

    // A file that is no 报送包 at all among them: named, as the server's words alone would not say which.
    await screen.upload([dhzPkg, { name: '会议签到表.json', bytes: Buffer.from('{"rows":[]}') }]);
    await expect.poll(() => screen.problem().textContent()).toContain('“会议签到表.json”：这不是报送包');
    expect(await titlesOf(dhz.id)).not.toContain('东湖镇整改推进会');

    // With 白沙镇's own package instead: 东湖镇's conflict is open to choose a side for; 白沙镇 has nothing new.
    await screen.upload([dhzPkg, bszPkg]);
    await screen.summary().waitFor();
    expect(await screen.totals().textContent()).toBe('新增 1 / 更新 0 / 删除 0 / 不变 2 / 冲突 1');
    expect(await screen.packageOpen(dhz.name)).toBe(true);
    expect(await screen.packageOpen(bsz.name)).toBe(false);
    expect(await screen.packagePanel(bsz.name).textContent()).toContain('无需合并');
    expect(await screen.conflictRows().count()).toBe(1);
    expect(await screen.mergeButton().isDisabled()).toBe(true);
    await screen.chooseSide('以本机为准');
    await expect.poll(() => screen.mergeButton().isEnabled()).toBe(true);
    await clearNotices();
    await quiet();
    await shell.shot('exchange-many-conflict');

    await screen.mergeButton().click();
    await screen.done().waitFor({ timeout: 60_000 });
    expect(await screen.done().textContent()).toContain('1 条两边都改过的记录以本机为准');
    const now = await officeMeetings(dhz.id);
    expect(now.map((r) => r.title)).toContain('东湖镇整改推进会');
    expect(now.find((r) => r.id === mine.id)!.place).toBe('区里改');
  });

  it('shows a 填报单位 which unit it is and writes its 报送包 from its own page', async () => {
    // The unit's installation as its clerk sees it (its first-run settings done), in a second browser page.
    const s = await unitOk('settings:get', {});
    await unitOk('settings:update', { settings: { ...s, setupDone: true } });
    unitContext = await app.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = (unitPage = await unitContext.newPage());
    page.on('pageerror', (e) => app.errors.push(`unit: ${e.message}`));
    await page.goto(unit.url);
    await new AppShellPage(page).waitReady();
    await new ExchangeScreen(page).open();
    expect(await page.getByTestId('exchange-panel').getAttribute('data-role')).toBe('unit');
    expect(await page.getByTestId('exchange-identity').textContent()).toContain(
      `本机是填报单位：${UNIT_NAME}（${settings.commissionName}）`,
    );
    // 上月 to start with; 本月 and 上月 fill both dates; a period ending before it starts is said, not sent.
    expect(await page.locator('#exchange-from').inputValue()).toBe('2026-10-01');
    await page.getByTestId('exchange-preset-month').click();
    expect(await page.locator('#exchange-from').inputValue()).toBe('2026-11-01');
    expect(await page.locator('#exchange-to').inputValue()).toBe('2026-11-30');
    await page.locator('#exchange-to').fill('2026.10.31');
    await page.locator('#exchange-to').press('Tab');
    await expect
      .poll(() => page.getByTestId('exchange-period-problem').textContent())
      .toBe('截止日期不能早于起始日期');
    expect(await page.getByTestId('exchange-submit').isDisabled()).toBe(true);
    await page.getByTestId('exchange-preset-lastMonth').click();
    expect(await page.locator('#exchange-from').inputValue()).toBe('2026-10-01');
    expect(await page.locator('#exchange-to').inputValue()).toBe('2026-10-31');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('exchange-submit').click();
    expect((await download).suggestedFilename()).toBe(`${UNIT_NAME}报送包（2026-10-01至2026-10-31）.json`);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS_DIR}/exchange-unit.png` });
  });

  it('re-issues after confirming: the old key’s packages are refused, the unit takes the new configuration', async () => {
    const before = (await app.api('exchange:identity', {})).issued!.find((i) => i.unit === UNIT)!.keyId;
    const renewed = await screen.issue(UNIT, true);
    const keyId = (JSON.parse(renewed.bytes.toString('utf8')) as { keyId: string }).keyId;
    expect(keyId).not.toBe(before);
    await expect
      .poll(async () => (await app.api('exchange:identity', {})).issued!.find((i) => i.unit === UNIT)!.keyId)
      .toBe(keyId);

    await screen.next();
    await screen.upload(pkg);
    await expect.poll(() => screen.problem().textContent()).toContain(`报送包来自未知单位“${UNIT_NAME}”`);

    // At the unit: 换用新的单位配置包, confirmed, through its page.
    const page = unitPage!;
    await page.getByText('换用新的单位配置包', { exact: true }).click();
    await page
      .getByTestId('exchange-setup')
      .locator('input[type=file]')
      .setInputFiles({ name: renewed.name, mimeType: 'application/json', buffer: renewed.bytes });
    const confirm = page.locator('.ant-modal-confirm');
    await expect
      .poll(() => confirm.locator('.ant-modal-confirm-title').textContent())
      .toBe(`换用新的单位配置包：${UNIT_NAME}（${settings.commissionName}）？`);
    await confirm.getByRole('button', { name: '换用' }).click();
    await expect.poll(async () => (await unitOk('exchange:identity', {})).keyId).toBe(keyId);
    await expect.poll(() => page.getByTestId('exchange-identity').textContent()).toContain(keyId);

    // Its next package is accepted again: everything in it already merged.
    await screen.upload(await submit());
    await screen.report().waitFor();
    expect(await screen.counts().textContent()).toBe('新增 0 / 更新 0 / 删除 0 / 不变 2');
    expect(app.errors).toEqual([]);
  });
});
