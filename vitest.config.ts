import { defineConfig } from 'vitest/config';

// Vitest 4 ignores vitest.workspace.ts: the packages are listed as projects here.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'examples/library', 'scripts'],
  },
});
