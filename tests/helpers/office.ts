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
