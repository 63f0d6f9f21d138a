import { defineProject } from 'vitest/config';

// Many tests start the built CLI as a process: the timeout guards against a hang and is wide enough
// for a shared, busy 2-core machine. No test here measures speed (benchmarks do, `pnpm bench`).
// The files whose blocks are describe.concurrent run two tests at a time: enough to fill the waits
// (Chromium, the disk) on two cores, without starving the file the other worker runs.
export default defineProject({ test: { name: 'cli', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 120_000, maxConcurrency: 2 } });
