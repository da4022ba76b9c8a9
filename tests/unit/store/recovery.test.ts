// Opening a damaged directory: the bad file is moved to quarantine/, the newest good backup restored, the user told.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src-main/store/index';
import { exists, fakeClock, items, openStore, readJson, tempDir, type Item } from './helpers';

/** A store with `older` backed up on 11-20 09:30 and `newer` on 11-21 14:05, then `latest` saved but not backed up. */
async function storeWithBackups(dir: string): Promise<ReturnType<typeof fakeClock>> {
  const clock = fakeClock(new Date(2026, 10, 20, 9, 30, 0));
  const store = await openStore(dir, { now: clock.now });
  await store.update<Item[]>('items', () => items(1));
  await store.backup('手动备份');
  clock.set(new Date(2026, 10, 21, 14, 5, 0));
  await store.update<Item[]>('items', () => items(2));
  await store.backup('导入');
  clock.set(new Date(2026, 10, 21, 16, 0, 0));
  await store.update<Item[]>('items', () => items(3));
  await store.close();
  return clock;
}

async function quarantined(dir: string): Promise<string[]> {
  return fs.readdir(path.join(dir, 'quarantine')).catch(() => []);
}

const damages: [string, string | Buffer, RegExp][] = [
  ['is not valid JSON', '{"这不是": 数组}', /不是有效的 JSON/],
  ['is truncated', '[{"id":1,"name":"事项1"},{"id":2,"na', /被截断/],
  ['is empty', '', /是空文件/],
  ['is filled with NUL bytes (power loss)', Buffer.alloc(512), /全为空字节/],
];

