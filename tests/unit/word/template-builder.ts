// Builds .docx templates the way Word leaves them: placeholders cut into several runs (one part bold), in table
// cells, headers and footers, and a per-unit row; plus raw-XML edits for cases docx cannot write directly.
import {
  Document,
  Footer,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';

/** A paragraph whose text is given as pieces: each piece becomes its own run, every second one bold. */
export function splitParagraph(...pieces: string[]): Paragraph {
  return new Paragraph({ children: pieces.map((text, i) => new TextRun({ text, bold: i % 2 === 1 })) });
}

const cell = (p: Paragraph | string) =>
  new TableCell({
    width: { size: 2000, type: WidthType.DXA },
    children: [typeof p === 'string' ? new Paragraph(p) : p],
  });

export function table(rows: (Paragraph | string)[][]): Table {
  return new Table({
    width: { size: 8000, type: WidthType.DXA },
    columnWidths: rows[0].map(() => Math.floor(8000 / rows[0].length)),
    rows: rows.map((r) => new TableRow({ children: r.map(cell) })),
  });
}

export async function docxOf(
  children: (Paragraph | Table)[],
  opts: { header?: Paragraph[]; footer?: Paragraph[] } = {},
): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          headers: opts.header ? { default: new Header({ children: opts.header }) } : undefined,
          footers: opts.footer ? { default: new Footer({ children: opts.footer }) } : undefined,
          children,
        },
      ],
    }),
  );
}

/** The template of the main fill test: split runs in body, table cell, header, footer, and a per-unit row. */
export async function splitRunTemplate(): Promise<Buffer> {
  return docxOf(
    [
      // "{{领导小组会议次数}}" cut in the middle of the name, the middle part bold.
      splitParagraph(
        '本期召开领导小组会议{{领导小',
        '组会议',
        '次数}}次，累计{{领导小组会议次数|',
        '累计}}次。',
      ),
      splitParagraph(
        '{{',
        '参学率',
        '}}',
        '；被督导单位：{{被督导单位}}；空列表：[{{领导班子学习内容|累计}}]。',
      ),
      new Paragraph('甲段{{集中学习次数}}'),
      new Paragraph('两段之间的内容必须保留'),
      new Paragraph('乙段{{集中学习次数}}'),
      table([
        ['单位', '集中学习', '参学率（累计）'],
        [
          splitParagraph('{{单位.', '单位', '名称}}'),
          '{{单位.集中学习次数}}',
          splitParagraph('{{单位.参学率|', '累计}}'),
        ],
        ['合计', splitParagraph('{{集中', '学习次数}}'), '{{参学率|累计}}'],
      ]),
      new Paragraph('上期集中学习{{集中学习次数|上期}}次'),
    ],
    {
      header: [splitParagraph('页眉：{{单位', '名称}}')],
      footer: [splitParagraph('截至{{截至', '日期}}')],
    },
  );
}

/** Rewrites word/document.xml of a .docx with fn. */
export async function editDocumentXml(buf: Buffer, fn: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', fn(xml));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The same kinds of placeholders typed with a Chinese input method: full-width braces, bar and dot (．and 。),
 * full-width spaces, half-width and full-width mixed in one placeholder, cut into runs, in a per-unit table row, the
 * header and the footer, and the half-width form next to the full-width one.
 */
export async function fullWidthTemplate(): Promise<Buffer> {
  return docxOf(
    [
      splitParagraph(
        '本期召开领导小组会议｛｛领导小',
        '组会议',
        '次数｝｝次，累计｛｛领导小组会议次数｜',
        '累计｝｝次。',
      ),
      new Paragraph('混合一{{集中学习次数｝｝，混合二｛{集中学习次数|累计}}，混合三{｛参学率｝}。'),
      splitParagraph('督导｛｛　督导', '检查次数　｜　累计　', '｝｝次，本期', '{{ 督导检查次数 }}', '次。'),
      new Paragraph('半角{{专题授课次数}}与全角｛｛专题授课次数｝｝同为一数。'),
      table([
        ['单位', '集中学习', '参学率（累计）'],
        [
          splitParagraph('｛｛单位．', '单位', '名称｝｝'),
          '｛｛单位。集中学习次数｝｝',
          splitParagraph('{{单位.参学率｜', '累计}}'),
        ],
        ['合计', splitParagraph('｛｛集中', '学习次数｝｝'), '｛｛参学率｜累计｝｝'],
      ]),
    ],
    {
      header: [splitParagraph('页眉：｛｛单位', '名称｝｝')],
      footer: [splitParagraph('截至｛｛截至', '日期｝｝')],
    },
  );
}
