// exceljs's streaming WorkbookReader for what is around the sheets (the zip, sheet names and states, shared
// strings, date system), with the sheets' rows read by import-sheet-rows.ts. One fix on the way: exceljs decodes
// each zip chunk to text on its own, so a Chinese character split across two chunks becomes "��" (exceljs #2063,
// #2084, #2316; still open in 4.4). Here the chunks go through a stateful UTF-8 decoder first.
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sheetRows } from './import-sheet-rows';
import type { SheetRow } from './import-sheet-rows';

export type { SheetRow } from './import-sheet-rows';

/** A worksheet as the reader hands it out: its name, its visibility, then its rows one by one. */
export interface StreamSheet extends AsyncIterable<SheetRow> {
  id: string;
  name: string;
  state?: string;
}

/** The parts of the reader this class hooks into (members exceljs has but does not declare). */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _emitEntry(entry: { type: string; id?: string }): void;
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string }[];
}

/** The workbook part's sheet list as exceljs keeps it (its type declares another model). */
type SheetList = { model?: { sheets?: { id: string; name: string; state?: string; rId: string }[] } };

type ReaderClass = new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * Bytes of the sheet XML decoded at a time. The chunk is cut before it is decoded: a 64 KB chunk decoded whole
 * is one string of 128 KB (Chinese text is two bytes a character), which V8 puts in its large-object space, and
 * every cell value cut from it kept it alive.
 */
const PIECE_BYTES = 8192;

/** Characters of an already decoded chunk handed on at a time (see PIECE_BYTES). */
const PIECE = 8192;

/** `text` in pieces of about PIECE characters, each cut just before a '<' (never inside a character). */
function* pieces(text: string): Generator<string> {
  let at = 0;
  while (text.length - at > PIECE * 1.5) {
    let cut = text.lastIndexOf('<', at + PIECE);
    if (cut <= at) cut = text.indexOf('<', at + PIECE);
    if (cut <= at) break;
    yield text.slice(at, cut);
    at = cut;
  }
  yield at ? text.slice(at) : text;
}

async function* utf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield* pieces(chunk);
      continue;
    }
    // The decoder keeps a character split between two pieces (or two chunks) until its last byte arrives.
    const buf = chunk as Buffer;
    for (let at = 0; at < buf.length; at += PIECE_BYTES) {
      const text = decoder.write(buf.subarray(at, at + PIECE_BYTES));
      if (text) yield text;
    }
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass;

class Utf8SafeReader extends Base {
  /** As exceljs's own, naming the sheet the same way, but the sheet's rows are read by sheetRows(). */
  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown> {
    this._emitEntry({ type: 'worksheet', id: sheetNo });
    const rows = sheetRows(utf8(iterator), () => this.sharedStrings);
    const sheet: StreamSheet = { id: sheetNo, name: `Sheet${sheetNo}`, [Symbol.asyncIterator]: () => rows };
    // Targets are relative to xl/ as Excel and WPS write them, or absolute (/xl/worksheets/…) as openpyxl and
    // some exporters do: both name the same part.
    const part = `worksheets/sheet${sheetNo}.xml`;
    const rel = (this.workbookRels ?? []).find((r) => r.Target.replace(/^\/?xl\//, '') === part);
    const match = rel && ((this as unknown as SheetList).model?.sheets ?? []).find((m) => m.rId === rel.Id);
    if (match) Object.assign(sheet, { id: match.id, name: match.name, state: match.state });
    yield { eventType: 'worksheet', value: sheet };
  }

  override async *_parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8'); // the entry then emits whole characters, decoded by Node's own stateful decoder
    yield* super._parseSharedStrings(entry);
  }
}

/** Where the import reads from: sheets one by one, rows one by one; `date1904` once the workbook part is read. */
export interface StreamWorkbook extends AsyncIterable<StreamSheet> {
  readonly date1904: boolean;
}

/**
 * A streaming reader over an in-memory xlsx, as an import reads it: every sheet handed out (hidden ones too),
 * shared strings kept, styles and hyperlinks not read (date cells come as serials).
 */
export function openStreamReader(buf: Buffer): StreamWorkbook {
  const reader = new Utf8SafeReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    // Cell styles would tell date cells apart, but cost 70 MB at 100,000 rows: date columns read serials instead.
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  return {
    get date1904() {
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      return !!props?.model?.date1904;
    },
    [Symbol.asyncIterator]: () => sheetsOf(reader, buf),
  };
}

/**
 * The reader's sheets, with the workbook part (sheet names, states, date system) and its relationships read
 * first. exceljs learns them when the zip stream reaches them, and a writer may put them after the sheets
 * (openpyxl, some exporters, a workbook re-zipped by a tool): the sheets would then come as "Sheet1" and visible.
 */
async function* sheetsOf(reader: Utf8SafeReader, buf: Buffer): AsyncGenerator<StreamSheet> {
  const zip = await JSZip.loadAsync(buf);
  const part = async (name: string) => Readable.from([await zip.file(name)!.async('nodebuffer')]);
  if (zip.file('xl/_rels/workbook.xml.rels'))
    await reader._parseRels(await part('xl/_rels/workbook.xml.rels'));
  if (zip.file('xl/workbook.xml')) await reader._parseWorkbook(await part('xl/workbook.xml'));
  yield* reader as unknown as AsyncIterable<StreamSheet>;
}
