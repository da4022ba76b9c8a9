// Schema versions: migrations in order with a backup before each; a newer directory is refused.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreVersionError, type Migration } from '../../../src-main/store/index';
import { exists, openStore, readJson, tempDir } from './helpers';

const plain = { items: { default: () => [] as unknown[] }, settings: { default: () => ({}) } };

async function v1Store(dir: string): Promise<void> {
  const store = await openStore(dir, { collections: plain, schemaVersion: 1 });
  await store.update('items', () => [{ id: 1, title: '旧名称' }]);
  await store.close();
}

describe('migrations', () => {
  it('runs pending migrations in version order, backing up before each step', async () => {
    const dir = await tempDir();
    await v1Store(dir);
    const ran: number[] = [];
    const migrations: Migration[] = [
      {
        to: 3,
        description: '增加状态字段',
        up: (c) => {
          ran.push(3);
          return {
            ...c,
            items: (c.items as { id: number; name: string }[]).map((i) => ({ ...i, status: '进行中' })),
          };
        },
      },
      {
        to: 2,
        description: '标题改名为名称',
        up: (c) => {
          ran.push(2);
          const list = c.items as { id: number; title: string }[];
          return { ...c, items: list.map(({ title, ...rest }) => ({ ...rest, name: title })) };
        },
      },
    ];
    const store = await openStore(dir, { collections: plain, schemaVersion: 3, migrations });
    expect(ran).toEqual([2, 3]);
    expect(store.get('items')).toEqual([{ id: 1, name: '旧名称', status: '进行中' }]);
    expect(((await readJson(path.join(dir, 'meta.json'))) as { schemaVersion: number }).schemaVersion).toBe(
      3,
    );
    const backups = await store.listBackups();
    const before2 = backups.find((b) => b.reason.includes('第 1 版 → 第 2 版'));
    const before3 = backups.find((b) => b.reason.includes('第 2 版 → 第 3 版'));
    const content = async (file: string) =>
      (await readJson(file)) as { schemaVersion: number; collections: { items: unknown } };
    expect(await content(before2!.file)).toMatchObject({
      schemaVersion: 1,
      collections: { items: [{ id: 1, title: '旧名称' }] },
    });
    expect(await content(before3!.file)).toMatchObject({
      schemaVersion: 2,
      collections: { items: [{ id: 1, name: '旧名称' }] },
    });
    expect(store.notices.find((n) => n.kind === 'migrated')?.message).toMatch(
      /从第 1 版升级到第 3 版（标题改名为名称；增加状态字段）/,
    );
    await store.close();
  });

  it('refuses a directory written by a newer app, and leaves it unlocked and unchanged', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { collections: plain, schemaVersion: 4 });
    await store.close();
    const error = await openStore(dir, { collections: plain, schemaVersion: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreVersionError);
    expect((error as Error).message).toMatch(
      /由更新版本的程序创建（数据格式第 4 版，本程序只支持到第 2 版）.*请升级程序/,
    );
    expect(await exists(path.join(dir, 'store.lock'))).toBe(false);
    expect(((await readJson(path.join(dir, 'meta.json'))) as { schemaVersion: number }).schemaVersion).toBe(
      4,
    );
  });

  it('keeps the old data and version when a migration throws, and explains which step failed', async () => {
    const dir = await tempDir();
    await v1Store(dir);
    const before = await fs.readFile(path.join(dir, 'items.json'));
    const migrations: Migration[] = [
      {
        to: 2,
        description: '拆分字段',
        up: () => {
          throw new Error('字段缺失');
        },
      },
    ];
    await expect(openStore(dir, { collections: plain, schemaVersion: 2, migrations })).rejects.toThrow(
      /数据升级到第 2 版（拆分字段）失败：字段缺失/,
    );
    expect(await fs.readFile(path.join(dir, 'items.json'))).toEqual(before);
    expect(((await readJson(path.join(dir, 'meta.json'))) as { schemaVersion: number }).schemaVersion).toBe(
      1,
    );
    expect(await exists(path.join(dir, 'store.lock'))).toBe(false);
  });

  it('hands each migration a private copy it may mutate', async () => {
    const dir = await tempDir();
    await v1Store(dir);
    const migrations: Migration[] = [
      {
        to: 2,
        description: '就地修改',
        up: (c) => {
          (c.items as { id: number; title: string }[])[0].title = '新名称';
          return c;
        },
      },
    ];
    const store = await openStore(dir, { collections: plain, schemaVersion: 2, migrations });
    expect(store.get('items')).toEqual([{ id: 1, title: '新名称' }]);
    await store.close();
  });

  it('restores an old-version backup by migrating it first', async () => {
    const dir = await tempDir();
    await v1Store(dir);
    const oldStore = await openStore(dir, { collections: plain, schemaVersion: 1 });
    const oldBackup = await oldStore.backup('旧版本备份', path.join(await tempDir(), 'v1.json'));
    await oldStore.close();
    const migrations: Migration[] = [
      {
        to: 2,
        description: '加标记',
        up: (c) => ({ ...c, items: (c.items as object[]).map((i) => ({ ...i, v2: true })) }),
      },
    ];
    const store = await openStore(dir, { collections: plain, schemaVersion: 2, migrations });
    await store.update('items', () => []);
    await store.restore(oldBackup);
    expect(store.get('items')).toEqual([{ id: 1, title: '旧名称', v2: true }]);
    await store.close();
  });
});
