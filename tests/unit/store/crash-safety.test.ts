// Kills a saving process with SIGKILL at random moments: every acknowledged save must survive, pairs stay paired.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src-main/store/index';
import { CHILD_SCRIPT, REPO_ROOT, quietLogger, tempDir } from './helpers';

const ROUNDS = 25;

interface RoundResult {
  acked: number[];
  sawReady: boolean;
}

/** Runs the child until killed; the kill lands either after a random number of acks or at a random time. */
function runAndKill(dataDir: string, firstId: number, round: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD_SCRIPT, dataDir, 'save', String(firstId)],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    // Odd rounds: kill at a random moment from spawn (may hit open/recovery); even: a random time into saving.
    const byClock = round % 2 === 1;
    if (byClock) setTimeout(kill, 250 + Math.random() * 700);
    const safety = setTimeout(kill, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) acked.push(Number(line));
      if (!byClock && acked.length > 0 && !killed) setTimeout(kill, Math.random() * 150);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(safety);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${stderr}`));
      else resolve({ acked, sawReady: acked.length > 0 });
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged save and every all-or-nothing pair across repeated SIGKILLs', async () => {
    const dataDir = await tempDir();
    const allAcked: number[] = [];
    let roundsWithSaves = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { acked } = await runAndKill(dataDir, round * 1_000_000, round);
      allAcked.push(...acked);
      if (acked.length > 0) roundsWithSaves += 1;

      const store = await Store.open({
        dataDir,
        collections: {
          items: { default: () => [] },
          pairsA: { default: () => [] },
          pairsB: { default: () => [] },
        },
        schemaVersion: 1,
        logger: quietLogger,
      });
      try {
        const items = new Set(store.get<{ id: number }[]>('items').map((i) => i.id));
        const pairsA = store.get<number[]>('pairsA');
        const pairs = new Set(pairsA);
        const missing = allAcked.filter((id) => !(id % 3 === 0 ? pairs.has(id) : items.has(id)));
        expect(missing, `round ${round}: acknowledged but lost`).toEqual([]);
        expect(store.get<number[]>('pairsB'), `round ${round}: half-applied updateMany`).toEqual(pairsA);
        // A kill mid-write leaves temp files; open must have cleaned them, and nothing was quarantined.
        expect((await fs.readdir(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
        expect(store.notices.filter((n) => n.kind !== 'created')).toEqual([]);
        expect((await store.verify()).problems).toEqual([]);
      } finally {
        await store.close();
      }
    }
    // The test proves nothing if the child never got to save.
    expect(roundsWithSaves).toBeGreaterThan(ROUNDS / 2);
    expect(allAcked.length).toBeGreaterThan(100);
  }, 90_000);
});
