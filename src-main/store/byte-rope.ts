// Bytes kept as a list of chunks, so a save reuses the previous file's bytes without copying 5 MB each time.
//
// Copying the whole buffer costs about 1 ms per 5 MB here, plus the garbage-collector pressure of a fresh 5 MB
// allocation per save: together enough to miss the "≤ 1.5× a raw write" budget. Writes go out with writev.

/** Above this many chunks, build() copies everything into one buffer (amortized: once every few dozen saves). */
const MAX_CHUNKS = 48;
/** Pieces smaller than this (new elements, commas) are gathered and copied into one chunk. */
const SMALL = 16 * 1024;
/**
 * Gathered pieces become a chunk once they reach a quarter of the rope so far (at least 1 MB): 100,000 new records
 * (an import, 50 MB of JSON) are then never held twice, as pieces and as their copy, and the chunks stay few
 * (about 16 for 50 MB).
 */
const GATHER_MIN = 1024 * 1024;
const GATHER_SHARE = 4;

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
  private small: Buffer[] = [];
  private smallLength = 0;
  length = 0;

  push(bytes: Buffer): void {
    this.length += bytes.length;
    if (bytes.length < SMALL) {
      this.small.push(bytes);
      this.smallLength += bytes.length;
      if (this.smallLength >= Math.max(GATHER_MIN, this.length / GATHER_SHARE)) this.flushSmall();
      return;
    }
    this.flushSmall();
    this.chunks.push(bytes);
  }

  build(): ByteRope {
    this.flushSmall();
    if (this.chunks.length > MAX_CHUNKS) return ByteRope.of([Buffer.concat(this.chunks, this.length)]);
    return ByteRope.of(this.chunks);
  }

  private flushSmall(): void {
    if (this.small.length === 0) return;
    this.chunks.push(this.small.length === 1 ? this.small[0] : Buffer.concat(this.small, this.smallLength));
    this.small = [];
    this.smallLength = 0;
  }
}
