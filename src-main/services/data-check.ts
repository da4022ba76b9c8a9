// 检查数据: everything read back from disk and checked (data files, the clue vault, the account list, the 操作日志,
// every backup whole), with the repairs made at start-up counted as problems: the office must hear of them, never
// find them by chance. Also the 操作日志's check when the first screen opens, for the banner.
import type { Security } from '../auth';
import type { StoreNoticeInfo, VerifyReport, VerifySection } from '../shared/contract/core';
import { REPAIR_KINDS } from '../store';
import { formatForUser } from '../store/format-time';
import type { ServiceContext } from './service-context';

/** What 检查数据 asks of security: its start-up findings and its own checks. */
export type CheckSecurity = Pick<
  Security,
  'accountsEnabled' | 'notices' | 'verifyVault' | 'verifyAccounts' | 'verifyAuditChain'
>;

/** Runs every check, in the order the report lists them; never changes the data (the account check may log). */
export async function verifyAll(sc: ServiceContext, security: CheckSecurity): Promise<VerifyReport> {
  const { store } = sc;
  const sections: VerifySection[] = [];
  const repairs = [...store.notices, ...security.notices()].filter((n) => REPAIR_KINDS.has(n.kind));
  sections.push({
    key: 'repairs',
    title: '启动时的自动修复',
    checked: '已查看本次启动时的修复记录',
    problems: repairs.map((n) => n.message),
    notes: [],
  });
  const files = await store.verify();
  sections.push({
    key: 'store',
    title: '数据文件',
    checked: `已检查 ${store.collectionCount} 个数据文件`,
    problems: files.problems,
    notes: [],
  });
  sections.push({
    key: 'vault',
    title: '问题线索加密数据',
    checked: '已核对每组加密数据的校验值',
    problems: await security.verifyVault(),
    notes: [],
  });
  const enabled = security.accountsEnabled();
  sections.push({
    key: 'accounts',
    title: '账户数据',
    checked: enabled ? '已核对账户列表与其校验副本' : '尚未启用账户，无需核对',
    problems: await security.verifyAccounts(),
    notes: [],
  });
  const chain = await security.verifyAuditChain();
  sections.push({
    key: 'audit',
    title: '操作日志',
    checked: `已检查 ${chain.lines} 条记录`,
    problems: chain.problems,
    notes: chain.notes ?? [],
  });
  const backups = await store.verifyBackups();
  const good = backups.filter((b) => b.ok);
  const backupNotes: string[] = [];
  const backupProblems = backups
    .filter((b) => !b.ok)
    // The check is restore's own, whose refusal ends "，未做任何恢复": nothing was being restored here.
    .map(
      (b) => `${formatForUser(b.createdAt)} 的备份不能用于恢复：${b.problem?.replace('，未做任何恢复', '')}`,
    );
  if (!backups.length) backupNotes.push('还没有备份：修改数据后会自动备份，也可以点「立即备份」。');
  else if (!good.length) backupProblems.push('没有一份完好的备份：请立即备份。');
  else if (!backups[0].ok) {
    backupNotes.push(
      `最新的完好备份是 ${formatForUser(good[0].createdAt)} 的备份，数据文件损坏时将从它恢复。`,
    );
  }
  sections.push({
    key: 'backups',
    title: '备份',
    checked: `已逐份完整读取 ${backups.length} 份备份`,
    problems: backupProblems,
    notes: backupNotes,
  });
  const problems = sections.flatMap((s) => s.problems.map((p) => (s.key === 'audit' ? `操作日志：${p}` : p)));
  return {
    ok: problems.length === 0,
    problems,
    sections,
    backups: backups.map(({ file, createdAt, reason, size, ok, problem }) => ({
      file,
      createdAt,
      reason,
      size,
      ok,
      ...(problem ? { problem } : {}),
    })),
    checkedAt: sc.now().toISOString(),
  };
}

/**
 * The 操作日志 checked once, when the first screen asks for app info (the start of a session of the app): a
 * damaged or edited log is told in the banner, never found only by someone who thinks to run 检查数据. A long log is
 * not waited for beyond `waitMs`: its finding then comes with the next app info.
 */
export function auditStartCheck(
  security: Pick<Security, 'verifyAuditChain'>,
  now: () => Date,
  waitMs = 1500,
) {
  let checked: Promise<StoreNoticeInfo[]> | null = null;
  let found: StoreNoticeInfo[] | null = null;
  return async (): Promise<StoreNoticeInfo[]> => {
    if (found) return found;
    checked ??= security.verifyAuditChain().then(
      (r) =>
        (found = r.problems.length
          ? [
              {
                kind: 'damaged',
                message:
                  `启动时检查操作日志发现 ${r.problems.length} 处问题：${r.problems[0]}${r.problems.length > 1 ? '等' : ''}。` +
                  `请管理员在「设置 → 数据与备份」中检查数据。`,
                at: now().toISOString(),
              },
            ]
          : []),
      () => (found = []),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<StoreNoticeInfo[]>((resolve) => {
      timer = setTimeout(() => resolve([]), waitMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([checked, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
