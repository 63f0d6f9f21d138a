import { defineProject } from 'vitest/config';

// No module mocks here: one worker runs many files without re-importing the package for each.
export default defineProject({ test: { name: 'sheets', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000, isolate: false } });
