// The 操作日志 hash chain: an edited, re-hashed, deleted, reordered or truncated line is found and named by line;
// with the audit key, lines are tagged and sealed, and tags stripped by someone rewriting the file are named too.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src-main/audit/audit-log';
import { GENESIS, lineHash } from '../../../src-main/audit/chain';
import type { AuditLine } from '../../../src-main/audit/chain';
import { makeTempDir } from '../../helpers/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let log: AuditLog;
beforeEach(async () => {
  tmp = makeTempDir('campaign-desk-audit-');
  log = new AuditLog(tmp.dir);
  for (let i = 1; i <= 6; i++) {
    await log.append({
      at: `2026-04-20T0${i}:00:00.000Z`,
      user: 'admin',
      door: 'ipc',
      action: '新增',
      target: 'meetings',
      recordId: `m${i}`,
      after: { title: `会议${i}` },
    });
  }
});
afterEach(() => tmp.remove());

const lines = () => readFileSync(log.file, 'utf8').split('\n').filter(Boolean);
const save = (ls: string[]) => writeFileSync(log.file, ls.join('\n') + '\n');
/** A fresh reader, as after a restart: only the files on disk. */
const verifyFromDisk = () => new AuditLog(tmp.dir).verify();

describe('verifyAuditChain', () => {
  it('passes an untouched log, after a restart too, and keeps the chain across restarts', async () => {
    expect(await log.verify()).toEqual({ ok: true, lines: 6, problems: [] });
    const reopened = new AuditLog(tmp.dir);
    await reopened.append({
      at: '2026-04-21T00:00:00.000Z',
      user: 'admin',
      door: 'cli',
      action: '导出',
      target: 'meetings',
    });
    expect(await verifyFromDisk()).toEqual({ ok: true, lines: 7, problems: [] });
    const last = JSON.parse(lines()[6]) as AuditLine;
    expect(last.seq).toBe(7);
    expect(last.prevHash).toBe((JSON.parse(lines()[5]) as AuditLine).hash);
  });

  it('finds a field edited in place', async () => {
    const ls = lines();
    ls[2] = ls[2].replace('"user":"admin"', '"user":"nobody"');
    save(ls);
    expect((await verifyFromDisk()).problems).toEqual(['第3行（序号3）内容被修改']);
  });

  it('finds an edit whose line hash was recomputed, through the link to the next line', async () => {
    const ls = lines();
    const l = JSON.parse(ls[2]) as AuditLine;
    const forged = { ...l, action: '删除' };
    ls[2] = JSON.stringify({ ...forged, hash: lineHash(forged) });
    save(ls);
    expect((await verifyFromDisk()).problems).toEqual([
      '第3行（序号3）内容被修改（与下一条记录的哈希链不符）',
    ]);
  });

  it('finds a deleted line', async () => {
    const ls = lines();
    ls.splice(2, 1);
    save(ls);
    expect((await verifyFromDisk()).problems).toEqual(['第2行与第3行之间的1条记录（序号3）被删除']);
  });

  it('finds two swapped lines', async () => {
    const ls = lines();
    [ls[2], ls[3]] = [ls[3], ls[2]];
    save(ls);
    expect((await verifyFromDisk()).problems).toEqual([
      '第3行（序号4）顺序错误：应在序号3之后',
      '第4行（序号3）顺序错误：位于序号4之后',
    ]);
  });

  it('finds lines deleted at the start and at the end', async () => {
    const ls = lines();
    save(ls.slice(1, 5));
    expect((await verifyFromDisk()).problems).toEqual([
      '第1行之前的1条记录（序号1）被删除',
      '末尾的1条记录（序号6）被删除',
    ]);
  });

  it('finds a damaged line and a deleted file', async () => {
    const ls = lines();
    ls[4] = ls[4].slice(0, 30);
    save(ls);
    expect((await verifyFromDisk()).problems).toEqual(['第5行无法解析：内容被修改或损坏']);
    rmSync(log.file);
    expect((await verifyFromDisk()).problems).toEqual(['操作日志文件已被删除（原有6条记录）']);
  });

  it('keeps appending on a fresh line after a line cut short by a crash, and names it', async () => {
    writeFileSync(log.file, readFileSync(log.file, 'utf8') + '{"seq":7,"at":"2026-');
    const reopened = new AuditLog(tmp.dir);
    const line = await reopened.append({
      at: '2026-04-21T00:00:00.000Z',
      user: 'admin',
      door: 'ipc',
      action: '登录',
      target: 'session',
    });
    expect(line.seq).toBe(7);
    const result = await reopened.verify();
    expect(result.problems).toEqual(['第7行无法解析：内容被修改或损坏']);
    expect(path.basename(reopened.file)).toBe('audit.log');
  });
});

