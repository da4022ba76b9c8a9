// Once the administrator has set up accounts, the app asks for sign-in before showing anything, and signs out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';

describe('登录', () => {
  let app: E2EApp;

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
    await app.page.getByRole('button', { name: '退出登录' }).click();
    await form.waitFor();
  });
});
