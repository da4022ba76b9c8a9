// Handlers of the Word channels: the report (built-in or the office's template filled), the report as a template,
// bulletins, and the office's Word templates kept in the shared 'templates' collection (kind 'word-report').
import { choiceMeaningsOf } from '../shared/choice-meanings';
import { randomUUID } from 'node:crypto';
import type { HandlersFor } from '../shared/contract';
import type { ReportNotesInfo } from '../shared/contract/report';
import type {
  wordContract,
  StoredWordTemplate,
  WordFile,
  WordPreviewItem,
  WordTemplateInfo,
} from '../shared/contract/word';
import { BUILTIN_TEMPLATE_ID } from '../shared/contract/word';
import { actorName } from '../shared/context';
import type { CallContext } from '../shared/context';
import { addDays } from '../shared/dates';
import type { IndicatorInfo, IndicatorValue, StatsQuery } from '../shared/indicators';
import type { Placeholder } from '../shared/placeholders';
import { AppFailure } from '../shared/result';
import {
  DEFAULT_BULLETIN_NAME,
  ValueBook,
  buildBulletin,
  buildReport,
  buildReportTemplate,
  documentFonts,
  fillTemplate,
  inspectTemplate,
  issueLabel,
  lookupFor,
  periodLabel,
  unitLookupFor,
} from '../word';
import type { UnitValues } from '../word';
import type { ReportNotesService } from './report-notes-service';
import { incompletePeriod } from './period-check';
import type { ServiceContext } from './service-context';
import type { IndicatorName } from '../stats/catalog';

const COLLECTION = 'templates';
const KIND = 'word-report';

/** Shown in a bulletin's 本期主要数据 block, when present in the catalog (counts only, nothing confidential). */
const KEY_NUMBERS: IndicatorName[] = [
  '集中学习次数',
  '专题授课次数',
  '参学率',
  '心得体会篇数',
  '学习笔记万字',
  '督导检查次数',
  '检视问题数',
  '已整改问题数',
  '整改率',
  '宣传稿件数',
];

export interface WordServiceDeps {
  computeValues(query: StatsQuery): { values: IndicatorValue[]; perUnit: UnitValues[] };
  /** What the office wrote for the period (存在的问题 …), and what it wrote last (for a template). */
  notes: Pick<ReportNotesService, 'get' | 'latest'>;
  /** The indicator catalog; when absent, the names of any computed values serve. */
  catalog?(): IndicatorInfo[];
}

export type WordHandlers = HandlersFor<keyof typeof wordContract>;

type AnyTemplate = { id: string; kind: string; isDefault?: boolean } & Record<string, unknown>;

const info = ({ dataBase64: _data, ...rest }: StoredWordTemplate): WordTemplateInfo => rest;

