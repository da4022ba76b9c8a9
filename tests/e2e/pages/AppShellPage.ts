// Page object for the app shell: the left menu, hash navigation, store notices, screenshots.
import type { Page } from 'playwright-core';
import { SHOTS_DIR } from '../helpers/app';

export class AppShellPage {
  constructor(readonly page: Page) {}

  /** The app has taken over from the first frame (main.tsx), which draws the same shell before antd loads. */
  async waitReady() {
    await this.page.locator('[data-stage=app]').getByTestId('nav-menu').waitFor();
  }

  async go(hash: string) {
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }

  async clickMenu(label: string) {
    await this.page.getByTestId('nav-menu').getByText(label, { exact: true }).click();
  }

  async shot(name: string) {
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
  }

  /** antd messages (toasts) currently shown. */
  messages() {
    return this.page.locator('.ant-message-notice');
  }
}
