// Encryption at rest of the clues ledger: no clue name in any byte of a copied data directory (old backups and
// quarantined files included), statistics while locked, writes refused while locked, stray plain copies sealed.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src-main/shared/context';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { makeTempDir } from '../../helpers/temp-dir';
import type { Harness } from './harness';
import { ADMIN_PASSWORD, CLUE_PEOPLE, openHarness, sampleClue, seedClearClues, setupAdmin } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => h.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every file of a copy of the data directory whose raw bytes contain one of the names (UTF-8 or JSON-escaped). */
function filesNaming(dir: string, names: string[]): string[] {
  const needles = names.flatMap((n) => [
    Buffer.from(n, 'utf8'),
    Buffer.from(
      JSON.stringify(n)
        .slice(1, -1)
        .replace(/[\u4e00-\u9fa5]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    ),
  ]);
  return filesUnder(dir).filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

const NAMES = [CLUE_PEOPLE.reporter, CLUE_PEOPLE.person, CLUE_PEOPLE.post];

describe('a copied data directory', () => {
  it('holds no clue name in any file, old backups and quarantined copies included, and the backups still restore', async () => {
    // Clues in clear from an older version (no door writes one before accounts now), a backup and a quarantined
    // file from those days: all hold the names in clear.
    await seedClearClues(h, [sampleClue()]);
    const oldBackup = await h.store.backup('启用账户前');
    mkdirSync(path.join(h.dir, 'quarantine'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'quarantine', 'ledger-clues.20260419-101010-000.json'),
      JSON.stringify(h.store.get('ledger-clues')),
    );
    const before = makeTempDir();
    cpSync(h.dir, before.dir, { recursive: true });
    expect(filesNaming(before.dir, NAMES).length).toBeGreaterThan(0); // the scan does find names when they are there
    before.remove();

    const { admin } = await setupAdmin(h);
    const created = await h.ok<LedgerRecord>(
      'ledgers:create',
      {
        ledger: 'clues',
        record: sampleClue({ clueNo: 'XS-2026-002', summary: `又反映${CLUE_PEOPLE.person}` }),
      },
      admin,
    );
    await h.ok(
      'ledgers:update',
      {
        ledger: 'clues',
        id: created.id,
        record: {
          ...sampleClue({ clueNo: 'XS-2026-002' }),
          disposition: '谈话函询',
          dispositionDate: '2026-04-10',
          status: '处置中',
        },
      },
      admin,
    );
    await h.ok('ledgers:remove', { ledger: 'clues', id: created.id }, admin);
    await h.store.backup('启用账户后');

    const copy = makeTempDir();
    cpSync(h.dir, copy.dir, { recursive: true });
    expect(filesNaming(copy.dir, NAMES)).toEqual([]);
    expect(filesUnder(copy.dir).some((f) => f.endsWith('.sealed'))).toBe(true);
    copy.remove();

    // The rewritten pre-account backup still restores, with accounts, and opens with today's password.
    await h.security.guardRestore(oldBackup);
    await h.store.restore(oldBackup);
    h.security.afterRestore();
    expect(h.security.accountsEnabled()).toBe(true);
    const again = await h.signIn('admin', ADMIN_PASSWORD);
    const { records } = await h.ok<{ records: LedgerRecord[] }>('ledgers:list', { ledger: 'clues' }, again);
    expect(records.map((r) => r.reporter)).toEqual([CLUE_PEOPLE.reporter]);
  });
});

describe('while the vault is locked', () => {
  let admin: CallContext;
  beforeEach(async () => {
    ({ admin } = await setupAdmin(h));
    const closed = {
      disposition: '谈话函询',
      dispositionDate: '2026-04-05',
      outcome: '党纪处分',
      sanction: '警告',
      closedDate: '2026-04-12',
      status: '已办结',
      caseFiled: true,
    };
    await h.ok('ledgers:create', { ledger: 'clues', record: sampleClue({ clueNo: 'A1', ...closed }) }, admin);
    await h.ok('ledgers:create', { ledger: 'clues', record: sampleClue({ clueNo: 'A2', ...closed }) }, admin); // same person
    await h.ok(
      'ledgers:create',
      { ledger: 'clues', record: sampleClue({ clueNo: 'A3', personName: '另一人', ...closed }) },
      admin,
    );
  });

  it('counts from the clear projection, which names nobody but still tells people apart', async () => {
    const unlocked = h.sc.allLiveRecords().clues;
    const countingWhileUnlocked = h.security.countingRecords('clues');
    await h.ok('auth:signOut', {}, admin);
    expect(h.security.cluesUnlocked()).toBe(false);
    const locked = h.sc.allLiveRecords().clues;
    expect(locked).toHaveLength(3);
    expect(JSON.stringify(locked)).not.toMatch(/司马|另一人|欧阳|城关街道副主任/);
    for (const k of [
      'source',
      'disposition',
      'dispositionDate',
      'outcome',
      'sanction',
      'caseFiled',
      'closedDate',
      'status',
      'unit',
      'group',
      'date',
    ]) {
      expect(locked.map((r) => r[k])).toEqual(unlocked.map((r) => r[k]));
    }
    // 处分人数 counts people, not clues: the same person gets the same pseudonym, so the count agrees.
    const people = (rs: LedgerRecord[], key: (r: LedgerRecord) => unknown) => new Set(rs.map(key)).size;
    expect(people(locked, (r) => r.personKey)).toBe(2);
    expect(people(unlocked, (r) => `${String(r.personName)}\u0000${String(r.personUnit)}`)).toBe(2);
    expect(locked[0].personKey).toBe(locked[1].personKey);
    // countingRecords gives statistics the same projections whether or not anyone is signed in.
    expect(countingWhileUnlocked).toEqual(locked);
    // Records handed out carry no pseudonym: the record schema is strict and an edit form sends them back.
    expect(unlocked.every((r) => !('personKey' in r))).toBe(true);
  });

  it('refuses to write clues, and a member signing in does not unlock them', async () => {
    await h.ok(
      'users:create',
      { username: 'm1', displayName: '组员', role: 'member', groups: ['drafting'], password: 'Member#2026' },
      admin,
    );
    await h.ok('auth:signOut', {}, admin);
    await h.signIn('m1', 'Member#2026');
    expect(h.security.cluesUnlocked()).toBe(false);
    await expect(h.sc.repo.write('clues', (rs) => rs)).rejects.toThrow(/加密锁定/);
  });

  it('stays unlocked while any clue-authorized session lives, and locks when the last one ends', async () => {
    await h.ok(
      'users:create',
      { username: 'c1', displayName: '线索组', role: 'clue', groups: ['clues'], password: 'Clue#2026x' },
      admin,
    );
    const c = await h.signIn('c1', 'Clue#2026x');
    await h.ok('auth:signOut', {}, admin);
    expect(h.security.cluesUnlocked()).toBe(true);
    await h.ok('auth:signOut', {}, c);
    expect(h.security.cluesUnlocked()).toBe(false);
  });

  it('never hands out a plain copy written around the vault, and seals it at the next authorized sign-in', async () => {
    await h.ok('auth:signOut', {}, admin);
    // What demo:load or a raw store write would do: a full record straight into the clear collection.
    const stray = {
      ...sampleClue({ clueNo: 'S1' }),
      id: 'stray-1',
      createdBy: 'x',
      createdAt: 'x',
      updatedBy: 'x',
      updatedAt: 'x',
      rev: 1,
    };
    await h.store.update<LedgerRecord[]>('ledger-clues', (rs) => [...rs, stray]);
    expect(JSON.stringify(h.sc.repo.all('clues'))).not.toContain(CLUE_PEOPLE.person);
    const back = await h.signIn('admin', ADMIN_PASSWORD);
    expect(JSON.stringify(h.store.get('ledger-clues'))).not.toContain(CLUE_PEOPLE.person);
    const { records } = await h.ok<{ records: LedgerRecord[] }>('ledgers:list', { ledger: 'clues' }, back);
    expect(records.find((r) => r.id === 'stray-1')?.personName).toBe(CLUE_PEOPLE.person);
  });

  it('moves a tampered bucket no backup holds to quarantine at unlock, names its records, and saves again', async () => {
    // One flipped character in the sealed bucket: GCM refuses the whole bucket, and no backup holds it.
    await h.store.update<{ id: string; data: string }[]>('vault-clues', (es) =>
      es.map((e, i) => (i === 0 ? { ...e, data: `${e.data[0] === 'A' ? 'B' : 'A'}${e.data.slice(1)}` } : e)),
    );
    h.security.afterRestore(); // forget cached plaintext, as after any outside change
    const back = await h.signIn('admin', ADMIN_PASSWORD);
    const notice = h.security
      .notices()
      .map((n) => n.message)
      .join('\n');
    expect(notice).toMatch(/无法解密，备份中也没有完好的副本；损坏的数据已移至隔离区/);
    expect(notice).toMatch(/A1、A2、A3 的加密内容（姓名、摘要等）没有可用的备份/);
    expect(readdirSync(path.join(h.dir, 'quarantine')).some((n) => n.startsWith('vault-clues.'))).toBe(true);
    const { records } = await h.ok<{ records: LedgerRecord[] }>('ledgers:list', { ledger: 'clues' }, back);
    // The lost records keep their counting fields and their 线索编号; the names are gone and say so.
    expect(records.map((r) => r.clueNo)).toEqual(['A1', 'A2', 'A3']);
    expect(records.every((r) => r.personName === undefined && r.outcome === '党纪处分')).toBe(true);
    await h.ok('ledgers:create', { ledger: 'clues', record: sampleClue({ clueNo: 'A4' }) }, back);
    expect(await h.security.verifyVault()).toEqual([]);
  });
});

describe('sealed buckets', () => {
  it('re-seals only the bucket an edit touches, keeps order, and survives purge and reopening', async () => {
    const { admin } = await setupAdmin(h);
    const at = '2026-04-20T02:00:00.000Z';
    const many = Array.from({ length: 250 }, (_, i) => ({
      ...sampleClue({ clueNo: `B${i}`, personName: `批量${i}` }),
      id: `id-${i}`,
      createdBy: '甲',
      createdAt: at,
      updatedBy: '甲',
      updatedAt: at,
      rev: 1,
    })) as LedgerRecord[];
    await h.sc.repo.write('clues', () => many);
    const before = h.store.get<{ id: string; iv: string }[]>('vault-clues');
    expect(before).toHaveLength(3);
    await h.ok(
      'ledgers:update',
      { ledger: 'clues', id: 'id-120', record: sampleClue({ clueNo: 'B120', status: '处置中' }) },
      admin,
    );
    const after = h.store.get<{ id: string; iv: string }[]>('vault-clues');
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    expect(after.map((b, i) => b.iv === before[i].iv)).toEqual([true, false, true]);
    await h.ok('ledgers:remove', { ledger: 'clues', id: 'id-3' }, admin);
    await h.ok('ledgers:purge', { ledger: 'clues', id: 'id-3' }, admin);
    const created = await h.ok<LedgerRecord>(
      'ledgers:create',
      { ledger: 'clues', record: sampleClue({ clueNo: 'NEW' }) },
      admin,
    );
    const ids = h.sc.repo.all('clues').map((r) => r.id);
    expect(ids).toHaveLength(250);
    expect(ids.slice(0, 4)).toEqual(['id-0', 'id-1', 'id-2', 'id-4']);
    expect(ids[ids.length - 1]).toBe(created.id);
    expect(h.store.get<LedgerRecord[]>('ledger-clues').map((r) => r.id)).toEqual(ids);
    // After a lock and a fresh unlock everything decrypts to the same records.
    const snapshot = JSON.stringify(h.sc.repo.all('clues'));
    h.security.afterRestore();
    await h.signIn('admin', ADMIN_PASSWORD);
    expect(JSON.stringify(h.sc.repo.all('clues'))).toBe(snapshot);
    expect(h.sc.repo.all('clues').find((r) => r.id === 'id-120')?.status).toBe('处置中');
  });
});
