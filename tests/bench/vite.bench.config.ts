import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the benchmark page (tests/bench/page) into out/bench, apart from the app. */
export default defineConfig({
  root: resolve('tests/bench/page'),
  build: { outDir: resolve('out/bench'), emptyOutDir: true, minify: true, target: 'es2023' },
  logLevel: 'warn',
});
