// Units that run the app themselves, between two real data directories: the office issues a 单位配置包, the unit
// is set up from it and writes a signed 报送包, the office checks and merges it by record id and revision.
// Replays change nothing; tampered, unknown-unit and newer-version packages are refused; conflicts are listed and
// settled only by an explicit choice; the CLI does the same with exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerCollection } from '../../../src-main/services/ledger-service';
import { openReturn, writeReturn } from '../../../src-main/services/exchange/package-format';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { makeTempDir } from '../../helpers/temp-dir';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let office: TestApp;
let unit: TestApp;
let config: string;

beforeEach(async () => {
  office = await openTestApp();
  await setUpOffice(office);
  // An option of the office's own: the unit must be able to use it, and the office to accept it back.
  const s = await office.ok('settings:get', {});
  await office.ok('settings:update', {
    settings: {
      ...s,
      choiceLists: { ...s.choiceLists, meetingType: [...s.choiceLists.meetingType, '片区联席会'] },
    },
  });
  unit = await openTestApp();
  config = (await office.ok('exchange:issueConfig', { unit: 'u-town1' })).dataBase64;
  await unit.ok('exchange:setupUnit', { dataBase64: config });
});
afterEach(async () => {
  await office.close();
  await unit.close();
});

const meetingsOf = (t: TestApp) =>
  t.app.store.get<LedgerRecord[]>(ledgerCollection('meetings')).filter((r) => !r.deletedAt);
const meeting = (over: Record<string, unknown> = {}) =>
  sampleMeeting({ unit: 'u-town1', date: '2026-04-08', title: '街道教育整顿推进会', ...over });
const submit = async () =>
  (await unit.ok('exchange:submit', { from: '2026-04-01', to: '2026-04-30' })).dataBase64;

