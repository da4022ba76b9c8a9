// update(): validated before memory changes, durable before it resolves, serialized, rolled back on write failure.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../../src-main/store/index';
import { collections, items, openStore, readJson, tempDir, type Item } from './helpers';

describe('Store.update', () => {
  it('has the new value on disk, as compact JSON, by the time the promise resolves', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', (all) => [...all, { id: 1, name: '学习会' }]);
    const text = await fs.readFile(path.join(dir, 'items.json'), 'utf8');
    expect(text).toBe('[{"id":1,"name":"学习会"}]');
    await store.close();
  });

  it('keeps saved data across close and reopen', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.update<Item[]>('items', () => items(3));
    await store.update('settings', () => ({ unit: '第一纪检监察室', year: 2027 }));
    await store.close();
    store = await openStore(dir);
    expect(store.get<Item[]>('items')).toEqual(items(3));
    expect(store.get('settings')).toEqual({ unit: '第一纪检监察室', year: 2027 });
    await store.close();
  });

  it('leaves memory and disk untouched when validate() rejects the new value', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    const before = await fs.readFile(path.join(dir, 'items.json'));
    const current = store.get<Item[]>('items');
    await expect(
      store.update<Item[]>('items', (all) => [...all, { id: 'x' } as unknown as Item]),
    ).rejects.toThrow('事项缺少编号或名称');
    expect(store.get<Item[]>('items')).toBe(current);
    expect(await fs.readFile(path.join(dir, 'items.json'))).toEqual(before);
    await store.close();
  });

  it('refuses in-place mutation: stored values are frozen, so a mutating fn throws and nothing changes', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    await expect(
      store.update<Item[]>('items', (all) => {
        all.push({ id: 2, name: '偷改' });
        return all;
      }),
    ).rejects.toThrow(TypeError);
    expect(() => {
      (store.get<Item[]>('items')[0] as { name: string }).name = '偷改';
    }).toThrow(TypeError);
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(1));
    await store.close();
  });

  it('rolls memory back and rejects with a Chinese message when the file cannot be written', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    // A directory where the file should be makes the final rename fail (running as root defeats chmod).
    await fs.rm(path.join(dir, 'items.json'));
    await fs.mkdir(path.join(dir, 'items.json', 'blocker'), { recursive: true });
    const before = store.get<Item[]>('items');
    const error = await store
      .update<Item[]>('items', (all) => [...all, ...items(1, 2)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as Error).message).toMatch(/保存失败.*items\.json.*本次修改未生效/);
    expect(store.get<Item[]>('items')).toBe(before);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // The queue survives a failed write: later work still runs.
    await fs.rm(path.join(dir, 'items.json'), { recursive: true });
    await store.update<Item[]>('items', (all) => [...all, ...items(1, 3)]);
    expect(await readJson(path.join(dir, 'items.json'))).toEqual([...items(1), ...items(1, 3)]);
    await store.close();
  });

  it('serializes concurrent updates so none is lost', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await Promise.all(items(40).map((item) => store.update<Item[]>('items', (all) => [...all, item])));
    expect(store.get<Item[]>('items')).toEqual(items(40));
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(40));
    await store.close();
  });

  it('persists falsy values that lowdb itself would skip (0, false, empty string, null)', async () => {
    const dir = await tempDir();
    const specs = {
      n: { default: () => 5 },
      b: { default: () => true },
      s: { default: () => 'x' },
      z: { default: () => 1 },
    };
    let store = await openStore(dir, { collections: specs });
    await store.update('n', () => 0);
    await store.update('b', () => false);
    await store.update('s', () => '');
    await store.update('z', () => null);
    await store.close();
    store = await openStore(dir, { collections: specs });
    expect([store.get('n'), store.get('b'), store.get('s'), store.get('z')]).toEqual([0, false, '', null]);
    await store.close();
  });

  it('names an unknown collection in Chinese', async () => {
    const store = await openStore(await tempDir());
    expect(() => store.get('nope')).toThrow('未知的数据集合「nope」');
    await expect(store.update('nope', (x) => x)).rejects.toThrow('未知的数据集合「nope」');
    await store.close();
  });

  it('finishes queued saves on close, then refuses new ones', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const pending = store.update<Item[]>('items', () => items(5));
    await store.close();
    await expect(pending).resolves.toEqual(items(5));
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(5));
    await expect(store.update<Item[]>('items', () => [])).rejects.toThrow('数据存储已关闭');
  });

  it('verify() reports a file changed or damaged behind the store’s back', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { collections });
    await store.update<Item[]>('items', () => items(2));
    expect(await store.verify()).toEqual({ ok: true, problems: [] });
    await fs.writeFile(path.join(dir, 'items.json'), JSON.stringify(items(3)));
    await fs.writeFile(path.join(dir, 'settings.json'), '{"unit":');
    const result = await store.verify();
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/items\.json」与程序中的数据不一致/);
    expect(result.problems.join('\n')).toMatch(/settings\.json」有问题：被截断/);
    await store.close();
  });
});
