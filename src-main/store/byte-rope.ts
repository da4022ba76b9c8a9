// Bytes kept as a list of chunks, so a save reuses the previous file's bytes without copying 5 MB each time.
//
// Copying the whole buffer costs about 1 ms per 5 MB here, plus the garbage-collector pressure of a fresh 5 MB
// allocation per save: together enough to miss the "≤ 1.5× a raw write" budget. Writes go out with writev.

/** Above this many chunks, build() copies everything into one buffer (amortized: once every few dozen saves). */
const MAX_CHUNKS = 48;
/** Pieces smaller than this (commas, short runs of reused bytes) are copied into the chunk being filled. */
const SMALL = 16 * 1024;
/**
 * New bytes are written into chunks allocated a quarter of the rope's size so far, between these bounds: an import
 * of 100,000 records (50 MB of JSON) fills about twenty chunks, each written once, with no per-record buffer and
 * no copy of gathered pieces (those two had cost a third of the JSON's size again at the end of the import).
 */
const FILL_MIN = 16 * 1024;
const FILL_MAX = 8 * 1024 * 1024;
const FILL_SHARE = 4;

export class ByteRope {
  private flat: Buffer | null = null;

  private constructor(
    readonly chunks: readonly Buffer[],
    /** Byte offset at which each chunk starts. */
    private readonly starts: readonly number[],
    readonly length: number,
  ) {}

  static of(chunks: Buffer[]): ByteRope {
    const starts: number[] = [];
    let length = 0;
    for (const c of chunks) {
      starts.push(length);
      length += c.length;
    }
    return new ByteRope(chunks, starts, length);
  }

  /** One contiguous buffer (cached); for comparisons and the rare consumer that needs it. */
  flatten(): Buffer {
    if (!this.flat)
      this.flat = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
    return this.flat;
  }

  /** Appends the bytes [start, end) of this rope to `out` without copying them. */
  copyRangeTo(start: number, end: number, out: RopeBuilder): void {
    // Binary search for the chunk holding `start`.
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    for (let c = lo; c < this.chunks.length && start < end; c++) {
      const chunkStart = this.starts[c];
      const chunk = this.chunks[c];
      const from = start - chunkStart;
      const to = Math.min(chunk.length, end - chunkStart);
      if (to > from) out.push(chunk.subarray(from, to));
      start = chunkStart + to;
    }
  }
}

export class RopeBuilder {
  private readonly chunks: Buffer[] = [];
  /** The allocation being filled; bytes [sealed, at) of it are not yet a chunk. */
  private fill: Buffer | null = null;
  private sealed = 0;
  private at = 0;
  length = 0;

  /** Appends bytes: small ones are copied into the chunk being filled, larger ones kept as they are. */
  push(bytes: Buffer): void {
    if (bytes.length < SMALL) {
      this.reserve(bytes.length);
      bytes.copy(this.fill!, this.at);
      this.at += bytes.length;
      this.length += bytes.length;
      return;
    }
    this.seal();
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** Appends the UTF-8 bytes of `text`, encoded straight into the chunk being filled. */
  pushString(text: string): void {
    // Three bytes a UTF-16 unit at most: the exact length is only counted when the room may be short.
    if (!this.fill || this.fill.length - this.at < text.length * 3) this.reserve(Buffer.byteLength(text));
    const n = this.fill!.write(text, this.at);
    this.at += n;
    this.length += n;
  }

  build(): ByteRope {
    this.seal();
    this.fill = null;
    if (this.chunks.length > MAX_CHUNKS) return ByteRope.of([Buffer.concat(this.chunks, this.length)]);
    return ByteRope.of(this.chunks);
  }

  private reserve(bytes: number): void {
    if (this.fill && this.fill.length - this.at >= bytes) return;
    this.seal();
    const size = Math.max(bytes, Math.min(FILL_MAX, Math.max(FILL_MIN, this.length / FILL_SHARE)));
    this.fill = Buffer.allocUnsafeSlow(size);
    this.sealed = 0;
    this.at = 0;
  }

  /**
   * Makes the bytes written since the last seal a chunk. A part much smaller than its allocation is copied out, so
   * a save that adds one record keeps 500 bytes, not the 16 KB it was written into.
   */
  private seal(): void {
    if (!this.fill || this.at === this.sealed) return;
    const part = this.fill.subarray(this.sealed, this.at);
    this.chunks.push(part.length * 2 < this.fill.length ? Buffer.from(part) : part);
    this.sealed = this.at;
  }
}
