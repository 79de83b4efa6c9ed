import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the benchmark page (tests/bench/page) into out/bench, apart from the app. */
export default defineConfig({
  root: resolve('tests/bench/page'),
  // KREDO_BENCH_PROFILE=1 keeps the page's names readable in the CPU profiles the benchmarks then write.
  build: { outDir: resolve('out/bench'), emptyOutDir: true, minify: !process.env['KREDO_BENCH_PROFILE'], target: 'es2023' },
  logLevel: 'warn',
});