describe('data packages', () => {
  it('sets the unit up, and merges its package once: a replay changes nothing', async () => {
    expect(await unit.ok('exchange:identity', {})).toMatchObject({
      role: 'unit',
      unit: { id: 'u-town1', name: '城关街道纪工委' },
      office: '江城区纪委监委',
    });
    await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
    await unit.ok('ledgers:create', {
      ledger: 'meetings',
      record: meeting({ title: '专题学习会', date: '2026-04-15' }),
    });
    await unit.ok('ledgers:create', {
      ledger: 'meetings',
      record: meeting({ title: '五月的会', date: '2026-05-02' }),
    });
    const pkg = await submit();

    const dry = await office.ok('exchange:receive', { dataBase64: pkg, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      added: 2,
      changed: 0,
      removed: 0,
      unchanged: 0,
      conflicts: [],
    });
    expect(meetingsOf(office)).toEqual([]);

    const done = await office.ok('exchange:receive', { dataBase64: pkg });
    expect(done).toMatchObject({ dryRun: false, added: 2, unit: { id: 'u-town1' }, from: '2026-04-01' });
    const merged = meetingsOf(office);
    expect(merged.map((r) => [r.title, r.unit, r.rev])).toEqual([
      ['街道教育整顿推进会', 'u-town1', 1],
      ['专题学习会', 'u-town1', 1],
    ]);
    expect(merged.map((r) => r.id).sort()).toEqual(
      meetingsOf(unit)
        .filter((r) => r.date <= '2026-04-30')
        .map((r) => r.id)
        .sort(),
    );
    const backups = await office.app.store.listBackups();
    expect(backups.some((b) => b.reason === '合并报送包前自动备份（城关街道纪工委）')).toBe(true);

    // Packages received one after another share the backup taken before the first (a month may bring 200).
    await unit.ok('ledgers:create', {
      ledger: 'meetings',
      record: meeting({ title: '补报的会', date: '2026-04-20' }),
    });
    expect(await office.ok('exchange:receive', { dataBase64: await submit() })).toMatchObject({ added: 1 });
    const merges = (await office.app.store.listBackups()).filter((b) => b.reason.startsWith('合并报送包前'));
    expect(merges).toHaveLength(1);
    const before = office.app.store.get<LedgerRecord[]>(ledgerCollection('meetings'));
    expect(await office.ok('exchange:receive', { dataBase64: pkg })).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 2,
    });
    expect(office.app.store.get<LedgerRecord[]>(ledgerCollection('meetings'))).toEqual(before);
  });

  it('sets a fresh unit up with the office’s campaign, so its records pass the office’s checks as they are', async () => {
    const s = await unit.ok('settings:get', {});
    expect(s).toMatchObject({
      setupDone: true,
      commissionName: '城关街道纪工委',
      campaignStart: '2026-03-01',
    });
    expect(s.choiceLists.meetingType).toContain('片区联席会');
    expect(s.units.map((u) => u.id)).toContain('u-town1');
    await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting({ type: '片区联席会' }) });
    expect(await office.ok('exchange:receive', { dataBase64: await submit() })).toMatchObject({ added: 1 });
    expect(meetingsOf(office)[0].type).toBe('片区联席会');
  });

  it('takes the unit’s later edits and deletions, and keeps the office’s own edits', async () => {
    const a = await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
    const b = await unit.ok('ledgers:create', {
      ledger: 'meetings',
      record: meeting({ title: '会二', date: '2026-04-09' }),
    });
    const c = await unit.ok('ledgers:create', {
      ledger: 'meetings',
      record: meeting({ title: '会三', date: '2026-04-10' }),
    });
    await office.ok('exchange:receive', { dataBase64: await submit() });
    // The unit corrects one and deletes another; the office corrects a third.
    await unit.ok('ledgers:update', {
      ledger: 'meetings',
      id: a.id,
      rev: 1,
      record: meeting({ place: '三楼' }),
    });
    await unit.ok('ledgers:remove', { ledger: 'meetings', id: b.id });
    await office.ok('ledgers:update', {
      ledger: 'meetings',
      id: c.id,
      rev: 1,
      record: meeting({ title: '会三（办公室改）', date: '2026-04-10' }),
    });
    const r = await office.ok('exchange:receive', { dataBase64: await submit() });
    expect(r).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: 1, conflicts: [] });
    expect(meetingsOf(office).map((x) => [x.title, x.place ?? null])).toEqual([
      ['街道教育整顿推进会', '三楼'],
      ['会三（办公室改）', null],
    ]);
  });

  it('lists a record changed on both sides and merges nothing until a side is chosen', async () => {
    const a = await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
    await office.ok('exchange:receive', { dataBase64: await submit() });
    await unit.ok('ledgers:update', {
      ledger: 'meetings',
      id: a.id,
      rev: 1,
      record: meeting({ place: '单位改' }),
    });
    await office.ok('ledgers:update', {
      ledger: 'meetings',
      id: a.id,
      rev: 1,
      record: meeting({ place: '办公室改' }),
    });
    const pkg = await submit();
    const refused = await office.call('exchange:receive', { dataBase64: pkg });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'conflict' });
    expect(!refused.ok && refused.error.message).toContain(
      '有 1 条记录在本机和“城关街道纪工委”都改过，没有合并任何记录。请选择以哪一方为准后重新接收：会议“街道教育整顿推进会”（2026-04-08）',
    );
    expect(meetingsOf(office)[0].place).toBe('办公室改');

    const kept = await office.ok('exchange:receive', { dataBase64: pkg, conflicts: 'office' });
    expect(kept.conflicts).toHaveLength(1);
    expect(meetingsOf(office)[0].place).toBe('办公室改');
    // Settled: the same package again is no conflict, and the unit's next edit is taken.
    expect(await office.ok('exchange:receive', { dataBase64: pkg })).toMatchObject({
      conflicts: [],
      unchanged: 1,
    });
    await unit.ok('ledgers:update', {
      ledger: 'meetings',
      id: a.id,
      rev: 2,
      record: meeting({ place: '单位再改' }),
    });
    expect(await office.ok('exchange:receive', { dataBase64: await submit() })).toMatchObject({ changed: 1 });
    expect(meetingsOf(office)[0].place).toBe('单位再改');
  });

  it('refuses a tampered package, one from a unit it never configured, and one from a newer version', async () => {
    await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
    const pkg = Buffer.from(await submit(), 'base64');

    const file = JSON.parse(pkg.toString('utf8')) as { body: string };
    file.body = file.body.replace('街道教育整顿推进会', '篡改后的会议');
    const tampered = await office.call('exchange:receive', {
      dataBase64: Buffer.from(JSON.stringify(file)).toString('base64'),
    });
    expect(!tampered.ok && tampered.error.message).toBe(
      '“城关街道纪工委”的报送包签名不符：文件在生成后被改动过，不能接收。',
    );

    // A new configuration replaces the key: packages signed with the old one are no longer accepted.
    await office.ok('exchange:issueConfig', { unit: 'u-town1' });
    const stale = await office.call('exchange:receive', { dataBase64: pkg.toString('base64') });
    expect(!stale.ok && stale.error.message).toContain('报送包来自未知单位“城关街道纪工委”');

    const key = (JSON.parse(Buffer.from(config, 'base64').toString('utf8')) as { key: string }).key;
    const { body } = openReturn(pkg);
    body.manifest.schemaVersion += 1;
    const other = await openTestApp();
    try {
      await setUpOffice(other);
      const fresh = JSON.parse(
        Buffer.from(
          (await other.ok('exchange:issueConfig', { unit: 'u-town1' })).dataBase64,
          'base64',
        ).toString('utf8'),
      ) as { key: string; keyId: string };
      body.manifest.keyId = fresh.keyId;
      const newer = await other.call('exchange:receive', {
        dataBase64: writeReturn(body, fresh.key).toString('base64'),
      });
      expect(!newer.ok && newer.error.message).toContain('报送包由较新版本的程序生成');
      expect(key).not.toBe(fresh.key);
    } finally {
      await other.close();
    }
    expect(meetingsOf(office)).toEqual([]);
  });

  it('refuses a package holding another unit’s record, and never sends or takes 问题线索', async () => {
    const key = JSON.parse(Buffer.from(config, 'base64').toString('utf8')) as { key: string };
    await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
    const { body } = openReturn(Buffer.from(await submit(), 'base64'));
    expect(Object.keys(body.records)).not.toContain('clues');
    body.records.meetings![0] = { ...body.records.meetings![0], unit: 'u-office' };
    const r = await office.call('exchange:receive', {
      dataBase64: writeReturn(body, key.key).toString('base64'),
    });
    expect(!r.ok && r.error.message).toContain('会议“街道教育整顿推进会”（2026-04-08）不是本单位的记录');
    body.records.clues = [];
    const c = await office.call('exchange:receive', {
      dataBase64: writeReturn(body, key.key).toString('base64'),
    });
    expect(!c.ok && c.error.message).toBe('报送包中不应含有问题线索，不能接收。');
  });
});

