// LibreOffice and poppler helpers for tests that prove a generated .docx/.xlsx opens and looks right: convert it to
// PDF, count its pages, render a page to PNG. Each conversion gets its own LibreOffice profile so runs can overlap.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, cmd)));
}

/** True when soffice is installed (tests that need it are skipped otherwise). */
export function hasLibreOffice(): boolean {
  return onPath('soffice');
}

export function hasPoppler(): boolean {
  return onPath('pdftoppm') && onPath('pdfinfo');
}

/** Converts an office file to PDF next to it (same name, .pdf) and returns the PDF's path. */
export async function convertToPdf(file: string, timeoutMs = 120_000): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), `lo-${randomUUID().slice(0, 8)}-`));
  const outDir = dirname(file);
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        file,
      ],
      { timeout: timeoutMs },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file} to PDF`);
  return pdf;
}

/** Number of pages of a PDF, from pdfinfo. */
export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  return m ? Number(m[1]) : 0;
}

/** Renders one page (1-based) to a PNG beside the PDF and returns its path. */
export async function pdfToPng(pdf: string, page: number, dpi = 60): Promise<string> {
  const prefix = join(dirname(pdf), `${basename(pdf, '.pdf')}-p${page}`);
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    prefix,
  ]);
  return `${prefix}.png`;
}

/** The text of a PDF (pdftotext -layout), to check what a reader sees. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** PostScript points to millimetres (a PDF's unit). */
export const PT_TO_MM = 25.4 / 72;

/** A line of text as pdftotext -bbox-layout places it, in millimetres from the page's top-left corner. */
export interface TextLineBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The line's words (runs of text without a wide gap), left to right. */
  words: { text: string; x0: number; x1: number }[];
}

export interface PageBoxes {
  /** 1-based page number. */
  page: number;
  widthMm: number;
  heightMm: number;
  lines: TextLineBox[];
}

const attr = (tag: string, name: string) =>
  Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(tag)?.[1] ?? NaN);

/** Every text line of every page with its box in mm (pdftotext -bbox-layout; words of a line joined without spaces). */
export async function pdfTextBoxes(pdf: string): Promise<PageBoxes[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PageBoxes[] = [];
  for (const pm of stdout.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: TextLineBox[] = [];
    for (const lm of pm[2].matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lm[2].matchAll(/<word\b([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
        text: w[2],
        x0: attr(w[1], 'xMin') * PT_TO_MM,
        x1: attr(w[1], 'xMax') * PT_TO_MM,
      }));
      lines.push({
        text: words.map((w) => w.text).join(''),
        x0: attr(lm[1], 'xMin') * PT_TO_MM,
        y0: attr(lm[1], 'yMin') * PT_TO_MM,
        x1: attr(lm[1], 'xMax') * PT_TO_MM,
        y1: attr(lm[1], 'yMax') * PT_TO_MM,
        words,
      });
    }
    pages.push({
      page: pages.length + 1,
      widthMm: attr(pm[1], 'width') * PT_TO_MM,
      heightMm: attr(pm[1], 'height') * PT_TO_MM,
      lines,
    });
  }
  return pages;
}

/** A long horizontal line found in a page image, in millimetres from the page's top-left corner. */
export interface HorizontalRule {
  /** Top and bottom edge of the dark rows (thickness = y1 - y0, within a pixel). */
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

/**
 * The long horizontal rules of one page (1-based), top to bottom: renders it with pdftoppm -gray at `dpi`, and takes
 * every pixel row holding an unbroken dark run of at least `minLengthMm` (text never does), adjacent rows merged.
 * Coloured rules count too (red is dark in grey).
 */
export async function pdfHorizontalRules(
  pdf: string,
  page: number,
  opts: { dpi?: number; minLengthMm?: number; threshold?: number } = {},
): Promise<HorizontalRule[]> {
  const dpi = opts.dpi ?? 150;
  const threshold = opts.threshold ?? 160;
  const { stdout } = await run(
    'pdftoppm',
    ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf],
    { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
  );
  // Binary PGM: "P5", width, height, maxval, one byte per pixel.
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(stdout.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('pdftoppm did not return a PGM image');
  const [w, h] = [Number(head[1]), Number(head[2])];
  const pixels = stdout.subarray(head[0].length);
  const mm = (px: number) => (px * 25.4) / dpi;
  const minRun = ((opts.minLengthMm ?? 100) * dpi) / 25.4;
  const rows: { y: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < h; y++) {
    let best = { len: 0, x0: 0 };
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && pixels[y * w + x] < threshold;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start > best.len) best = { len: x - start, x0: start };
        start = -1;
      }
    }
    if (best.len >= minRun) rows.push({ y, x0: best.x0, x1: best.x0 + best.len });
  }
  const rules: HorizontalRule[] = [];
  let prevY = -2;
  for (const r of rows) {
    const last = rules[rules.length - 1];
    if (last && r.y === prevY + 1) {
      last.y1 = mm(r.y + 1);
      last.x0 = Math.min(last.x0, mm(r.x0));
      last.x1 = Math.max(last.x1, mm(r.x1));
    } else rules.push({ y0: mm(r.y), y1: mm(r.y + 1), x0: mm(r.x0), x1: mm(r.x1) });
    prevY = r.y;
  }
  return rules;
}

/** Where a 版记 (or any block between full-width rules at the foot of a page) sits in a PDF, in mm. */
export interface ColophonPlacement {
  pageCount: number;
  /** 1-based page holding the 版记. */
  page: number;
  /** Its rules, top to bottom. */
  rules: HorizontalRule[];
  /** Its text lines, from its first rule to its last (wrapped lines included). */
  lines: TextLineBox[];
  /** The other text lines of that page (body, tables), the page number excepted. */
  others: TextLineBox[];
  /** Other pages with a line that `isColophonLine` accepts (a 版记 split or repeated). */
  strayPages: number[];
}

const PAGE_NUMBER_RE = /^[—-]\s*\d+\s*[—-]$/;

/**
 * Finds the 版记 of a PDF: the last page with a line `isColophonLine` accepts (e.g. /^(抄送|报|送|发)：/), the rules of
 * at least `minRuleMm` from just above that line down, and the text between them. Undefined when no line matches.
 */
export async function findColophon(
  pdf: string,
  isColophonLine: (text: string) => boolean,
  opts: { dpi?: number; minRuleMm?: number } = {},
): Promise<ColophonPlacement | undefined> {
  const pages = await pdfTextBoxes(pdf);
  const hits = pages.filter((p) => p.lines.some((l) => isColophonLine(l.text)));
  const at = hits[hits.length - 1];
  if (!at) return undefined;
  const first = at.lines.filter((l) => isColophonLine(l.text)).sort((a, b) => a.y0 - b.y0)[0];
  const all = await pdfHorizontalRules(pdf, at.page, {
    dpi: opts.dpi ?? 600,
    minLengthMm: opts.minRuleMm ?? 100,
  });
  // The first rule is the last one above the first 版记 line; the 版记 runs from there to the last rule.
  const above = all.filter((r) => r.y1 <= first.y0 + 0.5);
  const top = above[above.length - 1] ?? all.find((r) => r.y0 >= first.y0);
  const rules = top ? all.filter((r) => r.y0 >= top.y0) : [];
  const [y0, y1] = rules.length ? [rules[0].y0, rules[rules.length - 1].y1] : [first.y0, Infinity];
  const inside = (l: TextLineBox) => l.y0 >= y0 - 0.5 && l.y1 <= y1 + 0.5;
  return {
    pageCount: pages.length,
    page: at.page,
    rules,
    lines: at.lines.filter(inside),
    others: at.lines.filter((l) => !inside(l) && !PAGE_NUMBER_RE.test(l.text)),
    strayPages: hits.filter((p) => p !== at).map((p) => p.page),
  };
}
