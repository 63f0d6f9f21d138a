// What each start-up path loads, checked on the built binary as a real process: start-up time is
// mostly module loading, so a stray import on these paths is a performance bug (issue 5).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedModules } from '../../../packages/core/src/load/__testing__/loaded-modules.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const cliSrc = fileURLToPath(new URL('../src/', import.meta.url));
const coreSrc = fileURLToPath(new URL('../../../packages/core/src/', import.meta.url));
const reportSrc = fileURLToPath(new URL('../../../packages/report/src/', import.meta.url));

function polev(args: string[]) {
  const r = loadedModules([bin, ...args]);
  const rel = (base: string) => r.sources.filter((s) => s.startsWith(base)).map((s) => s.slice(base.length)).sort();
  return { ...r, cli: rel(cliSrc), core: rel(coreSrc), report: rel(reportSrc), yaml: r.files.filter((f) => /[\\/]node_modules[\\/]yaml[\\/]/.test(f)) };
}

describe('start-up: what each path loads', () => {
  it('polev --version loads none of the polev packages', () => {
    const r = polev(['--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.core).toEqual([]);
    expect(r.report).toEqual([]);
  });

  it('polev validate on a valid file loads only the loader: no analysis, report, summary or `yaml`', () => {
    const r = polev(['validate', example]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cli).toEqual(['bin.ts', 'commands/validate.ts', 'input.ts', 'io.ts', 'program.ts', 'version.ts']);
    expect(r.core.filter((s) => !/^(load|model|node|rpe|util)\/|^errors\.ts$/.test(s))).toEqual([]);
    expect(r.core).toContain('load/parse.ts');
    expect(r.report).toEqual([]);
    expect(r.yaml).toEqual([]);
  });

  it('polev analyze does load the analysis and the summary (so the checks above can fail)', () => {
    const r = polev(['analyze', example]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cli).toContain('summary.ts');
    expect(r.core.some((s) => s.startsWith('analysis/'))).toBe(true);
  });
});
