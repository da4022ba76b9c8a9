// 「生成月报」: the month's package in one action — the progress report, the statistics workbook and, when the office
// has set one as default, the superior's template filled — written into one folder named by the period. It goes
// through the same handlers as the single exports, so every number, check and audit line is the same.
import { join } from 'node:path';
import type { HandlersFor } from '../shared/contract';
import type { MonthlyPackage, PackageFile } from '../shared/contract/report';
import { EXCEL_BUILTIN_TEMPLATE_ID } from '../shared/contract/excel';
import { BUILTIN_TEMPLATE_ID } from '../shared/contract/word';
import type { CallContext } from '../shared/context';
import { daysInMonth } from '../shared/dates';
import { periodLabel } from '../word';
import type { ExcelHandlers } from './excel-service';
import { incompletePeriod } from './period-check';
import { writeFiles } from './output-files';
import type { ServiceContext } from './service-context';
import type { WordHandlers } from './word-service';

export interface PackageDeps {
  word: Pick<WordHandlers, 'word:report'>;
  excel: Pick<ExcelHandlers, 'excel:stats' | 'excel:templates:list'>;
  /** Where packages go when the caller names no folder (settings' output folder, else the documents folder). */
  outputRoot(): string;
}

/** "2026年10月" for a month, "2026年11月23日至11月29日" for any other range: the folder and file names. */
export function periodName(from: string, to: string): string {
  const label = periodLabel(from, to);
  return label.startsWith(from.slice(0, 4)) ? label : `${from.slice(0, 4)}年${label}`;
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

const fromBase64 = (s: string) => Buffer.from(s, 'base64');

export function createPackageHandlers(sc: ServiceContext, deps: PackageDeps): HandlersFor<'report:monthly'> {
  return {
    'report:monthly': async (args, ctx: CallContext) => {
      const { from, to } = args.month ? monthRange(args.month) : { from: args.from!, to: args.to! };
      const warnings: string[] = [];
      const unfinished = incompletePeriod(to, sc.today(), args.allowIncomplete, '月报');
      if (unfinished) warnings.push(unfinished);
      const name = periodName(from, to);
      // A folder from the caller only on the command line, where the person typed it; a page names none.
      const folder = args.outDir && ctx.door === 'cli' ? args.outDir : join(deps.outputRoot(), `${name}月报`);

      const report = await deps.word['word:report'](
        { from, to, templateId: BUILTIN_TEMPLATE_ID, allowIncomplete: true },
        ctx,
      );
      // The report's own "unfinished period" warning is the one above, said once.
      warnings.push(...(report.warnings ?? []).filter((w) => !w.startsWith('所选期间')));
      const stats = await deps.excel['excel:stats']({ from, to, templateId: EXCEL_BUILTIN_TEMPLATE_ID }, ctx);
      const superior = (await deps.excel['excel:templates:list']({}, ctx)).templates.find((t) => t.isDefault);
      const filled = superior
        ? await deps.excel['excel:stats']({ from, to, templateId: superior.id }, ctx)
        : undefined;

      const outputs: { fileName: string; data: Buffer; kind: PackageFile['kind'] }[] = [
        { fileName: `工作情况报告（${name}）.docx`, data: fromBase64(report.dataBase64), kind: 'report' },
        { fileName: `统计表（${name}）.xlsx`, data: fromBase64(stats.dataBase64), kind: 'stats' },
      ];
      if (superior && filled) {
        outputs.push({
          fileName: `${superior.name}（${name}）.xlsx`.replace(/[\\/:*?"<>|\r\n]+/g, '_'),
          data: fromBase64(filled.dataBase64),
          kind: 'superior',
        });
      }
      const written = await writeFiles(folder, outputs);
      await sc.audit.record(
        {
          action: '导出',
          target: 'package',
          detail: `月报：${from}至${to}，${outputs.length}个文件写入 ${folder}`,
        },
        ctx,
      );
      const result: MonthlyPackage = {
        folder,
        from,
        to,
        files: outputs.map((o, i) => ({
          fileName: o.fileName,
          path: written[i].path,
          size: written[i].size,
          kind: o.kind,
          ...(args.withData ? { dataBase64: o.data.toString('base64') } : {}),
        })),
        warnings,
        fonts: report.fonts,
      };
      return result;
    },
  };
}
