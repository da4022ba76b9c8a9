// File-system errors reach people as Chinese sentences that name the file and say what to do — never Node's
// English ("EBUSY: resource busy or locked, rename …"): saving a document, writing a package, the store's own
// files (as an AppFailure, so the router shows it instead of 内部出错), and at start-up.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src-main/router/router';
import { writeFailure, writeFiles, writeOutputFile } from '../../../src-main/services/output-files';
import { isAppFailure } from '../../../src-main/shared/result';
import {
  describeFsError,
  describeStartupError,
  describeWriteError,
  StoreLockedError,
  StoreWriteError,
} from '../../../src-main/store/errors';
import { makeTempDir } from '../../helpers/temp-dir';

function fsError(code: string, syscall: string, p: string, dest?: string): NodeJS.ErrnoException {
  const where = dest ? `'${p}' -> '${dest}'` : `'${p}'`;
  return Object.assign(new Error(`${code}: something in English, ${syscall} ${where}`), {
    code,
    syscall,
    path: p,
    ...(dest ? { dest } : {}),
  });
}

/** Node's English left in a message, once the path and the product names (WPS, Excel) are taken out. */
function english(text: string, ...paths: string[]): RegExpMatchArray | null {
  let t = text;
  for (const p of paths) t = t.split(p).join('');
  return t.replace(/WPS|Excel|Office/g, '').match(/[A-Za-z]{3,}/);
}

describe('describeFsError', () => {
  it.each([
    ['EBUSY', '正被 WPS 或 Excel 打开', '请关闭该文件后重试'],
    ['EPERM', '正被 WPS 或 Excel 打开', '请关闭该文件后重试'],
    ['EACCES', '没有写入权限', '请换一个有权限的文件夹'],
    ['EROFS', '只读', '请换一个文件夹'],
    ['ENOSPC', '磁盘空间已满', '请清理磁盘'],
    ['ENOENT', '不存在', '请确认位置后重试'],
    ['EIO', '磁盘读写出错', '请检查磁盘后重试'],
    ['EMFILE', '同时打开的文件太多', '请关闭一些程序后重试'],
  ])('%s: names the file, says why and what to do, in Chinese', (code, why, todo) => {
    const text = describeFsError(fsError(code, 'open', 'D:\\月报\\统计表.xlsx'))!;
    expect(text).toContain('“D:\\月报\\统计表.xlsx”');
    expect(text).toContain(why);
    expect(text).toContain(todo);
    expect(english(text, 'D:\\月报\\统计表.xlsx')).toBeNull();
  });

  it('names the destination of a rename, not the hidden temp file, and never quotes Node', () => {
    const text = describeFsError(fsError('EBUSY', 'rename', '/out/.~统计表.xlsx.1.tmp', '/out/统计表.xlsx'))!;
    expect(text).toBe(
      '无法写入“/out/统计表.xlsx”：文件正被 WPS 或 Excel 打开（或被其他程序占用）。请关闭该文件后重试。',
    );
  });

  it('still says something Chinese for a code it does not know; nothing for what is not an fs error', () => {
    expect(describeFsError(fsError('EWHATEVER', 'open', '/a.xlsx'))).toBe(
      '无法写入“/a.xlsx”：系统报告错误（EWHATEVER）。请稍后重试；仍不行请换一个文件夹。',
    );
    expect(describeFsError(new Error('boom'))).toBeNull();
    expect(describeFsError('EBUSY')).toBeNull();
  });
});

describe('the store’s write failures reach the user', () => {
  it('says which data file, why, and that nothing changed — as an AppFailure the router passes on', async () => {
    const cause = fsError('ENOSPC', 'write', '/data/.meetings.json.1.1.tmp');
    // Exactly how the store's commit builds it.
    const e = new StoreWriteError(describeWriteError(cause, 'meetings.json'), { cause });
    expect(isAppFailure(e)).toBe(true);
    expect(e.message).toBe(
      '保存失败：无法写入 meetings.json（磁盘空间不足）。本次修改未生效，原有数据未受影响。请清理磁盘（删除不需要的文件、清空回收站）后重试。',
    );
    expect(e.details).toEqual({ fsCode: 'ENOSPC' });
    expect(e.cause).toBe(cause);
    const call = createRouter({
      handlers: {
        'settings:get': () => Promise.reject(e),
      } as never,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      authorize: () => null,
    });
    const r = await call('settings:get', {}, { door: 'internal', user: null, sessionId: 't' });
    expect(r).toMatchObject({ ok: false, error: { message: e.message } });
  });

  it('translates every code without English', () => {
    for (const code of ['EBUSY', 'EPERM', 'EACCES', 'EROFS', 'ENOSPC', 'EIO', 'EISDIR', 'ENOENT']) {
      const text = describeWriteError(fsError(code, 'rename', '/d/.x.tmp', '/d/x.json'), 'x.json');
      expect(english(text, 'x.json')).toBeNull();
      expect(text).toMatch(/^保存失败：无法写入 x\.json（.+）。本次修改未生效，原有数据未受影响。.+。$/);
    }
  });
});

