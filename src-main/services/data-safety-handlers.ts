// 设置 → 数据与备份 and the CLI's verify/backup/restore: backups (automatic, to a chosen folder, downloaded), restore
// (from a backup, a chosen file or an upload; checked whole first, the data before it saved, what changed told),
// and 检查数据 (data-check.ts). Every action is written to the 操作日志; the router has already checked that the caller
// is the administrator.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Security } from '../auth';
import type { CallContext } from '../shared/context';
import type { HandlersFor } from '../shared/contract';
import type { BackupInfo, BackupResult, RestorePreview } from '../shared/contract/core';
import { AppFailure, isAppFailure } from '../shared/result';
import type { CheckedBundle } from '../store';
import { formatForUser } from '../store/format-time';
import { verifyAll, type CheckSecurity } from './data-check';
import { dataChanges, emptiedKinds, summarizeChanges } from './restore-changes';
import type { AuditEvent, ServiceContext } from './service-context';

type DataSafetyChannel =
  | 'store:backup'
  | 'store:backups'
  | 'store:download'
  | 'store:inspect'
  | 'store:upload'
  | 'store:restore'
  | 'store:verify'
  | 'store:choosePath';

export interface DataSafetyDeps {
  security: CheckSecurity & Pick<Security, 'guardRestore' | 'afterRestore'>;
}

/** "backup-20261129-103000-000.json" → "教育整顿工作台备份-20261129-103000.json": what the browser saves it as. */
function downloadName(file: string): string {
  const m = /^backup-(\d{8}-\d{6})/.exec(path.basename(file));
  return m ? `教育整顿工作台备份-${m[1]}.json` : path.basename(file);
}

function failureText(e: unknown): string {
  return isAppFailure(e) ? e.message : '程序内部出错';
}

