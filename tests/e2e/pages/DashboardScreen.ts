// Page object for 首页: the period picker and the key number cards.
import type { Page } from 'playwright-core';

export interface CardReading {
  name: string;
  value: string;
  cumulative: string;
}

export class DashboardScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/';
    });
    await this.page.getByTestId('key-numbers').waitFor();
  }

  async period(): Promise<{ from: string; to: string }> {
    const picker = this.page.getByTestId('period-picker');
    return {
      from: (await picker.getAttribute('data-from')) ?? '',
      to: (await picker.getAttribute('data-to')) ?? '',
    };
  }

  async choosePeriod(label: string) {
    await this.page
      .getByTestId('period-picker')
      .locator('.ant-segmented-item')
      .filter({ hasText: label })
      .click();
  }

  async cards(): Promise<CardReading[]> {
    return this.page.getByTestId('kpi-card').evaluateAll((els) =>
      els.map((el) => ({
        name: el.getAttribute('data-name') ?? '',
        value: el.querySelector('[data-testid=kpi-value]')?.textContent?.trim() ?? '',
        cumulative: el.querySelector('[data-testid=kpi-cumulative]')?.textContent?.trim() ?? '',
      })),
    );
  }
}
