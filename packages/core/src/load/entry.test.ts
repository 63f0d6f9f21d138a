// `@polev/core/load` as a consumer sees it: the built package, in a fresh Node process. Needs the
// built dist/ (`pnpm test` builds first).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedModules } from './__testing__/loaded-modules.js';

const pkg = fileURLToPath(new URL('../../', import.meta.url));
const src = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Runs an ES module script in packages/core, where `@polev/core/*` resolves to the built package. */
function script(body: string) {
  const r = loadedModules(['--input-type=module', '-e', body], { cwd: pkg });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

const readMini = `const { readFileSync } = await import('node:fs');
const mini = readFileSync('src/__fixtures__/mini.yaml', 'utf8');`;

describe('@polev/core/load', () => {
  it('exports what loading and validation need, as the same objects as @polev/core, and no analysis', () => {
    const r = script(`const all = await import('@polev/core');
const load = await import('@polev/core/load');
const names = ['parseReview', 'parseReviewOrThrow', 'formatProblem', 'formatPath', 'PolevError', 'InvalidReviewError', 'InvalidOptionsError', 'Review'];
console.log(JSON.stringify({
  missing: names.filter((n) => !(n in load)),
  different: Object.keys(load).filter((n) => load[n] !== all[n]),
  analysis: ['analyze', 'explain', 'compare', 'termsFor'].filter((n) => n in load),
}));`);
    expect(JSON.parse(r.stdout)).toEqual({ missing: [], different: [], analysis: [] });
  });

  it('loads none of the analysis modules to validate a file', () => {
    const r = script(`${readMini}
const { parseReview } = await import('@polev/core/load');
console.log(parseReview(mini).ok, parseReview(mini.replace('kind: financial', 'kind: cash')).ok);`);
    expect(r.stdout.trim()).toBe('true false');
    expect(r.sources.filter((s) => s.startsWith(src('load/')))).not.toEqual([]);
    expect(r.sources.filter((s) => s.startsWith(src('analysis/')))).toEqual([]);
  });

  it('the full entry does load the analysis (so the checks above can fail)', () => {
    const r = script(`await import('@polev/core');`);
    expect(r.sources.filter((s) => s.startsWith(src('analysis/')))).not.toEqual([]);
  });
});
