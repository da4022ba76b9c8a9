// Column widths that fit Chinese text: Excel measures widths in digit widths, and a CJK glyph is about two.

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of the longest line of `text`, in Excel character units. */
export function textWidth(text: string): number {
  let best = 0;
  for (const line of String(text).split(/\r?\n/)) {
    let w = 0;
    for (const ch of line) w += WIDE.test(ch) ? 2 : 1.05;
    if (w > best) best = w;
  }
  return best;
}

/** A width for a column holding these texts: padded, and clamped so one long cell does not blow it up. */
export function fitWidth(texts: Iterable<string>, min = 6, max = 40): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, textWidth(t));
  return Math.max(min, Math.min(max, Math.ceil(w + 2)));
}
