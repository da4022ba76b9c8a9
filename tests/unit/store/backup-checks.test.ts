// The store's side of 数据与备份: every backup checked whole (a truncated one is found, not passed), backups to a
// chosen folder, a restore's preview and its notice, staged uploads, the backup after the first change of the day,
// and repairs at open that used to be silent (meta.json rebuilt, a file lost while meta.json was gone too).
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, fakeClock, items, openStore, readJson, tempDir, type Item } from './helpers';

async function truncate(file: string, keep: number) {
  const bytes = await fs.readFile(file);
  await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length * keep)));
}

describe('checking backups whole', () => {
  it('finds a truncated newest backup that its header alone passes, and flags it in the list from then on', async () => {
    const dir = await tempDir();
    const clock = fakeClock(new Date(2026, 10, 20, 9, 0, 0));
    const store = await openStore(dir, { now: clock.now });
    await store.update<Item[]>('items', () => items(3));
    clock.advance(60_000);
    const newest = await store.backup('手动备份');
    await truncate(newest, 0.7);
    expect((await store.listBackups()).map((b) => b.problem)).toEqual([undefined, undefined]);
    const checks = await store.verifyBackups();
    expect(checks.map((c) => c.ok)).toEqual([false, true]);
    expect(checks[0].problem).toBe(
      `备份文件 ${path.basename(newest)} 已损坏：被截断，内容不完整，未做任何恢复。`,
    );
    expect((await store.listBackups())[0].problem).toBe(checks[0].problem);
    // Rewritten whole (e.g. the vault re-sealing it): the old verdict no longer applies.
    await fs.copyFile(checks[1].file, newest);
    expect((await store.listBackups())[0].problem).toBeUndefined();
    await store.close();
  });

  it('calls a bundle cut off in its first bytes damaged, not "not ours", and lists an unreadable one as damaged', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    const b = await store.backup('手动备份');
    await fs.writeFile(b, '{"format":"camp');
    await expect(store.restore(b)).rejects.toThrow(/已损坏：被截断，内容不完整/);
    const listed = (await store.listBackups()).find((x) => x.file === b)!;
    expect(listed.problem).toBe('文件已损坏，无法读取备份信息');
    await store.close();
  });

  it('lists two backups written in the same millisecond newest first', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { now: () => new Date(2026, 10, 20, 9, 0, 0) });
    const first = await store.backup('第1次');
    const second = await store.backup('第2次');
    const third = await store.backup('第3次');
    expect((await store.listBackups()).map((b) => b.file)).toEqual([third, second, first]);
    await store.close();
  });
});

describe('backups to a chosen place', () => {
  it('writes a new dated file into a chosen folder and reads it back', async () => {
    const dir = await tempDir();
    const usb = await tempDir();
    const store = await openStore(dir, { now: () => new Date(2026, 10, 20, 9, 5, 7) });
    await store.update<Item[]>('items', () => items(2));
    const file = await store.backup('手动备份', { folder: usb });
    expect(file).toBe(path.join(usb, '教育整顿工作台备份-20261120-090507.json'));
    expect(((await readJson(file)) as { collections: { items: Item[] } }).collections.items).toEqual(
      items(2),
    );
    expect(await store.backup('手动备份', { folder: usb })).toBe(
      path.join(usb, '教育整顿工作台备份-20261120-090507-2.json'),
    );
    await store.close();
  });

  it('refuses a missing folder, a file given as folder and someone else’s file, in Chinese', async () => {
    const dir = await tempDir();
    const other = await tempDir();
    const store = await openStore(dir);
    const gone = (await store
      .backup('x', { folder: path.join(other, 'gone') })
      .catch((e: unknown) => e)) as Error;
    expect(gone).toMatchObject({ code: 'conflict' });
    expect(gone.message).toMatch(/文件夹不存在（U盘是否已拔出？）/);
    const doc = path.join(other, '简报.docx');
    await fs.writeFile(doc, 'PK');
    await expect(store.backup('x', { folder: doc })).rejects.toThrow(/所选位置不是文件夹/);
    await expect(store.backup('x', doc)).rejects.toThrow(/为免覆盖，未写入/);
    expect(await fs.readFile(doc, 'utf8')).toBe('PK');
    // Our own earlier bundle under that name may be replaced (the CLI's `backup same-file.json`).
    const mine = path.join(other, 'mine.json');
    await store.backup('x', mine);
    await expect(store.backup('y', mine)).resolves.toBe(mine);
    await store.close();
  });
});

