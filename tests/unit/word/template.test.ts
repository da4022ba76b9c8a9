// Template inspection and filling on real .docx files: split runs, tables, headers, footers, per-unit rows,
// broken placeholders and files that are not .docx at all.
import { describe, expect, it } from 'vitest';
import { Paragraph } from 'docx';
import JSZip from 'jszip';
import { fillTemplate, inspectTemplate } from '../../../src-main/word/template';
import { ValueBook, lookupFor, unitLookupFor } from '../../../src-main/word/values';
import { formatIndicator } from '../../../src-main/stats/format';
import { isAppFailure } from '../../../src-main/shared/result';
import { paragraphTexts as partParagraphs } from '../../../src-main/word/docx-parts';
import { documentText, part, sampleValues, samplePerUnit } from './fixtures';
import { docxOf, editDocumentXml, splitParagraph, splitRunTemplate, table } from './template-builder';

const values = sampleValues();
const known = values.map((v) => v.name);
const book = new ValueBook(values);
const v = (name: string, variant: 'period' | 'cumulative' = 'period') => {
  const x = values.find((i) => i.name === name)!;
  return formatIndicator(x[variant], x.kind);
};
const perUnit = samplePerUnit();
const previous = new ValueBook(
  values.map((x) => ({ ...x, period: typeof x.period === 'number' ? 999 : x.period })),
);
const rows = perUnit.map((u) => unitLookupFor(u.unitName, new ValueBook(u.values)));

