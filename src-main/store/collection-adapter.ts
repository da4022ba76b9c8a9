// lowdb adapter for one collection file: durable writes, incremental encoding, and reads that name the damage.
import fsp from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { errorCode, writeFileDurable } from './durable-write';
import { encodeFromFile, encodeValue, type Encoded } from './json-encoding';

/** A file that exists but does not hold usable JSON; `reason` is Chinese and goes into the user's notice. */
export class DamagedFileError extends Error {
  override readonly name = 'DamagedFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}：${reason}`);
  }
}

/** Parses JSON bytes, telling apart the ways power loss and crashes damage a file (lowdb #139, #352, #549). */
export function parseJsonBytes(file: string, raw: Buffer): { value: unknown; bytes: Buffer } {
  // A UTF-8 BOM appears when someone opened the file in Notepad and saved it; it is not damage.
  const bytes = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
  try {
    return { value: JSON.parse(bytes.toString('utf8')) as unknown, bytes };
  } catch (err) {
    // Only classify on failure: these scans are not free on a 5 MB file.
    throw new DamagedFileError(file, describeDamage(bytes, err instanceof Error ? err.message : String(err)));
  }
}

function describeDamage(bytes: Buffer, message: string): string {
  if (bytes.toString('latin1').trim() === '') return '是空文件';
  if (bytes.every((b) => b === 0)) return '内容全为空字节（通常是写入时断电或强制关机造成的）';
  if (bytes[bytes.length - 1] === 0) return '末尾是空字节，写入没有完成（通常是断电或强制关机造成的）';
  const position = /at position (\d+)/.exec(message);
  const atEnd = position !== null && Number(position[1]) >= bytes.toString('utf8').trimEnd().length;
  if (atEnd || /end of (JSON )?input|Unterminated/i.test(message)) return '被截断，内容不完整';
  // Never the parser's own message: V8 quotes the text around the error ("root:*:1…" of /etc/shadow, or a
  // record's content), and this reason goes into notices and logs. The position is enough to find the spot.
  return position ? `不是有效的 JSON（第 ${Number(position[1]) + 1} 个字符处有误）` : '不是有效的 JSON';
}

/** Reads and parses a JSON file; null if it does not exist, DamagedFileError if it is not usable. */
export async function readJsonFile(file: string): Promise<{ value: unknown; bytes: Buffer } | null> {
  let raw: Buffer;
  try {
    raw = await fsp.readFile(file);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  return parseJsonBytes(file, raw);
}

export class CollectionAdapter implements Adapter<unknown> {
  /** The encoding of what is on disk now: the base for the next incremental encode. */
  private current: Encoded | null = null;

  constructor(readonly file: string) {}

  /** null when the file does not exist; throws DamagedFileError when it exists but is unusable. */
  async read(): Promise<unknown> {
    const parsed = await readJsonFile(this.file);
    if (!parsed) return null;
    this.current = encodeFromFile(parsed.value, parsed.bytes);
    return this.current.value;
  }

  async write(data: unknown): Promise<void> {
    await this.writeEncoded(this.encode(data));
  }

  /** Encodes (and freezes) a candidate value without touching disk, so several files can be committed together. */
  encode(data: unknown): Encoded {
    return encodeValue(data, this.current);
  }

  async writeEncoded(encoded: Encoded): Promise<void> {
    await writeFileDurable(this.file, encoded.rope.chunks);
    this.current = encoded;
  }

  /** Records that `encoded` reached disk by another route (a journal commit). */
  adopt(encoded: Encoded): void {
    this.current = encoded;
  }

  /** The file was moved away (quarantine): there is no base to encode against any more. */
  forget(): void {
    this.current = null;
  }

  /** What is on disk as far as we know (for backups, verify and journal undo); null before the first read or write. */
  get encoded(): Encoded | null {
    return this.current;
  }
}
