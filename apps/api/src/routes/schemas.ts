import { z } from '@hono/zod-openapi';

export const WithheldSchema = z
  .object({
    count: z.int().describe('how many items above the caller\'s clearance were removed (0: nothing)'),
    byKind: z.record(z.string(), z.int()).describe('the same count per list, e.g. {"sources": 1}'),
  })
  .openapi('Withheld', { description: 'What was removed for the caller\'s clearance: counts only, never which items.' });

export const AnyObject = z.object({}).passthrough();
