// The bulletin read back from its .docx: red masthead, 期号, title, 编者按, body paragraphs, key numbers, 版记.
import { describe, expect, it } from 'vitest';
import { bodyParagraphs, buildBulletin, issueLabel } from '../../../src-main/word/bulletin';
import { choiceMeaningsOf } from '../../../src-main/shared/choice-meanings';
import { formatIndicator } from '../../../src-main/stats/format';
import { documentText, part, sampleBulletin, sampleSettings, sampleValues } from './fixtures';

const settings = sampleSettings();
const keys = sampleValues().filter((v) => ['集中学习次数', '学习笔记万字', '整改率'].includes(v.name));

describe('buildBulletin', () => {
  it('has a red masthead: name, issue number, compiling unit and date, red rule', async () => {
    const buf = await buildBulletin({
      settings,
      bulletin: sampleBulletin(),
      bulletinName: '教育整顿工作简报',
    });
    const doc = await part(buf, 'word/document.xml');
    const text = await documentText(buf);
    expect(text[0]).toBe('教育整顿工作简报');
    expect(text[1]).toBe('第12期');
    expect(text[2]).toBe(`${settings.officeName}\t2026年4月28日`);
    // Name in red, in the title font, larger than the title (初号 = 42 pt = 84 half-points).
    expect(doc).toMatch(
      /<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:color w:val="FF0000"\/><w:sz w:val="84"\/>/,
    );
    // The red rule on an empty paragraph of its own, so that it spans the text block while the line above is indented.
    expect(doc).toMatch(
      /<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="18" w:space="0"\/><\/w:pBdr>[^]*?<\/w:pPr><\/w:p>/,
    );
    // The long unit name sets the line in 小四 (12 pt): unit 左空一字 and date 右空一字 of 240 twips.
    expect(doc).toMatch(/<w:tab w:val="right" w:pos="8605"\/><\/w:tabs>[^]*?<w:ind w:left="240"\/>/);
    // A real <w:tab/>, not a tab character inside <w:t>, which Word does not honour.
    expect(doc).not.toMatch(/<w:t[^>]*>[^<]*\t/);
  });

  it('writes the title, 编者按 and body paragraphs, with 一、 and （一） lines as headings', async () => {
    const text = await documentText(await buildBulletin({ settings, bulletin: sampleBulletin() }));
    expect(text.join('')).toContain('区纪委监委扎实推进纪检监察干部队伍教育整顿学习教育走深走实');
    expect(text).toContain(
      '编者按：学习教育是教育整顿的基础性工作。现将区纪委监委的做法刊发，供各单位学习借鉴。',
    );
    expect(text).toContain('近期，区纪委监委坚持把学习教育摆在突出位置，推动学习教育入脑入心。');
    const doc = await part(
      await buildBulletin({ settings, bulletin: sampleBulletin() }),
      'word/document.xml',
    );
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>.*?一、高位推动/s);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*（一）坚持第一议题制度/s);
    expect(bodyParagraphs('a\n\n\u3000\u3000b \r\n  c')).toEqual(['a', 'b', 'c']);
  });

  it('ends with the 报/送/发 lines, the signer and the copies printed', async () => {
    const text = await documentText(await buildBulletin({ settings, bulletin: sampleBulletin() }));
    expect(text).toContain('报：市纪检监察干部队伍教育整顿领导小组办公室。');
    expect(text).toContain('送：区委办公室，区委组织部。');
    expect(text).toContain('发：各乡镇（街道）纪（工）委，委机关各部门，各派驻纪检监察组。');
    expect(text.filter(Boolean).at(-1)).toBe('签发：张三\t（共印40份）');
  });

  it('sets unit and date in 3号 one character in from each edge when they fit', async () => {
    const short = { ...settings, officeName: '区纪委监委办公室' };
    const doc = await part(
      await buildBulletin({ settings: short, bulletin: sampleBulletin() }),
      'word/document.xml',
    );
    // One 3号 character of the 28-a-line grid: 8845 / 28 = 316 twips.
    expect(doc).toMatch(/<w:tab w:val="right" w:pos="8529"\/><\/w:tabs>[^]*?<w:ind w:left="316"\/>/);
    expect(doc).toMatch(
      /<w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">区纪委监委办公室</,
    );
  });

  it('puts the 版记 in a table floating at the foot of the page: thick first and last rule, thin between', async () => {
    const doc = await part(
      await buildBulletin({ settings, bulletin: sampleBulletin() }),
      'word/document.xml',
    );
    const tables = doc.match(/<w:tbl>[^]*?<\/w:tbl>/g) ?? [];
    const colophon = tables[tables.length - 1];
    expect(colophon).toContain('报：市纪检监察干部队伍教育整顿领导小组办公室。');
    // Anchored to the bottom margin, at the left margin's x from the page edge (LibreOffice floats it only so).
    expect(colophon).toMatch(
      /<w:tblpPr [^>]*w:tblpX="1587" w:horzAnchor="page" w:tblpYSpec="bottom" w:vertAnchor="margin"\/>/,
    );
    expect(colophon).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    expect(colophon).toContain('<w:top w:val="single" w:color="000000" w:sz="8"/>');
    expect(colophon).toContain('<w:bottom w:val="single" w:color="000000" w:sz="8"/>');
    expect(colophon).toContain('<w:insideH w:val="single" w:color="000000" w:sz="6"/>');
    // One row per line: 报, 送, 发, then 签发 and copies; 4号 (28 half-points).
    expect(colophon.match(/<w:tr>/g)).toHaveLength(4);
    expect(colophon).toMatch(
      /<w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">发：/,
    );
    // Wrapped lines after "发：": hanging two 4号 characters from three in; one character from the right edge.
    expect(colophon).toContain('<w:ind w:left="840" w:right="280" w:hanging="560"/>');
    // Nothing after it but the empty paragraph it is anchored to.
    const after = doc.slice(doc.lastIndexOf('</w:tbl>') + '</w:tbl>'.length, doc.indexOf('<w:sectPr'));
    expect(after).toMatch(/^<w:p><w:pPr><w:spacing [^>]*w:line="20" w:lineRule="exact"\/><\/w:pPr><\/w:p>$/);
  });

  it('leaves out empty 报/送/发 lines and accepts lists typed as one string', async () => {
    const bulletin = sampleBulletin({
      reportTo: [],
      sendTo: '区委办公室、区委组织部',
      issueTo: undefined,
      copies: undefined,
    });
    const text = await documentText(await buildBulletin({ settings, bulletin }));
    expect(text.some((t) => t.startsWith('报：') || t.startsWith('发：'))).toBe(false);
    expect(text).toContain('送：区委办公室，区委组织部。');
    expect(text.filter(Boolean).at(-1)).toBe('签发：张三');
  });

  it('writes no character XML cannot hold, even from a record saved before input was cleaned', async () => {
    const bulletin = sampleBulletin({ title: '教育整顿\u000b动态\ufffe', body: '第一段\u0001文字。' });
    const doc = await part(await buildBulletin({ settings, bulletin }), 'word/document.xml');
    // eslint-disable-next-line no-control-regex -- looking for exactly those characters
    expect(doc).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(doc).toContain('第一段文字。');
  });

  it('numbers a supplement apart: 增刊第N期', async () => {
    const bulletin = sampleBulletin({ kind: '增刊', issueNo: 3 });
    expect(issueLabel(bulletin)).toBe('增刊第3期');
    expect((await documentText(await buildBulletin({ settings, bulletin })))[1]).toBe('增刊第3期');
    // After the office renames 增刊 to 专刊, an issue saved as 专刊 (or before, as 增刊) is still a supplement.
    const renamed = { ...settings, choiceMeanings: { bulletinKind: { 增刊: ['专刊', '增刊'] } } };
    const special = sampleBulletin({ kind: '专刊', issueNo: 4 });
    expect(issueLabel(special, choiceMeaningsOf(renamed))).toBe('增刊第4期');
    expect((await documentText(await buildBulletin({ settings: renamed, bulletin: special })))[1]).toBe(
      '增刊第4期',
    );
    expect(issueLabel(special)).toBe('第4期');
  });

  it('adds this period’s key numbers as a small table', async () => {
    const text = await documentText(
      await buildBulletin({ settings, bulletin: sampleBulletin(), keyNumbers: keys }),
    );
    const at = text.indexOf('本期主要数据');
    expect(at).toBeGreaterThan(0);
    for (const k of keys) {
      const i = text.indexOf(`${k.name}（${k.unit}）`);
      expect(i).toBeGreaterThan(at);
      expect(text[i + 1]).toBe(formatIndicator(k.period, k.kind));
      expect(text[i + 2]).toBe(formatIndicator(k.cumulative, k.kind));
    }
  });

  it('leaves the masthead blank for pre-printed red paper, keeping its space', async () => {
    const buf = await buildBulletin({ settings, bulletin: sampleBulletin(), blankMasthead: true });
    const doc = await part(buf, 'word/document.xml');
    const text = await documentText(buf);
    expect(text[0]).toBe('第12期');
    expect(doc).not.toContain('教育整顿工作简报');
    expect(doc).not.toContain('w:color="FF0000"');
    expect(doc).not.toContain('<w:color w:val="FF0000"/>');
    // The rule is still there, in white, so everything below sits where it does on plain paper.
    expect(doc).toContain('w:color="FFFFFF" w:sz="18"');
  });
});
