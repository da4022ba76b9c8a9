// The progress report read back from its .docx: GB/T page set-up in exact twips, fonts in every slot and no theme
// fonts, "— N —" page numbers, numbers equal to the indicator values, and the same report as a template.
import { describe, expect, it } from 'vitest';
import { buildReport, buildReportTemplate } from '../../../src-main/word/report';
import { fillTemplate, inspectTemplate } from '../../../src-main/word/template';
import { ValueBook, lookupFor, unitLookupFor } from '../../../src-main/word/values';
import { DEFAULT_DOC_FORMAT, DocFormatSchema } from '../../../src-main/shared/doc-format';
import { formatIndicator } from '../../../src-main/stats/format';
import { documentFonts } from '../../../src-main/word/docx-parts';
import { DRAFT_NOTES } from '../../../src-main/services/report-notes-service';
import { documentText, part, samplePerUnit, sampleSettings, sampleValues, unzip } from './fixtures';

const query = { from: '2026-04-01', to: '2026-04-30' };
const values = sampleValues();
const settings = sampleSettings();
const v = (name: string, variant: 'period' | 'cumulative' = 'period') => {
  const x = values.find((i) => i.name === name)!;
  return formatIndicator(x[variant], x.kind);
};

async function report(opts: Partial<Parameters<typeof buildReport>[0]> = {}) {
  return buildReport({
    settings,
    query,
    values,
    perUnit: samplePerUnit(),
    notes: DRAFT_NOTES,
    today: '2026-05-06',
    ...opts,
  });
}

describe('buildReport', () => {
  it('sets A4 and the GB/T margins in exact twips', async () => {
    const doc = await part(await report(), 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1];
    // 37, 26, 35, 28 mm rounded (docx's own converter floors: 210 mm would be 11905).
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:right="1474"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
  });

  it('sets every font slot, East Asian included, and references no theme font', async () => {
    const buf = await report();
    const styles = await part(buf, 'word/styles.xml');
    const doc = await part(buf, 'word/document.xml');
    for (const xml of [styles, doc]) {
      expect(xml).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
      expect(xml).not.toContain('Calibri');
      for (const tag of xml.match(/<w:rFonts [^>]*>/g) ?? []) {
        for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(tag).toContain(`w:${slot}="`);
      }
    }
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
    // The heading styles are rewritten: no coloured Word heading, no italics, in the heading fonts.
    const h1 = /<w:style [^>]*w:styleId="Heading1".*?<\/w:style>/s.exec(styles)![0];
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).not.toContain('2E74B5');
    const theme = await part(buf, 'word/theme/theme1.xml');
    expect(theme).not.toContain('Calibri');
    expect(await documentFonts(buf)).toEqual(
      expect.arrayContaining(['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']),
    );
  });

  it('puts "— N —" page numbers in 4号 宋体, odd pages right and even pages left', async () => {
    const buf = await report();
    const zip = await unzip(buf);
    expect(await part(buf, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const doc = await part(buf, 'word/document.xml');
    const ref = (type: string) =>
      new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(doc)![1];
    const rels = await part(buf, 'word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    const odd = await zip.file(`word/${target(ref('default'))}`)!.async('string');
    const even = await zip.file(`word/${target(ref('even'))}`)!.async('string');
    for (const [xml, side] of [
      [odd, 'right'],
      [even, 'left'],
    ]) {
      expect(xml).toContain(`<w:jc w:val="${side}"/>`);
      expect(xml).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>.*<w:instrText[^>]*>PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/s,
      );
      expect(xml).not.toMatch(/<w:t[^>]*>-/);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
  });

  it('centres the page number when the preset asks for it', async () => {
    const format = DocFormatSchema.parse({ pageNumberStyle: 'center' });
    const buf = await report({ format });
    expect(await part(buf, 'word/settings.xml')).not.toContain('<w:evenAndOddHeaders/>');
    const doc = await part(buf, 'word/document.xml');
    expect(doc).not.toContain('w:type="even"');
    expect(await part(buf, 'word/footer1.xml')).toContain('<w:jc w:val="center"/>');
  });

  it('uses the fonts of the office preset', async () => {
    const format = DocFormatSchema.parse({ fonts: { title: '小标宋', body: '仿宋' } });
    const buf = await report({ format });
    const doc = await part(buf, 'word/document.xml');
    expect(doc).toContain('w:eastAsia="小标宋"');
    expect(doc).toContain('w:eastAsia="仿宋"');
    expect(doc).not.toContain('仿宋_GB2312');
  });

  it('writes the numbers and lists of the indicators, 本期 and 累计', async () => {
    const text = (await documentText(await report())).join('\n');
    const expected = [
      `4月，召开领导小组会议${v('领导小组会议次数')}次、领导小组办公室会议${v('领导小组办公室会议次数')}次`,
      `累计召开领导小组会议${v('领导小组会议次数', 'cumulative')}次、领导小组办公室会议${v('领导小组办公室会议次数', 'cumulative')}次`,
      `细化成${v('具体任务数', 'cumulative')}项具体任务`,
      `完成率${v('任务完成率', 'cumulative')}`,
      `逾期未完成${v('逾期任务数', 'cumulative')}项`,
      `先后对${v('被督导单位')}进行督导`,
      `组织常委会（中心组）集中学习${v('领导班子集中学习次数')}次`,
      `全区各单位组织集中学习${v('集中学习次数')}次，参学率${v('参学率')}`,
      `学习笔记${v('学习笔记万字')}万字`,
      `编制印发学习资料${v('学习资料册数')}册${v('学习资料本数')}本`,
      `涵盖${v('学习资料方面数')}个方面${v('学习资料篇数')}篇内容`,
      `受理问题线索${v('受理线索数')}件`,
      `第一种形态${v('第一种形态人次', 'cumulative')}人次、占${v('第一种形态占比', 'cumulative')}`,
      `整改率${v('整改率', 'cumulative')}`,
      `编发教育整顿工作简报${v('简报期数')}期，被上级采用${v('简报被上级采用数')}期`,
      '截至4月30日',
      '现将4月工作情况报告如下',
      '市纪检监察干部队伍教育整顿领导小组办公室：',
      '2026年5月6日',
    ];
    for (const e of expected) expect(text).toContain(e);
    expect(v('学习笔记万字')).toBe('12.35');
    expect(v('参学率')).toBe('96.5%');
  });

  it('refuses to write an indicator the values lack: an error, never a silent 0', async () => {
    const some = values.filter((x) => x.name !== '督导检查次数');
    await expect(report({ values: some })).rejects.toThrow('未知的指标“督导检查次数”');
  });

  it('names the first items of a long list before 等 and its count, with the speeches studied', async () => {
    const long = Array.from({ length: 9 }, (_, i) => `学习内容${i + 1}`);
    const some = values.map((x) =>
      x.name === '领导班子学习内容'
        ? { ...x, period: long }
        : x.name === '领导班子学习内容项数'
          ? { ...x, period: 11 }
          : x.name === '领导班子学习讲话人'
            ? { ...x, period: ['张三', '李四'] }
            : x,
    );
    const text = (await documentText(await report({ values: some }))).join('\n');
    expect(text).toContain(
      `完成对${long.slice(0, 4).join('、')}、张三、李四2名同志的讲话精神等11项重要内容的学习`,
    );
    expect(text).not.toContain('学习内容5');
    expect(text).toContain(`${settings.commissionName}在教育整顿中突出政治引领`);
  });

  it('gives tables a width and grid columns, and no first-line indent in cells', async () => {
    const doc = await part(await report(), 'word/document.xml');
    // The two 附件 tables (the 版记 is a table too, without a repeated header row).
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/gs)!.filter((t) => t.includes('<w:tblHeader'));
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t).toMatch(/<w:tblW w:type="dxa" w:w="8845"\/>|<w:tblW w:w="8845" w:type="dxa"\/>/);
      const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(t).not.toContain('w:firstLineChars');
    }
    expect(doc).not.toMatch(/instrText[^>]*>\s*TOC/);
  });
});

