// Renderer build: a static bundle loaded by Electron through app:// and by web mode over loopback HTTP.
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The first frame's chunk (start.tsx: React and the frame) is imported by the entry only after the entry has started
 * the first calls; a modulepreload link in the page fetches and compiles it meanwhile, instead of after the entry.
 */
function preloadFirstFrame(): Plugin {
  return {
    name: 'campaign-desk:preload-first-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith('/src/start.tsx')),
        );
        if (!chunk) throw new Error('vite.config.ts: start.tsx 的代码块不存在，首屏无法预载');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
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
