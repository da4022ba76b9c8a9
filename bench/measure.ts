// What every comparison bench shares: paired runs of the app and its baseline (alternating which goes first, so
// both see the same machine noise), and one way of printing them: what is measured, the baseline's exact work,
// median and spread of each, and the ratio of the medians with the range of the paired ratios.

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summary(xs: readonly number[]): Summary {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return {
    median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2,
    min: s[0],
    max: s[s.length - 1],
    n: s.length,
  };
}

export interface Paired<T = number> {
  app: T[];
  raw: T[];
}

/**
 * Runs `app` and `raw` `runs` times each, in pairs whose order alternates, after `warmup` unrecorded pairs. Each
 * function returns its own measurement (a duration, a CPU time, or several of them); see `timed` for wall time.
 */
export async function paired<T = number>(
  app: () => Promise<T>,
  raw: () => Promise<T>,
  runs: number,
  warmup = 1,
): Promise<Paired<T>> {
  const out: Paired<T> = { app: [], raw: [] };
  for (let i = 0; i < warmup + runs; i++) {
    let a: T, r: T;
    if (i % 2) {
      r = await raw();
      a = await app();
    } else {
      a = await app();
      r = await raw();
    }
    if (i >= warmup) {
      out.app.push(a);
      out.raw.push(r);
    }
  }
  return out;
}

/** Wall time of one call, in ms. */
export function timed(fn: () => unknown): () => Promise<number> {
  return async () => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
}

export interface Comparison {
  /** The heading: what operation, on what data. */
  title: string;
  /** What the app's side runs, exactly. */
  what: string;
  /** What the baseline runs, exactly. */
  baseline: string;
  /** The baseline is the least any implementation must do (a floor), not the same work done plainly. */
  floor?: boolean;
  samples: Paired;
  /** Unit of the samples, e.g. 'ms' or 'ms CPU'. */
  unit?: string;
  /** Budgets: a ratio to the baseline, and/or an absolute median. */
  budget?: { ratio?: number; ms?: number };
  digits?: number;
}

const fmt = (n: number, d: number) => n.toFixed(d);

export function ratioOf(c: Pick<Comparison, 'samples'>): number {
  return summary(c.samples.app).median / summary(c.samples.raw).median;
}

/** Prints one comparison as a block of lines; returns the ratio of the medians. */
export function printComparison(c: Comparison): number {
  const d = c.digits ?? 1;
  const unit = c.unit ?? 'ms';
  const a = summary(c.samples.app);
  const r = summary(c.samples.raw);
  const ratio = a.median / r.median;
  const pairs = c.samples.app.map((x, i) => x / c.samples.raw[i]).sort((x, y) => x - y);
  const line = (label: string, s: Summary) =>
    `  ${label}中位数 ${fmt(s.median, d).padStart(8)} ${unit}   范围 ${fmt(s.min, d)}–${fmt(s.max, d)}（${s.n} 次）`;
  const budgets: string[] = [];
  if (c.budget?.ratio !== undefined)
    budgets.push(`≤ ${c.budget.ratio}× ${ratio <= c.budget.ratio ? '达标' : '超出'}`);
  if (c.budget?.ms !== undefined)
    budgets.push(`≤ ${c.budget.ms} ms ${a.median <= c.budget.ms ? '达标' : '超出'}`);
  console.log(`■ ${c.title}`);
  console.log(`  测量：${c.what}`);
  console.log(`  ${c.floor ? '下限（基线只做任何实现都省不掉的部分）' : '基线'}：${c.baseline}`);
  console.log(line('本软件 ', a));
  console.log(line(c.floor ? '下限   ' : '基线   ', r));
  console.log(
    `  倍数   ×${ratio.toFixed(2)}（逐对 ×${pairs[0].toFixed(2)}–${pairs[pairs.length - 1].toFixed(2)}）` +
      (budgets.length ? `   预算 ${budgets.join('，')}` : ''),
  );
  return ratio;
}
