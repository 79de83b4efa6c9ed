import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/main/security/content-security-policy';

/**
 * Adds the strict CSP as a <meta> tag to the built index.html, as a second line of defence behind the
 * header that `app://` and the Chromium host send. Only in builds: Vite's dev server needs inline code.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'kredo-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ delivery: 'meta' }) }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The import worker is its own entry: worker threads load a file, not a module of the main bundle.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), 'import-worker': resolve('electron/main/import/import-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or other files: one CommonJS bundle that requires only
      // `electron` (Electron docs, "Process Sandboxing").
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      sourcemap: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
