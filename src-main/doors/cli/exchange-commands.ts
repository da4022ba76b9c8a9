// CLI commands for units that run the app themselves: the office issues a 单位配置包 (unit-config) and merges
// 报送包 (receive); a 填报单位 is set up from its configuration (setup-unit) and writes its 报送包 (submit).
// A refusal exits non-zero with the reason and writes nothing.
import path from 'node:path';
import type { Command } from 'commander';
import { ledgerDef } from '../../shared/ledgers';
import type { MergeReport } from '../../shared/contract/exchange';
import { withApp } from './open-app';
import { readInput, writeOutput } from './output-commands';

function printReport(r: MergeReport): void {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `${r.unit.name} 报送包（${r.from} 至 ${r.to}，生成于 ${r.createdAt.slice(0, 16).replace('T', ' ')}，程序 ${r.appVersion}）`,
  );
  for (const l of r.byLedger)
    out(
      `  ${ledgerDef(l.ledger).label}：新增 ${l.added}，更新 ${l.changed}，删除 ${l.removed}，不变 ${l.unchanged}`,
    );
  out(
    `合计：新增 ${r.added}，更新 ${r.changed}，删除 ${r.removed}，不变 ${r.unchanged}，冲突 ${r.conflicts.length}`,
  );
  for (const c of r.conflicts)
    out(
      `  冲突：${ledgerDef(c.ledger).label}“${c.title}”（${c.date}）本机第 ${c.officeRev} 版，下级单位第 ${c.unitRev} 版`,
    );
}

export function registerExchangeCommands(program: Command, setExit: (code: number) => void) {
  program
    .command('unit-config <unit> <out>')
    .description('（区纪委监委）为下级单位签发单位配置包：unit 为设置中的单位编号（如 u-dhz）或单位名称')
    .action(async (unit: string, out: string, _o, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        const settings = await call('settings:get', {});
        const found = settings.units.find((u) => u.id === unit || u.name === unit);
        if (!found)
          throw new Error(
            `没有单位“${unit}”。可用的单位：${settings.units.map((u) => `${u.id}（${u.name}）`).join('、')}`,
          );
        const file = await call('exchange:issueConfig', { unit: found.id });
        process.stdout.write(
          `已签发：${writeOutput(out, file.dataBase64)}\n请通过U盘等离线方式交给${found.name}，并妥善保管。\n`,
        );
      });
    });

  program
    .command('setup-unit <file>')
    .description('（下级单位）用区纪委监委签发的单位配置包把本机设为该填报单位')
    .action(async (file: string, _o, cmd: Command) => {
      const dataBase64 = readInput(file).toString('base64');
      await withApp(cmd, async (_app, call) => {
        const me = await call('exchange:setupUnit', { dataBase64 });
        process.stdout.write(`本机已设为填报单位：${me.unit?.name}（${me.office}）\n`);
      });
    });

  program
    .command('submit <out>')
    .description('（下级单位）生成报送包：本单位在期间内的全部记录（不含问题线索），带签名')
    .requiredOption('--from <date>', '起始日期，如 2026-10-01')
    .requiredOption('--to <date>', '截止日期，如 2026-10-31')
    .action(async (out: string, opts: { from: string; to: string }, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        const file = await call('exchange:submit', { from: opts.from, to: opts.to });
        process.stdout.write(`已生成报送包：${writeOutput(out, file.dataBase64)}\n`);
      });
    });

  program
    .command('receive <files...>')
    .description(
      '（区纪委监委）接收下级单位的报送包（可一次多个）：核对签名、单位与数据版本，列出差异后一并合并',
    )
    .option('--dry-run', '只核对并列出将新增、更新、删除和冲突的记录，不写入')
    .option('--conflicts <side>', '两边都改过的记录以哪一方为准：office（本机）或 unit（下级单位）')
    .action(async (files: string[], opts: { dryRun?: boolean; conflicts?: string }, cmd: Command) => {
      if (opts.conflicts && opts.conflicts !== 'office' && opts.conflicts !== 'unit')
        throw new Error('--conflicts 只能是 office（以本机为准）或 unit（以下级单位为准）');
      const data = files.map((f) => readInput(f).toString('base64'));
      await withApp(cmd, async (_app, call) => {
        const { reports } = await call('exchange:receiveMany', {
          files: data,
          dryRun: !!opts.dryRun,
          ...(opts.conflicts ? { conflicts: opts.conflicts as 'office' | 'unit' } : {}),
        });
        reports.forEach(printReport);
        const names = files.map((f) => path.basename(f)).join('、');
        process.stdout.write(
          opts.dryRun
            ? `（试运行：未写入。文件 ${names}）\n`
            : `已合并 ${reports.length} 个报送包，合并前已自动备份。\n`,
        );
        if (opts.dryRun && reports.some((r) => r.conflicts.length)) setExit(2);
      });
    });
}
