// Page objects for 「生成月报」 and 本期文字 (导出 → 工作情况报告) and for 设置 → 报告信息.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export class MonthlyScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/export/report';
    });
    await this.card().waitFor();
    await this.notesSource().waitFor();
  }

  card(): Locator {
    return this.page.getByTestId('monthly-package');
  }

  generateButton(): Locator {
    return this.page.getByTestId('monthly-generate');
  }

  async period(): Promise<{ key: string; from: string; to: string }> {
    const picker = this.card().getByTestId('period-picker');
    return {
      key: (await picker.getAttribute('data-key')) ?? '',
      from: (await picker.getAttribute('data-from')) ?? '',
      to: (await picker.getAttribute('data-to')) ?? '',
    };
  }

  async choosePeriod(label: string) {
    await this.card()
      .getByTestId('period-picker')
      .locator('.ant-segmented-item')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  }

  /** 选择月份, then types the month ("2026-12") into the month picker. */
  async pickMonth(month: string) {
    await this.choosePeriod('选择月份');
    // antd puts the test id on the picker's wrapper or on its input, depending on the version.
    const input = this.card()
      .locator('[data-testid=period-month] input, input[data-testid=period-month]')
      .first();
    await input.click();
    await input.fill(`${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`);
    await input.press('Enter');
  }

  result(): Locator {
    return this.page.getByTestId('monthly-result');
  }

  files(): Locator {
    return this.result().locator('[data-testid=monthly-files] .ant-table-row');
  }

  async fileRows(): Promise<{ name: string; size: string }[]> {
    return this.files().evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.querySelector('[data-testid=monthly-file-name]')?.textContent ?? '',
        size: r.querySelector('[data-testid=monthly-file-size]')?.textContent ?? '',
      })),
    );
  }

  warnings(): Locator {
    return this.result().getByTestId('monthly-warnings');
  }

  /** The 「所选期间尚未结束」 question. */
  confirmDialog(): Locator {
    return this.page.locator('.ant-modal-confirm').filter({ hasText: '所选期间尚未结束' });
  }

  /** Clicks 下载 on the row of a file and returns what the browser saved. */
  async download(fileNamePart: string): Promise<{ name: string; bytes: Buffer }> {
    const row = this.files().filter({ hasText: fileNamePart });
    const [d] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      row.getByRole('button', { name: /下载/ }).click(),
    ]);
    const file = path.join(tmpdir(), `e2e-monthly-${Date.now()}-${d.suggestedFilename()}`);
    await d.saveAs(file);
    return { name: d.suggestedFilename(), bytes: readFileSync(file) };
  }

  notesCard(): Locator {
    return this.page.getByTestId('report-notes');
  }

  notesSource(): Locator {
    return this.notesCard().getByTestId('notes-source');
  }

  notesField(key: 'highlights' | 'problems' | 'nextSteps'): Locator {
    return this.notesCard().getByTestId(`notes-${key}`);
  }
}

export class ReportInfoSettings {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/settings/report';
    });
    await this.root().waitFor();
  }

  root(): Locator {
    return this.page.getByTestId('report-info');
  }

  plenaryRows(): Locator {
    return this.root().getByTestId('plenary-row');
  }

  async addPlenary(body: string, term: string, session: string) {
    const before = await this.plenaryRows().count();
    await this.root()
      .getByRole('button', { name: /添加全会/ })
      .click();
    const row = this.plenaryRows().nth(before);
    await row.getByLabel('机关').fill(body);
    await this.page.keyboard.press('Escape');
    await row.getByLabel('届次').fill(term);
    await row.getByLabel('第几次全会').fill(session);
    return row;
  }

  sentence(): Locator {
    return this.root().getByTestId('plenary-sentence');
  }

  async save() {
    await this.page.getByRole('button', { name: /保存设置/ }).click();
    await this.page.locator('.ant-message-notice').filter({ hasText: '设置已保存' }).waitFor();
  }
}
