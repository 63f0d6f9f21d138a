import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The 30 longest files of a whole-suite run (2 cores, the shared machine busy), longest first.
 * Started first, so that no long file is left running alone at the end while the other worker
 * idles; the rest follow in vitest's own order (its cache of durations where there is one, else the
 * largest file first). The pack test leads: it mostly waits on npm and the disk, beside the
 * CPU-bound CLI tests. Keep it up to date from the per-file times of a run (`--reporter=json`).
 */
const LONGEST_FIRST = [
  'apps/cli/test/pack.test.ts',
  'apps/cli/test/cli.test.ts',
  'apps/api/test/classification.test.ts',
  'apps/api/test/concurrency.test.ts',
  'apps/cli/test/hardening.test.ts',
  'apps/cli/test/habits.test.ts',
  'apps/cli/test/unknown.test.ts',
  'packages/report/test/browser.test.ts',
  'examples/library/readme.test.ts',
  'packages/report/test/unknown.test.ts',
  'apps/cli/test/sheets.test.ts',
  'apps/cli/test/startup.test.ts',
  'apps/api/test/access.test.ts',
  'apps/api/test/import.test.ts',
  'apps/cli/test/analyze-audience.test.ts',
  'packages/report/test/pdf.test.ts',
  'apps/api/test/reviews.test.ts',
  'packages/report/test/audience.test.ts',
  'packages/report/test/example.test.ts',
  'apps/cli/test/safe-write.test.ts',
  'packages/report/test/redaction.test.ts',
  'packages/report/test/fuzz.test.ts',
  'packages/core/test/analysis-lang.test.ts',
  'apps/cli/test/problem-count.test.ts',
  'apps/cli/test/analyze-lang.test.ts',
  'apps/api/test/api.test.ts',
  'packages/core/src/load/bounds.test.ts',
  'packages/report/test/formats.test.ts',
  'packages/report/test/article-context.test.ts',
  'apps/cli/test/report-pdf.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (s: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(root, s.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

// Vitest 4 ignores vitest.workspace.ts: the packages are listed as projects here.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'examples/library', 'scripts'],
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // leaving a core idle while a test waits on a process, a disk or a server.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: LongestFirst },
  },
});
