// The Word service over a real store in a temporary data directory: report (built-in and from a template),
// template upload with its problems refused, default and removal, preview, bulletins, and the export audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src-main/store';
import { createWordService, previousPeriod } from '../../../src-main/services/word-service';
import { NOTES_COLLECTION, createReportNotesService } from '../../../src-main/services/report-notes-service';
import type { AuditEvent, ServiceContext } from '../../../src-main/services/service-context';
import type { CallContext } from '../../../src-main/shared/context';
import type { StatsQuery } from '../../../src-main/shared/indicators';
import { isAppFailure } from '../../../src-main/shared/result';
import { makeTempDir } from '../../helpers/temp-dir';
import { docxOf, splitRunTemplate } from './template-builder';
import { documentText, sampleBulletin, samplePerUnit, sampleSettings, sampleValues } from './fixtures';
import { Paragraph } from 'docx';

const ctx: CallContext = { door: 'internal', user: null, sessionId: 't' };
const b64 = (b: Buffer) => b.toString('base64');

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let audit: AuditEvent[];
let queries: StatsQuery[];
let word: ReturnType<typeof createWordService>;
let context: ServiceContext;
const sc = () => context;

beforeEach(async () => {
  tmp = makeTempDir('word-service-');
  store = await Store.open({
    dataDir: tmp.dir,
    collections: { templates: { default: () => [] }, [NOTES_COLLECTION]: { default: () => [] } },
    schemaVersion: 1,
    owner: 'test',
  });
  // An Excel template in the same collection must survive every Word operation.
  await store.update<unknown[]>('templates', () => [
    { id: 'x1', kind: 'excel-stats', name: '上级统计表', isDefault: true },
  ]);
  audit = [];
  queries = [];
  const bulletins = [sampleBulletin(), sampleBulletin({ id: 'b-11', issueNo: 11, date: '2026-04-14' })];
  context = {
    store,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    audit: { record: async (e: AuditEvent) => void audit.push(e) },
    now: () => new Date('2026-05-06T10:00:00+08:00'),
    today: () => '2026-05-06',
    settings: sampleSettings,
    records: () => bulletins,
  } as unknown as ServiceContext;
  word = createWordService(context, {
    notes: createReportNotesService(context),
    computeValues: (q) => {
      queries.push(q);
      return { values: sampleValues(), perUnit: samplePerUnit() };
    },
    catalog: sampleValues,
  });
});

