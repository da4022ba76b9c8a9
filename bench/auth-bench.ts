// Accounts and encryption benchmark: opening (decrypting) a 5,000-record clue ledger against JSON.parse of the same
// plaintext, saving one clue into it, and signing in at the production scrypt cost. Budgets: open ≤ 200 ms, sign-in ≤ 1 s.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectionSpecs, SCHEMA_VERSION } from '../src-main/app/collections';
import { silentLogger } from '../src-main/app/logger';
import { createSecurity } from '../src-main/auth';
import { DEFAULT_KDF } from '../src-main/auth/crypto';
import type { KdfParams } from '../src-main/auth/crypto';
import { ledgerCollection } from '../src-main/services/ledger-service';
import type { CallContext } from '../src-main/shared/context';
import type { LedgerRecord } from '../src-main/shared/ledgers/types';
import { Store } from '../src-main/store/index';

const RECORDS = 5_000;
const RUNS = 9;
const APPENDS = 200;
const PASSWORD = 'Bench#2026x';

function clue(i: number): LedgerRecord {
  const at = '2026-04-01T08:00:00.000Z';
  return {
    id: `c${String(i).padStart(6, '0')}`,
    group: 'clues',
    unit: 'u-office',
    date: `2026-${String((i % 6) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    clueNo: `XS-2026-${i}`,
    source: ['信访举报', '上级交办', '巡视巡察移交'][i % 3],
    reporter: `反映人${i % 211}`,
    personName: `被反映人${i % 1777}`,
    personUnit: `第${(i % 12) + 1}纪检监察室`,
    personPost: '科员',
    personRank: '一般干部',
    category: '违反廉洁纪律',
    summary: '反映其在办理信访件过程中存在违规收受礼品礼金问题，需进一步核实。',
    handler: `承办人${i % 9}`,
    disposition: '初步核实',
    dispositionDate: '2026-04-02',
    status: '处置中',
    createdBy: '线索组',
    createdAt: at,
    updatedBy: '线索组',
    updatedAt: at,
    rev: 1,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const row = (label: string, ms: number, raw: number | null, budget: string) => ({
  操作: label,
  'ms（中位数）': ms.toFixed(2),
  '对照 ms': raw === null ? '—' : raw.toFixed(2),
  倍数: raw === null ? '—' : (ms / raw).toFixed(2),
  预算: budget,
});

async function withSecurity<T>(
  kdf: KdfParams,
  fn: (s: ReturnType<typeof createSecurity>, store: Store) => Promise<T>,
): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'campaign-desk-auth-bench-'));
  const today = () => '2026-04-20';
  const store = await Store.open({
    dataDir: dir,
    collections: collectionSpecs(today),
    schemaVersion: SCHEMA_VERSION,
    logger: silentLogger,
    owner: 'cli',
  });
  const security = createSecurity({ store, dataDir: dir, logger: silentLogger, kdf });
  try {
    return await fn(security, store);
  } finally {
    await security.close();
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function runAuthBench(): Promise<void> {
  const records = Array.from({ length: RECORDS }, (_, i) => clue(i));
  const plaintext = JSON.stringify(records);
  const anon: CallContext = { door: 'cli', user: null, sessionId: 'bench' };

  const results = await withSecurity({ N: 2 ** 12, r: 8, p: 1 }, async (security, store) => {
    await store.update(ledgerCollection('clues'), () => records);
    const repo = security.repo({
      all: (l) => store.get<LedgerRecord[]>(ledgerCollection(l)),
      write: async () => undefined,
    });
    let t = performance.now();
    await security.handlers['auth:setupAdmin'](
      { username: 'bench', displayName: '基准', password: PASSWORD },
      anon,
    );
    const migrate = performance.now() - t;
    const openMs: number[] = [];
    const parseMs: number[] = [];
    const saveMs: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      security.afterRestore(); // lock and forget every decrypted record
      await security.sessions.signIn('bench', PASSWORD, 'cli');
      t = performance.now();
      const all = repo.all('clues');
      openMs.push(performance.now() - t);
      if (all.length !== RECORDS || all[0].personName !== records[0].personName)
        throw new Error('解密结果不符');
      t = performance.now();
      JSON.parse(plaintext);
      parseMs.push(performance.now() - t);
      t = performance.now();
      await repo.write('clues', (rs) => rs.map((r, i) => (i === k ? { ...r, remarks: `第${k}次` } : r)));
      saveMs.push(performance.now() - t);
    }
    return {
      migrate,
      open: median(openMs),
      parse: median(parseMs),
      save: median(saveMs),
      bytes: (await fs.stat(path.join(store.dataDir, 'vault-clues.json'))).size,
    };
  });

  const signIn = await withSecurity(DEFAULT_KDF, async (security) => {
    const setup = await security.handlers['auth:setupAdmin'](
      { username: 'bench', displayName: '基准', password: PASSWORD },
      anon,
    );
    const adminCtx = security.sessions.contextFor('cli', setup.sessionId, 'bench');
    await security.handlers['users:create'](
      { username: 'member', displayName: '组员', role: 'member', groups: [], password: PASSWORD },
      adminCtx,
    );
    security.sessions.signOut(setup.sessionId);
    const times: number[] = [];
    const memberTimes: number[] = [];
    for (let k = 0; k < 3; k++) {
      let t = performance.now();
      const s = await security.sessions.signIn('bench', PASSWORD, 'cli');
      times.push(performance.now() - t);
      security.sessions.signOut(s.sessionId); // the next sign-in unwraps the key again
      t = performance.now();
      const m = await security.sessions.signIn('member', PASSWORD, 'cli');
      memberTimes.push(performance.now() - t);
      security.sessions.signOut(m.sessionId);
    }
    return { admin: median(times), member: median(memberTimes) };
  });

  // One line of the 操作日志 (append + fsync + head.json), as every change writes it: while an administrator is
  // signed in (keyed) and while nobody is.
  const append = await withSecurity({ N: 2 ** 12, r: 8, p: 1 }, async (security) => {
    const setup = await security.handlers['auth:setupAdmin'](
      { username: 'bench', displayName: '基准', password: PASSWORD },
      anon,
    );
    const ctx = security.sessions.contextFor('cli', setup.sessionId, 'bench');
    const one = async (c: CallContext) => {
      const times: number[] = [];
      for (let k = 0; k < APPENDS; k++) {
        const t = performance.now();
        await security.audit.record(
          { action: '修改', target: 'meetings', recordId: `m${k}`, before: { a: k }, after: { a: k + 1 } },
          c,
        );
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const keyed = await one(ctx);
    return { keyed, anonymous: await one(anon) };
  });

  console.log(
    `账户与加密基准：${RECORDS} 条问题线索，明文 ${(plaintext.length / 1e6).toFixed(2)} MB（字符），加密文件 ${(results.bytes / 1e6).toFixed(2)} MB；scrypt N=2^${Math.log2(DEFAULT_KDF.N)}, r=${DEFAULT_KDF.r}, p=${DEFAULT_KDF.p}`,
  );
  console.table([
    row('打开线索台账（解密 5000 条）vs JSON.parse 同样明文', results.open, results.parse, '≤ 200 ms'),
    row('保存一条线索（只重新加密它所在的一组 ≤100 条，含 fsync）', results.save, null, '—'),
    row('启用账户时迁移 5000 条线索（一次写入；此项 scrypt 用低成本参数）', results.migrate, null, '一次性'),
    row('登录：管理员（密码校验 + 解开线索密钥，生产参数）', signIn.admin, null, '≤ 1000 ms'),
    row('登录：工作组成员（生产参数）', signIn.member, null, '≤ 1000 ms'),
    row('操作日志追加一行（管理员已登录，含 fsync）', append.keyed, null, '—'),
    row('操作日志追加一行（无人登录，含 fsync）', append.anonymous, null, '—'),
  ]);
}
