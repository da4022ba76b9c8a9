// A running program whose lock file is deleted or replaced must stop saving (with a Chinese notice) rather than
// write on beside the program that took the directory over: no acknowledged write of either may be lost.
import { spawn, type ChildProcess } from 'node:child_process';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../../src-main/store/index';
import type { LockInfo } from '../../../src-main/store/index';
import { StoreLockLostError } from '../../../src-main/store/errors';
import { makeTempDir } from '../../helpers/temp-dir';
import { openTestApp, sampleMeeting, setUpOffice, type TestApp } from '../../helpers/test-app';
import {
  CHILD_SCRIPT,
  REPO_ROOT,
  exists,
  items,
  openStore,
  quietLogger,
  tempDir,
  type Item,
} from './helpers';

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A live process that is not this one, to stand for "another program" in a lock file. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function lockOf(pid: number, owner = 'desktop'): LockInfo {
  return { owner, pid, hostname: os.hostname(), startedAt: new Date().toISOString(), token: 'someone-else' };
}

const lockFile = (dir: string) => path.join(dir, 'store.lock');

/** The pid of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await exited(child);
  return child.pid!;
}

describe('the store re-checks its lock before and after each write', () => {
  it('refuses to save once the lock file was deleted and another store opened the directory', async () => {
    const dir = await tempDir();
    const first = await openStore(dir, { owner: 'desktop' });
    await first.update<Item[]>('items', () => items(2));
    await fs.rm(lockFile(dir));
    const second = await openStore(dir, { owner: 'web' }); // the deleted lock lets it in
    await second.update<Item[]>('items', (all) => [...all, { id: 100, name: '第二个程序的事项' }]);

    const refused = await first
      .update<Item[]>('items', (all) => [...all, { id: 3, name: '不应写入' }])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreLockLostError);
    expect((refused as StoreLockLostError).code).toBe('store_locked');
    expect((refused as Error).message).toContain('数据目录已被其他程序接管');
    expect((refused as Error).message).toContain('网页版服务');
    // Every later write is refused too, and the user is told once.
    await expect(first.update('settings', () => ({ unit: 'x', year: 1 }))).rejects.toThrow(
      StoreLockLostError,
    );
    await expect(first.backup('手动备份')).rejects.toThrow(StoreLockLostError);
    expect(first.notices.filter((n) => n.kind === 'lock_lost')).toHaveLength(1);
    expect(first.get<Item[]>('items').map((i) => i.id)).toEqual([1, 2]); // memory did not take the refused change

    await second.update<Item[]>('items', (all) => [...all, { id: 101, name: '第二个程序的事项' }]);
    await first.close();
    expect(await exists(lockFile(dir))).toBe(true); // closing never removes the other program's lock
    await second.close();
    const reopened = await openStore(dir);
    expect(reopened.get<Item[]>('items').map((i) => i.id)).toEqual([1, 2, 100, 101]);
    await reopened.close();
  });

  it.each([
    ['rewritten in place', async (file: string, info: LockInfo) => fs.writeFile(file, JSON.stringify(info))],
    [
      'replaced by rename',
      async (file: string, info: LockInfo) => {
        await fs.writeFile(`${file}.new`, JSON.stringify(info));
        await fs.rename(`${file}.new`, file);
      },
    ],
  ])('refuses to save once the lock file was %s with another program’s lock', async (_how, replace) => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(3));
    const holder = otherProcess();
    await replace(lockFile(dir), lockOf(holder.pid!));
    const refused = await store
      .update<Item[]>('items', (all) => [...all, ...items(1, 4)])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreLockLostError);
    expect((refused as Error).message).toContain(`进程号 ${holder.pid}`);
    expect((refused as Error).message).toContain('桌面版程序');
    await store.close();
    // Nothing acknowledged is lost, the refused change never reached the file, and the other lock is left alone.
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'items.json'), 'utf8')) as Item[];
    expect(onDisk.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(JSON.parse(await fs.readFile(lockFile(dir), 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  it('does not acknowledge a write that landed after another program took the directory over', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(2));
    const holder = otherProcess();
    const realRename = fs.rename;
    // The other program takes the directory over while our file is being written (between check and rename).
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('items.json')) {
        await fs.rm(lockFile(dir));
        await fs.writeFile(lockFile(dir), JSON.stringify(lockOf(holder.pid!, 'web')));
      }
      return realRename(from, to);
    });
    await expect(store.update<Item[]>('items', (all) => [...all, ...items(1, 3)])).rejects.toThrow(
      /数据目录已被其他程序接管/,
    );
    expect(store.get<Item[]>('items').map((i) => i.id)).toEqual([1, 2]);
    vi.restoreAllMocks();
    await store.close();
  });

  it('leaves a half-applied batch to the program that took over instead of undoing it beside that program', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.updateMany(() => ({ items: items(1), settings: { unit: '旧', year: 2025 } }));
    const realRename = fs.rename;
    // The taker-over deletes our temp file of settings.json as debris (so our rename fails) and will roll our
    // journal forward; undoing items.json now would leave items old and settings new after its roll-forward.
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('settings.json')) {
        await fs.writeFile(lockFile(dir), JSON.stringify(lockOf(await deadPid(), 'web')));
        throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
      }
      return realRename(from, to);
    });
    await expect(
      store.updateMany(() => ({ items: items(2), settings: { unit: '新', year: 2026 } })),
    ).rejects.toThrow(StoreLockLostError);
    vi.restoreAllMocks();
    expect(await exists(path.join(dir, 'journal.json'))).toBe(true);
    await store.close();
    const next = await openStore(dir); // takes the dead program's lock over and completes the batch
    expect(next.get<Item[]>('items')).toHaveLength(2);
    expect(next.get('settings')).toEqual({ unit: '新', year: 2026 });
    await next.close();
  });

  it('checks with one stat per write and reads the lock file only when it changed', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.update<Item[]>('items', () => items(1)); // the first check reads the file once
    const stat = vi.spyOn(fsSync, 'statSync');
    const readFile = vi.spyOn(fs, 'readFile');
    for (let n = 2; n <= 21; n++) await store.update<Item[]>('items', (all) => [...all, ...items(1, n)]);
    const onLock = (calls: unknown[][]) => calls.filter((c) => String(c[0]) === lockFile(dir)).length;
    expect(onLock(stat.mock.calls)).toBe(40); // before and after each of the 20 writes
    expect(onLock(readFile.mock.calls)).toBe(0);
    vi.restoreAllMocks();
    await store.close();
  });

  it('stops a saving process whose lock was deleted once another opened the directory; no acknowledged save is lost', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, dir, 'save', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const acked: number[] = [];
    let stderr = '';
    let buffer = '';
    let onAck: (() => void) | null = null;
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) acked.push(Number(line));
      onAck?.();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const acks = (n: number) =>
      new Promise<void>((resolve) => {
        onAck = () => acked.length >= n && resolve();
        onAck();
      });
    await acks(5);
    await fs.rm(lockFile(dir));
    const collections = {
      items: { default: () => [] },
      pairsA: { default: () => [] },
      pairsB: { default: () => [] },
    };
    const store = await Store.open({
      dataDir: dir,
      collections,
      schemaVersion: 1,
      logger: quietLogger,
      owner: 'web',
    });
    cleanups.push(() => store.close().catch(() => undefined));
    for (let i = 1; i <= 5; i++) await store.update<{ id: number }[]>('items', (all) => [...all, { id: -i }]);
    const ackedAtOpen = acked.length;
    // The child must stop by itself; if it kept saving (50 more acknowledgements), the lock was not re-checked.
    const outcome = await Promise.race([
      exited(child).then(() => 'stopped'),
      acks(ackedAtOpen + 50).then(() => 'kept saving'),
    ]);
    expect(outcome).toBe('stopped');
    expect(child.exitCode).not.toBe(0);
    expect(stderr).toContain('数据目录已被其他程序接管');

    await store.close();
    const reopened = await Store.open({ dataDir: dir, collections, schemaVersion: 1, logger: quietLogger });
    cleanups.push(() => reopened.close().catch(() => undefined));
    const ids = new Set(reopened.get<{ id: number }[]>('items').map((i) => i.id));
    const pairs = new Set(reopened.get<number[]>('pairsA'));
    const lost = acked.filter((id) => !(id % 3 === 0 ? pairs.has(id) : ids.has(id)));
    expect(lost).toEqual([]);
    for (let i = 1; i <= 5; i++) expect(ids.has(-i)).toBe(true);
    expect(reopened.get<number[]>('pairsB')).toEqual(reopened.get<number[]>('pairsA'));
  });
});

describe('the app after its data directory was taken over', () => {
  let dir: ReturnType<typeof makeTempDir>;
  const titles = async (t: TestApp) =>
    (await t.ok('ledgers:list', { ledger: 'meetings' })).records.map((r) => String(r.title)).sort();

  it('refuses the first app’s next save with a Chinese notice; nothing either app acknowledged is lost', async () => {
    dir = makeTempDir();
    cleanups.push(() => dir.remove());
    const a = await openTestApp({ dir: dir.dir });
    cleanups.push(() => a.close().catch(() => undefined));
    await setUpOffice(a);
    await a.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲：第一次会议' }) });
    await fs.rm(lockFile(dir.dir));
    const b = await openTestApp({ dir: dir.dir }); // it now can
    cleanups.push(() => b.close().catch(() => undefined));
    await b.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙：第一次会议' }) });

    const refused = await a.call('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ title: '甲：接管后的会议' }),
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('store_locked');
    expect(refused.error.message).toContain('数据目录已被其他程序接管');
    const info = await a.ok('app:info', {});
    expect(info.notices.some((n) => n.kind === 'lock_lost' && n.message.includes('已停止保存'))).toBe(true);

    // The displaced app appends nothing to the 操作日志 either: two writers would fork its chain.
    const lines = async () =>
      (await fs.readFile(path.join(dir.dir, 'audit', 'audit.log'), 'utf8')).trim().split('\n');
    const before = await lines();
    // An export writes no data file, only its 操作日志 line: refused too, not appended.
    const exported = await a.call('word:reportTemplate', {});
    expect(exported.ok).toBe(false);
    expect(await lines()).toEqual(before);

    await b.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙：第二次会议' }) });
    await a.close();
    await b.close();
    const c = await openTestApp({ dir: dir.dir });
    cleanups.push(() => c.close().catch(() => undefined));
    expect(await titles(c)).toEqual(['乙：第一次会议', '乙：第二次会议', '甲：第一次会议'].sort());
    expect((await c.ok('audit:verify', {})).ok).toBe(true);
  });

  it('refuses the app’s save when its lock file was replaced by another process’s lock', async () => {
    dir = makeTempDir();
    cleanups.push(() => dir.remove());
    const a = await openTestApp({ dir: dir.dir });
    cleanups.push(() => a.close().catch(() => undefined));
    await setUpOffice(a);
    await a.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲：第一次会议' }) });
    const holder = otherProcess();
    await fs.writeFile(lockFile(dir.dir), JSON.stringify(lockOf(holder.pid!, 'cli')));
    const refused = await a.call('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ title: '甲：第二次会议' }),
    });
    expect(refused.ok ? null : refused.error.code).toBe('store_locked');
    expect(refused.ok ? '' : refused.error.message).toContain(`命令行工具使用（进程号 ${holder.pid}`);
    await a.close();
    holder.kill('SIGKILL');
    await exited(holder);
    const c = await openTestApp({ dir: dir.dir }); // the holder is gone: its lock is taken over
    cleanups.push(() => c.close().catch(() => undefined));
    expect(await titles(c)).toEqual(['甲：第一次会议']);
  });
});
