// The directory lock: one program at a time, a clear Chinese refusal, stale locks taken over, released on exit.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../../src-main/store/index';
import { CHILD_SCRIPT, REPO_ROOT, exists, openStore, tempDir } from './helpers';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the child in `mode` and resolves once it printed "ready" (it holds the lock from then on). */
function startChild(dataDir: string, mode: 'hold' | 'exit'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, dataDir, mode], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) =>
      mode === 'exit' ? resolve(child) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The pid of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await exited(child);
  return child.pid!;
}

describe('directory lock', () => {
  it('refuses a second program with a Chinese message naming it, its pid and since when', async () => {
    const dir = await tempDir();
    const child = await startChild(dir, 'hold');
    const error = await openStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    const message = (error as Error).message;
    expect(message).toContain('命令行工具');
    expect(message).toContain(`进程号 ${child.pid}`);
    expect(message).toMatch(/自 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2} 起/);
    expect(message).toMatch(/请先关闭该程序后重试/);
    expect((error as StoreLockedError).holder?.pid).toBe(child.pid);
  });

  it('never invites deleting the lock of a program that may be running; says how to tell and what to close', async () => {
    const dir = await tempDir();
    const child = await startChild(dir, 'hold');
    const message = ((await openStore(dir).catch((e: unknown) => e)) as Error).message;
    expect(message).not.toMatch(/可删除锁文件|可以删除锁文件/);
    expect(message).toContain('请不要删除锁文件');
    expect(message).toContain(`按进程号 ${child.pid} 找到它`);
    expect(message).toContain('自动接管'); // once it is gone, the app takes over by itself

    // On another computer the app cannot see the process: deleting is allowed only once it is known to be gone.
    const other = await tempDir();
    const info = {
      owner: 'web',
      pid: 4242,
      hostname: 'other-pc',
      startedAt: new Date().toISOString(),
      token: 't',
    };
    await fs.writeFile(path.join(other, 'store.lock'), JSON.stringify(info));
    const remote = ((await openStore(other).catch((e: unknown) => e)) as Error).message;
    expect(remote).toContain('网页版服务');
    expect(remote).toMatch(/只有确认那台计算机上进程号 4242 的程序已经不存在.*后，才可以删除锁文件/);
  });

  it('takes over the lock of a program that was killed', async () => {
    const dir = await tempDir();
    const child = await startChild(dir, 'hold');
    child.kill('SIGKILL');
    await exited(child);
    const store = await openStore(dir, { owner: 'web' });
    const lock = JSON.parse(await fs.readFile(path.join(dir, 'store.lock'), 'utf8')) as {
      pid: number;
      owner: string;
    };
    expect(lock).toMatchObject({ pid: process.pid, owner: 'web' });
    await store.close();
  });

  it('takes over a lock file left by a process that no longer exists', async () => {
    const dir = await tempDir();
    const info = {
      owner: 'desktop',
      pid: await deadPid(),
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      token: 'old',
    };
    await fs.writeFile(path.join(dir, 'store.lock'), JSON.stringify(info));
    const store = await openStore(dir);
    expect(store.get('items')).toEqual([]);
    await store.close();
  });

  it('refuses a second open in the same process, and allows it again after close', async () => {
    const dir = await tempDir();
    const first = await openStore(dir, { owner: 'desktop' });
    await expect(openStore(dir)).rejects.toThrow(/桌面版程序使用/);
    await first.update('items', () => []);
    await first.close();
    expect(await exists(path.join(dir, 'store.lock'))).toBe(false);
    const second = await openStore(dir);
    await second.close();
  });

  it('releases the lock when the process exits without calling close()', async () => {
    const dir = await tempDir();
    const child = await startChild(dir, 'exit');
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(await exists(path.join(dir, 'store.lock'))).toBe(false);
  });

  it('does not steal a lock held from another computer (a shared folder)', async () => {
    const dir = await tempDir();
    const info = {
      owner: 'desktop',
      pid: await deadPid(),
      hostname: 'other-pc',
      startedAt: new Date().toISOString(),
      token: 't',
    };
    await fs.writeFile(path.join(dir, 'store.lock'), JSON.stringify(info));
    await expect(openStore(dir)).rejects.toThrow(/另一台计算机「other-pc」/);
  });

  it('waits out a lock file still being written, but takes over one that stayed unreadable', async () => {
    const dir = await tempDir();
    const lockFile = path.join(dir, 'store.lock');
    await fs.writeFile(lockFile, '');
    await expect(openStore(dir)).rejects.toThrow(StoreLockedError);
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockFile, old, old);
    const store = await openStore(dir);
    await store.close();
  });
});
