// Placeholders typed with a Chinese input method — full-width braces, bar and dot, full-width spaces, mixed with
// half-width ones — in real .docx files: recognised and filled exactly like {{…}}, or refused naming them; never
// left in the output. One filled file is also opened in LibreOffice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Paragraph } from 'docx';
import { fillTemplate, inspectTemplate } from '../../../src-main/word/template';
import { ValueBook, lookupFor, unitLookupFor } from '../../../src-main/word/values';
import { formatIndicator } from '../../../src-main/stats/format';
import { isAppFailure } from '../../../src-main/shared/result';
import { paragraphTexts as partParagraphs } from '../../../src-main/word/docx-parts';
import { convertToPdf, pdfText } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { documentText, part, sampleValues, samplePerUnit } from './fixtures';
import { docxOf, fullWidthTemplate, splitParagraph, table } from './template-builder';

const values = sampleValues();
const known = values.map((v) => v.name);
const book = new ValueBook(values);
const v = (name: string, variant: 'period' | 'cumulative' = 'period') => {
  const x = values.find((i) => i.name === name)!;
  return formatIndicator(x[variant], x.kind);
};
const perUnit = samplePerUnit();
const rows = perUnit.map((u) => unitLookupFor(u.unitName, new ValueBook(u.values)));
const tmp = makeTempDir('word-fullwidth-');
afterAll(() => tmp.remove());

/** Any delimiter pair, half-width, full-width or mixed. */
const BRACES = /[{｛][{｛]|[}｝][}｝]/;

async function failureOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('inspecting a template typed with full-width delimiters', () => {
  it('recognises full-width, mixed and spaced placeholders, in runs, table rows, header and footer', async () => {
    const { placeholders, problems } = await inspectTemplate(await fullWidthTemplate(), known);
    expect(problems).toEqual([]);
    expect(placeholders.map((p) => p.key)).toEqual([
      '领导小组会议次数',
      '领导小组会议次数|累计',
      '集中学习次数',
      '集中学习次数|累计',
      '参学率',
      '督导检查次数|累计',
      '督导检查次数',
      '专题授课次数',
      '单位.单位名称',
      '单位.集中学习次数',
      '单位.参学率|累计',
      '参学率|累计',
      '截至日期', // footer1.xml, then header1.xml
      '单位名称',
    ]);
    const byKey = new Map(placeholders.map((p) => [p.key, p]));
    expect(byKey.get('单位.单位名称')).toMatchObject({
      perUnit: true,
      name: '单位名称',
      written: '｛｛单位．单位名称｝｝',
    });
    expect(byKey.get('单位.集中学习次数')).toMatchObject({
      perUnit: true,
      written: '｛｛单位。集中学习次数｝｝',
    });
    expect(byKey.get('督导检查次数|累计')).toMatchObject({
      variant: 'cumulative',
      written: '｛｛　督导检查次数　｜　累计　｝｝',
    });
  });

  it('refuses an unknown full-width name, naming it as written, where it is and the nearest names', async () => {
    const buf = await docxOf([new Paragraph('本期集中学习｛｛集中学习次教｝｝次')], {
      footer: [new Paragraph('｛｛不存在的指标名称啊｜累计｝｝')],
    });
    const { problems } = await inspectTemplate(buf, known);
    expect(problems.map((p) => [p.kind, p.place, p.context])).toEqual([
      ['unknown_name', '正文', '｛｛集中学习次教｝｝'],
      ['unknown_name', '页脚', '｛｛不存在的指标名称啊｜累计｝｝'],
    ]);
    expect(problems[0].message).toBe('未知的指标名“集中学习次教”，是否是：集中学习次数');
    expect(problems[0].suggestions?.[0]).toBe('集中学习次数');
  });

  it('pinpoints broken full-width and mixed delimiters like half-width ones', async () => {
    const buf = await docxOf([
      splitParagraph('召开领导小组会议｛｛领导小组', '会议次数次，很重要'),
      new Paragraph('督导检查督导检查次数｝｝次'),
      new Paragraph('共开展{{集中学习次数｝次'),
      new Paragraph('注（｛见附件）：{{集中学习次数}}次'),
      new Paragraph('｛参学率｝'),
      new Paragraph('一个全角“｛”单独出现在正文中不是占位符'),
      new Paragraph('｛｛参学率｜累计｜上期｝｝'),
    ]);
    const { problems } = await inspectTemplate(buf, known);
    expect(problems.map((p) => [p.kind, p.context])).toEqual([
      ['unclosed', expect.stringContaining('召开领导小组会议｛｛领导小组会议')],
      ['unopened', expect.stringContaining('督导检查次数｝｝次')],
      ['unclosed', '共开展{{集中学习次数｝次'],
      ['unopened', '共开展{{集中学习次数｝次'],
      ['unclosed', expect.stringContaining('注（｛见附件')],
      ['unclosed', '｛参学率｝'],
      ['unopened', '｛参学率｝'],
      ['bad_variant', '｛｛参学率｜累计｜上期｝｝'],
    ]);
    expect(problems.every((p) => p.place === '正文')).toBe(true);
    expect(problems[0].message).toBe('占位符缺少结尾的“}}”');
    expect(problems[1].message).toBe('占位符缺少开头的“{{”');
    expect(problems[3].message).toContain('全角“｝”');
    expect(problems[4].message).toContain('全角“｛”');
    expect(problems[7].message).toContain('只能有一个“|”');
  });

  it('refuses a full-width per-unit placeholder outside a table row, as written', async () => {
    const { problems } = await inspectTemplate(
      await docxOf([new Paragraph('全区参学率｛｛单位．参学率｝｝')]),
      known,
    );
    expect(problems.map((p) => p.kind)).toEqual(['per_unit_outside_row']);
    expect(problems[0].message).toContain('“｛｛单位．参学率｝｝”是按单位逐行填写的占位符');
  });
});

