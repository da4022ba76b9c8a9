// Page object for a generic ledger screen: search, filters, the table, and the record drawer's generated form.
import type { Locator, Page } from 'playwright-core';
import type { FieldDef, LedgerDef } from '../../../src-main/shared/ledgers/types';

export class LedgerScreen {
  constructor(
    readonly page: Page,
    readonly def: LedgerDef,
  ) {}

  async open() {
    await this.page.evaluate((k) => {
      window.location.hash = `/ledger/${k}`;
    }, this.def.key);
    await this.page.getByTestId(`ledger-page-${this.def.key}`).waitFor();
    await this.page.getByTestId('row-count').waitFor();
  }

  drawer(): Locator {
    return this.page.locator('.record-drawer .ant-drawer-section');
  }

  rows(): Locator {
    return this.page.locator('[data-testid=ledger-table] .ant-table-row');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  rowCount(): Locator {
    return this.page.getByTestId('row-count');
  }

  async startNew() {
    await this.page.keyboard.press('Control+n');
    await this.drawer().waitFor();
  }

  /** The form item that holds a field, for reading its message. */
  item(key: string): Locator {
    return this.drawer()
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`#record_${key}`) });
  }

  errorAt(key: string): Locator {
    return this.item(key).locator('.ant-form-item-explain-error');
  }

  /** Chooses the first option with the keyboard (ArrowDown opens the list on it, Enter takes it). */
  private async pickOption(key: string, multiple: boolean) {
    const input = this.drawer().locator(`#record_${key}`);
    await input.focus();
    await input.press('ArrowDown');
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').first().waitFor();
    await input.press('Enter');
    if (multiple) await this.drawer().locator('.ant-drawer-title').click();
  }

  private async typeDate(key: string, text: string) {
    const input = this.drawer().locator(`#record_${key}`);
    await input.click();
    await input.fill(text);
    await input.press('Enter');
    await this.drawer().locator('.ant-drawer-title').click();
  }

  /** Fills a field with a valid sample value for its type; `text` is used for text-like fields. */
  async fill(f: Pick<FieldDef, 'key' | 'type'>, text: string, date = '2026-05-10') {
    const input = this.drawer().locator(`#record_${f.key}`);
    switch (f.type) {
      case 'text':
      case 'textarea':
        return input.fill(text);
      case 'textList':
        return input.fill(`${text}\n第二项`);
      case 'int':
      case 'decimal':
        return input.fill('3');
      case 'date':
        return this.typeDate(f.key, date);
      case 'month':
        return this.typeDate(f.key, date.slice(0, 7));
      case 'bool':
        return input.click();
      case 'choice':
      case 'unit':
      case 'group':
      case 'link':
        return this.pickOption(f.key, false);
      case 'multiChoice':
      case 'units':
      case 'links':
        return this.pickOption(f.key, true);
    }
  }

  async save() {
    await this.drawer().getByRole('button', { name: /保存/ }).click();
  }

  async saveAndWaitClosed() {
    await this.save();
    await this.page.locator('.record-drawer').waitFor({ state: 'detached' });
  }

  async search(text: string) {
    const box = this.page.getByTestId('quick-search');
    await box.fill(text);
  }

  async openRow(text: string) {
    await this.row(text).first().click();
    await this.drawer().waitFor();
  }

  /** Deletes the first row shown (or the first with `text`), confirming the pop-up. */
  async deleteRow(text?: string) {
    const row = text ? this.row(text).first() : this.rows().first();
    await row.getByRole('button', { name: '删除' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  }
}
