// Once the administrator has set up accounts, the app asks for sign-in before showing anything, and signs out;
// too many wrong passwords hold the sign-in back with a countdown; 忘记密码 resets an administrator's password
// with the recovery code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { SignInScreen, UserMenu } from './pages/AccountScreens';
import { AppShellPage } from './pages/AppShellPage';

describe('登录', () => {
  let app: E2EApp;
  let recoveryCode = '';

  beforeAll(async () => {
    app = await startE2E({ demo: true });
  });
  afterAll(async () => app?.close());

  it('signs in with the account the administrator set up, then signs out', async () => {
    const setup = await app.apiRaw('auth:setupAdmin', {
      username: 'admin',
      displayName: '王管理',
      password: 'Qiye-2026-anquan',
    });
    expect(setup.ok).toBe(true);
    if (setup.ok) recoveryCode = (setup.data as { recoveryCode: string }).recoveryCode;
    await app.page.reload();
    const form = app.page.getByTestId('sign-in');
    await form.waitFor();
    await new AppShellPage(app.page).shot('sign-in');
    await form.getByPlaceholder('用户名').fill('admin');
    await form.getByPlaceholder('密码').fill('wrong-password-1');
    await form.getByRole('button', { name: '登录' }).click();
    await form.locator('.ant-alert-error').waitFor();
    await form.getByPlaceholder('密码').fill('Qiye-2026-anquan');
    await form.getByRole('button', { name: '登录' }).click();
    await app.page.getByTestId('key-numbers').waitFor();
    await expect.poll(() => app.page.locator('header').textContent()).toContain('王管理');
    await expect.poll(() => app.page.getByTestId('user-role').textContent()).toBe('管理员');
    await new UserMenu(app.page).signOut();
  });

  it('holds the sign-in back with a countdown after too many wrong passwords', async () => {
    const signIn = new SignInScreen(app.page);
    await signIn.root().waitFor();
    // The fifth failure locks the name for 30 s (and says so); a sixth attempt would be refused with retryAfterSeconds.
    const countdown = signIn.root().getByTestId('signin-countdown');
    const password = signIn.root().getByPlaceholder('密码');
    for (let i = 1; i <= 6 && !(await countdown.count()); i++) {
      await signIn.root().getByPlaceholder('用户名').fill('admin');
      await password.fill(`wrong-password-${i}`);
      await Promise.all([
        app.page.waitForResponse((r) => /auth(:|%3A)signIn/.test(r.url())),
        signIn.root().getByRole('button', { name: '登录' }).click(),
      ]);
      // The form empties the password once it has shown the answer.
      await expect.poll(() => password.inputValue()).toBe('');
    }
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/请在 \d+ 秒后再试/);
    const button = signIn.root().getByRole('button', { name: /请等待 \d+ 秒/ });
    expect(await button.isDisabled()).toBe(true);
    const first = Number(/(\d+)/.exec((await button.textContent()) ?? '')?.[1]);
    await expect
      .poll(async () => Number(/(\d+)/.exec((await button.textContent()) ?? '')?.[1]))
      .toBeLessThan(first);
    await new AppShellPage(app.page).shot('sign-in-countdown');

    // A fresh page knows nothing of the lock: the server's refusal ('forbidden' with retryAfterSeconds) starts it.
    await app.page.reload();
    await signIn.root().waitFor();
    const [res] = await Promise.all([
      app.page.waitForResponse((r) => /auth(:|%3A)signIn/.test(r.url())),
      signIn.signIn('admin', 'Qiye-2026-anquan'),
    ]);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/请在 \d+ 秒后再试/);
  });

  it('resets the administrator password with the recovery code (忘记密码)', async () => {
    const signIn = new SignInScreen(app.page);
    await signIn.root().getByTestId('forgot-password').click();
    await app.page.locator('#recover_username').fill('admin');
    await app.page.locator('#recover_recoveryCode').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
    await app.page.locator('#recover_newPassword').fill('Xin-mima-2026');
    await app.page.locator('#recover_newPasswordConfirm').fill('Xin-mima-2026');
    await signIn.root().getByRole('button', { name: '重置密码' }).click();
    await expect
      .poll(() => app.page.getByTestId('recover-error').textContent())
      .toContain('恢复码或管理员用户名不正确');
    await new AppShellPage(app.page).shot('sign-in-recover');

    // Lower case and without dashes is accepted too.
    await app.page.locator('#recover_recoveryCode').fill(recoveryCode.toLowerCase().replaceAll('-', ''));
    await signIn.root().getByRole('button', { name: '重置密码' }).click();
    // The recovery code signs the administrator in with the new password (the name the countdown test locked too).
    await app.page.getByTestId('key-numbers').waitFor();
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
