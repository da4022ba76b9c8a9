// What each program loads before it can answer: the preload lists channel names without zod, and the CLI and web
// mode open the app without docx, exceljs or jszip, which load with the first Word or Excel call, and without
// zod's other locales: `import { z } from 'zod'` bundles all of zod, every locale and the JSON Schema tools
// (esbuild keeps each member of that object), four times the code `import * as z from 'zod'` keeps.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
// @ts-expect-error -- a plain .mjs script without type declarations
import { PRELOAD_BUILD } from '../../../scripts/build-main.mjs';
// @ts-expect-error -- a plain .mjs script without type declarations
import { nodeBuildOptions } from '../../../scripts/build-node.mjs';

const HEAVY = ['node_modules/docx/', 'node_modules/exceljs/', 'node_modules/jszip/'];

/** Every input of the output files loaded with the one built from `source`: its static imports, transitively. */
function staticInputs(meta: Metafile, source: string): string[] {
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out].imports)
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint === source)!);
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o].inputs));
}

describe('start-up weight', () => {
  it('bundles the preload with channel names only: no zod, a few KB', async () => {
    const r = await build({ ...(PRELOAD_BUILD as object), write: false, metafile: true, sourcemap: false });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/zod/'))).toBe(false);
    expect(inputs).not.toContain('src-main/shared/contract/index.ts');
    expect(r.outputFiles[0].contents.length).toBeLessThan(16 * 1024);
  });

  it('opens the app in the CLI and web mode without docx, exceljs, jszip or the other zod locales', async () => {
    const options = (nodeBuildOptions as (outdir: string) => object)('out/start-up-weight-test');
    const r = await build({ ...options, metafile: true, logLevel: 'silent' });
    // Web mode imports the app with itself; the CLI imports it when a command runs (src-main/doors/cli/open-app.ts).
    for (const source of ['src-main/doors/http/main.ts', 'src-main/app/create-app.ts']) {
      const loaded = staticInputs(r.metafile, source);
      expect(loaded).toContain('src-main/app/create-app.ts');
      expect(loaded).toContain('src-main/store/store.ts');
      expect(loaded.filter((i) => HEAVY.some((h) => i.startsWith(h)))).toEqual([]);
      // English is zod's default, set when it loads; Chinese is ours (src-main/shared/contract/index.ts).
      expect(loaded.filter((i) => i.startsWith('node_modules/zod/v4/locales/')).sort()).toEqual([
        'node_modules/zod/v4/locales/en.js',
        'node_modules/zod/v4/locales/zh-CN.js',
      ]);
    }
    // …and they are still in the program, for the first Word or Excel call.
    const all = Object.keys(r.metafile.inputs);
    for (const h of HEAVY) expect(all.some((i) => i.startsWith(h))).toBe(true);
  });
});
