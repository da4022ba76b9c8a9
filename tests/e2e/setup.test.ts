// First run and settings: the wizard checks at the field and saves; the settings screen shows messages at the
// field and saves what it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { SettingsScreen, SetupScreen } from './pages/SetupScreen';

describe('首次设置与设置页', () => {
  let app: E2EApp;
  let shell: AppShellPage;

  beforeAll(async () => {
    app = await startE2E();
    shell = new AppShellPage(app.page);
  });
  afterAll(async () => app?.close());

  it('runs the first-run wizard: messages at the field, then saves the settings', async () => {
    const wizard = new SetupScreen(app.page);
    await wizard.root().waitFor();
    await shell.shot('setup-wizard');
    await wizard.input('commissionName').fill('');
    await wizard.next();
    await wizard.next();
    await wizard.finish();
    await expect.poll(() => wizard.errorAt('commissionName').textContent()).toBe('纪委监委名称必须填写');
    expect((await app.api('settings:get', {})).setupDone).toBe(false);

    await wizard.input('commissionName').fill('测试区纪委监委');
    await wizard.next();
    await wizard.next();
    await shell.shot('setup-wizard-units');
    await wizard.finish();
    await shell.waitReady();
    await expect.poll(() => app.page.getByTestId('app-title').textContent()).toContain('测试区纪委监委');
    const saved = await app.api('settings:get', {});
    expect(saved).toMatchObject({ commissionName: '测试区纪委监委', setupDone: true });
  });

  it('shows a settings problem at the field and saves nothing until it is fixed', async () => {
    const settings = new SettingsScreen(app.page);
    await settings.open();
    await shell.shot('settings-basic');
    await settings.input('campaignName').fill('');
    await settings.save();
    await expect.poll(() => settings.errorAt('campaignName').textContent()).toBe('教育整顿名称必须填写');
    expect((await app.api('settings:get', {})).campaignName).not.toBe('');

    await settings.input('campaignName').fill('第二批教育整顿');
    await settings.save();
    await expect.poll(async () => (await app.api('settings:get', {})).campaignName).toBe('第二批教育整顿');
    await expect.poll(() => app.page.getByTestId('app-title').textContent()).toContain('第二批教育整顿');
  });

  it('shows every settings tab', async () => {
    const settings = new SettingsScreen(app.page);
    await settings.open();
    for (const [label, name] of [
      ['环节', 'settings-phases'],
      ['工作组与领导小组', 'settings-groups'],
      ['单位', 'settings-units'],
      ['选项列表', 'settings-choices'],
      ['四种形态', 'settings-fourforms'],
      ['公文格式', 'settings-docformat'],
      ['账户与安全', 'settings-account'],
    ]) {
      await settings.tab(label);
      await shell.shot(name);
    }
  });

  it('edits the Word format: a problem at the field, 恢复国家标准, then saves fonts, page numbers and the bulletin name', async () => {
    const settings = new SettingsScreen(app.page);
    await settings.open();
    await settings.tab('公文格式');
    const title = settings.input('docFormat_fonts_title');
    const top = settings.input('docFormat_marginsMm_top');
    await expect.poll(() => title.inputValue()).toBe('方正小标宋简体');
    await expect.poll(() => top.inputValue()).toBe('37');

    await top.fill('5');
    await settings.save();
    await expect
      .poll(() => settings.errorAt('docFormat_marginsMm_top').textContent())
      .toBe('上边距不能小于10毫米');
    await shell.shot('settings-docformat-error');
    expect((await app.api('settings:get', {})).docFormat?.marginsMm.top ?? 37).toBe(37);

    await title.fill('小标宋');
    await app.page.getByTestId('doc-format-restore').click();
    await expect.poll(() => top.inputValue()).toBe('37');
    await expect.poll(() => title.inputValue()).toBe('方正小标宋简体');
    await expect.poll(() => settings.errorAt('docFormat_marginsMm_top').count()).toBe(0);

    await title.fill('小标宋');
    await app.page.getByTestId('doc-format').getByText('居中', { exact: true }).click();
    await settings.input('bulletinName').fill('清风简报');
    await settings.tab('账户与安全');
    await settings.input('lockMinutes').fill('30');
    await settings.save();
    await expect.poll(async () => (await app.api('settings:get', {})).bulletinName).toBe('清风简报');
    const saved = await app.api('settings:get', {});
    expect(saved.docFormat).toMatchObject({
      fonts: { title: '小标宋', body: '仿宋_GB2312' },
      marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
      pageNumberStyle: 'center',
      linesPerPage: 22,
      charsPerLine: 28,
    });
    expect(saved.lockMinutes).toBe(30);
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
