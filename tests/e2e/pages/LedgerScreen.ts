// Page object for a generic ledger screen: search, filters, the table and its pager, and the record drawer's form.
import type { Locator, Page, Request } from 'playwright-core';
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

  /** Waits until the newest query is answered and its rows are shown (the table sets data-loading meanwhile). */
  async settled() {
    await this.page.locator('[data-testid=ledger-table]:not([data-loading])').waitFor();
  }

  /** The text of one column's cells on the page shown, top to bottom (by its header's label). */
  async column(label: string): Promise<string[]> {
    await this.settled();
    const headers = await this.page.locator('[data-testid=ledger-table] thead th').allTextContents();
    const i = headers.findIndex((h) => h.trim() === label);
    if (i < 0) throw new Error(`no column ${label} in ${headers.join('|')}`);
    return this.rows()
      .locator(`> :nth-child(${i + 1})`)
      .allTextContents();
  }

  pager(): Locator {
    return this.page.locator('[data-testid=ledger-table] .ant-pagination');
  }

  async goToPage(n: number) {
    await this.pager().locator(`.ant-pagination-item-${n}`).click();
    await this.settled();
  }

  /** Clicks a column header: ascending, then descending, then no sort. */
  async sortBy(label: string) {
    await this.page.locator('[data-testid=ledger-table] thead th').filter({ hasText: label }).click();
    await this.settled();
  }

  /** Chooses an option of one of the toolbar's selects (filter-group, filter-unit, filter-status…). */
  async chooseFilter(testId: string, option: string) {
    await this.page.getByTestId(testId).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
    await this.settled();
  }

  /**
   * Records every call the page makes to main from now on (channel and arguments), to assert which channel the
   * table asks; stop() ends the recording.
   */
  recordCalls(): { calls: { channel: string; args: Record<string, unknown> }[]; stop: () => void } {
    const calls: { channel: string; args: Record<string, unknown> }[] = [];
    const on = (req: Request) => {
      const m = /\/api\/([^/?]+)$/.exec(new URL(req.url()).pathname);
      if (!m || req.method() !== 'POST') return;
      calls.push({
        channel: decodeURIComponent(m[1]),
        args: JSON.parse(req.postData() ?? '{}') as Record<string, unknown>,
      });
    };
    this.page.on('request', on);
    return { calls, stop: () => void this.page.off('request', on) };
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
