// Inspects a superior's Excel template before it is stored: its placeholders, broken delimiters and unknown
// names (with the cell address), and warnings for what exceljs cannot carry through a fill.
import type { TemplateProblem } from '../shared/contract/excel';
import type { Placeholder } from '../shared/placeholders';
import { checkNames, hasBraces, scanText, writtenForm } from '../shared/placeholders';
import { HEADER_FOOTER_KEYS, scanCell } from './template-cells';
import { describeName, fragileNames, loadTemplate } from './template-load';

export interface TemplateInspection {
  /** Each distinct placeholder once, in the order first met. */
  placeholders: Placeholder[];
  /** Rows that will be repeated once per unit. */
  perUnitRows: { sheet: string; row: number }[];
  problems: TemplateProblem[];
  warnings: string[];
}

export async function inspectXlsxTemplate(
  buf: Uint8Array,
  knownNames: readonly string[],
  fileName?: string,
): Promise<TemplateInspection> {
  const t = await loadTemplate(buf, fileName);
  const found = new Map<string, { p: Placeholder; where: string }>();
  const problems: TemplateProblem[] = [];
  const perUnitRows: TemplateInspection['perUnitRows'] = [];
  const warnings = [...t.warnings];

  for (const ws of t.wb.worksheets) {
    const unitRows = new Set<number>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const scan = scanCell(cell);
        if (!scan) return;
        const where = `${ws.name}!${cell.address}`;
        for (const p of scan.placeholders) {
          if (!found.has(p.key)) found.set(p.key, { p, where });
          if (p.perUnit) unitRows.add(row.number);
        }
        for (const pr of scan.problems) problems.push({ ...pr, where });
      });
    });
    const hf = ws.headerFooter as unknown as Record<string, unknown> | undefined;
    for (const k of HEADER_FOOTER_KEYS) {
      const text = hf?.[k];
      if (typeof text !== 'string' || !hasBraces(text)) continue;
      const scan = scanText(text);
      const where = `${ws.name}（页眉页脚）`;
      for (const p of scan.placeholders) {
        if (!found.has(p.key)) found.set(p.key, { p, where });
        if (p.perUnit)
          problems.push({
            kind: 'bad_place',
            message: `页眉页脚中不能使用按单位重复的占位符“${writtenForm(p)}”`,
            where,
            context: text,
          });
      }
      for (const pr of scan.problems) problems.push({ ...pr, where });
    }
    for (const r of [...unitRows].sort((a, b) => a - b)) perUnitRows.push({ sheet: ws.name, row: r });
    if (unitRows.size > 1) {
      warnings.push(
        `工作表“${ws.name}”有 ${unitRows.size} 行含“{{单位.…}}”占位符，每一行都会各自按单位重复。`,
      );
    }
  }

  const placeholders = [...found.values()].map((f) => f.p);
  for (const pr of checkNames(placeholders, knownNames)) {
    const at = [...found.values()].find((f) => pr.context === writtenForm(f.p));
    problems.push({ ...pr, where: at?.where ?? '' });
  }
  // exceljs loses or rewrites these on load; the filler keeps them itself, and the user is told so.
  for (const n of fragileNames(t)) {
    warnings.push(
      `${describeName(n, t.sheets)}：Excel 组件读取时会丢失或改写，本软件单独保存并在生成的文件中原样补回（随单位行下移）。`,
    );
  }
  if (!placeholders.length) warnings.push('模板中没有找到任何“{{指标名}}”占位符：生成的文件将与模板相同。');
  return { placeholders, perUnitRows, problems, warnings };
}
