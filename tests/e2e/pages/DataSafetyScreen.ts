// Page object for 设置 → 数据与备份: the backup buttons, the list of automatic backups, 检查数据 and the restore dialog.
import type { Locator, Page } from 'playwright-core';

export class DataSafetyScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/settings/data';
    });
    await this.section().waitFor();
    await this.page.getByTestId('data-dir').filter({ hasText: '/' }).waitFor();
  }

  section(): Locator {
    return this.page.getByTestId('data-section');
  }

  rows(): Locator {
    return this.page.locator('[data-testid=backup-list] .ant-table-row');
  }

  /** The list's row for a backup, by the reason it was taken (newest first). */
  row(reason: string): Locator {
    return this.rows().filter({ hasText: reason }).first();
  }

  async backupNow() {
    await this.page.getByTestId('backup-now').click();
    await this.backupResult().waitFor();
  }

  backupResult(): Locator {
    return this.page.getByTestId('backup-result');
  }

  error(): Locator {
    return this.page.getByTestId('data-error');
  }

  async startRestore(reason: string) {
    await this.row(reason).getByRole('button', { name: '恢复…' }).click();
  }

  confirm(): Locator {
    return this.page.getByTestId('restore-confirm');
  }

  async confirmRestore() {
    await this.page.getByTestId('restore-confirm-ok').click();
    await this.restoreResult().waitFor();
  }

  restoreResult(): Locator {
    return this.page.getByTestId('restore-result');
  }

  async runVerify() {
    await this.page.getByTestId('verify-run').click();
  }

  verifyRunning(): Locator {
    return this.page.getByTestId('verify-running');
  }

  verifySummary(): Locator {
    return this.page.getByTestId('verify-summary');
  }

  verifySection(key: string): Locator {
    return this.page.getByTestId(`verify-section-${key}`);
  }

  /** Web mode's 从文件恢复: the file input behind the upload button. */
  async upload(file: string) {
    await this.section().locator('input[type=file]').setInputFiles(file);
  }
}
