// Re-saves a workbook through LibreOffice Calc (a producer other than exceljs: shared strings, date styles,
// its own zip layout), for tests that must read files the office did not make with this app.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function resaveWithLibreOffice(buf: Buffer): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), `lo-xlsx-${randomUUID().slice(0, 8)}-`));
  try {
    const src = join(dir, 'in.xlsx');
    writeFileSync(src, buf);
    const out = join(dir, 'out');
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        src,
      ],
      { timeout: 120_000 },
    );
    return readFileSync(join(out, 'in.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
