// What the 操作日志 records through the services: every change with who and which door, confidential values masked,
// updates as diffs; the admin-only search and check channels.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src-main/shared/contract/auth';
import type { CallContext } from '../../../src-main/shared/context';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Harness } from '../auth/harness';
import { CLUE_PEOPLE, openHarness, sampleClue, sampleMeeting, setupAdmin } from '../auth/harness';

let h: Harness;
let admin: CallContext;
beforeEach(async () => {
  h = await openHarness();
  ({ admin } = await setupAdmin(h));
});
afterEach(async () => h.close());

type Page = { rows: AuditRow[]; total: number };

describe('the audit trail', () => {
  it('logs clue changes with who, door and what changed, never the names', async () => {
    const clue = await h.ok<LedgerRecord>('ledgers:create', { ledger: 'clues', record: sampleClue() }, admin);
    await h.ok(
      'ledgers:update',
      { ledger: 'clues', id: clue.id, record: { ...sampleClue(), personName: '上官新名', status: '处置中' } },
      admin,
    );
    await h.ok('ledgers:remove', { ledger: 'clues', id: clue.id }, admin);
    const text = readFileSync(`${h.dir}/audit/audit.log`, 'utf8');
    for (const name of [...Object.values(CLUE_PEOPLE), '上官新名']) expect(text).not.toContain(name);

    const { rows } = await h.ok<Page>('audit:list', { text: clue.id }, admin);
    expect(rows.map((r) => r.action)).toEqual(['删除', '修改', '新增']);
    const [, update, create] = rows;
    expect(create).toMatchObject({
      user: 'admin',
      door: 'http',
      target: 'clues',
      targetLabel: '问题线索',
      recordId: clue.id,
    });
    expect(create.after).toMatchObject({
      personName: '***',
      reporter: '***',
      summary: '***',
      personPost: '***',
      source: '信访举报',
      status: '待处置',
    });
    expect(update.before).toEqual({ personName: '***', status: '待处置' });
    expect(update.after).toEqual({ personName: '***', status: '处置中' });
    expect(update.detail).toBe('修改：被反映人、办理状态');
  });

  it('logs an ordinary ledger update as a diff of the changed fields', async () => {
    const m = await h.ok<LedgerRecord>(
      'ledgers:create',
      { ledger: 'meetings', record: sampleMeeting() },
      admin,
    );
    await h.ok(
      'ledgers:update',
      { ledger: 'meetings', id: m.id, record: sampleMeeting({ present: 9 }) },
      admin,
    );
    const [row] = (await h.ok<Page>('audit:list', { action: '修改' }, admin)).rows;
    expect(row).toMatchObject({ before: { present: 8 }, after: { present: 9 }, detail: '修改：实到人数' });
  });

  it('logs user management and settings without any password or hash', async () => {
    await h.ok(
      'users:create',
      { username: 'm1', displayName: '组员', role: 'member', groups: ['drafting'], password: 'Member#2026' },
      admin,
    );
    await h.ok(
      'settings:update',
      { settings: { ...h.store.get<object>('settings'), lockMinutes: 30 } },
      admin,
    );
    const text = readFileSync(`${h.dir}/audit/audit.log`, 'utf8');
    expect(text).not.toMatch(/Member#2026|scrypt|"salt"/);
    const { rows } = await h.ok<Page>('audit:list', {}, admin);
    expect(rows.slice(0, 2).map((r) => [r.action, r.targetLabel])).toEqual([
      ['修改设置', '设置'],
      ['新增用户', '账户'],
    ]);
    expect(rows[0]).toMatchObject({ before: { lockMinutes: 15 }, after: { lockMinutes: 30 } });
  });

  it('searches by action, user, text and day, pages, and is for the administrator only', async () => {
    for (let i = 0; i < 5; i++)
      await h.ok(
        'ledgers:create',
        { ledger: 'meetings', record: sampleMeeting({ title: `会议${i}` }) },
        admin,
      );
    const page = await h.ok<Page & { page: number }>(
      'audit:list',
      { action: '新增', page: 2, pageSize: 2 },
      admin,
    );
    expect(page).toMatchObject({ total: 5, page: 2 });
    expect(page.rows).toHaveLength(2);
    expect((await h.ok<Page>('audit:list', { text: '会议3' }, admin)).total).toBe(1);
    expect(
      (await h.ok<Page>('audit:list', { user: 'ADM', from: '2026-04-20', to: '2026-04-20' }, admin)).total,
    ).toBeGreaterThan(5);
    expect((await h.ok<Page>('audit:list', { from: '2026-04-21' }, admin)).total).toBe(0);
    await h.ok(
      'users:create',
      { username: 'm1', displayName: '组员', role: 'member', groups: ['drafting'], password: 'Member#2026' },
      admin,
    );
    const m = await h.signInReady('m1', 'Member#2026');
    for (const ch of ['audit:list', 'audit:verify']) {
      const r = await h.call(ch, {}, m);
      expect(!r.ok && r.error).toMatchObject({ code: 'forbidden', message: '只有管理员可以进行此操作' });
    }
    expect(await h.ok('audit:verify', {}, admin)).toMatchObject({ ok: true, problems: [] });
  });
});
