import { defineProject } from 'vitest/config';

// Tests of the repository's own tooling (changelogs); `changeset version` runs as a process.
export default defineProject({ test: { name: 'repo', include: ['*.test.ts'], testTimeout: 120_000 } });