describe('buildReportTemplate', () => {
  it('writes placeholders where the numbers go, all known, with a per-unit row', async () => {
    const buf = await buildReportTemplate({ settings, catalog: values, notes: DRAFT_NOTES });
    const text = (await documentText(buf)).join('\n');
    expect(text).toContain('召开领导小组会议{{领导小组会议次数}}次');
    expect(text).toContain('累计召开领导小组会议{{领导小组会议次数|累计}}次');
    expect(text).toContain('截至{{截至日期}}');
    expect(text).toContain('{{单位.单位名称}}');
    expect(text).toContain('{{单位.整改率|累计}}');
    // The names the seed report needs are placeholders too, each in its sentence.
    expect(text).toContain('严格落实{{引述要求领导}}同志在{{引述要求会议}}上“{{引述要求}}”要求');
    expect(text).toContain('贯通学习{{上级全会}}精神');
    expect(text).toContain('邀请{{专题授课人}}同志');
    expect(text).toContain('组织收看{{专题片名称}}等专题片');
    expect(text).toContain('如{{学习教育制度亮点单位}}在{{学习教育制度亮点名称}}中明确');
    const { placeholders, problems } = await inspectTemplate(
      buf,
      values.map((x) => x.name),
    );
    expect(problems).toEqual([]);
    expect(placeholders.length).toBeGreaterThan(60);
    expect(DEFAULT_DOC_FORMAT.fonts.body).toBe('仿宋_GB2312');
  });

  it('filled with the same values, reads like the built-in report', async () => {
    const template = await buildReportTemplate({ settings, catalog: values, notes: DRAFT_NOTES });
    const units = samplePerUnit();
    const rows = units.map((u) => unitLookupFor(u.unitName, new ValueBook(u.values)));
    const filled = (
      await documentText(await fillTemplate(template, lookupFor(new ValueBook(values)), rows))
    ).join('\n');
    const built = (await documentText(await report())).join('\n');
    for (const sentence of [
      `召开领导小组会议${v('领导小组会议次数')}次、领导小组办公室会议${v('领导小组办公室会议次数')}次`,
      `组织常委会（中心组）集中学习${v('领导班子集中学习次数')}次`,
      `累计撰写心得体会${v('心得体会篇数', 'cumulative')}篇`,
      `截至${v('截至日期')}`,
      ...units.map((u) => u.unitName),
    ]) {
      expect(filled).toContain(sentence);
      expect(built).toContain(sentence);
    }
  });
});
