// Page object for 报送情况 → 报送包: the tab, the units' 单位配置包 table, the 报送包 upload with its check (the
// diff; for several packages at once their sum and one folded panel each), the conflict choice, 确认合并 and its
// result, and a 填报单位's own view.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

export interface FileBytes {
  name: string;
  bytes: Buffer;
}

export class ExchangeScreen {
  constructor(readonly page: Page) {}

  /** 报送情况, on the 报送包 tab. */
  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/returns';
    });
    await this.page.getByTestId('returns-tabs').waitFor();
    await this.page.getByRole('tab', { name: '报送包（下级单位使用本软件时）' }).click();
    await this.root().waitFor();
  }

  root(): Locator {
    return this.page.getByTestId('exchange-panel');
  }

  // ── 签发单位配置包 ─────────────────────────────────────────────────────────────────────────────────────────
  unitRow(unit: string): Locator {
    return this.page.locator(`[data-testid=exchange-units] .ant-table-row[data-row-key="${unit}"]`);
  }

  async issuedState(unit: string): Promise<string | null> {
    return this.unitRow(unit).getByTestId('exchange-issued').getAttribute('data-issued');
  }

  issueButton(unit: string): Locator {
    return this.page.getByTestId(`exchange-issue-${unit}`);
  }

  /** Clicks 签发 / 重新签发 (confirming a re-issue) and returns the file the page downloaded. */
  async issue(unit: string, confirm = false): Promise<FileBytes> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 });
    await this.issueButton(unit).click();
    if (confirm)
      await this.page.locator('.ant-modal-confirm').getByRole('button', { name: '重新签发' }).click();
    const d = await download;
    return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
  }

  // ── 接收报送包 ─────────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Chooses a package, or several at once, in the drop zone (as files picked from disk) and waits for the check or
   * its refusal.
   */
  async upload(file: FileBytes | FileBytes[]) {
    const files = Array.isArray(file) ? file : [file];
    await this.page
      .getByTestId('exchange-receive-upload')
      .locator('input[type=file]')
      .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: f.bytes })));
    await this.page
      .locator('[data-testid=exchange-report], [data-testid=exchange-summary], [data-testid=problem-list]')
      .first()
      .waitFor({ timeout: 60_000 });
  }

  report(): Locator {
    return this.page.getByTestId('exchange-report');
  }

  problem(): Locator {
    return this.page.getByTestId('problem-list');
  }

  counts(): Locator {
    return this.page.getByTestId('exchange-counts');
  }

  /** The per-ledger rows of the check: ledger label → [新增, 更新, 删除, 不变]. */
  async ledgerCounts(): Promise<Record<string, number[]>> {
    return this.page.locator('[data-testid=exchange-ledgers] .ant-table-row').evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => {
          const cells = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
          return [cells[0], cells.slice(1).map(Number)];
        }),
      ),
    );
  }

  // ── 一次接收多个报送包 ─────────────────────────────────────────────────────────────────────────────────────
  /** What the drop zone says was chosen. */
  chosen(): Locator {
    return this.page.getByTestId('exchange-chosen');
  }

  /** The sum over the packages checked together (共 N 个报送包…, 合计 新增 … / 冲突 …). */
  summary(): Locator {
    return this.page.getByTestId('exchange-summary');
  }

  totals(): Locator {
    return this.page.getByTestId('exchange-total');
  }

  /** One package's folded panel, by its unit's name. */
  packagePanel(unitName: string): Locator {
    return this.page
      .locator('[data-testid=exchange-packages] > .ant-collapse-item')
      .filter({ has: this.page.locator('.ant-collapse-header', { hasText: unitName }) });
  }

  async packageOpen(unitName: string): Promise<boolean> {
    return (
      (await this.packagePanel(unitName).getAttribute('class'))?.includes('ant-collapse-item-active') ?? false
    );
  }

  conflictRows(): Locator {
    return this.page.locator('[data-testid=exchange-conflicts] .ant-table-row');
  }

  mergeButton(): Locator {
    return this.page.getByTestId('exchange-merge');
  }

  async chooseSide(label: '以本机为准' | '以下级单位为准') {
    await this.page.getByTestId('exchange-choice').getByText(label).click();
  }

  done(): Locator {
    return this.page.getByTestId('exchange-done');
  }

  /** From the success result back to the drop zone. */
  async next() {
    await this.page.getByTestId('exchange-next').click();
    await this.page.getByTestId('exchange-receive-upload').waitFor();
  }
}
