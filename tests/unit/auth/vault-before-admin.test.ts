// Before the administrator exists there is no key, so no door may store a clue: the router, the Excel import, the
// CLI import and a restored backup all refuse with 'needs_admin', and no byte of the data directory (backups,
// logs and the 操作日志 included) names anyone. Statistics count from the projections before and after; only
// 'demo:load' makes a store whose (fake) clues may be viewed, and even there none can be written.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLedger } from '../../../src-main/excel';
import { ledgerDef } from '../../../src-main/shared/ledgers';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { makeTempDir } from '../../helpers/temp-dir';
import { enableAccounts, openTestApp, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { CLUE_PEOPLE, sampleClue } from './harness';
import { cli, filesNaming } from './vault-scan';

const NAMES = [CLUE_PEOPLE.reporter, CLUE_PEOPLE.person, CLUE_PEOPLE.post];
const ALL_TIME = { from: '2025-01-01', to: '2026-12-31' };

let tmp: ReturnType<typeof makeTempDir>;
let outside: ReturnType<typeof makeTempDir>;
let t: TestApp | null;
const app = () => t!;

beforeEach(async () => {
  tmp = makeTempDir('vault-before-');
  outside = makeTempDir('vault-outside-');
  t = await openTestApp({ dir: tmp.dir });
  await setUpOffice(app());
});
afterEach(async () => {
  await t?.close();
  tmp.remove();
  outside.remove();
});

const fullClue = (over: Record<string, unknown> = {}) =>
  ({
    ...sampleClue(over),
    id: 'c-outside-1',
    createdBy: '甲',
    createdAt: '2026-04-19T02:00:00.000Z',
    updatedBy: '甲',
    updatedAt: '2026-04-19T02:00:00.000Z',
    rev: 1,
  }) as LedgerRecord;

async function clueValues() {
  const { indicators } = await app().ok('stats:compute', ALL_TIME);
  return Object.fromEntries(
    indicators.filter((i) => /线索|形态|处分|立案/.test(i.name)).map((i) => [i.name, i.cumulative]),
  );
}

describe('before the administrator exists', () => {
  it('refuses a clue through the router, the Excel import, a restore and the CLI, and no byte names anyone', async () => {
    const backup = await app().ok('store:backup', {});

    const created = await app().call('ledgers:create', { ledger: 'clues', record: sampleClue() });
    expect(created.ok).toBe(false);
    if (!created.ok) {
      expect(created.error.code).toBe('needs_admin');
      expect(created.error.message).toMatch(/必须加密保存：请先设置管理员/);
    }
    const listed = await app().call('ledgers:list', { ledger: 'clues' });
    expect(!listed.ok && listed.error.code).toBe('needs_admin');
    const exported = await app().call('excel:export', { ledger: 'clues' });
    expect(!exported.ok && exported.error.code).toBe('needs_admin');

    // The Excel import, with a sheet holding the names (made outside the data directory).
    const xlsx = await exportLedger(
      ledgerDef('clues'),
      [fullClue({ clueNo: 'XS-2026-009' })],
      await app().ok('settings:get', {}),
      { includeConfidential: true },
    );
    const sheet = path.join(outside.dir, '问题线索.xlsx');
    writeFileSync(sheet, xlsx);
    const importArgs = {
      ledger: 'clues' as const,
      fileName: '问题线索.xlsx',
      dataBase64: xlsx.toString('base64'),
      onDuplicate: 'skip' as const,
    };
    for (const channel of ['excel:importPreview', 'excel:importCommit'] as const) {
      const r = await app().call(channel, importArgs);
      expect(!r.ok && r.error.code, channel).toBe('needs_admin');
    }

    // A backup that holds clues in clear (one from an older version, say) is not restored into the directory.
    const bundle = JSON.parse(readFileSync(backup.file, 'utf8')) as {
      collections: Record<string, unknown>;
    };
    bundle.collections['ledger-clues'] = [fullClue()];
    const plainBackup = path.join(outside.dir, 'backup-plain.json');
    writeFileSync(plainBackup, JSON.stringify(bundle));
    const restored = await app().call('store:restore', { file: plainBackup });
    expect(!restored.ok && restored.error.code).toBe('needs_admin');

    // Statistics still answer (nothing to count), and the other ledgers work as before.
    expect((await clueValues())['受理线索数']).toBe(0);
    await app().close();
    t = null;

    const viaCli = cli(tmp.dir, ['import', 'clues', sheet]);
    expect(viaCli.code).not.toBe(0);
    expect(viaCli.err).toMatch(/问题线索记载真实人员的姓名，必须加密保存：请先设置管理员/);

    expect(filesNaming(tmp.dir, NAMES)).toEqual([]);

    // Once the administrator exists, the clue is stored, and encrypted.
    t = await openTestApp({ dir: tmp.dir });
    await enableAccounts(app());
    const clue = await app().ok('ledgers:create', { ledger: 'clues', record: sampleClue() });
    await app().ok('excel:importCommit', importArgs);
    const { records } = await app().ok('ledgers:list', { ledger: 'clues' });
    expect(records.map((r) => r.personName)).toEqual([CLUE_PEOPLE.person, CLUE_PEOPLE.person]);
    expect(records[0].id).toBe(clue.id);
    await app().ok('store:backup', {});
    await app().close();
    t = null;
    expect(filesNaming(tmp.dir, NAMES)).toEqual([]);
  });
});

describe('statistics', () => {
  it('count the demo clues from their projections before accounts, and give the same numbers after', async () => {
    await app().ok('demo:load', { replace: true });
    const before = await clueValues();
    expect(before['受理线索数']).toBeGreaterThan(10);
    expect(before['处分人数']).toBeGreaterThan(0);
    // What statistics receive names nobody, even in a demo store.
    const counted = app().app.security.countingRecords('clues');
    expect(counted.every((r) => r.personName === undefined && r.reporter === undefined)).toBe(true);

    await enableAccounts(app()); // the demo's clues are sealed now
    expect(await clueValues()).toEqual(before);
    await app().ok('users:create', {
      username: 'lingdao',
      displayName: '分管领导',
      role: 'readonly',
      groups: [],
      password: 'Lingdao#2026',
    });
    await app().ok('auth:signOut', {});
    expect(app().app.security.cluesUnlocked()).toBe(false);
    const r = await app().call('auth:signIn', { username: 'lingdao', password: 'Lingdao#2026' });
    if (!r.ok) throw new Error(r.error.message);
    app().as(app().app.security.sessions.contextFor('internal', r.data.sessionId, 'x'));
    // A password the administrator chose is changed first.
    await app().ok('auth:changePassword', { oldPassword: 'Lingdao#2026', newPassword: 'Lingdao#2026-mine' });
    expect(await clueValues()).toEqual(before);
  });
});

describe('a demo store', () => {
  it('shows its fake clues but stores none, and only its own backup brings clear clues into a store', async () => {
    await app().ok('demo:load', { replace: true });
    const { records } = await app().ok('ledgers:list', { ledger: 'clues' });
    expect(records.length).toBeGreaterThan(10);
    expect(records.every((r) => typeof r.personName === 'string')).toBe(true);
    // A valid record for the demo's own units: refused for what it is, not for a typo.
    const { id: _id, rev: _rev, ...valid } = records[0];
    const created = await app().call('ledgers:create', {
      ledger: 'clues',
      record: { ...valid, clueNo: 'XS-NEW', personName: CLUE_PEOPLE.person },
    });
    expect(!created.ok && created.error).toMatchObject({
      code: 'needs_admin',
      message: expect.stringMatching(/演示数据中的问题线索只供查看/) as string,
    });
    const { id, rev } = records[0];
    const updated = await app().call('ledgers:update', {
      ledger: 'clues',
      id,
      rev,
      record: { ...records[0], personName: CLUE_PEOPLE.person },
    });
    expect(!updated.ok && updated.error.code).toBe('needs_admin');
    expect((await app().ok('excel:export', { ledger: 'clues' })).fileName).toMatch(/问题线索/);
    const demoBackup = await app().ok('store:backup', {});

    // Its backup restores into another store without accounts, which then is a demo store too (read-only clues).
    const other = makeTempDir('vault-other-');
    const o = await openTestApp({ dir: other.dir });
    try {
      await o.ok('store:restore', { file: demoBackup.file });
      expect((await o.ok('ledgers:list', { ledger: 'clues' })).records.length).toBe(records.length);
      expect((await o.call('ledgers:create', { ledger: 'clues', record: sampleClue() })).ok).toBe(false);
    } finally {
      await o.close();
      other.remove();
    }
    expect(filesNaming(tmp.dir, NAMES)).toEqual([]);
  });

  it('is not made of a store holding clues of its own: demo:load refuses to mix them in', async () => {
    // Clues in clear from an older version of the app.
    await app().app.store.update<LedgerRecord[]>('ledger-clues', () => [fullClue()]);
    const mixed = await app().call('demo:load', { replace: false });
    expect(!mixed.ok && mixed.error.message).toMatch(/不能与演示数据混在一起/);
    const listed = await app().call('ledgers:list', { ledger: 'clues' });
    expect(!listed.ok && listed.error.code).toBe('needs_admin');
    // Setting up the administrator seals them, as always.
    await enableAccounts(app());
    expect((await app().ok('ledgers:list', { ledger: 'clues' })).records[0].personName).toBe(
      CLUE_PEOPLE.person,
    );
    expect(JSON.stringify(app().app.store.get('ledger-clues'))).not.toContain(CLUE_PEOPLE.person);
  });
});
