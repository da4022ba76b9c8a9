// Page objects for accounts: the sign-in and lock screens, the header's user menu, the forced password change,
// 用户管理 with its forms, and 操作日志.
import type { Locator, Page } from 'playwright-core';

export class SignInScreen {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('sign-in');
  }

  async signIn(username: string, password: string) {
    await this.root().getByPlaceholder('用户名').fill(username);
    await this.root().getByPlaceholder('密码').fill(password);
    await this.root().getByRole('button', { name: '登录' }).click();
  }

  error(): Locator {
    return this.root().getByTestId('signin-error');
  }
}

export class LockScreen {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('lock-screen');
  }

  async unlock(password: string) {
    await this.root().getByPlaceholder('密码').fill(password);
    await this.root().getByRole('button', { name: '解锁' }).click();
  }
}

export class UserMenu {
  constructor(readonly page: Page) {}

  button(): Locator {
    return this.page.getByTestId('user-menu');
  }

  async choose(label: '修改密码' | '锁定屏幕' | '退出登录') {
    await this.button().click();
    await this.page.locator('.ant-dropdown:visible').getByText(label, { exact: true }).click();
  }

  async signOut() {
    await this.choose('退出登录');
    await this.page.getByTestId('sign-in').waitFor();
  }
}

/** The change-password dialog, forced after signing in with a password the administrator set. */
export class ChangePasswordDialog {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator('.change-password-modal .ant-modal');
  }

  async change(oldPassword: string, newPassword: string) {
    await this.page.locator('#changePassword_oldPassword').fill(oldPassword);
    await this.page.locator('#changePassword_newPassword').fill(newPassword);
    await this.page.locator('#changePassword_newPasswordConfirm').fill(newPassword);
    await this.root().getByRole('button', { name: '修改密码' }).click();
    await this.root().waitFor({ state: 'detached' });
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  role: '管理员' | '工作组成员' | '线索工作组成员' | '只读';
  groups?: string[];
  password: string;
}

export class UsersScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/users';
    });
    await this.page.getByTestId('users-page').waitFor();
  }

  row(username: string): Locator {
    return this.page.getByTestId('users-page').locator('.ant-table-row').filter({ hasText: username });
  }

  form(): Locator {
    return this.page.locator('.user-form-modal .ant-modal');
  }

  input(name: string): Locator {
    return this.page.locator(`#user_${name}`);
  }

  errorAt(name: string): Locator {
    return this.form()
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`#user_${name}`) })
      .locator('.ant-form-item-explain-error');
  }

  async startNew() {
    await this.page.getByRole('button', { name: /新增用户/ }).click();
    await this.form().waitFor();
  }

  async fill(u: NewUser) {
    await this.input('username').fill(u.username);
    await this.input('displayName').fill(u.displayName);
    await this.form()
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: new RegExp(`^${u.role}$`) })
      .click();
    for (const g of u.groups ?? []) {
      await this.input('groups').click();
      await this.page.locator('.ant-select-dropdown:visible').getByText(g, { exact: true }).click();
      await this.form().locator('.ant-modal-title').click();
    }
    await this.input('password').fill(u.password);
    await this.input('passwordConfirm').fill(u.password);
  }

  async submit() {
    await this.form()
      .getByRole('button', { name: /创建用户|保存/ })
      .click();
  }
}

export class AuditScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/audit';
    });
    await this.page.getByTestId('audit-page').waitFor();
  }

  status(): Locator {
    return this.page.getByTestId('audit-status');
  }

  rows(): Locator {
    return this.page.getByTestId('audit-page').locator('.ant-table-row');
  }

  async filterUser(name: string) {
    const box = this.page.getByTestId('audit-filters').locator('.ant-select-auto-complete input');
    await box.fill(name);
    await this.page.keyboard.press('Escape');
  }
}
