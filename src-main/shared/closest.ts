// "Did you mean": the known name nearest to what someone wrote (a header, a unit), by edit distance, when it is
// near enough to be a slip of the pen (东湖乡纪委 → 东湖镇纪委, 开会日期 → 会议日期) rather than another thing.
import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `text` (compared after `norm`), if at most half its characters differ; undefined when
 * nothing is that near, or when `text` is itself one of them.
 */
export function closest(
  text: string,
  candidates: Iterable<string>,
  norm: (s: string) => string = (s) => s,
): string | undefined {
  const t = norm(text);
  if (!t) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestLength = 0;
  for (const c of candidates) {
    const n = norm(c);
    const d = distance(t, n);
    if (d < bestDistance) [best, bestDistance, bestLength] = [c, d, n.length];
  }
  if (best === undefined || bestDistance === 0) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(t.length, bestLength) / 2)) ? best : undefined;
}
