// Accounts and roles through the screens, on the demonstration data: enabling accounts in 设置 (the recovery code
// shown once), the administrator adding a 工作组成员 and a 只读 account, what each of them may see and change, the
// 操作日志 with its integrity check and export, the idle lock and a session the server ended.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGERS } from '../../src-main/shared/ledgers';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import {
  AuditScreen,
  ChangePasswordDialog,
  LockScreen,
  SignInScreen,
  UserMenu,
  UsersScreen,
} from './pages/AccountScreens';
import { AppShellPage } from './pages/AppShellPage';
import { LedgerScreen } from './pages/LedgerScreen';
import { SettingsScreen } from './pages/SetupScreen';

const ADMIN = { username: 'admin', displayName: '王管理', password: 'Qiye-2026-anquan' };
const MEMBER = { username: 'wenmi', displayName: '李文秘', first: 'Wenmi-2026', password: 'Wenmi-2026-mine' };
const READER = {
  username: 'chakan',
  displayName: '赵查看',
  first: 'Chakan-2026',
  password: 'Chakan-2026-mine',
};

describe('账户与权限', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let menu: UserMenu;
  let signIn: SignInScreen;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    menu = new UserMenu(app.page);
    signIn = new SignInScreen(app.page);
    await shell.waitReady();
  });
  afterAll(async () => app?.close());

  const header = () => app.page.locator('header');
  const navText = () => app.page.getByTestId('nav-menu').textContent();

  /** Signs in from the sign-in screen; a first sign-in changes the administrator's initial password. */
  async function signInAs(u: { username: string; password: string; first?: string }) {
    await signIn.root().waitFor();
    await signIn.signIn(u.username, u.first ?? u.password);
    if (u.first) await new ChangePasswordDialog(app.page).change(u.first, u.password);
    await shell.waitReady();
  }

  it('enables accounts in 设置 and shows the recovery code once, then goes on signed in', async () => {
    const settings = new SettingsScreen(app.page);
    await shell.go('/settings/account');
    await app.page.getByTestId('enable-accounts').waitFor();
    await shell.shot('settings-account-enable');

    await app.page.locator('#enableAccounts_username').fill(ADMIN.username);
    await app.page.locator('#enableAccounts_displayName').fill(ADMIN.displayName);
    await app.page.locator('#enableAccounts_password').fill('short');
    await app.page.locator('#enableAccounts_passwordConfirm').fill('short');
    await app.page.getByRole('button', { name: '启用账户' }).click();
    // The contract's own rule, at the field, before anything is sent.
    await expect
      .poll(() =>
        app.page
          .locator('.ant-form-item')
          .filter({ has: app.page.locator('#enableAccounts_password') })
          .locator('.ant-form-item-explain-error')
          .textContent(),
      )
      .toBe('密码至少8位');
    expect((await app.api('auth:status', {})).accountsEnabled).toBe(false);

    await app.page.locator('#enableAccounts_password').fill(ADMIN.password);
    await app.page.locator('#enableAccounts_passwordConfirm').fill(ADMIN.password);
    await app.page.getByRole('button', { name: '启用账户' }).click();
    const modal = app.page.locator('.recovery-modal .ant-modal');
    await modal.waitFor();
    const code = (await app.page.getByTestId('recovery-code').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await expect.poll(() => app.page.getByTestId('recovery-done').isDisabled()).toBe(true);
    await shell.shot('recovery-code');
    // Neither Esc nor a click beside it dismisses it before the box is ticked.
    await app.page.keyboard.press('Escape');
    await app.page.mouse.click(20, 880);
    await expect.poll(() => modal.isVisible()).toBe(true);
    await modal.getByText('我已抄写并妥善保存').click();
    await app.page.getByTestId('recovery-done').click();
    await modal.waitFor({ state: 'detached' });

    await expect.poll(() => app.page.getByTestId('user-name').textContent()).toBe(ADMIN.displayName);
    await expect.poll(() => app.page.getByTestId('user-role').textContent()).toBe('管理员');
    await app.page.getByTestId('account-status').waitFor();
    await shell.shot('settings-account-enabled');
    expect(await navText()).toContain('用户管理');
    await settings.tab('基本信息');

    await app.signInApi(ADMIN.username, ADMIN.password);
    expect((await app.api('auth:status', {})).accountsEnabled).toBe(true);
  });

  it('lets the administrator add a 工作组成员 and a 只读 account, with server messages at the field', async () => {
    const users = new UsersScreen(app.page);
    await users.open();
    await users.row(ADMIN.username).waitFor();

    await users.startNew();
    await users.fill({
      username: MEMBER.username,
      displayName: MEMBER.displayName,
      role: '工作组成员',
      groups: ['文稿简报组'],
      password: '12345678',
    });
    await users.submit();
    // The accounts service's strength rule comes back without a path: it is still shown at the password.
    await expect.poll(() => users.errorAt('password').textContent()).toContain('密码过于简单');
    await shell.shot('users-form-error');
    await users.input('password').fill(MEMBER.first);
    await users.input('passwordConfirm').fill(MEMBER.first);
    await users.submit();
    await users.form().waitFor({ state: 'detached' });
    await users.row(MEMBER.username).waitFor();

    await users.startNew();
    await users.fill({
      username: MEMBER.username.toUpperCase(),
      displayName: READER.displayName,
      role: '只读',
      password: READER.first,
    });
    await users.submit();
    await expect.poll(() => users.errorAt('username').textContent()).toContain('已被使用');
    await users.input('username').fill(READER.username);
    await users.submit();
    await users.form().waitFor({ state: 'detached' });
    await users.row(READER.username).waitFor();
    await expect.poll(() => users.row(MEMBER.username).textContent()).toContain('文稿简报组');
    await shell.shot('users');

    const list = (await app.api('users:list', {})).users;
    expect(list.find((u) => u.username === MEMBER.username)).toMatchObject({
      role: 'member',
      groups: ['drafting'],
      mustChangePassword: true,
    });
    expect(list.find((u) => u.username === READER.username)).toMatchObject({ role: 'readonly' });
  });

  it('shows a 工作组成员 only what the role allows: no 问题线索, own group editable, others read-only', async () => {
    await menu.signOut();
    await signIn.signIn(MEMBER.username, MEMBER.first);
    const change = new ChangePasswordDialog(app.page);
    await change.root().waitFor();
    await shell.shot('change-password-forced');
    await change.change(MEMBER.first, MEMBER.password);
    await shell.waitReady();
    await expect.poll(() => app.page.getByTestId('user-role').textContent()).toBe('工作组成员');
    expect(await header().textContent()).toContain(MEMBER.displayName);

    const nav = (await navText()) ?? '';
    expect(nav).not.toContain('问题线索');
    expect(nav).not.toContain('用户管理');
    expect(nav).not.toContain('操作日志');
    await shell.go('/ledger/clues');
    await app.page.getByTestId('no-access').waitFor();
    expect(await app.page.getByTestId('no-access').textContent()).toContain('无权查看');
    await shell.shot('no-access');
    await shell.go('/audit');
    await app.page.getByTestId('no-access').waitFor();

    const meetings = new LedgerScreen(app.page, LEDGERS.meetings);
    await meetings.open();
    await expect.poll(() => meetings.rows().count()).toBeGreaterThan(0);
    await meetings.rows().first().click();
    await meetings.drawer().waitFor();
    expect(await meetings.drawer().getByTestId('read-only-notice').count()).toBe(0);
    const title = meetings.drawer().locator('#record_title');
    const newTitle = `${await title.inputValue()}（文秘修改）`;
    await title.fill(newTitle);
    await meetings.saveAndWaitClosed();
    await meetings.row('（文秘修改）').waitFor();

    const studies = new LedgerScreen(app.page, LEDGERS.studies);
    await studies.open();
    await expect.poll(() => studies.rows().count()).toBeGreaterThan(0);
    await studies.rows().first().click();
    await studies.drawer().waitFor();
    await studies.drawer().getByTestId('read-only-notice').waitFor();
    expect(await studies.drawer().getByTestId('read-only-notice').textContent()).toContain('教育培训组');
    expect(await studies.drawer().getByRole('button', { name: /保存/ }).count()).toBe(0);
    expect(await studies.drawer().locator('#record_date').isDisabled()).toBe(true);
    await shell.shot('record-read-only');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.record-drawer').waitFor({ state: 'detached' });
  });

  it('shows a 只读 account no 新增 and no 导入, and opens records read-only', async () => {
    await menu.signOut();
    await signInAs(READER);
    await expect.poll(() => app.page.getByTestId('user-role').textContent()).toBe('只读');
    expect(await navText()).not.toContain('导入');
    const meetings = new LedgerScreen(app.page, LEDGERS.meetings);
    await meetings.open();
    await expect.poll(() => meetings.rows().count()).toBeGreaterThan(0);
    expect(await app.page.getByRole('button', { name: /新增/ }).count()).toBe(0);
    expect(await meetings.rows().first().getByRole('button', { name: '删除' }).count()).toBe(0);
    await shell.shot('readonly-ledger');
    await meetings.rows().first().click();
    await meetings.drawer().getByTestId('read-only-notice').waitFor();
    await app.page.keyboard.press('Escape');
    await app.page.locator('.record-drawer').waitFor({ state: 'detached' });
  });

  it('refuses a wrong password on the sign-in screen', async () => {
    await menu.signOut();
    await signIn.signIn(ADMIN.username, 'not-the-password-1');
    await expect.poll(() => signIn.error().textContent()).toContain('用户名或密码错误');
    await shell.shot('sign-in-error');
    await signIn.signIn(ADMIN.username, ADMIN.password);
    await shell.waitReady();
  });

  it('shows the administrator the member’s sign-in and edit in 操作日志, 日志完整, and exports it', async () => {
    const audit = new AuditScreen(app.page);
    await audit.open();
    await expect.poll(() => audit.status().getAttribute('data-ok')).toBe('true');
    expect(await audit.status().textContent()).toContain('日志完整');
    await expect.poll(() => audit.rows().count()).toBeGreaterThan(5);
    await shell.shot('audit');

    await audit.filterUser(MEMBER.username);
    await expect
      .poll(async () => (await audit.rows().allTextContents()).every((t) => t.includes(MEMBER.username)))
      .toBe(true);
    const signInRow = audit.rows().filter({ hasText: '通过网页版登录' });
    await signInRow.first().waitFor();
    const edit = audit.rows().filter({ hasText: '修改' }).filter({ hasText: '会议' });
    await edit.first().waitFor();
    await edit.first().locator('.ant-table-row-expand-icon').click();
    await app.page.getByTestId('audit-change').first().waitFor();
    expect(await app.page.getByTestId('audit-change').first().textContent()).toContain('（文秘修改）');
    await shell.shot('audit-expanded');

    const [d] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 60_000 }),
      app.page.getByRole('button', { name: /导出筛选结果/ }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(/^操作日志.*\.xlsx$/);
    const file = path.join(tmpdir(), `e2e-audit-${Date.now()}.xlsx`);
    await d.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => cells.push(JSON.stringify(row.values)));
    expect(cells.join('\n')).toContain(MEMBER.username);
    expect(cells.join('\n')).not.toContain(`"${READER.username}"`);
  });

  it('manages accounts: granting 线索工作组成员 asks for a new password, reset, new recovery code, removal', async () => {
    const users = new UsersScreen(app.page);
    await users.open();
    await users.row(MEMBER.username).getByRole('button', { name: '编辑' }).click();
    await users.form().waitFor();
    await users
      .form()
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^线索工作组成员$/ })
      .click();
    await users.input('password').waitFor();
    await users.submit();
    await expect.poll(() => users.errorAt('password').textContent()).toBe('请输入新密码');
    await shell.shot('users-edit-grant-clue');
    await users.input('password').fill('Wenmi-Clue-2026');
    await users.input('passwordConfirm').fill('Wenmi-Clue-2026');
    await users.submit();
    await users.form().waitFor({ state: 'detached' });
    await expect.poll(() => users.row(MEMBER.username).textContent()).toContain('线索工作组成员');
    expect(await users.row(MEMBER.username).textContent()).toContain('可查看');

    await users.row(READER.username).getByRole('button', { name: '重置密码' }).click();
    const reset = app.page.locator('.reset-password-modal .ant-modal');
    await reset.waitFor();
    await app.page.locator('#reset_password').fill('Chakan-Reset-1');
    await app.page.locator('#reset_passwordConfirm').fill('Chakan-Reset-1');
    await shell.shot('users-reset-password');
    await reset.getByRole('button', { name: '重置密码' }).click();
    await reset.waitFor({ state: 'detached' });
    await expect.poll(() => users.row(READER.username).textContent()).toContain('待修改密码');

    await app.page.getByRole('button', { name: '重新生成恢复码' }).click();
    await app.page.locator('.ant-modal-confirm').getByRole('button', { name: '生成新恢复码' }).click();
    const modal = app.page.locator('.recovery-modal .ant-modal');
    await modal.waitFor();
    expect(await modal.textContent()).toContain('新的恢复码');
    await shell.shot('recovery-code-regenerated');
    await modal.getByText('我已抄写并妥善保存').click();
    await app.page.getByTestId('recovery-done').click();
    await modal.waitFor({ state: 'detached' });

    await users.row(READER.username).getByRole('button', { name: '删除' }).click();
    await app.page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await users.row(READER.username).waitFor({ state: 'detached' });
    expect((await app.api('users:list', {})).users.map((u) => u.username)).not.toContain(READER.username);

    await menu.button().click();
    await app.page.locator('.ant-dropdown:visible').waitFor();
    await shell.shot('user-menu');
    await app.page.locator('.ant-dropdown:visible').getByText('修改密码', { exact: true }).click();
    const change = app.page.locator('.change-password-modal .ant-modal');
    await change.waitFor();
    await app.page.locator('#changePassword_oldPassword').fill('not-my-password-1');
    await app.page.locator('#changePassword_newPassword').fill('Qiye-2027-anquan');
    await app.page.locator('#changePassword_newPasswordConfirm').fill('Qiye-2027-anquan');
    await change.getByRole('button', { name: '修改密码' }).click();
    await expect
      .poll(() =>
        change
          .locator('.ant-form-item')
          .filter({ has: app.page.locator('#changePassword_oldPassword') })
          .locator('.ant-form-item-explain-error')
          .textContent(),
      )
      .toBe('原密码不正确');
    await shell.shot('change-password');
    await change.getByRole('button', { name: '取消' }).click();
    await change.waitFor({ state: 'detached' });
  });

  it('locks the screen after the idle time and unlocks with the password', async () => {
    await shell.go('/ledger/meetings');
    await app.page.getByTestId('ledger-page-meetings').waitFor();
    // Shortens the idle time for this tab only (the app accepts shorter, never longer).
    await app.page.evaluate(() => sessionStorage.setItem('campaign-desk.idleLockMs', '1500'));
    const lock = new LockScreen(app.page);
    await lock.root().waitFor({ timeout: 10_000 });
    await app.page.evaluate(() => sessionStorage.removeItem('campaign-desk.idleLockMs'));
    expect(await lock.root().textContent()).toContain(ADMIN.displayName);
    // The page behind is covered edge to edge and out of reach of the keyboard.
    const box = await lock.root().boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1440, height: 900 });
    expect(await app.page.evaluate(() => document.getElementById('root')?.inert)).toBe(true);
    await shell.shot('lock-screen');

    await lock.unlock('wrong-password-9');
    await expect.poll(() => lock.root().getByTestId('signin-error').textContent()).toContain('密码错误');
    await lock.unlock(ADMIN.password);
    await lock.root().waitFor({ state: 'detached' });
    await app.page.getByTestId('ledger-page-meetings').waitFor();
    expect(await app.page.evaluate(() => document.getElementById('root')?.inert)).toBe(false);
  });

  it('asks for the password again when the server has ended the session', async () => {
    await shell.go('/');
    const sid = await app.page.evaluate(() => sessionStorage.getItem('campaign-desk.session'));
    expect(sid).toBeTruthy();
    app.server.app.security.sessions.signOut(sid!);
    await shell.go('/ledger/tasks');
    const lock = new LockScreen(app.page);
    await lock.root().waitFor();
    expect(await lock.root().textContent()).toContain('登录已失效');
    await lock.unlock(ADMIN.password);
    await lock.root().waitFor({ state: 'detached' });
    // The ledger that was refused loads by itself once signed in again.
    const tasks = new LedgerScreen(app.page, LEDGERS.tasks);
    await expect.poll(() => tasks.rows().count()).toBeGreaterThan(0);
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
