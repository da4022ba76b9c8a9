// Child process for the crash and lock tests: opens a store in its own process, then saves in a loop or holds it.
// Usage: node --import tsx store-child.ts <dataDir> <save|hold|exit> [firstId]
import { Store } from '../../../src-main/store/index';

const [dataDir, mode, firstId = '0'] = process.argv.slice(2);
const list = { default: (): unknown[] => [] };
const store = await Store.open({
  dataDir,
  owner: 'cli',
  schemaVersion: 1,
  collections: { items: list, pairsA: list, pairsB: list },
  logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
});

if (mode === 'hold') {
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1000); // keep the process (and the lock) alive until killed
} else if (mode === 'exit') {
  // Exit without close(): the exit hook must release the lock.
  process.stdout.write('ready\n');
  process.exit(0);
} else {
  let id = Number(firstId);
  const padding = '整改台账'.repeat(50); // bigger files: a kill lands inside a write more often
  for (;;) {
    id += 1;
    const n = id;
    if (n % 3 === 0) {
      // Two collections in one all-or-nothing commit: after any crash they must still be equal.
      await store.updateMany((get) => ({
        pairsA: [...get<number[]>('pairsA'), n],
        pairsB: [...get<number[]>('pairsB'), n],
      }));
    } else {
      await store.update<{ id: number; note: string }[]>('items', (all) => [
        ...all,
        { id: n, note: padding },
      ]);
    }
    // Printed only after the save resolved: every id the parent reads was acknowledged as durable.
    process.stdout.write(`${id}\n`);
  }
}
