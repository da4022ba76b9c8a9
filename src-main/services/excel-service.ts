// Handlers of the Excel channels: the 统计表 (built-in or a superior's template filled), ledger export, import
// template, import preview and all-or-nothing commit, and superiors' templates kept in the shared 'templates'
// collection (kind 'excel-stats'). Every export is audited.
import { createHash, randomUUID } from 'node:crypto';
import type { HandlersFor } from '../shared/contract';
import { EXCEL_BUILTIN_TEMPLATE_ID } from '../shared/contract/excel';
import type {
  ExcelFile,
  ExcelTemplateInfo,
  ImportCellError,
  ImportPreview,
  StoredExcelTemplate,
  excelContract,
} from '../shared/contract/excel';
import { actorName } from '../shared/context';
import type { CallContext } from '../shared/context';
import type { IndicatorInfo, IndicatorValue, StatsQuery } from '../shared/indicators';
import { ledgerDef } from '../shared/ledgers';
import { recordTitle } from '../shared/ledgers/record-text';
import type { LedgerKey } from '../shared/ledgers/types';
import type { ReturnFor } from '../shared/contract/returns';
import { AppFailure } from '../shared/result';
import {
  buildImportTemplate,
  buildStatsWorkbook,
  excelLookup,
  excelUnitLookups,
  exportLedger,
  fillXlsxTemplate,
  inspectXlsxTemplate,
  previewImport,
  readImport,
} from '../excel';
import type { ClueMatrix } from '../excel';

import { createImportReuse, HeldRecords, REUSE_MAX_BYTES } from './import-reuse';
import type { ReuseKey } from './import-reuse';
import type { ImportBatch } from './ledger-service';
import type { ReturnsService } from './returns-service';
import type { ServiceContext } from './service-context';
import { previousPeriod } from './word-service';

type UnitValues = { unitId: string; unitName: string; values: IndicatorValue[] };

export interface ExcelServiceDeps {
  computeValues(
    query: StatsQuery,
  ):
    | { values: IndicatorValue[]; perUnit: UnitValues[] }
    | Promise<{ values: IndicatorValue[]; perUnit: UnitValues[] }>;
  /** The ledger service's import batch: records go in as the sheet streams, commit() writes all or none. */
  ledgerService: {
    startImport(ledger: LedgerKey, ctx: CallContext): ImportBatch;
  };
  /** 报送: checks an import said to be a unit's return, and records it once committed. */
  returns?: Pick<ReturnsService, 'check' | 'record' | 'hasReturn'>;
  /** The indicator catalog, to check a template's names; when absent, the names of computed values serve. */
  catalog?(): IndicatorInfo[];
  /** Sources × dispositions of clues, when the stats module provides it (else derived from indicator names). */
  clueTable?(query: StatsQuery): ClueMatrix | undefined;
}

export type ExcelHandlers = HandlersFor<keyof typeof excelContract>;

const COLLECTION = 'templates';
const KIND = 'excel-stats';
/**
 * Rows of a preview sent over the wire at most (rows with an error or a duplicate first); the summary always
 * counts every row. The import holds no more than these while it reads.
 */
const PREVIEW_ROWS = 2000;

type AnyTemplate = { id: string; kind: string; isDefault?: boolean } & Record<string, unknown>;
const info = ({ dataBase64: _data, ...rest }: StoredExcelTemplate): ExcelTemplateInfo => rest;
const decodeBase64 = (data: string) => Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').trim();
const file = (fileName: string, buf: Buffer): ExcelFile => ({
  fileName: safeName(fileName),
  dataBase64: buf.toString('base64'),
});

function refusal(p: ImportPreview, e: ImportCellError | undefined): string {
  if (p.missingRequired.length) return `${p.warnings[0]}本次没有导入任何记录。`;
  if (!p.summary.total || !e) return '文件中没有可导入的数据行，本次没有导入任何记录。';
  const { errorRows, errorCount } = p.summary;
  const where = `第${e.row}行${e.column ? `${e.column}列` : ''}${e.header ? `（${e.header}）` : ''}`;
  return `导入未完成：${where}${e.message}${errorCount > 1 ? `；共 ${errorRows} 行 ${errorCount} 处错误` : ''}。请改正后重新导入，本次没有写入任何记录。`;
}

