// 报送情况 end to end on the demo data (today 2026-11-30): a 报送任务 set up through the form (messages at the
// fields), units' returns recorded by importing their sheets ('excel:importCommit' with returnFor), and the screen
// telling 已报 from 未报 (due date ahead) and 逾期 (due date passed), with counts and the 催报 text naming who is
// missing. Screenshots: the empty state, the form, the filled status table, an overdue task.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnFor } from '../../src-main/shared/contract/returns';
import type { LedgerKey } from '../../src-main/shared/ledgers/types';
import type { Settings } from '../../src-main/shared/settings';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { ReturnsScreen } from './pages/ReturnsScreen';

/** A unit's sheet as it comes in: a header row and rows; no 单位 column (the return says whose it is). */
async function sheet(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('报送情况', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let screen: ReturnsScreen;
  let settings: Settings;
  const unitName = (id: string) => settings.units.find((u) => u.id === id)!.name;

  const importReturn = async (ledger: LedgerKey, rows: (string | number)[][], returnFor: ReturnFor) =>
    app.api('excel:importCommit', {
      ledger,
      fileName: `${unitName(returnFor.unit)}-${ledger}.xlsx`,
      dataBase64: await sheet(rows),
      onDuplicate: 'skip',
      returnFor,
    });

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    screen = new ReturnsScreen(app.page);
    await shell.waitReady();
    settings = await app.api('settings:get', {});
  });
  afterAll(async () => app?.close());

  it('is in the menu after 导入 and explains what a 报送任务 is while there is none', async () => {
    const menu = await app.page.getByTestId('nav-menu').getByTestId('nav-item').allTextContents();
    expect(menu.indexOf('报送情况')).toBe(menu.indexOf('导入') + 1);
    await shell.clickMenu('报送情况');
    await screen.root().waitFor();
    await expect
      .poll(() => screen.empty().textContent())
      .toContain('设置各单位本期要报送哪些台账、何时截止，导入各单位报来的表格后，这里显示谁已报、谁未报。');
    await expect.poll(() => screen.newButton().isVisible()).toBe(true);
    await shell.shot('returns-empty');
  });

  it('creates a task through the form, with the messages at the fields', async () => {
    await screen.newButton().click();
    await screen.modal().waitFor();
    // A new task starts from 上月 (the last complete month), named after it, due a week from today.
    expect(await screen.field('name').inputValue()).toBe('2026年10月报送');
    expect(await screen.field('from').inputValue()).toBe('2026-10-01');
    expect(await screen.field('to').inputValue()).toBe('2026-10-31');
    expect(await screen.field('due').inputValue()).toBe('2026-12-07');
    const active = settings.units.filter((u) => u.active).length;
    await expect
      .poll(() => screen.modal().getByTestId('return-task-unit-count').textContent())
      .toBe(`已选 ${active} 个单位`);

    // Nothing chosen to return, no name, and a period that ends before it starts: each said at its field.
    await screen.field('name').fill('');
    await screen.typeDate('to', '2026-09-30');
    await screen.submit();
    await expect.poll(() => screen.errorAt('name').textContent()).toBe('任务名称必须填写');
    await expect.poll(() => screen.errorAt('ledgers').textContent()).toBe('至少选择一个台账');
    await expect.poll(() => screen.errorAt('to').textContent()).toContain('截止日期不能早于起始日期');
    expect((await app.api('returns:tasks', {})).tasks).toEqual([]);

    // 本月 fills the period and, the name being empty, the name made from it.
    await screen.preset('本月');
    expect(await screen.field('from').inputValue()).toBe('2026-11-01');
    expect(await screen.field('to').inputValue()).toBe('2026-11-30');
    expect(await screen.field('name').inputValue()).toBe('2026年11月报送');
    await screen.choose('ledgers', ['会议', '学习活动']);
    await shell.shot('returns-form');
    await screen.submitAndWaitClosed();

    const [task] = (await app.api('returns:tasks', {})).tasks;
    expect(task).toMatchObject({
      name: '2026年11月报送',
      from: '2026-11-01',
      to: '2026-11-30',
      due: '2026-12-07',
      ledgers: ['meetings', 'studies'],
    });
    expect(task.units).toHaveLength(active);
    expect(await screen.taskShown()).toContain('2026年11月报送');
    await expect.poll(() => screen.rows().count()).toBe(active);
    await expect
      .poll(() => screen.counts().textContent())
      .toBe(`共 ${active} 个单位：已报 0 / 未报 ${active} / 逾期 0`);
  });

  it('shows a unit whose sheets were imported as 已报 and the others as 未报, with the 催报 text', async () => {
    const [task] = (await app.api('returns:tasks', {})).tasks;
    const [first, second] = task.units;
    const meetingType = settings.choiceLists.meetingType[1];
    const r = await importReturn(
      'meetings',
      [
        ['会议日期', '会议类型', '会议名称'],
        ['2026-11-05', meetingType, '报送测试推进会'],
        ['2026-11-18', meetingType, '报送测试调度会'],
      ],
      { taskId: task.id, unit: first },
    );
    expect(r).toMatchObject({ created: 2, updated: 0 });
    // Only one of the two ledgers yet: the unit still owes 学习活动.
    await app.page.reload();
    await screen.open();
    await screen.settled();
    expect(await screen.cellState(first, 'meetings')).toBe('reported');
    expect(await screen.cellState(first, 'studies')).toBe('pending');
    expect(await screen.unitState(first)).toBe('pending');

    await importReturn(
      'studies',
      [
        ['学习日期', '学习形式', '学习主题', '参学对象'],
        [
          '2026-11-12',
          settings.choiceLists.studyForm[0],
          '报送测试专题学习',
          settings.choiceLists.studyAudience[0],
        ],
      ],
      { taskId: task.id, unit: first },
    );
    await app.page.reload();
    await screen.open();
    await screen.settled();
    const states = await screen.unitStates();
    expect(states[first]).toBe('reported');
    expect(
      Object.entries(states)
        .filter(([u]) => u !== first)
        .every(([, s]) => s === 'pending'),
    ).toBe(true);
    expect(await screen.cellState(first, 'studies')).toBe('reported');
    expect(await screen.cellState(second, 'meetings')).toBe('pending');
    await expect
      .poll(() => screen.counts().textContent())
      .toBe(`共 ${task.units.length} 个单位：已报 1 / 未报 ${task.units.length - 1} / 逾期 0`);
    // The unit's records of the period now in the ledger, and what the import brought on hover.
    expect(await screen.cell(first, 'meetings').getByTestId('return-records').textContent()).toMatch(
      /^\d+条$/,
    );
    expect(await screen.returnDetails(first, 'meetings')).toContain('新增2 更新0');

    const reminder = await screen.reminder();
    expect(reminder).toContain(`${unitName(second)}（会议、学习活动）`);
    expect(reminder).not.toContain(unitName(first));
    expect(reminder).toContain('请于12月7日前报送');
    await app.page.mouse.move(0, 0);
    await shell.shot('returns-status');
  });

  it('copies the 催报 text', async () => {
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.page.getByTestId('returns-copy').click();
    await expect.poll(() => shell.messages().last().textContent()).toContain('已复制');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await screen.reminder());
  });

  it('shows units that missed a past due date as 逾期, and the task can be changed and removed', async () => {
    const units = settings.units.slice(0, 3).map((u) => u.id);
    const { task } = await app.api('returns:saveTask', {
      name: '2026年10月报送',
      from: '2026-10-01',
      to: '2026-10-31',
      due: '2026-11-10',
      ledgers: ['meetings'],
      units,
    });
    await importReturn(
      'meetings',
      [
        ['会议日期', '会议类型', '会议名称'],
        ['2026-10-20', settings.choiceLists.meetingType[0], '十月报送测试会议'],
      ],
      { taskId: task.id, unit: units[1] },
    );
    await app.page.reload();
    await screen.open();
    await screen.settled();
    // The newest period comes first in the picker; the October task is chosen from it.
    await screen.chooseTask('2026年10月报送');
    expect(await screen.taskShown()).toContain('2026年10月报送');
    expect(await screen.unitStates()).toEqual({
      [units[0]]: 'overdue',
      [units[1]]: 'reported',
      [units[2]]: 'overdue',
    });
    expect(await screen.cellState(units[0], 'meetings')).toBe('overdue');
    await expect.poll(() => screen.counts().textContent()).toBe('共 3 个单位：已报 1 / 未报 0 / 逾期 2');
    const reminder = await screen.reminder();
    expect(reminder).toContain(unitName(units[0]));
    expect(reminder).toContain(unitName(units[2]));
    expect(reminder).not.toContain(unitName(units[1]));
    expect(reminder).toContain('已超过报送截止时间（11月10日）');
    await shell.shot('returns-overdue');

    // 修改: the due date cannot come before the period's end (said at the field), then a new name is kept.
    await app.page.getByTestId('returns-edit').click();
    await screen.modal().waitFor();
    await screen.typeDate('due', '2026-10-15');
    await screen.submit();
    await expect
      .poll(() => screen.errorAt('due').textContent())
      .toBe('报送截止日期不能早于所报期间的截止日期');
    await screen.typeDate('due', '2026-11-10');
    await screen.field('name').fill('十月份台账报送');
    await screen.submitAndWaitClosed();
    await expect.poll(() => screen.taskShown()).toContain('十月份台账报送');
    expect((await app.api('returns:tasks', {})).tasks.map((t) => t.name)).toEqual([
      '2026年11月报送',
      '十月份台账报送',
    ]);

    // 删除 asks first; cancelling keeps it, confirming removes it and shows the remaining task.
    await app.page.getByTestId('returns-remove').click();
    const confirm = app.page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await app.api('returns:tasks', {})).tasks).toHaveLength(2);
    await app.page.getByTestId('returns-remove').click();
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect
      .poll(async () => (await app.api('returns:tasks', {})).tasks.map((t) => t.name))
      .toEqual(['2026年11月报送']);
    await expect.poll(() => screen.taskShown()).toContain('2026年11月报送');
    await screen.settled();
    expect(app.errors).toEqual([]);
  });
});
