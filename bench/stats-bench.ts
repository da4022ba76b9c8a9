// Benchmark of the indicator catalog: median time of computeIndicators (本期 + 累计, every indicator) over a
// 20,000-record demo dataset, against the raw work underneath it (one date-filter pass per range), with ratio.
import { generateDemo } from '../src-main/demo';
import { daysInMonth } from '../src-main/shared/dates';
import { LEDGER_KEYS } from '../src-main/shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../src-main/shared/ledgers/types';
import { CATALOG, computeIndicators, perUnitIndicators } from '../src-main/stats';
import type { StatsInput } from '../src-main/stats';

const TARGET = 20_000;
const RUNS = 30;
const WARMUP = 5;
const BUDGET_MS = 50;

/** The demo scaled up until it holds TARGET records, then trimmed to exactly TARGET (from the largest ledger). */
export function benchDataset(target = TARGET): StatsInput {
  const count = (l: Record<LedgerKey, LedgerRecord[]>) => LEDGER_KEYS.reduce((t, k) => t + l[k].length, 0);
  // Office-level records do not scale with `scale`, so grow it until the target is reached.
  let scale = Math.ceil(target / count(generateDemo().ledgers));
  let demo = generateDemo({ scale });
  while (count(demo.ledgers) < target) demo = generateDemo({ scale: ++scale });
  const ledgers = { ...demo.ledgers };
  let excess = count(ledgers) - target;
  while (excess > 0) {
    const largest = LEDGER_KEYS.reduce((a, b) => (ledgers[a].length >= ledgers[b].length ? a : b));
    const cut = Math.min(excess, ledgers[largest].length - 1);
    ledgers[largest] = ledgers[largest].slice(0, ledgers[largest].length - cut);
    excess -= cut;
  }
  return { settings: demo.settings, ledgers };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The floor any implementation pays: every record's date tested once per range, counted per ledger. */
function baseline(
  ledgers: Record<LedgerKey, LedgerRecord[]>,
  ranges: { from: string; to: string }[],
): number {
  let hits = 0;
  for (const r of ranges) {
    for (const key of LEDGER_KEYS)
      hits += ledgers[key].filter((x) => x.date >= r.from && x.date <= r.to).length;
  }
  return hits;
}

export async function runStatsBench(): Promise<void> {
  const input = benchDataset();
  const records = LEDGER_KEYS.reduce((t, k) => t + input.ledgers[k].length, 0);
  const { phases, campaignStart } = input.settings;
  // The calendar month the middle phase starts in: the typical monthly report.
  const month = (phases[1]?.start ?? campaignStart).slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const query = { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
  const ranges = [query, { from: campaignStart, to: query.to }];

  const catalogMs = median(time(() => computeIndicators(input, query)));
  const rawMs = median(time(() => baseline(input.ledgers, ranges)));
  const perUnitMs = median(time(() => perUnitIndicators(input, query)));
  const ratio = rawMs > 0 ? catalogMs / rawMs : Infinity;

  const line = (label: string, value: string) => process.stdout.write(`  ${label}：${value}\n`);
  process.stdout.write(
    `指标计算基准（stats）：${records} 条记录，${CATALOG.length} 项指标 × 本期/累计，${query.from}～${query.to}\n`,
  );
  line('computeIndicators 中位数', `${catalogMs.toFixed(2)} ms`);
  line('原始基线（按日期逐条过滤）中位数', `${rawMs.toFixed(2)} ms`);
  line('倍数（指标 ÷ 基线）', `${ratio.toFixed(1)}×`);
  line(`perUnitIndicators（${input.settings.units.length} 个单位）中位数`, `${perUnitMs.toFixed(2)} ms`);
  line(`预算 ${BUDGET_MS} ms`, catalogMs <= BUDGET_MS ? '达标' : '超出');
}
