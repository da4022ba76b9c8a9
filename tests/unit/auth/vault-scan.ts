// For the vault tests: every file under a data directory whose raw bytes hold a name (UTF-8 or JSON-escaped),
// the CLI as a child process, and one flipped byte inside a sealed bucket on disk.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Files (backups, logs, the 操作日志, quarantine, journal included) whose bytes contain one of the names. */
export function filesNaming(dir: string, names: string[]): string[] {
  const needles = names.flatMap((n) => [
    Buffer.from(n, 'utf8'),
    Buffer.from(
      JSON.stringify(n)
        .slice(1, -1)
        .replace(/[\u4e00-\u9fa5]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    ),
  ]);
  return filesUnder(dir).filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

const BIN = path.resolve('bin/campaign-desk.js');

export function cli(dataDir: string, args: string[], password?: string) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...(password ? { CAMPAIGN_DESK_PASSWORD: password } : {}) },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Flips one byte inside the `data` of the bucket at `index` in vault-<ledger>.json, on disk, keeping the JSON and
 * the base64 valid (the hard case: the file still parses and every structural check passes).
 */
export function flipByteInBucket(dataDir: string, index = 0, ledger = 'clues'): string {
  const file = path.join(dataDir, `vault-${ledger}.json`);
  const text = readFileSync(file, 'utf8');
  const buckets = JSON.parse(text) as { id: string; data: string }[];
  const { data, id } = buckets[index];
  const at = text.indexOf(data) + Math.floor(data.length / 2);
  const c = text[at];
  const swapped = c === 'A' ? 'B' : 'A';
  writeFileSync(file, text.slice(0, at) + swapped + text.slice(at + 1));
  return id;
}
