// Baseline of `campaign-desk indicators --json`: a plain node script reading the same data files (every JSON file
// of the data directory and the 操作日志's head), parsing them, and printing one JSON line per file to stdout.
//   node bench/startup/read-data.mjs <data dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(dir, f));
files.push(join(dir, 'audit', 'head.json'));
const out = files.map((f) => {
  const data = JSON.parse(readFileSync(f, 'utf8'));
  return { file: f, entries: Array.isArray(data) ? data.length : Object.keys(data).length };
});
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
