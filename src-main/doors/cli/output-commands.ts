// CLI commands that write files: the Word report and bulletins (and, from the Excel module, tables and ledgers).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { withApp } from './open-app';

/** Reads a file the user named, with a Chinese message when it is not there. */
export function readInput(file: string): Buffer {
  try {
    return readFileSync(path.resolve(file));
  } catch {
    throw new Error(`无法读取文件：${path.resolve(file)}（文件不存在或没有权限）`);
  }
}

export function writeOutput(file: string, dataBase64: string): string {
  const out = path.resolve(file);
  writeFileSync(out, Buffer.from(dataBase64, 'base64'));
  return out;
}

/** The month before today's, YYYY-MM (the office's clock). */
export function lastMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function registerWordCommands(program: Command) {
  program
    .command('report <out>')
    .description('生成工作情况报告（Word，GB/T 9704-2012 公文格式）')
    .requiredOption('--from <date>', '起始日期，如 2026-04-01')
    .requiredOption('--to <date>', '截止日期，如 2026-04-30')
    .option(
      '--template <file>',
      '使用指定的 Word 模板（含 {{指标名}} 占位符）；默认使用办公室设置的默认模板或内置格式',
    )
    .option('--allow-incomplete', '期间尚未结束时仍然生成（数字不完整）')
    .action(
      async (
        out: string,
        opts: { from: string; to: string; template?: string; allowIncomplete?: boolean },
        cmd: Command,
      ) => {
        const templateBase64 = opts.template ? readInput(opts.template).toString('base64') : undefined;
        await withApp(cmd, async (_app, call) => {
          const file = await call('word:report', {
            from: opts.from,
            to: opts.to,
            templateBase64,
            allowIncomplete: !!opts.allowIncomplete,
          });
          process.stdout.write(`已生成：${writeOutput(out, file.dataBase64)}\n`);
          for (const w of file.warnings ?? []) process.stdout.write(`请注意：${w}\n`);
          if (file.fonts.length)
            process.stdout.write(
              `文档使用的字体：${file.fonts.join('、')}（未安装时办公软件会用其它字体代替）\n`,
            );
        });
      },
    );

  program
    .command('monthly [dir]')
    .description('生成月报：工作情况报告、统计表（及设为默认的上级模板）写入一个以期间命名的文件夹')
    .option('--month <month>', '月份，如 2026-10；默认为上个月')
    .option('--from <date>', '起始日期（与 --to 一起使用，代替 --month）')
    .option('--to <date>', '截止日期')
    .option('--allow-incomplete', '期间尚未结束时仍然生成（数字不完整）')
    .action(
      async (
        dir: string | undefined,
        opts: { month?: string; from?: string; to?: string; allowIncomplete?: boolean },
        cmd: Command,
      ) => {
        await withApp(cmd, async (_app, call) => {
          const range =
            opts.from || opts.to ? { from: opts.from, to: opts.to } : { month: opts.month ?? lastMonth() };
          const pkg = await call('report:monthly', {
            ...range,
            ...(dir ? { outDir: path.resolve(dir) } : {}),
            allowIncomplete: !!opts.allowIncomplete,
          });
          process.stdout.write(`已生成月报（${pkg.from}至${pkg.to}），文件夹：${pkg.folder}\n`);
          for (const f of pkg.files) process.stdout.write(`  ${f.fileName}\n`);
          for (const w of pkg.warnings) process.stdout.write(`请注意：${w}\n`);
        });
      },
    );

  program
    .command('bulletin <id> <out>')
    .description('生成一期简报（Word），<id> 为简报台账中的记录编号')
    .option('--blank-masthead', '留空红头，用于套印在预先印好的红头纸上')
    .option('--key-numbers', '附上本期主要数据')
    .action(
      async (
        id: string,
        out: string,
        opts: { blankMasthead?: boolean; keyNumbers?: boolean },
        cmd: Command,
      ) => {
        await withApp(cmd, async (_app, call) => {
          const file = await call('word:bulletin', {
            id,
            blankMasthead: !!opts.blankMasthead,
            withKeyNumbers: !!opts.keyNumbers,
          });
          process.stdout.write(`已生成：${writeOutput(out, file.dataBase64)}\n`);
        });
      },
    );
}
