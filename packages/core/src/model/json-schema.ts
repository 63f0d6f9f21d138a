import { z } from 'zod';
import { Review } from './review.js';

/** Where the published schema lives; editors reference it through `# yaml-language-server: $schema=…`. */
export const SCHEMA_ID = 'https://polev.dev/schema/review.schema.json';

/**
 * The JSON Schema of a review file as a person writes it (zod's input side: fields with defaults
 * are optional). Generated, never hand-edited, so it cannot drift from the zod model.
 */
export function reviewJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Review, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return { ...schema, $id: SCHEMA_ID };
}