describe('recovery at open', () => {
  for (const [label, content, reason] of damages) {
    it(`moves the file aside when it ${label}, restores the newest backup and says from when`, async () => {
      const dir = await tempDir();
      const clock = await storeWithBackups(dir);
      await fs.writeFile(path.join(dir, 'items.json'), content);
      const store = await openStore(dir, { now: clock.now });
      expect(store.get<Item[]>('items')).toEqual(items(2));
      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0];
      expect(notice.kind).toBe('restored');
      expect(notice.message).toMatch(reason);
      expect(notice.message).toContain('2026年11月21日 14:05:00 的备份恢复');
      // Never deleted: the damaged bytes are under quarantine/, byte for byte.
      const moved = await quarantined(dir);
      expect(moved).toEqual([expect.stringMatching(/^items\.\d{8}-\d{6}-\d{3}\.json$/)]);
      expect(await fs.readFile(path.join(dir, 'quarantine', moved[0]))).toEqual(Buffer.from(content));
      expect(notice.file).toBe(path.join(dir, 'quarantine', moved[0]));
      // The restored data is written back, so the directory is healthy again.
      expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(2));
      expect(await store.verify()).toEqual({ ok: true, problems: [] });
      await store.close();
    });
  }

  it('quarantines a file that parses but fails validate(), like a damaged one', async () => {
    const dir = await tempDir();
    const clock = await storeWithBackups(dir);
    await fs.writeFile(path.join(dir, 'items.json'), '[{"id":"一","name":5}]');
    const store = await openStore(dir, { now: clock.now });
    expect(store.get<Item[]>('items')).toEqual(items(2));
    expect(store.notices[0].message).toMatch(/内容不符合要求（事项缺少编号或名称）/);
    expect(await quarantined(dir)).toHaveLength(1);
    await store.close();
  });

  it('skips damaged newest backups and restores from the one before them', async () => {
    const dir = await tempDir();
    const clock = await storeWithBackups(dir);
    // 11-21 has two backups (the day's first change, then 导入): truncate both.
    const newest = (await fs.readdir(path.join(dir, 'backups'))).filter((n) => n.includes('20261121'));
    expect(newest).toHaveLength(2);
    for (const name of newest) {
      const full = await fs.readFile(path.join(dir, 'backups', name));
      await fs.writeFile(path.join(dir, 'backups', name), full.subarray(0, full.length - 20));
    }
    await fs.writeFile(path.join(dir, 'items.json'), 'garbage');
    const store = await openStore(dir, { now: clock.now });
    expect(store.get<Item[]>('items')).toEqual(items(1));
    expect(store.notices[0].message).toContain('2026年11月20日 09:30:00 的备份恢复');
    await store.close();
  });

  it('restores a new store’s damaged file from the backup its first change of the day took, not to empty', async () => {
    const dir = await tempDir();
    const clock = fakeClock(new Date(2026, 10, 20, 9, 30, 0));
    let store: Store = await openStore(dir, { now: clock.now });
    expect(await fs.readdir(path.join(dir, 'backups')).catch(() => [])).toEqual([]); // nothing to back up yet
    clock.advance(60_000);
    await store.update<Item[]>('items', () => items(2));
    await store.update<Item[]>('items', () => items(3)); // the second change of the day takes none
    await store.close();
    expect(await fs.readdir(path.join(dir, 'backups'))).toHaveLength(1);
    await fs.writeFile(path.join(dir, 'items.json'), '[{"id":1');
    store = await openStore(dir, { now: clock.now });
    expect(store.get('items')).toEqual(items(2));
    expect(store.notices[0]).toMatchObject({ kind: 'restored' });
    expect(store.notices[0].message).toContain('2026年11月20日 09:31:00 的备份恢复');
    await store.close();
  });

  it('falls back to the default, and says there was no backup, when none exists', async () => {
    const dir = await tempDir();
    let store: Store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    await store.close();
    await fs.rm(path.join(dir, 'backups'), { recursive: true });
    await fs.writeFile(path.join(dir, 'items.json'), '[{"id":1');
    store = await openStore(dir);
    expect(store.get('items')).toEqual([]);
    expect(store.notices[0].kind).toBe('quarantined');
    expect(store.notices[0].message).toMatch(/没有可用的备份/);
    expect(await quarantined(dir)).toHaveLength(1);
    await store.close();
  });

  it('restores a collection file that has disappeared (listed in meta.json) from the newest backup', async () => {
    const dir = await tempDir();
    const clock = await storeWithBackups(dir);
    await fs.rm(path.join(dir, 'items.json'));
    const store = await openStore(dir, { now: clock.now });
    expect(store.get<Item[]>('items')).toEqual(items(2));
    expect(store.notices[0].message).toMatch(/items\.json」不见了.*2026年11月21日 14:05:00 的备份恢复/);
    await store.close();
  });

  it('gives a collection added by a newer app version its default without any notice', async () => {
    const dir = await tempDir();
    let store = await openStore(dir, { collections: { items: { default: () => [] } } });
    await store.close();
    store = await openStore(dir);
    expect(store.get('settings')).toEqual({ unit: '区纪委监委', year: 2026 });
    expect(store.notices).toEqual([]);
    expect(await exists(path.join(dir, 'settings.json'))).toBe(true);
    await store.close();
  });

  it('removes temp files a crash left behind, in the data and backup folders', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.close();
    await fs.writeFile(path.join(dir, '.items.json.4242.7.tmp'), '[{"half');
    await fs.mkdir(path.join(dir, 'backups'), { recursive: true });
    await fs.writeFile(path.join(dir, 'backups', '.backup-x.json.4242.8.tmp'), '{');
    await fs.writeFile(path.join(dir, 'notes.tmp'), 'not ours');
    store = await openStore(dir);
    expect(await exists(path.join(dir, '.items.json.4242.7.tmp'))).toBe(false);
    expect(await exists(path.join(dir, 'backups', '.backup-x.json.4242.8.tmp'))).toBe(false);
    expect(await exists(path.join(dir, 'notes.tmp'))).toBe(true);
    await store.close();
  });

  it('quarantines a damaged meta.json and carries on at the newest backup’s version', async () => {
    const dir = await tempDir();
    const clock = await storeWithBackups(dir);
    await fs.writeFile(path.join(dir, 'meta.json'), Buffer.alloc(64));
    const store = await openStore(dir, { now: clock.now });
    expect(store.get<Item[]>('items')).toEqual(items(3));
    expect(store.notices.map((n) => n.kind)).toEqual(['quarantined']);
    expect(store.notices[0].message).toMatch(/meta\.json 内容全为空字节.*第 1 版/);
    expect(((await readJson(path.join(dir, 'meta.json'))) as { schemaVersion: number }).schemaVersion).toBe(
      1,
    );
    await store.close();
  });

  it('reads a file saved with a UTF-8 BOM (e.g. by Notepad) without calling it damaged', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.close();
    await fs.writeFile(path.join(dir, 'items.json'), '\ufeff' + JSON.stringify(items(2), null, 2));
    store = await openStore(dir);
    expect(store.get<Item[]>('items')).toEqual(items(2));
    expect(store.notices).toEqual([]);
    await store.update<Item[]>('items', (all) => [...all, ...items(1, 3)]);
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(3));
    await store.close();
  });
});

describe('open failures', () => {
  it('explains in Chinese when the data directory cannot be used, and leaves no lock behind', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'not-a-folder'), '');
    await expect(openStore(path.join(dir, 'not-a-folder', 'data'))).rejects.toThrow(
      /无法打开数据目录.*读写权限/,
    );
    await fs.mkdir(path.join(dir, 'data', 'items.json'), { recursive: true });
    await expect(openStore(path.join(dir, 'data'))).rejects.toThrow(/无法打开数据目录.*EISDIR/);
    expect(await exists(path.join(dir, 'data', 'store.lock'))).toBe(false);
  });
});