describe('the keyed tags', () => {
  const KEY = Buffer.alloc(32, 7);
  const keyed = (dir: string) => new AuditLog(dir, { key: () => Buffer.from(KEY) });
  const entry = (i: number) => ({
    at: `2026-04-21T0${i}:00:00.000Z`,
    user: 'admin',
    door: 'ipc',
    action: '修改',
    target: 'meetings',
    recordId: `m${i}`,
  });
  /** Strips the tags of lines from..to, recomputes the whole chain and writes head.json without the seal mark. */
  function stripAndRechain(from: number, to: number) {
    const ls = lines().map((t) => JSON.parse(t) as AuditLine);
    for (let i = 0; i < ls.length; i++) {
      const { mac, ...rest } = ls[i];
      const kept = ls[i].seq >= from && ls[i].seq <= to ? rest : { ...rest, ...(mac ? { mac } : {}) };
      const body = { ...kept, prevHash: i === 0 ? GENESIS : ls[i - 1].hash };
      ls[i] = { ...body, hash: lineHash(body) };
    }
    save(ls.map((l) => JSON.stringify(l)));
    const last = ls[ls.length - 1];
    writeFileSync(log.headFile, JSON.stringify({ seq: last.seq, hash: last.hash }));
  }

  it('seals an untagged log from scratch, then tags every line and keeps the seal mark moving', async () => {
    const k = keyed(tmp.dir);
    expect(await k.seal('scratch')).toEqual({ sealed: 6 });
    await k.append(entry(1));
    expect(await keyed(tmp.dir).verify({ anchorRequired: true })).toEqual({
      ok: true,
      lines: 8,
      problems: [],
    });
    const head = JSON.parse(readFileSync(log.headFile, 'utf8')) as { sealed?: { seq: number } };
    expect(head.sealed?.seq).toBe(8);
  });

  it('does not seal lines whose tags and seal mark were stripped: they stay named inside the tagged part', async () => {
    const k = keyed(tmp.dir);
    await k.seal('scratch');
    for (let i = 1; i <= 3; i++) await k.append(entry(i));
    stripAndRechain(8, 10);
    // A new run with the key: the mark is gone, so nothing is sealed over the stripped lines.
    const next = keyed(tmp.dir);
    const refused = await next.seal();
    expect(refused.sealed).toBe(0);
    expect(refused.problem).toMatch(/缺少封存标记/);
    await next.append(entry(4));
    const v = await next.verify({ anchorRequired: true });
    expect(v.problems).toEqual([
      'head.json 缺少封存标记（文件被替换或改写）：操作日志可能被整体改写，请逐行核对',
      '第8行（序号8）位于已封存的记录中，却没有有效的密钥校验：内容被修改或插入',
      '第9行（序号9）位于已封存的记录中，却没有有效的密钥校验：内容被修改或插入',
      '第10行（序号10）位于已封存的记录中，却没有有效的密钥校验：内容被修改或插入',
    ]);
    // The recovery code re-anchors after the last line that checks out: the mark is back, and the stripped lines
    // stay named (they are evidence, never sealed over).
    const again = keyed(tmp.dir);
    expect(await again.seal('reanchor')).toEqual({ sealed: 0 });
    await again.append(entry(5));
    expect((await again.verify({ anchorRequired: true })).problems).toEqual(v.problems.slice(1));
  });

  it('without the key reports lines as unchecked, and a wrong key as edited', async () => {
    const k = keyed(tmp.dir);
    await k.seal('scratch');
    expect((await verifyFromDisk()).notes).toEqual([
      '没有管理员登录，未用密钥核对：只检查了哈希链（能改文件的人可以重算哈希链），请由管理员登录后再检查',
    ]);
    const other = new AuditLog(tmp.dir, { key: () => Buffer.alloc(32, 9) });
    expect((await other.verify()).problems[0]).toBe('第7行（序号7）内容被修改（与操作日志密钥的校验不符）');
  });
});