describe('start-up errors', () => {
  it('translates a raw fs error with its path; keeps the store’s own Chinese messages', () => {
    const raw = fsError('EACCES', 'mkdir', '/home/办公室/.campaign-desk');
    expect(describeStartupError(raw)).toBe(
      '启动失败：无法打开“/home/办公室/.campaign-desk”：没有写入权限。请换一个有权限的文件夹，或请管理员开放该文件夹的权限。',
    );
    const locked = new StoreLockedError('/d', '/d/store.lock', null);
    expect(describeStartupError(locked)).toBe(locked.message);
    expect(describeStartupError(new Error('意外'))).toBe('启动失败：意外');
  });
});

describe('writing documents (package folder, save dialog)', () => {
  it.each([
    [
      'EBUSY',
      'conflict',
      /^文件“统计表\.xlsx”正被 WPS 或 Excel 打开（或被其他程序占用），无法覆盖；请关闭该文件后重试。位置：/,
    ],
    ['EPERM', 'conflict', /正被 WPS 或 Excel 打开/],
    ['EACCES', 'conflict', /该文件夹是只读的（或没有写入权限），请换一个文件夹后重试/],
    ['EROFS', 'conflict', /该文件夹是只读的/],
    ['ENOSPC', 'conflict', /^磁盘空间已满，“统计表\.xlsx”没有写入；请清理磁盘/],
    ['ENOENT', 'conflict', /文件夹不存在或不是文件夹/],
    ['EIO', 'internal', /^无法写入“\/out\/统计表\.xlsx”：磁盘读写出错/],
  ])('%s → %s with a Chinese message naming the file', (code, kind, said) => {
    const f = writeFailure('/out/统计表.xlsx', fsError(code, 'rename', '/out/.~x.tmp', '/out/统计表.xlsx'));
    expect(f.code).toBe(kind);
    expect(f.message).toMatch(said);
    expect(f.message).toContain('统计表.xlsx');
    expect(english(f.message, '/out/统计表.xlsx', '统计表.xlsx')).toBeNull();
    expect(f.details).toMatchObject({ path: '/out/统计表.xlsx', fsCode: code });
  });

  it('leaves no stub when the disk fills while writing, and keeps the old file', async () => {
    const tmp = makeTempDir('out-files-');
    try {
      const target = path.join(tmp.dir, '报告.docx');
      writeFileSync(target, 'old');
      const full = {
        writeFile: async (p: string) => {
          writeFileSync(p, 'half'); // a disk fills part-way through
          throw fsError('ENOSPC', 'write', p);
        },
        rename: async () => undefined,
      };
      await expect(writeOutputFile(target, Buffer.from('new'), full)).rejects.toThrow(/磁盘空间已满/);
      await expect(
        writeFiles(tmp.dir, [{ fileName: '统计表.xlsx', data: Buffer.from('x') }], full),
      ).rejects.toThrow(/磁盘空间已满/);
      expect(readdirSync(tmp.dir)).toEqual(['报告.docx']);
      expect(readFileSync(target, 'utf8')).toBe('old');
    } finally {
      tmp.remove();
    }
  });

  it('refuses a folder path that is a file, in Chinese', async () => {
    const tmp = makeTempDir('out-files-');
    try {
      writeFileSync(path.join(tmp.dir, '月报'), '');
      await expect(
        writeFiles(path.join(tmp.dir, '月报'), [{ fileName: 'a.docx', data: Buffer.from('x') }]),
      ).rejects.toThrow(/文件夹不存在或不是文件夹/);
    } finally {
      tmp.remove();
    }
  });

  it('refuses at once a real target that cannot be replaced (immutable, where the system allows making one)', async (ctx) => {
    const tmp = makeTempDir('out-files-');
    const folder = path.join(tmp.dir, '2026年10月月报');
    mkdirSync(folder);
    const held = path.join(folder, '统计表（2026年10月）.xlsx');
    writeFileSync(held, 'old');
    try {
      try {
        execFileSync('chattr', ['+i', held], { stdio: 'ignore' });
      } catch {
        ctx.skip();
      }
      const err = await writeFiles(folder, [
        { fileName: '工作情况报告（2026年10月）.docx', data: Buffer.from('r') },
        { fileName: '统计表（2026年10月）.xlsx', data: Buffer.from('s') },
      ]).catch((e: unknown) => e);
      expect(isAppFailure(err) && err.message).toMatch(
        /文件“统计表（2026年10月）\.xlsx”正被 WPS 或 Excel 打开/,
      );
      // All or nothing: the report beside it was not written either, and no temp file is left.
      expect(readdirSync(folder)).toEqual(['统计表（2026年10月）.xlsx']);
    } finally {
      try {
        execFileSync('chattr', ['-i', held], { stdio: 'ignore' });
      } catch {
        /* not immutable */
      }
      tmp.remove();
    }
  });
});
