// CLI commands that look after the data directory itself: verify, backup, restore.
import path from 'node:path';
import type { Command } from 'commander';
import { withApp } from './open-app';

export function registerStoreCommands(program: Command, setExit: (code: number) => void) {
  program
    .command('verify')
    .description('检查数据目录：文件能否读取、格式是否正确、版本是否匹配；发现问题时以非零状态退出')
    .action(async (_o, cmd: Command) => {
      await withApp(cmd, async (app) => {
        // Opening already repaired what it could; a repair is still a problem the office must hear about.
        // The sealed clue buckets: checked at opening (digests) and, if --user may open clues, at sign-in (GCM).
        const repairs = [...app.store.notices, ...app.security.notices()]
          .filter((n) => n.kind === 'restored' || n.kind === 'quarantined')
          .map((n) => n.message);
        const report = await app.store.verify();
        const vault = await app.security.verifyVault();
        // The account list against its sealed copy (and its keyed tags when --user is an administrator).
        const accounts = await app.security.verifyAccounts();
        const audit = await app.security.verifyAuditChain();
        const problems = [
          ...repairs,
          ...report.problems,
          ...vault,
          ...accounts,
          ...audit.problems.map((p) => `操作日志：${p}`),
        ];
        // What could not be checked (no administrator signed in, lines not sealed yet): said, not counted.
        for (const n of audit.notes ?? []) process.stdout.write(`说明（操作日志）：${n}\n`);
        if (!problems.length) process.stdout.write(`检查通过：${app.dataDir}\n`);
        else {
          process.stdout.write(
            `发现 ${problems.length} 个问题：\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
          );
          setExit(1);
        }
      });
    });

  program
    .command('backup [file]')
    .description('立即备份全部数据到一个文件（默认放在数据目录的 backups 文件夹）')
    .action(async (file: string | undefined, _o, cmd: Command) => {
      await withApp(cmd, async (app, call) => {
        await call('store:backups', {}); // the administrator's right, checked by the router like on every door
        const out = await app.store.backup('命令行备份', file ? path.resolve(file) : undefined);
        process.stdout.write(`已备份到：${out}\n`);
      });
    });

  program
    .command('restore <file>')
    .description('从备份文件恢复（先完整校验备份；当前数据会先另存为一个备份）')
    .action(async (file: string, _o, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        await call('store:restore', { file: path.resolve(file) });
        process.stdout.write(`已从 ${path.resolve(file)} 恢复。原有数据已另存为备份。\n`);
      });
    });
}
