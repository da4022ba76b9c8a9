// CLI commands for Excel: the statistics workbook, ledger export and import, and the import template per ledger.
import path from 'node:path';
import type { Command } from 'commander';
import { ledgerList } from '../../shared/ledgers';
import { LEDGER_KEYS } from '../../shared/ledgers/types';
import type { LedgerKey } from '../../shared/ledgers/types';
import { withApp } from './open-app';
import { readInput, writeOutput } from './output-commands';

function ledgerKeyOf(name: string): LedgerKey {
  const def = ledgerList().find((d) => d.key === name || d.label === name);
  if (!def || !(LEDGER_KEYS as readonly string[]).includes(def.key)) {
    throw new Error(
      `未知的台账“${name}”。可用的台账：${ledgerList()
        .map((d) => `${d.key}（${d.label}）`)
        .join('、')}`,
    );
  }
  return def.key;
}

export function registerExcelCommands(program: Command, setExit: (code: number) => void) {
  program
    .command('stats <out>')
    .description('生成统计表（Excel）：工作进展、线索处置、四种形态、分单位；或按上级模板填写')
    .requiredOption('--from <date>', '起始日期，如 2026-04-01')
    .requiredOption('--to <date>', '截止日期，如 2026-04-30')
    .option('--template <file>', '上级下发的 .xlsx 模板（单元格中写 {{指标名}}）')
    .action(async (out: string, opts: { from: string; to: string; template?: string }, cmd: Command) => {
      const templateBase64 = opts.template ? readInput(opts.template).toString('base64') : undefined;
      await withApp(cmd, async (_app, call) => {
        const file = await call('excel:stats', { from: opts.from, to: opts.to, templateBase64 });
        process.stdout.write(`已生成：${writeOutput(out, file.dataBase64)}\n`);
      });
    });

  program
    .command('export <ledger> <out>')
    .description('导出一个台账的全部记录（Excel，表头与导入模板相同）')
    .option('--with-confidential', '包含涉密字段（如反映人），需要相应权限')
    .action(async (ledger: string, out: string, opts: { withConfidential?: boolean }, cmd: Command) => {
      const key = ledgerKeyOf(ledger);
      await withApp(cmd, async (_app, call) => {
        const file = await call('excel:export', {
          ledger: key,
          includeConfidential: !!opts.withConfidential,
        });
        process.stdout.write(`已导出：${writeOutput(out, file.dataBase64)}\n`);
      });
    });

  program
    .command('template <ledger> <out>')
    .description('下载一个台账的导入模板（Excel）')
    .action(async (ledger: string, out: string, _o, cmd: Command) => {
      const key = ledgerKeyOf(ledger);
      await withApp(cmd, async (_app, call) => {
        const file = await call('excel:importTemplate', { ledger: key });
        process.stdout.write(`已生成：${writeOutput(out, file.dataBase64)}\n`);
      });
    });

  program
    .command('import <ledger> <file>')
    .description('从 Excel 导入记录：先逐行检查，全部无误才写入（全部或全不）')
    .option('--dry-run', '只检查并列出问题，不写入')
    .option('--update', '遇到重复记录时更新（默认跳过）')
    .action(
      async (ledger: string, file: string, opts: { dryRun?: boolean; update?: boolean }, cmd: Command) => {
        const key = ledgerKeyOf(ledger);
        const args = {
          ledger: key,
          fileName: path.basename(file),
          dataBase64: readInput(file).toString('base64'),
          onDuplicate: opts.update ? ('update' as const) : ('skip' as const),
        };
        await withApp(cmd, async (_app, call) => {
          const preview = await call('excel:importPreview', args);
          const s = preview.summary;
          for (const w of preview.warnings) process.stdout.write(`提示：${w}\n`);
          if (preview.missingRequired.length)
            process.stdout.write(`缺少必填列：${preview.missingRequired.join('、')}\n`);
          for (const row of preview.rows) {
            for (const e of row.errors)
              process.stdout.write(
                `第${e.row}行 ${e.column ? `${e.column}列` : ''}（${e.header}）：${e.message}\n`,
              );
          }
          process.stdout.write(
            `工作表“${s.sheetName}”共 ${s.total} 行：新增 ${s.create}，更新 ${s.update}，跳过 ${s.skip}（重复 ${s.duplicates}），有问题 ${s.errorRows} 行\n`,
          );
          if (s.errorRows > 0 || preview.missingRequired.length) {
            process.stdout.write('有问题，未写入任何记录。请改正后重新导入。\n');
            setExit(1);
            return;
          }
          if (opts.dryRun) {
            process.stdout.write('检查通过（--dry-run：未写入）。\n');
            return;
          }
          const r = await call('excel:importCommit', args);
          process.stdout.write(`已导入：新增 ${r.created}，更新 ${r.updated}，跳过 ${r.skipped}。\n`);
        });
      },
    );
}