describe('restore', () => {
  it('previews the checked bundle without replacing anything, naming collections it lacks', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    const partial = path.join(await tempDir(), 'partial.json');
    await fs.writeFile(
      partial,
      JSON.stringify({
        format: 'campaign-desk-backup',
        formatVersion: 1,
        createdAt: new Date(2026, 10, 1).toISOString(),
        reason: '只有事项',
        schemaVersion: 1,
        collections: { items: items(5) },
      }),
    );
    const { checked, current } = await store.inspect(partial);
    expect(checked.header.reason).toBe('只有事项');
    expect(checked.values.get('items')).toEqual(items(5));
    expect(checked.missing).toEqual(['settings']);
    expect(current.items).toEqual(items(2));
    expect(store.get('items')).toEqual(items(2));
    await store.close();
  });

  it('tells what changed in its notice, of its own kind, and returns both sets of values', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1));
    const saved = await store.backup('手动备份');
    await store.update<Item[]>('items', () => items(3));
    const out = await store.restore(
      saved,
      (before, after) => `事项 ${(before.items as Item[]).length} → ${(after.items as Item[]).length}`,
    );
    expect(out.previous.items).toEqual(items(3));
    expect(out.restored.items).toEqual(items(1));
    expect(store.notices.at(-1)).toMatchObject({ kind: 'backup_restored' });
    expect(store.notices.at(-1)!.message).toMatch(/恢复全部数据：事项 3 → 1；恢复前的数据已备份到 /);
    expect(
      ((await readJson(out.safetyBackup)) as { collections: { items: Item[] } }).collections.items,
    ).toEqual(items(3));
    await store.close();
  });

  it('keeps one staged upload at a time in incoming/, and none survives a restart', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    const a = await store.stageUpload(Buffer.from('{"a":1}'));
    const b = await store.stageUpload(Buffer.from('{"b":2}'));
    expect(await exists(a)).toBe(a === b);
    expect(store.isUpload(b)).toBe(true);
    expect(store.isUpload(path.join(dir, 'items.json'))).toBe(false);
    await store.discardUpload(path.join(dir, 'items.json')); // not an upload: left alone
    expect(await exists(path.join(dir, 'items.json'))).toBe(true);
    await store.close();
    store = await openStore(dir);
    expect(await exists(path.join(dir, 'incoming'))).toBe(false);
    await store.close();
  });
});

describe('the first change of the day', () => {
  it('takes the day’s backup when none was taken yet, and once a day only', async () => {
    const dir = await tempDir();
    const clock = fakeClock(new Date(2026, 10, 20, 23, 50, 0));
    const store = await openStore(dir, { now: clock.now });
    await store.update<Item[]>('items', () => items(1));
    await store.updateMany(() => ({ items: items(2) }));
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['每日自动备份（当天第一次修改后）']);
    clock.set(new Date(2026, 10, 21, 0, 5, 0)); // still running after midnight
    await store.updateMany(() => ({ items: items(3) }));
    await store.update<Item[]>('items', () => items(4));
    const list = await store.listBackups();
    expect(list).toHaveLength(2);
    expect(((await readJson(list[0].file)) as { collections: { items: Item[] } }).collections.items).toEqual(
      items(3),
    );
    await store.close();
  });

  it('does not count a change that changed nothing', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', (x) => x);
    expect(await store.listBackups()).toEqual([]);
    await store.close();
  });

  it('keeps the change when that backup cannot be written, and tries again after the next change', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await fs.writeFile(path.join(dir, 'backups'), 'a file where the folder should be');
    await expect(store.update<Item[]>('items', () => items(1))).resolves.toEqual(items(1));
    expect(await readJson(path.join(dir, 'items.json'))).toEqual(items(1));
    await fs.rm(path.join(dir, 'backups'));
    await store.update<Item[]>('items', () => items(2));
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['每日自动备份（当天第一次修改后）']);
    await store.close();
  });
});

describe('repairs at open are never silent', () => {
  it('says when meta.json was missing and has been rebuilt', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    await store.close();
    await fs.rm(path.join(dir, 'meta.json'));
    store = await openStore(dir);
    expect(store.notices.map((n) => n.kind)).toEqual(['repaired']);
    expect(store.notices[0].message).toMatch(/meta\.json 不见了.*已按数据格式第 1 版重新建立/);
    expect(store.get('items')).toEqual(items(2));
    expect(await store.verify()).toEqual({ ok: true, problems: [] });
    await store.close();
  });

  it('brings back a file lost together with meta.json from the backup that held it, not as empty', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2)); // the day's backup holds it
    await store.close();
    await fs.rm(path.join(dir, 'meta.json'));
    await fs.rm(path.join(dir, 'items.json'));
    store = await openStore(dir);
    expect(store.get('items')).toEqual(items(2));
    expect(store.notices.map((n) => n.kind)).toEqual(['restored', 'repaired']);
    expect(store.notices[0].message).toMatch(/items\.json」不见了/);
    await store.close();
  });

  it('treats a directory whose data files are all gone, but whose backups remain, as damaged, not new', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    await store.close();
    for (const f of ['meta.json', 'items.json', 'settings.json']) await fs.rm(path.join(dir, f));
    store = await openStore(dir);
    expect(store.get('items')).toEqual(items(2));
    expect(store.notices.some((n) => n.kind === 'created')).toBe(false);
    expect(store.notices.filter((n) => n.kind === 'restored')).toHaveLength(2);
    await store.close();
  });
});