export function createExcelService(sc: ServiceContext, deps: ExcelServiceDeps): ExcelHandlers {
  const all = () => sc.store.get<AnyTemplate[] | undefined>(COLLECTION) ?? [];
  const templates = () => all().filter((t): t is AnyTemplate & StoredExcelTemplate => t.kind === KIND);
  const knownNames = async () =>
    (deps.catalog?.() ?? (await deps.computeValues({ from: sc.today(), to: sc.today() })).values).map(
      (i) => i.name,
    );

  function find(id: string): StoredExcelTemplate {
    const t = templates().find((x) => x.id === id);
    if (!t) throw new AppFailure('not_found', '未找到该 Excel 模板（可能已被删除）', { id });
    return t;
  }

  function chosen(templateId?: string): StoredExcelTemplate | undefined {
    if (templateId === EXCEL_BUILTIN_TEMPLATE_ID) return undefined;
    if (templateId) return find(templateId);
    return templates().find((t) => t.isDefault);
  }

  /** Reads a template and refuses it while it has broken placeholders or names the catalog does not know. */
  async function checked(buf: Buffer, fileName: string) {
    const inspection = await inspectXlsxTemplate(buf, await knownNames(), fileName);
    const { problems } = inspection;
    if (problems.length) {
      const first = problems[0];
      const more = problems.length > 1 ? `，共 ${problems.length} 处问题` : '';
      throw new AppFailure(
        'validation',
        `模板有误：${first.where} 中“${first.context}”${first.message}${more}`,
        { problems },
      );
    }
    return inspection;
  }

  async function audit(ctx: CallContext, detail: string) {
    await sc.audit.record({ action: '导出', target: 'excel', detail }, ctx);
  }

  /**
   * How an import reads: the context its rows are checked in, and for a unit's corrected return (one already
   * recorded for the same task, unit and ledger) what it replaces: the unit's stored records of the period that the
   * file's rows do not match go to the recycle bin, and matched ones are updated (never skipped as duplicates).
   */
  function importPlan(
    args: { ledger: LedgerKey; fileName: string; onDuplicate: 'skip' | 'update'; returnFor?: ReturnFor },
    ctx: CallContext,
    keepRows: number,
  ) {
    const existing = sc.records(args.ledger, ctx);
    const base = {
      settings: sc.settings(),
      existing,
      options: { onDuplicate: args.onDuplicate },
      fileName: args.fileName,
      keepRows,
    };
    const r = args.returnFor;
    if (!r) return { context: base };
    if (!deps.returns) throw new AppFailure('validation', '此处不能按报送任务导入');
    const task = deps.returns.check(r, args.ledger);
    const context = {
      ...base,
      // A return is matched against its own unit's records only: another unit's meeting of the same day and
      // name is another meeting, never one to overwrite.
      existing: existing.filter((rec) => rec.unit === r.unit),
      returnUnit: r.unit,
      returnPeriod: { from: task.from, to: task.to },
    };
    if (!deps.returns.hasReturn(r, args.ledger)) return { context };
    const removed = (matched: ReadonlySet<string>) =>
      existing.filter(
        (rec) => rec.unit === r.unit && rec.date >= task.from && rec.date <= task.to && !matched.has(rec.id),
      );
    return { context: { ...context, options: { onDuplicate: 'update' as const } }, replace: { removed } };
  }

  const reuse = createImportReuse();
  /** Taken right where the import context is: the settings and the ledger the rows are checked against. */
  function reuseKey(
    args: { ledger: LedgerKey; onDuplicate: 'skip' | 'update'; returnFor?: ReturnFor },
    ctx: CallContext,
    file: Uint8Array,
  ): ReuseKey {
    return {
      file,
      ledger: args.ledger,
      // A return is checked against its unit: the same file previewed as another unit's is another reading.
      onDuplicate: `${args.onDuplicate}\u0000${args.returnFor ? `${args.returnFor.taskId}\u0000${args.returnFor.unit}` : ''}`,
      caller: `${ctx.door}\u0000${ctx.sessionId}`,
      settings: sc.settings(),
      records: sc.repo.all(args.ledger),
    };
  }

  async function setTemplates(fn: (cur: AnyTemplate[]) => AnyTemplate[]) {
    await sc.store.update<AnyTemplate[] | undefined>(COLLECTION, (cur = []) => fn(cur));
  }

  return {
    'excel:stats': async ({ from, to, templateId, templateBase64 }, ctx) => {
      const query = { from, to };
      const tpl = templateBase64
        ? { id: 'cli', name: '指定模板', fileName: '指定模板.xlsx', dataBase64: templateBase64 }
        : chosen(templateId);
      const { values, perUnit } = await deps.computeValues(query);
      let buf: Buffer;
      if (!tpl) {
        const settings = sc.settings();
        // 累计 as the catalog counts it (rangesOf in src-main/stats/compute): from the campaign start, or from
        // the period start when that is earlier, to the period end.
        const cumulative = { from: from < settings.campaignStart ? from : settings.campaignStart, to };
        buf = await buildStatsWorkbook({
          settings,
          query,
          values,
          perUnit,
          clueTable: deps.clueTable?.(query),
          clueTableCumulative: deps.clueTable?.(cumulative),
          preparedBy: actorName(ctx),
          date: sc.today(),
        });
      } else {
        const data = decodeBase64(tpl.dataBase64);
        const { placeholders } = await checked(data, tpl.fileName);
        const prev = placeholders.some((p) => p.variant === 'previous')
          ? await deps.computeValues(previousPeriod(query))
          : undefined;
        const filled = await fillXlsxTemplate(
          data,
          excelLookup(values, prev?.values),
          excelUnitLookups(perUnit, prev?.perUnit),
        );
        buf = filled.buffer;
        for (const w of filled.warnings) sc.logger.warn(w, { template: tpl.id });
      }
      await audit(ctx, `统计表：${from}至${to}，${tpl ? `模板“${tpl.name}”` : '内置格式'}`);
      return file(`${tpl ? tpl.name : '统计表'}（${from}至${to}）.xlsx`, buf);
    },

    'excel:export': async ({ ledger, ids, includeConfidential }, ctx) => {
      const def = ledgerDef(ledger);
      const hasSecret = def.fields.some((f) => f.confidential);
      if (includeConfidential && hasSecret && !sc.policy.canSeeConfidentialFields(ledger, ctx)) {
        throw new AppFailure(
          'forbidden',
          `您没有导出“${def.label}”台账涉密字段（如${def.fields
            .filter((f) => f.confidential)
            .map((f) => f.label)
            .join('、')}）的权限`,
        );
      }
      let records = sc.records(ledger, ctx);
      if (ids) {
        const wanted = new Set(ids);
        records = records.filter((r) => wanted.has(r.id));
      }
      const now = sc.now();
      const buf = await exportLedger(def, records, sc.settings(), {
        includeConfidential: includeConfidential && hasSecret,
        exportedAt: `${sc.today()} ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`,
      });
      await audit(
        ctx,
        `${def.label}台账 ${records.length} 条${includeConfidential && hasSecret ? '（含涉密字段）' : ''}`,
      );
      return file(`${def.label}台账（${sc.today()}）.xlsx`, buf);
    },

    'excel:importTemplate': async ({ ledger, returnFor }, ctx) => {
      const def = ledgerDef(ledger);
      if (!sc.policy.canRead(ledger, ctx))
        throw new AppFailure('forbidden', `您没有查看“${def.label}”台账的权限`);
      if (!returnFor)
        return file(`${def.label}台账导入模板.xlsx`, await buildImportTemplate(def, sc.settings()));
      if (!deps.returns) throw new AppFailure('validation', '此处不能生成报送表');
      const task = deps.returns.check(returnFor, ledger);
      const unitName = sc.settings().units.find((u) => u.id === returnFor.unit)?.name ?? returnFor.unit;
      return file(
        `${unitName}${def.label}台账报送表（${task.name}）.xlsx`,
        await buildImportTemplate(def, sc.settings(), { unitName, taskName: task.name, ...task }),
      );
    },

    'excel:importPreview': async (args, ctx) => {
      const buf = decodeBase64(args.dataBase64);
      const key = reuseKey(args, ctx, buf);
      const def = ledgerDef(args.ledger);
      const plan = importPlan(args, ctx, PREVIEW_ROWS);
      if (plan.replace) {
        // A corrected return: the diff before the commit says what it removes as well as what it adds and changes.
        const { preview, matched } = await readImport(def, buf, plan.context, null);
        const removed = plan.replace.removed(matched);
        return {
          ...preview,
          summary: { ...preview.summary, remove: removed.length },
          removed: removed.slice(0, 200).map((r) => ({
            id: r.id,
            date: r.date,
            title: recordTitle(def, r),
          })),
        };
      }
      if (buf.byteLength > REUSE_MAX_BYTES) return previewImport(def, buf, plan.context);
      const held = new HeldRecords();
      const { preview } = await readImport(def, buf, plan.context, held);
      if (preview.summary.canCommit) reuse.hold(key, held, preview.summary.skip);
      return preview;
    },

    'excel:importCommit': async (args, ctx) => {
      const buf = decodeBase64(args.dataBase64);
      const key = reuseKey(args, ctx, buf);
      const plan = importPlan(args, ctx, 0);
      const batch = deps.ledgerService.startImport(args.ledger, ctx);
      // The commit of the file just previewed, with nothing changed since: its records as the preview read them.
      const reused = plan.replace ? null : reuse.take(key);
      let skipped: number;
      if (reused) {
        for (const r of reused.held.creates) batch.create(r);
        for (const u of reused.held.updates) batch.update(u.id, u.record);
        skipped = reused.skipped;
      } else {
        // Validated again against the records as they are now: someone may have changed them since the preview.
        // Each record goes to the batch as its row is read (validated and stamped there), so the commit holds
        // every record once; the batch is dropped unwritten when the file has an error.
        const {
          preview: p,
          firstError,
          matched,
        } = await readImport(ledgerDef(args.ledger), buf, plan.context, batch);
        if (!p.summary.canCommit)
          throw new AppFailure('validation', refusal(p, firstError), {
            summary: p.summary,
            missingRequired: p.missingRequired,
          });
        skipped = p.summary.skip;
        for (const r of plan.replace?.removed(matched) ?? []) batch.remove(r.id);
      }
      // Backs up the data first (only now that something will be written), then writes every record at once.
      const { created, updated, removed } = await batch.commit();
      if (args.returnFor && deps.returns) {
        // Recorded after the records are in: a return is never shown as received when its rows were not written.
        const sha256 = createHash('sha256').update(buf).digest('hex');
        await deps.returns.record(
          args.returnFor,
          { ledger: args.ledger, fileName: args.fileName, sha256, created, updated, skipped, removed },
          ctx,
        );
      }
      sc.logger.info('台账导入', {
        ledger: args.ledger,
        created,
        updated,
        skipped,
        removed,
        reused: !!reused,
      });
      return { created, updated, skipped, ...(plan.replace ? { removed } : {}) };
    },

    'excel:templates:list': async () => ({ templates: templates().map(info) }),

    'excel:templates:add': async ({ name, fileName, dataBase64, isDefault }, ctx) => {
      const buf = decodeBase64(dataBase64);
      const { placeholders, warnings } = await checked(buf, fileName);
      if (!placeholders.length) {
        throw new AppFailure(
          'validation',
          `“${fileName}”中没有找到任何占位符（如 {{集中学习次数}}），不能作为统计表模板`,
          { problems: [] },
        );
      }
      const stored: StoredExcelTemplate = {
        id: `xt-${randomUUID()}`,
        kind: KIND,
        name,
        fileName: safeName(fileName),
        isDefault: !!isDefault,
        createdAt: sc.now().toISOString(),
        createdBy: actorName(ctx),
        placeholders: placeholders.map((p) => `{{${p.key}}}`),
        warnings,
        dataBase64: buf.toString('base64'),
      };
      await setTemplates((cur) => [
        ...cur.map((t) => (isDefault && t.kind === KIND && t.isDefault ? { ...t, isDefault: false } : t)),
        stored as unknown as AnyTemplate,
      ]);
      return { template: info(stored) };
    },

    'excel:templates:setDefault': async ({ id }) => {
      if (id !== EXCEL_BUILTIN_TEMPLATE_ID) find(id);
      await setTemplates((cur) =>
        cur.map((t) =>
          t.kind === KIND && !!t.isDefault !== (t.id === id) ? { ...t, isDefault: t.id === id } : t,
        ),
      );
      return { templates: templates().map(info) };
    },

    'excel:templates:remove': async ({ id }) => {
      find(id);
      await setTemplates((cur) => cur.filter((t) => !(t.kind === KIND && t.id === id)));
      return { templates: templates().map(info) };
    },
  };
}
