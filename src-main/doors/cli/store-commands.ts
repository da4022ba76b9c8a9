// CLI commands that look after the data directory itself: verify, backup, restore. Each is one router call, like
// on every other door: the administrator's right is checked there, and each is written to the 操作日志.
import path from 'node:path';
import type { Command } from 'commander';
import { withApp } from './open-app';

export function registerStoreCommands(program: Command, setExit: (code: number) => void) {
  program
    .command('verify')
    .description(
      '检查数据：数据文件、操作日志、账户数据、问题线索加密数据和每一份备份；发现问题（含启动时自动修复过的）时以非零状态退出',
    )
    .action(async (_o, cmd: Command) => {
      await withApp(cmd, async (app, call) => {
        // Opening already repaired what it could; the report counts those repairs as problems the office must hear.
        const report = await call('store:verify', {});
        // What could not be checked (no administrator signed in, lines not sealed yet): said, not counted.
        for (const s of report.sections) {
          for (const n of s.notes) process.stdout.write(`说明（${s.title}）：${n}\n`);
        }
        const backups = report.backups.length;
        if (report.ok) {
          process.stdout.write(`检查通过：${app.dataDir}（含 ${backups} 份备份）\n`);
          return;
        }
        const list = report.problems.map((p) => `  - ${p}`).join('\n');
        process.stdout.write(`发现 ${report.problems.length} 个问题：\n${list}\n`);
        setExit(1);
      });
    });

  program
    .command('backup [file]')
    .description('立即备份全部数据到一个文件（默认放在数据目录的 backups 文件夹；指定文件时写完后读回检查）')
    .action(async (file: string | undefined, _o, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        const out = await call('store:backup', file ? { file: path.resolve(file) } : {});
        process.stdout.write(`已备份到：${out.file}\n`);
      });
    });

  program
    .command('restore <file>')
    .description('从备份文件恢复（先完整校验备份；当前数据会先另存为一个备份）')
    .action(async (file: string, _o, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        const r = await call('store:restore', { file: path.resolve(file) });
        const changes = r.changes.length ? r.changes.map((c) => `  - ${c.text}`).join('\n') : '  - 没有变化';
        process.stdout.write(`${r.message}\n变化：\n${changes}\n`);
        if (r.signedOut) process.stdout.write('所有账户的登录已结束，请重新登录。\n');
      });
    });
}
