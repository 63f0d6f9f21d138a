import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'load/index': 'src/load/index.ts', 'node/index': 'src/node/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
