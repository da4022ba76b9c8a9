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
    ]) {
      await settings.tab(label);
      await shell.shot(name);
    }
  });
});