afterEach(async () => {
  await store.close();
  tmp.remove();
});

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('word service', () => {
  it('builds the built-in report, names its fonts and audits the export', async () => {
    const file = await word['word:report']({ from: '2026-04-01', to: '2026-04-30' }, ctx);
    expect(file.fileName).toBe('工作情况报告（2026-04-01至2026-04-30）.docx');
    expect(file.fonts).toEqual(
      expect.arrayContaining(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体']),
    );
    const text = await documentText(Buffer.from(file.dataBase64, 'base64'));
    expect(text.join('')).toContain('召开领导小组会议2次');
    expect(audit).toEqual([expect.objectContaining({ action: '导出', target: 'word' })]);
  });

  it('says where the report’s own text comes from: the draft, an earlier period, or this period', async () => {
    const april = { from: '2026-04-01', to: '2026-04-30' };
    const first = await word['word:report'](april, ctx);
    expect(first.warnings).toEqual([expect.stringContaining('是程序提供的初稿')]);
    const notes = createReportNotesService(sc());
    await notes.save(
      '2026-03-01',
      '2026-03-31',
      { highlights: '', problems: '三月的问题。', nextSteps: '' },
      ctx,
    );
    const carried = await word['word:report'](april, ctx);
    expect(carried.warnings).toEqual([expect.stringContaining('沿用了3月的内容')]);
    expect((await documentText(Buffer.from(carried.dataBase64, 'base64'))).join('')).toContain(
      '三月的问题。',
    );
    await notes.save(april.from, april.to, { highlights: '', problems: '四月的问题。', nextSteps: '' }, ctx);
    const own = await word['word:report'](april, ctx);
    expect(own.warnings).toBeUndefined();
    const text = (await documentText(Buffer.from(own.dataBase64, 'base64'))).join('');
    expect(text).toContain('四月的问题。');
    expect(text).not.toContain('三月的问题。');
  });

  it('produces a report for a period that has not ended only when asked, and then says so', async () => {
    const may = { from: '2026-05-01', to: '2026-05-31' };
    const e = await failure(word['word:report'](may, ctx));
    expect(e.code).toBe('needs_confirmation');
    expect(e.message).toContain('所选期间截止到2026年5月31日，晚于今天（2026年5月6日）');
    expect(audit).toEqual([]);
    const file = await word['word:report']({ ...may, allowIncomplete: true }, ctx);
    expect(file.warnings?.[0]).toContain('数字还不完整');
  });

  it('refuses a template with problems, giving them in details.problems', async () => {
    const bad = await docxOf([new Paragraph('{{领导小组会次数}}次，{{参学率')]);
    const e = await failure(word['word:templates:add']({ name: '坏模板', dataBase64: b64(bad) }, ctx));
    expect(e.code).toBe('validation');
    const problems = e.details!.problems as { kind: string; suggestions?: string[] }[];
    expect(problems.map((p) => p.kind).sort()).toEqual(['unclosed', 'unknown_name']);
    expect(problems.find((p) => p.kind === 'unknown_name')!.suggestions).toContain('领导小组会议次数');
    const notDocx = await failure(
      word['word:templates:add'](
        { name: 'x', fileName: 'a.pdf', dataBase64: b64(Buffer.from('%PDF-1.4')) },
        ctx,
      ),
    );
    expect(notDocx.message).toContain('“a.pdf”不是 Word（.docx）文件：这是 PDF 文件');
    const empty = await failure(
      word['word:templates:add']({ name: 'x', dataBase64: b64(await docxOf([new Paragraph('无')])) }, ctx),
    );
    expect(empty.message).toContain('没有找到任何占位符');
    expect((await word['word:templates:list']({}, ctx)).templates).toEqual([]);
  });

  it('keeps templates, uses the default one for the report and falls back to the built-in one', async () => {
    const { template } = await word['word:templates:add'](
      { name: '月报模板', fileName: '月报.docx', dataBase64: b64(await splitRunTemplate()) },
      ctx,
    );
    expect(template).toMatchObject({
      kind: 'word-report',
      name: '月报模板',
      fileName: '月报.docx',
      isDefault: false,
    });
    expect(template.placeholders).toContain('{{单位.参学率|累计}}');
    expect(template).not.toHaveProperty('dataBase64');

    await word['word:templates:setDefault']({ id: template.id }, ctx);
    const filled = await word['word:report']({ from: '2026-04-01', to: '2026-04-30' }, ctx);
    expect(filled.fileName).toBe('月报模板（2026-04-01至2026-04-30）.docx');
    const text = await documentText(Buffer.from(filled.dataBase64, 'base64'));
    expect(text).toContain('城关镇纪委');
    expect(text.join('')).not.toContain('{{');
    // {{集中学习次数|上期}} made the service compute the previous period as well.
    expect(queries).toContainEqual({ from: '2026-03-02', to: '2026-03-31' });

    const builtin = await word['word:report'](
      { from: '2026-04-01', to: '2026-04-30', templateId: 'builtin' },
      ctx,
    );
    expect(builtin.fileName.startsWith('工作情况报告')).toBe(true);

    const { templates } = await word['word:templates:remove']({ id: template.id }, ctx);
    expect(templates).toEqual([]);
    expect((await word['word:report']({ from: '2026-04-01', to: '2026-04-30' }, ctx)).fileName).toMatch(
      /^工作情况报告/,
    );
    expect(store.get<{ id: string }[]>('templates').map((t) => t.id)).toEqual(['x1']);
    const missing = await failure(word['word:templates:setDefault']({ id: template.id }, ctx));
    expect(missing.code).toBe('not_found');
  });

  it('previews what each placeholder will be filled with, per unit for the per-unit row', async () => {
    const { template } = await word['word:templates:add'](
      { name: 't', dataBase64: b64(await splitRunTemplate()) },
      ctx,
    );
    const items = await word['word:preview'](
      { from: '2026-04-01', to: '2026-04-30', templateId: template.id },
      ctx,
    );
    expect(items).toContainEqual({ placeholder: '{{领导小组会议次数}}', value: '2' });
    expect(items).toContainEqual({ placeholder: '{{领导小组会议次数|累计}}', value: '7' });
    expect(items).toContainEqual({
      placeholder: '{{单位.单位名称}}',
      value: '城关镇纪委',
      unit: '城关镇纪委',
    });
    const builtin = await word['word:preview']({ from: '2026-04-01', to: '2026-04-30' }, ctx);
    expect(builtin).toContainEqual({ placeholder: '{{参学率}}', value: '96.5%' });
  });

  it('builds a bulletin with this period’s key numbers, from the day after the previous issue', async () => {
    const file = await word['word:bulletin']({ id: 'b-12', withKeyNumbers: true }, ctx);
    expect(file.fileName).toBe('教育整顿工作简报第12期.docx');
    expect(queries).toEqual([{ from: '2026-04-15', to: '2026-04-28' }]);
    const text = await documentText(Buffer.from(file.dataBase64, 'base64'));
    expect(text).toContain('本期主要数据');
    const e = await failure(word['word:bulletin']({ id: 'nope' }, ctx));
    expect(e.code).toBe('not_found');
  });

  it('offers the built-in report as a template', async () => {
    const file = await word['word:reportTemplate']({}, ctx);
    expect(file.fileName).toBe('工作情况报告模板.docx');
    const text = await documentText(Buffer.from(file.dataBase64, 'base64'));
    expect(text.join('')).toContain('{{领导小组会议次数|累计}}');
  });

  it('takes the previous period of equal length', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-04-30' })).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
    expect(previousPeriod({ from: '2026-04-15', to: '2026-04-15' })).toEqual({
      from: '2026-04-14',
      to: '2026-04-14',
    });
  });
});
