// exceljs's streaming WorkbookReader with one fix: it decodes each zip chunk to text on its own, so a Chinese
// character split across two chunks becomes "��" (exceljs #2063, #2084, #2316; still open in 4.4). Here the
// chunks go through a stateful UTF-8 decoder first, and exceljs's parser receives whole characters.
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** The parts of the reader this class hooks into (methods exceljs has but does not declare). */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

type ReaderClass = new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * Characters handed to exceljs's parser at a time. It turns each piece into all its XML events and then all its
 * rows before yielding the first row, and that batch lives while the import validates those rows: a whole 64 KB
 * zip chunk (≈ 100 rows) often outlived young-generation collections and was promoted, dead, to the old one
 * (≈ 20 MB of a 100,000-row import's peak). A piece of ≈ 16 rows dies young.
 */
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
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield* pieces(text);
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass;

class Utf8SafeReader extends Base {
  override _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string) {
    return super._parseWorksheet(utf8(iterator), sheetNo);
  }

  override async *_parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8'); // the entry then emits whole characters, decoded by Node's own stateful decoder
    yield* super._parseSharedStrings(entry);
  }
}

/** A streaming reader over an in-memory xlsx: sheets one by one, rows one by one. */
export function openStreamReader(
  buf: Buffer,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): ExcelJS.stream.xlsx.WorkbookReader {
  return new Utf8SafeReader(Readable.from([buf]), options);
}
