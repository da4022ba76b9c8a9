// `npm run bench`: every budget named in the issues, measured against the raw library doing the same work, and
// printed as ratios. Not a timed test: nothing here fails on wall-clock time.
import { runStoreBench } from './store-bench';
import { runStatsBench } from './stats-bench';
import { runWordBench } from './word-bench';
import { runPackageBench } from './package-bench';
import { runExcelBench } from './excel-bench';
import { runAuthBench } from './auth-bench';
import { runStartupBench } from './startup-bench';
import { runLedgerBench } from './ledger-bench';
import { runExchangeBench } from './exchange-bench';

const RENDERER_BENCH = './renderer-bench.ts';

const suites: [string, () => Promise<void>][] = [
  ['存储 store', runStoreBench],
  ['指标 stats', runStatsBench],
  ['Word 报告', runWordBench],
  ['月报 package', runPackageBench],
  ['Excel 导入导出', runExcelBench],
  ['账户与加密 auth', runAuthBench],
  ['启动 startup', runStartupBench],
  ['大台账 ledger', runLedgerBench],
  ['报送包 exchange', runExchangeBench],
  // Loaded by path: it drives a page and is type-checked with the DOM library (tsconfig.e2e.json), not here.
  [
    '界面 renderer',
    async () => ((await import(RENDERER_BENCH)) as { runRendererBench(): Promise<void> }).runRendererBench(),
  ],
];

const only = process.argv.slice(2);
for (const [name, run] of suites) {
  if (only.length && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
