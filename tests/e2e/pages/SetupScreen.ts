// Page objects for the first-run wizard and the settings screen: both are forms over the same settings.
import type { Page } from 'playwright-core';

export class SetupScreen {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId('setup-wizard');
  }

  input(name: string) {
    return this.root().locator(`#setup_${name}`);
  }

  errorAt(name: string) {
    return this.root()
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`#setup_${name}`) })
      .locator('.ant-form-item-explain-error');
  }

  async next() {
    await this.root().getByRole('button', { name: '下一步' }).click();
  }

  async finish() {
    await this.root().getByRole('button', { name: '完成设置' }).click();
  }

  async loadDemo() {
    await this.root()
      .getByRole('button', { name: /载入演示数据/ })
      .click();
  }
}

export class SettingsScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/settings';
    });
    await this.page.getByTestId('settings-page').waitFor();
  }

  input(name: string) {
    return this.page.locator(`#settings_${name}`);
  }

  errorAt(name: string) {
    return this.page
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`#settings_${name}`) })
      .locator('.ant-form-item-explain-error');
  }

  async tab(label: string) {
    await this.page.getByRole('tab', { name: label }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: /保存设置/ }).click();
  }
}
