// The low-level write path: temp file + fsync + rename, Windows rename retries, leftover cleanup.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RENAME_RETRY_MS,
  removeTempFiles,
  renameWithRetry,
  writeFileDurable,
} from '../../../src-main/store/durable-write';
import { tempDir } from './helpers';

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('durable writes', () => {
  it('replaces the target and leaves no temp file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    await writeFileDurable(file, '[1]');
    await writeFileDurable(file, [Buffer.from('[1,'), Buffer.from(''), Buffer.from('2]')]);
    expect(await fs.readFile(file, 'utf8')).toBe('[1,2]');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('writes thousands of chunks in order (more than one writev call)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'many.json');
    const chunks = Array.from({ length: 3000 }, (_, i) => Buffer.from(`${i},`));
    await writeFileDurable(file, chunks);
    expect(await fs.readFile(file, 'utf8')).toBe(Buffer.concat(chunks).toString());
  });

  it('keeps the old content and removes its temp file when the rename fails', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'b.json');
    await fs.mkdir(path.join(file, 'inside'), { recursive: true }); // a folder in the way
    await expect(writeFileDurable(file, 'x')).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(['b.json']);
  });

  it('retries a rename that Windows reports busy, then succeeds', async () => {
    let calls = 0;
    const rename = async (): Promise<void> => {
      calls += 1;
      if (calls < 3) throw fsError(calls === 1 ? 'EBUSY' : 'EPERM');
    };
    await renameWithRetry('a', 'b', { platform: 'win32', rename });
    expect(calls).toBe(3);
  });

  it('gives up on a busy rename after its time budget', async () => {
    let calls = 0;
    const started = Date.now();
    const rename = async (): Promise<void> => {
      calls += 1;
      throw fsError('EACCES');
    };
    await expect(renameWithRetry('a', 'b', { platform: 'win32', rename, maxWaitMs: 200 })).rejects.toThrow(
      'EACCES',
    );
    expect(calls).toBeGreaterThan(2);
    // Gives up after maxWaitMs rather than retrying for ever (a generous bound: this is not a timing test).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  /** A clock that only moves when the retry loop pauses: a minute of retries in no time. */
  function fakeClock() {
    let t = 0;
    const pauses: number[] = [];
    return {
      pauses,
      now: () => t,
      sleep: async (ms: number) => {
        pauses.push(ms);
        t += ms;
      },
      advance: (ms: number) => (t += ms),
    };
  }

  it('keeps retrying a rename an antivirus holds for up to a minute (as graceful-fs does), then gives up', async () => {
    expect(RENAME_RETRY_MS).toBe(60_000);
    const clock = fakeClock();
    let calls = 0;
    const rename = async (): Promise<void> => {
      calls += 1;
      throw fsError('EBUSY');
    };
    await expect(
      renameWithRetry('a', 'b', { platform: 'win32', rename, now: clock.now, sleep: clock.sleep }),
    ).rejects.toThrow('EBUSY');
    // Growing pauses, 10 ms more each time up to 100 ms, then 100 ms until the minute is used up.
    expect(clock.pauses.slice(0, 11)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]);
    expect(Math.max(...clock.pauses)).toBe(100);
    const waited = clock.now();
    expect(waited).toBeGreaterThan(59_800);
    expect(waited).toBeLessThanOrEqual(60_000);
    expect(calls).toBe(clock.pauses.length + 1);
  });

  it('succeeds once the scanner lets go, even 30 seconds in (it used to give up after 2 s)', async () => {
    const clock = fakeClock();
    const rename = async (): Promise<void> => {
      if (clock.now() < 30_000) throw fsError(clock.pauses.length % 2 ? 'EPERM' : 'EACCES');
    };
    await renameWithRetry('a', 'b', { platform: 'win32', rename, now: clock.now, sleep: clock.sleep });
    expect(clock.now()).toBeGreaterThanOrEqual(30_000);
    expect(clock.now()).toBeLessThan(30_200);
  });

  it('counts time the renames themselves take against the budget', async () => {
    const clock = fakeClock();
    let calls = 0;
    const rename = async (): Promise<void> => {
      calls += 1;
      clock.advance(20_000); // a rename that hangs on a network share
      throw fsError('EBUSY');
    };
    await expect(
      renameWithRetry('a', 'b', { platform: 'win32', rename, now: clock.now, sleep: clock.sleep }),
    ).rejects.toThrow('EBUSY');
    expect(calls).toBe(3);
  });

  it('does not retry other errors on Windows: a missing folder fails at once', async () => {
    const clock = fakeClock();
    let calls = 0;
    const rename = async (): Promise<void> => {
      calls += 1;
      throw fsError('ENOENT');
    };
    await expect(
      renameWithRetry('a', 'b', { platform: 'win32', rename, now: clock.now, sleep: clock.sleep }),
    ).rejects.toThrow('ENOENT');
    expect(calls).toBe(1);
    expect(clock.pauses).toEqual([]);
  });

  it('does not retry on POSIX, where EACCES is a real permission problem', async () => {
    let calls = 0;
    const rename = async (): Promise<void> => {
      calls += 1;
      throw fsError('EACCES');
    };
    await expect(renameWithRetry('a', 'b', { platform: 'linux', rename })).rejects.toThrow('EACCES');
    expect(calls).toBe(1);
  });

  it('removes only its own kind of leftover temp files', async () => {
    const dir = await tempDir();
    for (const name of ['.items.json.123.4.tmp', 'items.json', 'mine.tmp', '.x.1.tmp']) {
      await fs.writeFile(path.join(dir, name), '');
    }
    expect(await removeTempFiles(dir)).toEqual(['.items.json.123.4.tmp']);
    expect((await fs.readdir(dir)).sort()).toEqual(['.x.1.tmp', 'items.json', 'mine.tmp']);
  });
});
