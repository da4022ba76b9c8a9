// Reading a .docx as the user made it: tell what a non-docx file is, open the text-bearing parts, rebuild each
// paragraph's text across its runs (Word splits "{{名称}}" wherever formatting or spell-check touched it), list fonts.
import JSZip from 'jszip';
import { AppFailure } from '../shared/result';

/** Where a part's text appears, in the words the user sees in Word. */
export type PartPlace = '正文' | '页眉' | '页脚' | '脚注' | '尾注';

export interface DocxPart {
  path: string;
  place: PartPlace;
  xml: string;
}

export interface ParagraphText {
  text: string;
  /** Inside a table row: a {{单位.…}} placeholder there makes the row repeat per unit. */
  inTableRow: boolean;
}

const PART_RE: [RegExp, PartPlace][] = [
  [/^word\/document\.xml$/, '正文'],
  [/^word\/header\d*\.xml$/, '页眉'],
  [/^word\/footer\d*\.xml$/, '页脚'],
  [/^word\/footnotes\.xml$/, '脚注'],
  [/^word\/endnotes\.xml$/, '尾注'],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** What a file that is not a .docx most likely is, for the message. */
export function describeNonDocx(buf: Uint8Array): string {
  if (buf.length === 0) return '文件是空的';
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return '这是 PDF 文件';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
    return '这是旧版 Word（.doc）、WPS（.wps）文件或加了密码的文档';
  }
  if (startsWith(buf, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return '这是 RTF 文件';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return '这是 PNG 图片';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return '这是 JPEG 图片';
  if (startsWith(buf, [0x52, 0x61, 0x72, 0x21])) return '这是 RAR 压缩包';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(buf.slice(0, 200)).trimStart().toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype html')) return '这是网页（HTML）文件';
  if (head.startsWith('<?xml')) return '这是 XML 文件（可能是 Word 2003 XML 格式）';
  return '这不是 Word 文档';
}

const ADVICE = '请在 Word 或 WPS 中打开后“另存为” Word 文档（*.docx）再上传';

/** Opens a .docx, or fails with a Chinese message naming what the file is instead. */
export async function openDocx(buf: Uint8Array, fileLabel = '文件'): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new AppFailure(
      'bad_file',
      `${fileLabel}不是 Word（.docx）文件：${describeNonDocx(buf)}。${ADVICE}。`,
    );
  }
  if (!zip.file('word/document.xml')) {
    const kind = zip.file('xl/workbook.xml')
      ? '这是 Excel 表格（.xlsx）'
      : zip.file('ppt/presentation.xml')
        ? '这是 PowerPoint 演示文稿（.pptx）'
        : zip.file('content.xml')
          ? '这是 OpenDocument（.odt/.ods）文件'
          : '这是一个压缩包';
    throw new AppFailure('bad_file', `${fileLabel}不是 Word（.docx）文件：${kind}。${ADVICE}。`);
  }
  return zip;
}

/** The parts that carry text a placeholder can sit in, body first. */
export async function textParts(zip: JSZip): Promise<DocxPart[]> {
  const parts: DocxPart[] = [];
  for (const path of Object.keys(zip.files).sort()) {
    const place = PART_RE.find(([re]) => re.test(path))?.[1];
    const file = zip.file(path);
    if (place && file) parts.push({ path, place, xml: await file.async('string') });
  }
  return parts.sort((a, b) => Number(b.place === '正文') - Number(a.place === '正文'));
}

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const TOKEN_RE = /<(\/?)([A-Za-z][\w:.-]*)(?:\s[^>]*?)?(\/?)>|([^<]+)/g;

/**
 * The text of every paragraph of a part, runs joined. A tag walk rather than a split on </w:p>, because a text box
 * puts whole paragraphs inside a run of another paragraph. Field codes (w:instrText) count as text too, so a
 * placeholder typed inside a field is seen — and reported as left unfilled — rather than silently kept.
 */
export function paragraphTexts(xml: string): ParagraphText[] {
  const out: ParagraphText[] = [];
  const open: ParagraphText[] = [];
  let rows = 0;
  let inText = false;
  for (const m of xml.matchAll(TOKEN_RE)) {
    if (m[4] !== undefined) {
      if (inText && open.length) open[open.length - 1].text += decodeXml(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    switch (m[2]) {
      case 'w:p':
        if (selfClosing) break;
        if (closing) {
          const p = open.pop();
          if (p) out.push(p);
        } else open.push({ text: '', inTableRow: rows > 0 });
        break;
      case 'w:tr':
        if (!selfClosing) rows += closing ? -1 : 1;
        break;
      case 'w:t':
      case 'w:instrText':
        inText = !closing && !selfClosing;
        break;
    }
  }
  return out;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface TextPiece {
  /** Where the <w:t …> opening tag is, and where its text is, in the part's XML. */
  tag: [number, number];
  text: [number, number];
  value: string;
}

/**
 * Rewrites the visible text (<w:t>) of every paragraph of a part, run by run: `rewrite` gets the paragraph's text
 * as the pieces its runs hold and returns them changed, or null to leave the paragraph as it is. Everything but the
 * changed texts is kept byte for byte, so each run keeps its formatting. Field codes are not touched.
 */
export function rewriteParagraphRuns(xml: string, rewrite: (pieces: string[]) => string[] | null): string {
  const edits: { at: [number, number]; text: string }[] = [];
  const open: TextPiece[][] = [];
  let tag: [number, number] | null = null;
  const finish = (pieces: TextPiece[]) => {
    const next = pieces.length ? rewrite(pieces.map((p) => p.value)) : null;
    if (!next) return;
    pieces.forEach((p, i) => {
      if (next[i] === p.value) return;
      edits.push({ at: p.tag, text: '<w:t xml:space="preserve">' }, { at: p.text, text: escapeXml(next[i]) });
    });
  };
  for (const m of xml.matchAll(TOKEN_RE)) {
    const at = m.index;
    if (m[4] !== undefined) {
      if (tag && open.length) {
        open[open.length - 1].push({ tag, text: [at, at + m[0].length], value: decodeXml(m[4]) });
      }
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (m[2] === 'w:p' && !selfClosing) {
      if (closing) {
        const pieces = open.pop();
        if (pieces) finish(pieces);
      } else open.push([]);
    } else if (m[2] === 'w:t') {
      tag = !closing && !selfClosing ? [at, at + m[0].length] : null;
    }
  }
  if (!edits.length) return xml;
  // A <w:t> holds one text: its tag and its text are each edited once, in document order.
  edits.sort((a, b) => a.at[0] - b.at[0]);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += xml.slice(from, e.at[0]) + e.text;
    from = e.at[1];
  }
  return out + xml.slice(from);
}

/** Font names a document asks for (style and direct formatting, all slots; theme references are not names). */
export async function documentFonts(buf: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const fonts = new Set<string>();
  const paths = Object.keys(zip.files).filter((p) =>
    /^word\/(styles|document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(p),
  );
  for (const path of paths.sort()) {
    const xml = (await zip.file(path)?.async('string')) ?? '';
    for (const tag of xml.match(/<w:rFonts\b[^>]*>/g) ?? []) {
      for (const a of tag.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) fonts.add(decodeXml(a[1]));
    }
  }
  return [...fonts];
}