describe('filling a template typed with full-width delimiters', () => {
  it('fills every one like its half-width form, repeats the unit row, and leaves no brace pair anywhere', async () => {
    const out = await fillTemplate(await fullWidthTemplate(), lookupFor(book), rows);
    const body = await documentText(out);
    expect(body).toContain(
      `本期召开领导小组会议${v('领导小组会议次数')}次，累计${v('领导小组会议次数', 'cumulative')}次。`,
    );
    expect(body).toContain(
      `混合一${v('集中学习次数')}，混合二${v('集中学习次数', 'cumulative')}，混合三${v('参学率')}。`,
    );
    expect(body).toContain(`督导${v('督导检查次数', 'cumulative')}次，本期${v('督导检查次数')}次。`);
    expect(body).toContain(`半角${v('专题授课次数')}与全角${v('专题授课次数')}同为一数。`);
    // One row per unit, in order, with the unit's own numbers; the 合计 row from district values.
    const at = perUnit.map((u) => body.indexOf(u.unitName));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    perUnit.forEach((u, i) => {
      const ub = new ValueBook(u.values);
      expect(body[at[i] + 1]).toBe(ub.text('集中学习次数'));
      expect(body[at[i] + 2]).toBe(ub.text('参学率', 'cumulative'));
    });
    expect(body.slice(-3)).toEqual(['合计', v('集中学习次数'), v('参学率', 'cumulative')]);
    const header = await part(out, 'word/header1.xml');
    const footer = await part(out, 'word/footer1.xml');
    expect(partParagraphs(header).map((p) => p.text)).toEqual([`页眉：${v('单位名称')}`]);
    expect(partParagraphs(footer).map((p) => p.text)).toEqual([`截至${v('截至日期')}`]);
    for (const xml of [await part(out, 'word/document.xml'), header, footer]) {
      expect(xml).not.toMatch(BRACES);
      for (const s of ['{{', '}}', '｛｛', '｝｝']) expect(xml).not.toContain(s);
      expect(xml).not.toContain('\u0275');
    }
  });

  it('keeps the formatting of each run a full-width placeholder was cut into', async () => {
    const buf = await docxOf([splitParagraph('会议', '｛｛领导小组会议次数｝｝', '次')]);
    const xml = await part(await fillTemplate(buf, lookupFor(book), []), 'word/document.xml');
    expect(xml).toMatch(new RegExp(`<w:b/>.*?<w:t[^>]*>${v('领导小组会议次数')}</w:t>`));
    expect(await documentText(await fillTemplate(buf, lookupFor(book), []))).toEqual([
      `会议${v('领导小组会议次数')}次`,
    ]);
  });

  it('leaves a lone full-width brace in plain prose as it is', async () => {
    const buf = await docxOf([new Paragraph('一个全角“｛”单独出现'), new Paragraph('{{集中学习次数}}次')]);
    const body = await documentText(await fillTemplate(buf, lookupFor(book), []));
    expect(body).toEqual(['一个全角“｛”单独出现', `${v('集中学习次数')}次`]);
  });

  it('refuses a template with a broken full-width placeholder, naming it, and returns nothing', async () => {
    const buf = await docxOf([table([['{{集中学习次数}}', '共开展｛｛集中学习次数｝次']])]);
    const e = await failureOf(fillTemplate(buf, lookupFor(book), []));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('未生成文件');
    expect(e.message).toContain('正文中“共开展｛｛集中学习次数｝次”：占位符缺少结尾的“}}”等2处问题');
    const problems = e.details?.problems as { kind: string; message: string }[];
    expect(problems.map((p) => p.kind)).toEqual(['unclosed', 'unopened']);
    expect(problems[1].message).toContain('全角“｝”');
  });

  it('opens in LibreOffice with the numbers filled and no brace left', async () => {
    const out = await fillTemplate(await fullWidthTemplate(), lookupFor(book), rows);
    const file = join(tmp.dir, 'fullwidth.docx');
    writeFileSync(file, out);
    const text = await pdfText(await convertToPdf(file));
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(
      `本期召开领导小组会议${v('领导小组会议次数')}次，累计${v('领导小组会议次数', 'cumulative')}次。`,
    );
    expect(flat).toContain(`半角${v('专题授课次数')}与全角${v('专题授课次数')}同为一数。`);
    for (const u of perUnit) expect(flat).toContain(u.unitName);
    expect(flat).toContain(`截至${v('截至日期')}`);
    expect(text).not.toMatch(/[{}｛｝]/);
  });
});
