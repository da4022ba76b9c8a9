// Baseline of `campaign-desk monthly`: a plain node script that reads the same data files, then writes the same
// documents with the raw libraries: docx's Packer with the report's paragraphs (same text, one plain run each) and
// exceljs with the workbook's cells (same sheets, same values and formulas at the same addresses, same merges,
// no styles), both files written into the output folder. The text and cells come from the app's own output,
// read beforehand (content.json); the indicators are not computed here.
//   node bench/startup/monthly-raw.mjs <data dir> <content.json> <output dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';

const [dir, contentFile, outDir] = process.argv.slice(2);
for (const f of readdirSync(dir)) if (f.endsWith('.json')) JSON.parse(readFileSync(join(dir, f), 'utf8'));
const { paragraphs, sheets } = JSON.parse(readFileSync(contentFile, 'utf8'));

const docx = await Packer.toBuffer(
  new Document({
    sections: [{ children: paragraphs.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
  }),
);
const wb = new ExcelJS.Workbook();
for (const s of sheets) {
  const ws = wb.addWorksheet(s.name);
  for (const m of s.merges) ws.mergeCells(m);
  for (const [address, value] of s.cells) ws.getCell(address).value = value;
}
const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.docx'), docx);
writeFileSync(join(outDir, 'stats.xlsx'), xlsx);