describe('several packages at once', () => {
  it('merges two units’ packages in one write, or none of them when one is refused', async () => {
    const other = await openTestApp();
    try {
      await other.ok('exchange:setupUnit', {
        dataBase64: (await office.ok('exchange:issueConfig', { unit: 'u-office' })).dataBase64,
      });
      await unit.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
      await other.ok('ledgers:create', {
        ledger: 'meetings',
        record: meeting({ unit: 'u-office', title: '机关的会' }),
      });
      const mine = await submit();
      const theirs = (await other.ok('exchange:submit', { from: '2026-04-01', to: '2026-04-30' })).dataBase64;

      // A tampered second package refuses both: the first unit's records are not written either.
      const file = JSON.parse(Buffer.from(theirs, 'base64').toString('utf8')) as { body: string };
      file.body = file.body.replace('机关的会', '改过的会');
      const bad = await office.call('exchange:receiveMany', {
        files: [mine, Buffer.from(JSON.stringify(file)).toString('base64')],
      });
      expect(!bad.ok && bad.error.message).toContain('签名不符');
      expect(meetingsOf(office)).toEqual([]);

      const { reports } = await office.ok('exchange:receiveMany', { files: [mine, theirs] });
      expect(reports.map((r) => [r.unit.name, r.added])).toEqual([
        ['城关街道纪工委', 1],
        ['区纪委监委机关', 1],
      ]);
      expect(meetingsOf(office).map((r) => r.title)).toEqual(['街道教育整顿推进会', '机关的会']);
      const again = await office.ok('exchange:receiveMany', { files: [mine, theirs, mine] });
      expect(again.reports.map((r) => r.unchanged)).toEqual([1, 1, 1]);
    } finally {
      await other.close();
    }
  });
});

describe('data packages from the command line', () => {
  const BIN = path.resolve('bin/campaign-desk.js');
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir('exchange-cli-')));
  afterEach(() => tmp.remove());
  const cli = (dir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, '--data-dir', dir, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('issues, sets up, submits and receives, refusing a tampered file with a non-zero exit', async () => {
    const officeDir = path.join(tmp.dir, 'office');
    const unitDir = path.join(tmp.dir, 'unit');
    const t = await openTestApp({ dir: officeDir });
    await setUpOffice(t);
    await t.close();
    const cfg = path.join(tmp.dir, 'cfg.json');
    const issued = cli(officeDir, 'unit-config', 'u-town1', cfg);
    expect(issued.code, issued.err).toBe(0);
    expect(cli(unitDir, 'setup-unit', cfg).out).toContain(
      '本机已设为填报单位：城关街道纪工委（江城区纪委监委）',
    );
    const u = await openTestApp({ dir: unitDir });
    await u.ok('ledgers:create', { ledger: 'meetings', record: meeting() });
    await u.close();
    const pkg = path.join(tmp.dir, 'pkg.json');
    expect(cli(unitDir, 'submit', '--from', '2026-04-01', '--to', '2026-04-30', pkg).code).toBe(0);

    const dry = cli(officeDir, 'receive', pkg, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('会议：新增 1，更新 0，删除 0，不变 0');
    expect(dry.out).toContain('（试运行：未写入。');
    expect(cli(officeDir, 'receive', pkg).out).toContain('已合并 1 个报送包，合并前已自动备份。');

    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('街道教育整顿推进会', '改过的'));
    const bad = cli(officeDir, 'receive', pkg);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('签名不符');
    expect(cli(officeDir, 'submit', '--from', '2026-04-01', '--to', '2026-04-30', pkg).err).toContain(
      '本机不是填报单位',
    );
    expect(existsSync(cfg)).toBe(true);
  });
});
