// Page object for 报送情况: the task picker and its buttons, the task form, the counts line, the 催报 box and the
// table of units × ledgers.
import type { Locator, Page } from 'playwright-core';
import type { ReturnState } from '../../../src-main/shared/contract/returns';

export class ReturnsScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => {
      window.location.hash = '/returns';
    });
    await this.root().waitFor();
  }

  root(): Locator {
    return this.page.getByTestId('returns-page');
  }

  empty(): Locator {
    return this.page.getByTestId('returns-empty');
  }

  newButton(): Locator {
    return this.page.getByTestId('returns-new');
  }

  taskPicker(): Locator {
    return this.page.getByTestId('returns-task');
  }

  /** The task shown (the picker's selected label). */
  async taskShown(): Promise<string> {
    return (
      (await this.taskPicker()
        .locator('.ant-select-content, .ant-select-selection-item')
        .first()
        .textContent()) ?? ''
    );
  }

  async chooseTask(label: string) {
    await this.taskPicker().click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: label })
      .first()
      .click();
    await this.settled();
  }

  // ── the task form ──────────────────────────────────────────────────────────────────────────────────────────
  modal(): Locator {
    return this.page.locator('.return-task-modal .ant-modal');
  }

  field(key: string): Locator {
    return this.modal().locator(`#returnTask_${key}`);
  }

  /** The form item holding a field (the period's two dates share one). */
  item(key: string): Locator {
    return this.modal()
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`#returnTask_${key}`) })
      .last();
  }

  errorAt(key: string): Locator {
    return this.item(key).locator('.ant-form-item-explain-error');
  }

  /** Types a date and leaves the field with Tab (Enter would also submit the form, as a keyboard user expects). */
  async typeDate(key: string, text: string) {
    const input = this.field(key);
    await input.click();
    await input.fill(text);
    await input.press('Tab');
  }

  async preset(label: '上月' | '本月') {
    await this.modal().getByRole('button', { name: label, exact: true }).click();
  }

  /** Picks options of a multiple select by their labels (typed, then Enter), and closes its list. */
  async choose(key: string, labels: string[]) {
    const input = this.field(key);
    for (const label of labels) {
      await input.click();
      await input.fill(label);
      await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
        .filter({ hasText: label })
        .waitFor();
      await input.press('Enter');
    }
    await this.modal().locator('.ant-modal-title').click();
  }

  async submit() {
    await this.modal().locator('.ant-modal-footer .ant-btn-primary').click();
  }

  async submitAndWaitClosed() {
    await this.submit();
    await this.page.locator('.return-task-modal .ant-modal').waitFor({ state: 'detached' });
    await this.settled();
  }

  // ── the status ─────────────────────────────────────────────────────────────────────────────────────────────
  /** Waits until the status of the chosen task is shown and not being reloaded. */
  async settled() {
    await this.page.locator('[data-testid=returns-table]:not([data-loading])').waitFor();
  }

  counts(): Locator {
    return this.page.getByTestId('returns-counts');
  }

  /** The 催报 text as the box holds it. */
  async reminder(): Promise<string> {
    return this.page.getByTestId('returns-reminder').inputValue();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=returns-table] .ant-table-row');
  }

  row(unit: string): Locator {
    return this.page.locator(`[data-testid=returns-table] .ant-table-row[data-row-key="${unit}"]`);
  }

  cell(unit: string, ledger: string): Locator {
    return this.row(unit).getByTestId(`return-cell-${ledger}`);
  }

  async cellState(unit: string, ledger: string): Promise<ReturnState | null> {
    return (await this.cell(unit, ledger).getAttribute('data-state')) as ReturnState | null;
  }

  async unitState(unit: string): Promise<ReturnState | null> {
    return (await this.row(unit).getByTestId('unit-state').getAttribute('data-state')) as ReturnState | null;
  }

  /** The states of every row's 状态 column, by unit id. */
  async unitStates(): Promise<Record<string, string>> {
    return this.rows().evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-row-key') ?? '',
          r.querySelector('[data-testid=unit-state]')?.getAttribute('data-state') ?? '',
        ]),
      ),
    );
  }

  /** Hovers a 已报 tag and returns the tooltip's text (what the import brought). */
  async returnDetails(unit: string, ledger: string): Promise<string> {
    await this.cell(unit, ledger).locator('.ant-tag').hover();
    const tip = this.page.locator(
      '.ant-tooltip:visible .ant-tooltip-container, .ant-tooltip:visible .ant-tooltip-inner',
    );
    await tip.first().waitFor();
    return (await tip.first().textContent()) ?? '';
  }
}
