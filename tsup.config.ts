import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', worker: 'src/batch/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  // import.meta.url is shimmed in the CJS build, so dictionaries/ is found from both.
  shims: true,
  clean: true,
  sourcemap: true,
  splitting: false,
  // The native segmenter and natural stay outside the bundle and load lazily.
  external: ['nodejieba', 'natural'],
});
