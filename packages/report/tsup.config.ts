import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // docx ships one self-contained file (its nanoid and fflate inside) but still declares those as
  // dependencies, and its nanoid declares Node >= 22: `npm install --engine-strict` of @polev/report
  // on Node 20 failed. Bundled here, docx is a build-time dependency only.
  noExternal: ['docx'],
});