export function createDataSafetyHandlers(
  sc: ServiceContext,
  deps: DataSafetyDeps,
): HandlersFor<DataSafetyChannel> {
  const { store } = sc;
  const { security } = deps;
  const audit = (ctx: CallContext, event: Omit<AuditEvent, 'target'>) =>
    sc.audit.record({ target: 'store', ...event }, ctx);

  async function preview(checked: CheckedBundle, current: Record<string, unknown>, name: string) {
    const { header } = checked;
    const warnings = [
      '恢复会用备份中的数据替换现有的全部数据；现有数据会先另存为一份备份，需要时可以再恢复回来。',
    ];
    if (security.accountsEnabled()) warnings.push('恢复后所有人（包括您）都要重新登录。');
    const emptied = emptiedKinds(current, checked.missing);
    if (emptied.length)
      warnings.push(`备份中没有${emptied.map((l) => `「${l}」`).join('')}，恢复后这些数据为空。`);
    if (header.schemaVersion < store.schemaVersion) {
      warnings.push(`备份的数据格式是第 ${header.schemaVersion} 版，恢复时会自动升级。`);
    }
    const result: RestorePreview = {
      file: checked.file,
      fileName: name,
      createdAt: header.createdAt,
      reason: header.reason,
      size: checked.size,
      schemaVersion: header.schemaVersion,
      changes: dataChanges(current, Object.fromEntries(checked.values)),
      warnings,
    };
    return result;
  }

  /** The full check (the store's, then the accounts' rules for this directory), before anything is replaced. */
  async function inspect(file: string, name = path.basename(file)): Promise<RestorePreview> {
    const { checked, current } = await store.inspect(file);
    await security.guardRestore(file);
    return preview(checked, current, name);
  }

  async function backupInfo(file: string, external: boolean): Promise<BackupResult> {
    const listed = external ? undefined : (await store.listBackups()).find((b) => b.file === file);
    if (listed) return { ...listed, external };
    const size = (await fsp.stat(file).catch(() => null))?.size ?? 0;
    return { file, createdAt: sc.now().toISOString(), reason: '手动备份', size, external };
  }

  return {
    'store:backup': async ({ folder, file }, ctx) => {
      const reason = ctx.door === 'cli' ? '命令行备份' : '手动备份';
      const external = !!(folder || file);
      const out = await store.backup(reason, external ? { folder, file } : undefined);
      const detail = external ? `备份到所选位置（已读回检查）：${out}` : `立即备份：${out}`;
      await audit(ctx, { action: '备份', detail });
      return backupInfo(out, external);
    },

    'store:backups': async () => ({
      dataDir: store.dataDir,
      backupDir: store.backupDir,
      keep: store.maxBackups,
      backups: await store.listBackups(),
    }),

    'store:download': async ({ file }, ctx) => {
      let entry: BackupInfo | undefined;
      if (file) {
        entry = (await store.listBackups()).find((b) => b.file === path.resolve(file));
        if (!entry) throw new AppFailure('not_found', '只能下载「自动备份」列表中的备份文件。');
        if (entry.problem) throw new AppFailure('bad_file', `该备份不能使用：${entry.problem}`);
      } else {
        const made = await store.backup('下载备份');
        entry = (await store.listBackups()).find((b) => b.file === made);
      }
      if (!entry)
        throw new AppFailure('not_found', '备份文件已不在备份文件夹中（可能刚被轮换删除），请重试。');
      const bytes = await fsp.readFile(entry.file);
      await audit(ctx, { action: '备份', detail: `下载备份：${path.basename(entry.file)}` });
      return { fileName: downloadName(entry.file), dataBase64: bytes.toString('base64'), backup: entry };
    },

    'store:inspect': async ({ file }) => inspect(path.resolve(file)),

    'store:upload': async ({ fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (!bytes.length) throw new AppFailure('bad_file', `${fileName} 是空文件，不是本程序的备份文件。`);
      const staged = await store.stageUpload(bytes);
      try {
        return await inspect(staged, fileName);
      } catch (e) {
        await store.discardUpload(staged);
        // Say the name the user chose, not where it waited.
        if (isAppFailure(e)) {
          throw new AppFailure(e.code, e.message.split(path.basename(staged)).join(fileName), e.details);
        }
        throw e;
      }
    },

    'store:restore': async ({ file }, ctx) => {
      const source = path.resolve(file);
      const shown = store.isUpload(source) ? '上传的文件' : source;
      let outcome;
      try {
        // A backup from before accounts existed would switch them off: refused while accounts are in use.
        await security.guardRestore(source);
        outcome = await store.restore(source, (before, after) =>
          summarizeChanges(dataChanges(before, after)),
        );
      } catch (e) {
        await store.discardUpload(source); // an upload refused is not kept: it may hold what was refused
        await audit(ctx, { action: '恢复备份', detail: `未恢复 ${shown}：${failureText(e)}` });
        throw e;
      }
      const signedOut = security.accountsEnabled();
      security.afterRestore();
      await store.discardUpload(source);
      const changes = dataChanges(outcome.previous, outcome.restored);
      const summary = summarizeChanges(changes);
      const when = formatForUser(outcome.createdAt);
      await audit(ctx, {
        action: '恢复备份',
        detail: `从 ${shown}（${when} 的备份）恢复全部数据；恢复前的数据已备份到 ${outcome.safetyBackup}；${summary}`,
      });
      return {
        restoredFrom: source,
        createdAt: outcome.createdAt,
        safetyBackup: outcome.safetyBackup,
        changes,
        message: `已从 ${when} 的备份恢复全部数据。恢复前的数据已另存为备份：${outcome.safetyBackup}。`,
        signedOut,
      };
    },

    'store:verify': async (_a, ctx) => {
      const report = await verifyAll(sc, security);
      const counts = report.sections.filter((s) => s.problems.length);
      // Counts only: problems may name 线索编号, and the 操作日志 is clear text.
      const detail = report.ok
        ? '检查通过'
        : `发现 ${report.problems.length} 个问题（${counts.map((s) => `${s.title} ${s.problems.length}`).join('、')}）`;
      await audit(ctx, { action: '检查数据', detail });
      return report;
    },

    // Only the desktop has a dialog: its door answers this channel itself (src-main/electron/backup-dialog.ts).
    'store:choosePath': async () => ({ path: null, supported: false }),
  };
}
