// CLI commands over the records: demo data and the indicator catalog.
import type { Command } from 'commander';
import { formatIndicator } from '../../stats/format';
import { ledgerDef, ledgerList } from '../../shared/ledgers';
import { LEDGER_KEYS } from '../../shared/ledgers/types';
import type { LedgerKey } from '../../shared/ledgers/types';

const isLedgerKey = (k: string): k is LedgerKey => (LEDGER_KEYS as readonly string[]).includes(k);
import { withApp } from './open-app';

export function registerDataCommands(program: Command, setExit: (code: number) => void) {
  program
    .command('demo')
    .description('载入演示数据（一个约15个单位、4个月的区，所有台账共数千条记录）')
    .option('--replace', '替换数据目录中已有的全部记录')
    .action(async (opts: { replace?: boolean }, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        const existing = await call('ledgers:query', { ledger: 'meetings', limit: 0 });
        if (existing.count && !opts.replace) {
          process.stderr.write('该数据目录已有记录。要用演示数据替换，请加 --replace（会先自动备份）。\n');
          setExit(1);
          return;
        }
        const r = await call('demo:load', { replace: true });
        process.stdout.write(`已载入演示数据：${r.records} 条记录。\n`);
      });
    });

  program
    .command('list <ledger>')
    .description('列出一个台账的记录（编号、日期、名称），ledger 为台账键名，如 meetings、bulletins')
    .option('--json', '以 JSON 输出全部字段')
    .action(async (ledger: string, opts: { json?: boolean }, cmd: Command) => {
      if (!isLedgerKey(ledger))
        throw new Error(
          `未知的台账“${ledger}”。可用的台账：${ledgerList()
            .map((d) => `${d.key}（${d.label}）`)
            .join('、')}`,
        );
      await withApp(cmd, async (_app, call) => {
        const { records } = await call('ledgers:list', { ledger });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
          return;
        }
        const def = ledgerDef(ledger);
        for (const r of records) {
          const title = r[def.titleField];
          process.stdout.write(`${r.id}\t${r.date}\t${typeof title === 'string' ? title : ''}\n`);
        }
        process.stderr.write(`共 ${records.length} 条${def.label}记录\n`);
      });
    });

  program
    .command('indicators')
    .description('计算全部指标：本期与累计（截至截止日期）')
    .requiredOption('--from <date>', '起始日期，如 2026-04-01')
    .requiredOption('--to <date>', '截止日期，如 2026-04-30')
    .option('--unit <unit>', '只统计某个单位（单位名称或编号）')
    .option('--json', '以 JSON 输出：[{ name, unit, period, cumulative }]')
    .action(async (opts: { from: string; to: string; unit?: string; json?: boolean }, cmd: Command) => {
      await withApp(cmd, async (_app, call) => {
        let unit: string | undefined;
        if (opts.unit) {
          const settings = await call('settings:get', {});
          const u = settings.units.find((x) => x.id === opts.unit || x.name === opts.unit);
          if (!u)
            throw new Error(
              `没有名为“${opts.unit}”的单位。可用的单位：${settings.units.map((x) => x.name).join('、')}`,
            );
          unit = u.id;
        }
        const { indicators } = await call('stats:compute', { from: opts.from, to: opts.to, unit });
        if (opts.json) {
          const rows = indicators.map((v) => ({
            name: v.name,
            unit: v.unit,
            period: v.period,
            cumulative: v.cumulative,
          }));
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        const width = Math.max(...indicators.map((v) => v.name.length));
        process.stdout.write(`指标${'　'.repeat(Math.max(0, width - 2))}  本期  |  累计\n`);
        for (const v of indicators) {
          const unitText = v.kind === 'list' || v.kind === 'text' || v.kind === 'percent' ? '' : v.unit;
          process.stdout.write(
            `${v.name}${'　'.repeat(width - v.name.length)}  ${formatIndicator(v.period, v.kind)}${unitText}  |  ${formatIndicator(v.cumulative, v.kind)}${unitText}\n`,
          );
        }
      });
    });
}
