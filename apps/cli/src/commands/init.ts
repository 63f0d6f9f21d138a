import { join } from 'node:path';
import { reviewJsonSchema } from '@polev/core';
import { inert } from '../inert.js';
import { EXIT, style, type Io } from '../io.js';
import { ensureDir, writeOutput } from '../output.js';
import { REVIEW_TEMPLATE } from '../templates/review.js';

/** Scaffolds review.yaml and its JSON Schema in a folder; existing files are kept unless --force. */
export async function initCommand(io: Io, dir: string, opts: { force: boolean }): Promise<number> {
  await ensureDir(dir);
  const review = join(dir, 'review.yaml');
  const schema = join(dir, 'review.schema.json');
  await writeOutput(io, review, REVIEW_TEMPLATE, opts.force);
  await writeOutput(io, schema, `${JSON.stringify(reviewJsonSchema(), null, 2)}\n`, true);
  const s = style(io);
  io.stderr(`${s.green('✓')} wrote ${inert(review)} and ${inert(schema)}\n  next: edit ${inert(review)}, then run ${s.bold(`polev validate ${inert(review)}`)}\n`);
  return EXIT.ok;
}