function daysBetween(from: string, to: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** The period of equal length just before [from, to], for {{名称|上期}}. */
export function previousPeriod(q: { from: string; to: string }): { from: string; to: string } {
  const to = addDays(q.from, -1);
  return { from: addDays(to, -daysBetween(q.from, q.to)), to };
}

function decodeBase64(data: string): Buffer {
  // The renderer may send a data: URL as read by FileReader.
  return Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');
}

async function wordFile(fileName: string, buf: Buffer, warnings: string[] = []): Promise<WordFile> {
  return {
    fileName,
    dataBase64: buf.toString('base64'),
    fonts: await documentFonts(buf),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Why the notes in a report may not be this period's own, for the warning list. */
export function notesWarning(info: ReportNotesInfo): string | null {
  if (info.source === 'saved') return null;
  if (info.source === 'previous' && info.sourcePeriod) {
    const { from, to } = info.sourcePeriod;
    return `“存在的问题”“下一步工作打算”沿用了${periodLabel(from, to)}的内容，尚未针对本期修改；请在“导出 → 工作情况报告 → 本期文字”中确认。`;
  }
  return '“存在的问题”“下一步工作打算”是程序提供的初稿，尚未由办公室填写；请在“导出 → 工作情况报告 → 本期文字”中修改。';
}

/** File names keep to characters every file system takes. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').trim();

export function createWordService(sc: ServiceContext, deps: WordServiceDeps): WordHandlers {
  const all = () => sc.store.get<AnyTemplate[] | undefined>(COLLECTION) ?? [];
  const templates = () => all().filter((t): t is AnyTemplate & StoredWordTemplate => t.kind === KIND);
  const catalog = (): IndicatorInfo[] =>
    deps.catalog?.() ?? deps.computeValues({ from: sc.today(), to: sc.today() }).values;
  const knownNames = () => catalog().map((i) => i.name);

  function find(id: string): StoredWordTemplate {
    const t = templates().find((x) => x.id === id);
    if (!t) throw new AppFailure('not_found', '未找到该 Word 模板（可能已被删除）', { id });
    return t;
  }

  /** The template a report uses: the one asked for, else the office's default, else none (built-in). */
  function chosen(templateId?: string): StoredWordTemplate | undefined {
    if (templateId === BUILTIN_TEMPLATE_ID) return undefined;
    if (templateId) return find(templateId);
    return templates().find((t) => t.isDefault);
  }

  /** Lookups for a template's placeholders, computing the previous period only when one asks for it. */
  function lookups(query: StatsQuery, placeholders: Placeholder[]) {
    const { values, perUnit } = deps.computeValues(query);
    const prev = placeholders.some((p) => p.variant === 'previous')
      ? deps.computeValues(previousPeriod(query))
      : undefined;
    const prevUnit = new Map(prev?.perUnit.map((u) => [u.unitId, new ValueBook(u.values)]));
    return {
      lookup: lookupFor(new ValueBook(values), prev && new ValueBook(prev.values)),
      units: perUnit.map((u) => ({
        unitName: u.unitName,
        lookup: unitLookupFor(u.unitName, new ValueBook(u.values), prevUnit.get(u.unitId)),
      })),
    };
  }

  /** Reads a template and checks it against today's catalog (an indicator may have been renamed since upload). */
  async function checked(buf: Buffer, label: string) {
    const inspection = await inspectTemplate(buf, knownNames(), label);
    const { problems } = inspection;
    if (problems.length) {
      const first = problems[0];
      const more = problems.length > 1 ? `，共${problems.length}处问题` : '';
      throw new AppFailure(
        'validation',
        `模板有误：${first.place}中“${first.context}”${first.message}${more}`,
        { problems },
      );
    }
    return inspection;
  }

  async function templateBuffer(tpl: StoredWordTemplate | undefined): Promise<Buffer> {
    if (tpl) return decodeBase64(tpl.dataBase64);
    return buildReportTemplate({ settings: sc.settings(), catalog: catalog(), notes: deps.notes.latest() });
  }

  /** Every export is audited (domain rule), with what went out. */
  async function logExport(ctx: CallContext, what: string, detail: string) {
    await sc.audit.record({ action: '导出', target: 'word', detail: `${what}：${detail}` }, ctx);
  }

  return {
    'word:report': async ({ from, to, templateId, templateBase64, allowIncomplete }, ctx) => {
      const query = { from, to };
      const warnings: string[] = [];
      const unfinished = incompletePeriod(to, sc.today(), allowIncomplete, '报告');
      if (unfinished) warnings.push(unfinished);
      const tpl = templateBase64 ? { name: '指定模板', dataBase64: templateBase64 } : chosen(templateId);
      let buf: Buffer;
      if (!tpl) {
        const { values, perUnit } = deps.computeValues(query);
        const notes = deps.notes.get(from, to);
        const carried = notesWarning(notes);
        if (carried) warnings.push(carried);
        buf = await buildReport({
          settings: sc.settings(),
          query,
          values,
          perUnit,
          notes: notes.notes,
          today: sc.today(),
        });
      } else {
        const data = decodeBase64(tpl.dataBase64);
        const { placeholders } = await checked(data, `模板“${tpl.name}”`);
        const { lookup, units } = lookups(query, placeholders);
        buf = await fillTemplate(
          data,
          lookup,
          units.map((u) => u.lookup),
        );
      }
      await logExport(ctx, '工作情况报告', `${from}至${to}，${tpl ? `模板“${tpl.name}”` : '内置格式'}`);
      return wordFile(safeName(`${tpl ? tpl.name : '工作情况报告'}（${from}至${to}）.docx`), buf, warnings);
    },

    'word:reportTemplate': async (_args, ctx) => {
      const buf = await buildReportTemplate({
        settings: sc.settings(),
        catalog: catalog(),
        notes: deps.notes.latest(),
      });
      await logExport(ctx, '工作情况报告模板', '内置格式');
      return wordFile('工作情况报告模板.docx', buf);
    },

    'word:bulletin': async ({ id, blankMasthead, withKeyNumbers }, ctx) => {
      const records = sc.records('bulletins', ctx);
      const bulletin = records.find((r) => r.id === id);
      if (!bulletin) throw new AppFailure('not_found', '未找到该期简报（可能已被删除）', { id });
      let keyNumbers: IndicatorValue[] | undefined;
      if (withKeyNumbers) {
        // "This period" runs from the day after the previous issue (or the campaign start) to this issue's date.
        const settings = sc.settings();
        const to = bulletin.date;
        const before = records
          .filter((r) => r.id !== id && r.date < to)
          .map((r) => r.date)
          .sort();
        const start = before.length ? addDays(before[before.length - 1], 1) : settings.campaignStart;
        const from = start <= to ? start : to;
        const { values } = deps.computeValues({ from, to });
        keyNumbers = KEY_NUMBERS.flatMap((n) => values.filter((v) => v.name === n && !v.fromConfidential));
      }
      const bulletinName = sc.settings().bulletinName || DEFAULT_BULLETIN_NAME;
      const buf = await buildBulletin({
        settings: sc.settings(),
        bulletin,
        keyNumbers,
        blankMasthead,
        bulletinName,
      });
      const label = issueLabel(bulletin, choiceMeaningsOf(sc.settings()));
      await logExport(ctx, '简报', `${label}（${id}）`);
      return wordFile(safeName(`${bulletinName}${label}.docx`), buf);
    },

    'word:templates:list': async () => ({ templates: templates().map(info) }),

    'word:templates:add': async ({ name, fileName, dataBase64, isDefault }, ctx) => {
      const buf = decodeBase64(dataBase64);
      const label = fileName ? `“${fileName}”` : '上传的文件';
      const { placeholders } = await checked(buf, label);
      if (!placeholders.length) {
        throw new AppFailure(
          'validation',
          `${label}中没有找到任何占位符（如 {{集中学习次数}}），不能作为报告模板`,
          { problems: [] },
        );
      }
      const stored: StoredWordTemplate = {
        id: `wt-${randomUUID()}`,
        kind: KIND,
        name,
        fileName: safeName(fileName ?? `${name}.docx`),
        isDefault: !!isDefault,
        createdAt: sc.now().toISOString(),
        createdBy: actorName(ctx),
        placeholders: placeholders.map((p) => `{{${p.key}}}`),
        dataBase64: buf.toString('base64'),
      };
      await sc.store.update<AnyTemplate[] | undefined>(COLLECTION, (cur = []) => [
        ...cur.map((t) => (isDefault && t.kind === KIND && t.isDefault ? { ...t, isDefault: false } : t)),
        stored as unknown as AnyTemplate,
      ]);
      return { template: info(stored) };
    },

    'word:templates:setDefault': async ({ id }) => {
      // 'builtin' makes the built-in report the default again.
      if (id !== BUILTIN_TEMPLATE_ID) find(id);
      await sc.store.update<AnyTemplate[] | undefined>(COLLECTION, (cur = []) =>
        cur.map((t) =>
          t.kind === KIND && !!t.isDefault !== (t.id === id) ? { ...t, isDefault: t.id === id } : t,
        ),
      );
      return { templates: templates().map(info) };
    },

    'word:templates:remove': async ({ id }) => {
      find(id);
      await sc.store.update<AnyTemplate[] | undefined>(COLLECTION, (cur = []) =>
        cur.filter((t) => !(t.kind === KIND && t.id === id)),
      );
      return { templates: templates().map(info) };
    },

    'word:preview': async ({ from, to, templateId }) => {
      const { placeholders } = await checked(await templateBuffer(chosen(templateId)), '模板');
      const { lookup, units } = lookups({ from, to }, placeholders);
      const items: WordPreviewItem[] = [];
      for (const p of placeholders) {
        if (!p.perUnit) items.push({ placeholder: `{{${p.key}}}`, value: lookup(p) });
        else
          for (const u of units)
            items.push({ placeholder: `{{${p.key}}}`, value: u.lookup(p), unit: u.unitName });
      }
      return items;
    },
  };
}
