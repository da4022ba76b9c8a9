// A counter that orders events of this page session (a package made, then the text it used saved), without clocks.
let last = 0;

/** A number larger than every one handed out before. */
export function nextOrder(): number {
  return ++last;
}
