// updateMany(): several collections in one commit, all or nothing; a journal left by a crash rolls forward.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, items, openStore, readJson, tempDir, type Item } from './helpers';

describe('Store.updateMany', () => {
  it('writes every collection and leaves no journal behind', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.updateMany((get) => ({
      items: [...get<Item[]>('items'), ...items(2)],
      settings: { unit: '第二纪检监察室', year: 2026 },
    }));
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(2));
    expect(await readJson(path.join(dir, 'settings.json'))).toEqual({ unit: '第二纪检监察室', year: 2026 });
    expect(await exists(path.join(dir, 'journal.json'))).toBe(false);
    await store.close();
  });

  it('changes nothing when one of the collections fails validation', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const settingsBefore = await fs.readFile(path.join(dir, 'settings.json'));
    await expect(store.updateMany(() => ({ items: items(3), settings: { unit: 42 } }))).rejects.toThrow(
      '设置缺少单位或年度',
    );
    expect(store.get('items')).toEqual([]);
    expect(await readJson(path.join(dir, 'items.json'))).toEqual([]);
    expect(await fs.readFile(path.join(dir, 'settings.json'))).toEqual(settingsBefore);
    await store.close();
  });

  it('undoes the files already written when a later one cannot be written', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    const itemsBefore = await fs.readFile(path.join(dir, 'items.json'));
    const settingsBefore = store.get('settings');
    // items.json is written first (collection order), settings.json then fails.
    await fs.rm(path.join(dir, 'settings.json'));
    await fs.mkdir(path.join(dir, 'settings.json', 'blocker'), { recursive: true });
    await expect(
      store.updateMany(() => ({ items: items(4), settings: { unit: '新单位', year: 2030 } })),
    ).rejects.toThrow(/保存失败/);
    expect(await fs.readFile(path.join(dir, 'items.json'))).toEqual(itemsBefore);
    expect(store.get<Item[]>('items')).toEqual(items(1));
    expect(store.get('settings')).toBe(settingsBefore);
    expect(await exists(path.join(dir, 'journal.json'))).toBe(false);
    await store.close();
  });

  it('completes an interrupted commit on the next open (roll forward from the journal)', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    await store.close();
    // What a crash right after the journal became durable leaves: the journal, and old files.
    const journal = {
      format: 'campaign-desk-journal',
      createdAt: new Date().toISOString(),
      files: { 'items.json': items(3), 'settings.json': { unit: '日志中的单位', year: 2031 } },
    };
    await fs.writeFile(path.join(dir, 'journal.json'), JSON.stringify(journal));
    store = await openStore(dir);
    expect(store.get<Item[]>('items')).toEqual(items(3));
    expect(store.get('settings')).toEqual({ unit: '日志中的单位', year: 2031 });
    expect(await exists(path.join(dir, 'journal.json'))).toBe(false);
    expect((await store.verify()).ok).toBe(true);
    await store.close();
  });

  it('moves a damaged journal to quarantine and keeps the old, consistent files', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    await store.close();
    await fs.writeFile(
      path.join(dir, 'journal.json'),
      '{"format":"campaign-desk-journal","files":{"items.json":[{"id"',
    );
    store = await openStore(dir);
    expect(store.get<Item[]>('items')).toEqual(items(2));
    expect(store.notices.map((n) => n.kind)).toEqual(['quarantined']);
    expect(store.notices[0].message).toMatch(/批量保存记录.*隔离区.*没有生效/);
    expect(await fs.readdir(path.join(dir, 'quarantine'))).toEqual([
      expect.stringMatching(/^journal\..*\.json$/),
    ]);
    await store.close();
  });
});
