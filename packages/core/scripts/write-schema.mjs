// Writes (or with --check, verifies) the committed JSON Schema from the built zod model.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reviewJsonSchema } from '../dist/index.js';

const target = fileURLToPath(new URL('../schema/review.schema.json', import.meta.url));
const fresh = `${JSON.stringify(reviewJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch {}
  if (current !== fresh) {
    console.error(`${target} is out of date with the zod model: run \`pnpm schema\` and commit the result`);
    process.exit(1);
  }
  console.log('schema: up to date');
} else {
  writeFileSync(target, fresh);
  console.log(`schema: wrote ${target}`);
}
