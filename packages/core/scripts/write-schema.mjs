// Writes (or with --check, verifies) the committed JSON Schema from the built zod model.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reviewJsonSchema } from '../dist/index.js';

// The current version at its stable path (schema/v2/) and as schema/review.schema.json; the schema
// of version 1 (schema/v1/) is frozen and not written here.
const targets = ['../schema/review.schema.json', '../schema/v2/review.schema.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const fresh = `${JSON.stringify(reviewJsonSchema(), null, 2)}\n`;
for (const target of targets) {
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(target, 'utf8'); } catch {}
    if (current !== fresh) {
      console.error(`${target} is out of date with the zod model: run \`pnpm schema\` and commit the result`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, fresh);
    console.log(`schema: wrote ${target}`);
  }
}
if (process.argv.includes('--check')) console.log('schema: up to date');