async function failureOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('inspectTemplate', () => {
  it('finds placeholders split across runs in body, table cells, header and footer', async () => {
    const { placeholders, problems } = await inspectTemplate(await splitRunTemplate(), known);
    expect(problems).toEqual([]);
    const keys = placeholders.map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        '领导小组会议次数',
        '领导小组会议次数|累计',
        '参学率',
        '单位.单位名称',
        '单位.集中学习次数',
        '单位.参学率|累计',
        '单位名称',
        '截至日期',
        '集中学习次数|上期',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('pinpoints unclosed and unopened braces with the text around them', async () => {
    const buf = await docxOf([
      splitParagraph('召开领导小组会议{{领导小组', '会议次数次，很重要'),
      new Paragraph('督导检查督导检查次数}}次'),
    ]);
    const { problems } = await inspectTemplate(buf, known);
    expect(problems.map((p) => p.kind)).toEqual(['unclosed', 'unopened']);
    expect(problems[0].message).toContain('缺少结尾的“}}”');
    expect(problems[0].context).toContain('召开领导小组会议{{领导小组会议');
    expect(problems[0].place).toBe('正文');
    expect(problems[1].message).toContain('缺少开头的“{{”');
    expect(problems[1].context).toContain('督导检查次数}}次');
  });

  it('names unknown indicators and suggests the nearest known names', async () => {
    const buf = await docxOf([new Paragraph('召开领导小组会议{{领导小组会次数}}次，{{参学率|全年}}')], {
      footer: [new Paragraph('{{不存在的指标名称啊}}')],
    });
    const { problems } = await inspectTemplate(buf, known);
    const unknown = problems.find((p) => p.kind === 'unknown_name')!;
    expect(unknown.message).toContain('未知的指标名“领导小组会次数”');
    expect(unknown.suggestions).toContain('领导小组会议次数');
    expect(problems.find((p) => p.kind === 'bad_variant')?.message).toContain('|全年');
    expect(problems.find((p) => p.context === '{{不存在的指标名称啊}}')?.place).toBe('页脚');
  });

  it('refuses a placeholder with more than one variant', async () => {
    const { problems } = await inspectTemplate(await docxOf([new Paragraph('{{参学率|累计|上期}}')]), known);
    expect(problems.map((p) => [p.kind, p.context])).toEqual([['bad_variant', '{{参学率|累计|上期}}']]);
    expect(problems[0].message).toContain('只能有一个“|”');
  });

  it('refuses a per-unit placeholder outside a table row', async () => {
    const buf = await docxOf([new Paragraph('全区参学率{{单位.参学率}}')]);
    const { problems } = await inspectTemplate(buf, known);
    expect(problems).toHaveLength(1);
    expect(problems[0].kind).toBe('per_unit_outside_row');
    expect(problems[0].message).toContain('只能放在表格的一行中');
  });

  it('says what a file that is not a .docx is', async () => {
    const cases: [Uint8Array, string][] = [
      [Buffer.from('%PDF-1.7\n%...'), 'PDF'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '.doc'],
      [Buffer.alloc(0), '空'],
      [Buffer.from('just some text'), '不是 Word 文档'],
    ];
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    cases.push([await xlsx.generateAsync({ type: 'nodebuffer' }), 'Excel']);
    for (const [buf, words] of cases) {
      const e = await failureOf(inspectTemplate(buf, known, '“报告.docx”'));
      expect(e.code).toBe('bad_file');
      expect(e.message).toContain('“报告.docx”不是 Word（.docx）文件');
      expect(e.message).toContain(words);
    }
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder, repeats the per-unit row once per unit and leaves no {{', async () => {
    const out = await fillTemplate(await splitRunTemplate(), lookupFor(book, previous), rows);
    const body = await documentText(out);
    expect(body).toContain(
      `本期召开领导小组会议${v('领导小组会议次数')}次，累计${v('领导小组会议次数', 'cumulative')}次。`,
    );
    expect(body).toContain(`${v('参学率')}；被督导单位：${v('被督导单位')}；空列表：[]。`);
    // The same key in two paragraphs: both filled, the paragraph between kept (docx #3504 is DOCUMENT-type only).
    expect(body.join('|')).toContain(
      `甲段${v('集中学习次数')}|两段之间的内容必须保留|乙段${v('集中学习次数')}`,
    );
    expect(body).toContain('上期集中学习999次');
    // One row per unit, in order, with the unit's own numbers; the 合计 row filled from district values.
    const names = perUnit.map((u) => u.unitName);
    const at = names.map((n) => body.indexOf(n));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    perUnit.forEach((u, i) => {
      const ub = new ValueBook(u.values);
      expect(body[at[i] + 1]).toBe(ub.text('集中学习次数'));
      expect(body[at[i] + 2]).toBe(ub.text('参学率', 'cumulative'));
    });
    expect(body).toContain(v('参学率', 'cumulative'));
    const header = await part(out, 'word/header1.xml');
    const footer = await part(out, 'word/footer1.xml');
    expect(partParagraphs(header).map((p) => p.text)).toEqual([`页眉：${v('单位名称')}`]);
    expect(partParagraphs(footer).map((p) => p.text)).toEqual([`截至${v('截至日期')}`]);
    for (const xml of [await part(out, 'word/document.xml'), header, footer]) {
      expect(xml).not.toContain('{{');
      expect(xml).not.toContain('}}');
      expect(xml).not.toContain('\u0275');
    }
  });

  it('fills a placeholder with spaces inside, cut across runs', async () => {
    const buf = await docxOf([splitParagraph('共{{ 集中学习次数 ', '| 累计 }}次，本期{{ 参学', '率 }}')]);
    const body = await documentText(await fillTemplate(buf, lookupFor(book), []));
    expect(body).toEqual([`共${v('集中学习次数', 'cumulative')}次，本期${v('参学率')}`]);
  });

  it('keeps the formatting of a placeholder written in bold', async () => {
    const buf = await docxOf([splitParagraph('会议', '{{领导小组会议次数}}', '次')]);
    const xml = await part(await fillTemplate(buf, lookupFor(book), []), 'word/document.xml');
    expect(xml).toMatch(new RegExp(`<w:b/>.*?<w:t[^>]*>${v('领导小组会议次数')}</w:t>`));
  });

  it('removes the per-unit row when there are no units', async () => {
    const out = await fillTemplate(await splitRunTemplate(), lookupFor(book, previous), []);
    const body = await documentText(out);
    expect(body).toContain('合计');
    expect(body.some((t) => t.includes('区纪委监委机关'))).toBe(false);
  });

  it('writes an empty value without a stray character (docx #2855)', async () => {
    const buf = await docxOf([splitParagraph('A{{学习', '内容}}B{{集中学习次数}}C{{学习内容}}D')]);
    const empty = new ValueBook(values.map((x) => (x.name === '学习内容' ? { ...x, period: [] } : x)));
    const body = await documentText(await fillTemplate(buf, lookupFor(empty), []));
    expect(body).toEqual([`AB${v('集中学习次数')}CD`]);
  });

  it('refuses a template with broken placeholders and returns nothing', async () => {
    const buf = await docxOf([new Paragraph('{{集中学习次数')]);
    const e = await failureOf(fillTemplate(buf, lookupFor(book), []));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('未生成文件');
    expect(e.details?.problems).toHaveLength(1);
  });

  it('refuses, naming it, a placeholder left unfilled inside a field code', async () => {
    const base = await docxOf([new Paragraph('FIELD-HERE'), table([['{{集中学习次数}}']])]);
    const buf = await editDocumentXml(base, (xml) =>
      xml.replace(
        /<w:r>(?:(?!<w:r>).)*?FIELD-HERE<\/w:t><\/w:r>/,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD {{参学率}} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
    );
    expect(await part(buf, 'word/document.xml')).toContain('MERGEFIELD {{参学率}}');
    const e = await failureOf(fillTemplate(buf, lookupFor(book), []));
    expect(e.message).toContain('“{{参学率}}”未能填写');
    expect(e.message).toContain('未生成文件');
  });
});
