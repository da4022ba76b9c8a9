// Backups: one per day at open, rotation, self-contained bundles, and restore that checks everything first.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeClock, items, openStore, readJson, tempDir, type Item } from './helpers';

describe('backups', () => {
  it('takes one automatic backup per calendar day at open, none for a brand-new directory', async () => {
    const dir = await tempDir();
    const clock = fakeClock(new Date(2026, 10, 20, 8, 0, 0));
    const reopen = async () => (await openStore(dir, { now: clock.now })).close();
    await reopen();
    expect(await fs.readdir(path.join(dir, 'backups')).catch(() => [])).toEqual([]);
    clock.advance(60_000);
    await reopen();
    clock.advance(3_600_000);
    await reopen();
    clock.set(new Date(2026, 10, 21, 7, 59, 0));
    await reopen();
    const names = (await fs.readdir(path.join(dir, 'backups'))).sort();
    expect(names).toEqual([
      expect.stringMatching(/^backup-20261120-/),
      expect.stringMatching(/^backup-20261121-/),
    ]);
  });

  it('keeps only the newest maxBackups automatic backups', async () => {
    const dir = await tempDir();
    const clock = fakeClock(new Date(2026, 10, 20, 8, 0, 0));
    const store = await openStore(dir, { now: clock.now, maxBackups: 3 });
    const made: string[] = [];
    for (let i = 1; i <= 5; i++) {
      clock.advance(60_000);
      await store.update<Item[]>('items', () => items(i));
      made.push(await store.backup(`第${i}次`));
    }
    const listed = await store.listBackups();
    expect(listed.map((b) => b.reason)).toEqual(['第5次', '第4次', '第3次']);
    expect(listed.map((b) => b.file)).toEqual(made.slice(2).reverse());
    expect(listed[0].size).toBeGreaterThan(0);
    expect(listed[0].createdAt).toBe(clock.now().toISOString());
    await store.close();
  });

  it('writes a self-contained bundle to a chosen file, outside the rotation', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    const target = path.join(await tempDir(), 'u盘', '导出备份.json');
    expect(await store.backup('导出', target)).toBe(target);
    const bundle = (await readJson(target)) as { reason: string; schemaVersion: number; collections: object };
    expect(bundle).toMatchObject({ format: 'campaign-desk-backup', reason: '导出', schemaVersion: 1 });
    expect(bundle.collections).toEqual({ items: items(2), settings: { unit: '区纪委监委', year: 2026 } });
    // Only the day's automatic backup (taken after the first change) is in the rotation, not the chosen file.
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['每日自动备份（当天第一次修改后）']);
    await store.close();
  });

  it('restores a bundle after backing up the current data, and tells the user', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    const saved = await store.backup('导入前');
    await store.updateMany(() => ({ items: items(4), settings: { unit: '改过的', year: 2030 } }));
    await store.restore(saved);
    expect(store.get<Item[]>('items')).toEqual(items(1));
    expect(store.get('settings')).toEqual({ unit: '区纪委监委', year: 2026 });
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(1));
    const safety = (await store.listBackups()).find((b) => b.reason === '恢复前自动备份');
    expect(safety).toBeDefined();
    expect(((await readJson(safety!.file)) as { collections: { items: Item[] } }).collections.items).toEqual(
      items(4),
    );
    // A restore the user asked for is not a repair: its own kind, so `verify` does not count it as a problem.
    expect(store.notices.at(-1)).toMatchObject({ kind: 'backup_restored' });
    expect(store.notices.at(-1)!.message).toMatch(/已从 .* 的备份.*恢复全部数据；恢复前的数据已备份到/);
    await store.close();
  });

  it('refuses a bundle with an invalid collection before replacing or backing up anything', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    const bad = path.join(await tempDir(), 'bad.json');
    const bundle = {
      format: 'campaign-desk-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      reason: 'x',
      schemaVersion: 1,
      collections: { items: items(5), settings: { unit: null } },
    };
    await fs.writeFile(bad, JSON.stringify(bundle));
    await expect(store.restore(bad)).rejects.toThrow(/备份中的「settings」数据不符合要求，未做任何恢复/);
    expect(store.get<Item[]>('items')).toEqual(items(2));
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(2));
    // No 恢复前自动备份: nothing was about to be replaced.
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['每日自动备份（当天第一次修改后）']);
    await store.close();
  });

  it('refuses a truncated bundle, a foreign JSON file and a bundle from a newer app', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const good = await store.backup('好的');
    const other = await tempDir();
    const truncated = path.join(other, 't.json');
    const text = await fs.readFile(good, 'utf8');
    await fs.writeFile(truncated, text.slice(0, -5));
    await expect(store.restore(truncated)).rejects.toThrow(/备份文件 t\.json 已损坏：被截断/);
    const foreign = path.join(other, 'f.json');
    await fs.writeFile(foreign, '{"hello":1}');
    await expect(store.restore(foreign)).rejects.toThrow(/不是本程序的备份文件/);
    const newer = path.join(other, 'n.json');
    await fs.writeFile(newer, text.replace('"schemaVersion":1', '"schemaVersion":9'));
    await expect(store.restore(newer)).rejects.toThrow(/更新版本的程序（数据格式第 9 版）/);
    await store.close();
  });
});
