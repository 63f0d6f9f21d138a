import { defineProject } from 'vitest/config';

// Starts real processes (node, the built CLI and API): the timeout guards against a hang only.
export default defineProject({ test: { name: 'examples', include: ['*.test.ts'], testTimeout: 120_000 } });
