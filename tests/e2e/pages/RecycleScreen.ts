// Page object for the recycle bin: find a removed record, restore or purge it.
import type { Page } from 'playwright-core';

export class RecycleScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/recycle';
    });
    await this.page.getByTestId('recycle-page').waitFor();
  }

  row(text: string) {
    return this.page.getByTestId('recycle-page').locator('.ant-table-row').filter({ hasText: text });
  }

  async restore(text: string) {
    await this.row(text).first().getByRole('button', { name: '恢复' }).click();
  }
}
