// Renderer build: a static bundle loaded by Electron through app:// and by web mode over loopback HTTP.
import { defineConfig } from 'vite';
import type { Plugin, Rollup } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The first frame's chunk (start.tsx: React and the frame) is imported by the entry only after the entry has started
 * the first calls; modulepreload links in the page fetch and compile it, and the chunks it imports, meanwhile,
 * instead of one after another behind the entry.
 */
function preloadFirstFrame(): Plugin {
  return {
    name: 'campaign-desk:preload-first-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = new Map<string, Rollup.OutputChunk>();
        for (const c of Object.values(ctx.bundle ?? {})) if (c.type === 'chunk') chunks.set(c.fileName, c);
        const start = [...chunks.values()].find((c) =>
          c.moduleIds.some((id) => id.endsWith('/src/start.tsx')),
        );
        if (!start) throw new Error('vite.config.ts: start.tsx 的代码块不存在，首屏无法预载');
        const files = new Set<string>();
        const visit = (c: Rollup.OutputChunk) => {
          if (files.has(c.fileName) || html.includes(c.fileName)) return;
          files.add(c.fileName);
          for (const i of c.imports) visit(chunks.get(i)!);
        };
        visit(start);
        return [...files].map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), preloadFirstFrame()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
