// Page object for 问题线索 before the administrator exists: the explanation (or, in a demo store, the read-only
// banner), the 设置管理员 dialog and the recovery code shown once, after which the ledger opens in place.
import type { Page } from 'playwright-core';

export interface AdminInput {
  username: string;
  displayName: string;
  password: string;
}

export class CluesLockedScreen {
  constructor(readonly page: Page) {}

  explanation() {
    return this.page.getByTestId('clues-need-admin');
  }

  demoBanner() {
    return this.page.getByTestId('clues-demo-read-only');
  }

  dialog() {
    return this.page.locator('.setup-admin-modal .ant-modal');
  }

  recoveryDialog() {
    return this.page.locator('.recovery-modal .ant-modal');
  }

  async openDialog() {
    await this.page.getByTestId('clues-setup-admin').click();
    await this.dialog().waitFor();
  }

  async fill(admin: AdminInput) {
    await this.page.locator('#setupAdmin_username').fill(admin.username);
    await this.page.locator('#setupAdmin_displayName').fill(admin.displayName);
    await this.page.locator('#setupAdmin_password').fill(admin.password);
    await this.page.locator('#setupAdmin_passwordConfirm').fill(admin.password);
  }

  async submit() {
    await this.dialog().getByRole('button', { name: '设置管理员并启用加密' }).click();
    await this.recoveryDialog().waitFor();
  }

  /** The recovery code shown once. */
  async recoveryCode(): Promise<string> {
    return (await this.page.getByTestId('recovery-code').getAttribute('data-code')) ?? '';
  }

  async confirmWrittenDown() {
    await this.recoveryDialog().getByText('我已抄写并妥善保存').click();
    await this.page.getByTestId('recovery-done').click();
    await this.recoveryDialog().waitFor({ state: 'detached' });
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** The whole way in, from the button on the clue screen to the ledger open; returns the recovery code. */
  async setUpAdmin(admin: AdminInput): Promise<string> {
    await this.openDialog();
    await this.fill(admin);
    await this.submit();
    const code = await this.recoveryCode();
    await this.confirmWrittenDown();
    await this.page.getByTestId('ledger-page-clues').waitFor();
    return code;
  }
}
