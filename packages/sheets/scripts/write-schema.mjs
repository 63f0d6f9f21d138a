// Writes schema/mapping.schema.json from the zod schema of mapping files; --check fails when the
// committed file is out of date (run after `pnpm --filter @polev/sheets build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { mappingJsonSchema } from '../dist/index.js';

const path = new URL('../schema/mapping.schema.json', import.meta.url);
const text = `${JSON.stringify(mappingJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(path, 'utf8') !== text) {
    console.error('packages/sheets/schema/mapping.schema.json is out of date: run node packages/sheets/scripts/write-schema.mjs');
    process.exit(1);
  }
} else writeFileSync(path, text);
