// Start-up paths of the built binary, as a real process: what each loads (start-up time is mostly
// module loading, so a stray import is a performance bug, issue 5), and the validate bundle with
// its code cache, which must change nothing but the time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenCopies } from '../../../packages/core/test/broken-copies.js';
import { loadedModules } from '../../../packages/core/src/load/__testing__/loaded-modules.js';
import { run, type Io } from '../src/index.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/validate.cjs', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `polev-${prefix}-`));

const under = (base: string, paths: string[]) => paths.filter((s) => s.startsWith(base)).map((s) => s.slice(base.length)).sort();

function polevLoading(args: string[]) {
  const r = loadedModules([bin, ...args], { env: { XDG_CACHE_HOME: tmp('cache') } });
  return {
    ...r,
    cli: under(join(root, 'apps/cli/src/'), r.sources),
    core: under(join(root, 'packages/core/'), r.files),
    report: under(join(root, 'packages/report/'), r.files),
    yaml: r.files.filter((f) => /[\\/]node_modules[\\/]yaml[\\/]/.test(f)),
  };
}

describe('start-up: what each path loads', { timeout: 180_000 }, () => {
  it('polev --version loads none of the polev packages', () => {
    const r = polevLoading(['--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.core).toEqual([]);
    expect(r.report).toEqual([]);
  });

  it('polev validate on a valid file loads the program and the validate bundle, nothing else', () => {
    const r = polevLoading(['validate', example]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cli).toEqual(['bin.ts', 'code-cache.ts', 'io.ts', 'program.ts', 'validate-loader.ts', 'version.ts']);
    expect(r.core).toEqual([]);
    expect(r.report).toEqual([]);
    expect(r.yaml).toEqual([]);
  });

  it('the validate bundle holds the command, core\'s loader, zod (English messages only) and js-yaml: no analysis, report, summary or yaml', () => {
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
    const sources = map.sources.map((s) => resolve(dirname(bundle), s));
    expect(under(join(root, 'apps/cli/src/'), sources)).toEqual(['commands/validate.ts', 'inert.ts', 'input.ts', 'io.ts']);
    const core = under(join(root, 'packages/core/src/'), sources);
    expect(core).toContain('load/parse.ts');
    expect(core.filter((s) => !/^(load|model|node|rpe|util)\/|^errors\.ts$/.test(s))).toEqual([]);
    const packages = new Set(sources.filter((s) => s.includes(`node_modules`)).map((s) => s.replace(/^.*[\\/]node_modules[\\/]/, '').split(/[\\/]/)[0]));
    expect([...packages].sort()).toEqual(['js-yaml', 'zod']);
    expect(sources.filter((s) => /[\\/]zod[\\/]v4[\\/]locales[\\/]/.test(s)).map((s) => s.replace(/^.*[\\/]/, '')).sort()).toEqual(['en.js', 'index.js']);
  });

  it('polev analyze does load the analysis and the summary (so the checks above can fail)', () => {
    const r = polevLoading(['analyze', example]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cli).toContain('summary.ts');
    expect(r.core.some((s) => s.startsWith('dist/index.js'))).toBe(true);
  });
});

/** The built binary, in an empty project folder, with its own user cache folder. */
function polev(args: string[], env: Record<string, string>, cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1', NODE_DEBUG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const withoutDebug = (stderr: string) => stderr.replace(/^POLEV \d+: .*\n/gm, '');

/** The same command in-process from src, where there is no bundle: the ES modules themselves. */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '', env: { NO_COLOR: '1' }, isTTY: false, stdoutIsTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

// Each test here starts the built CLI a few times. The timeout is a safety net against a hang, not a
// speed check: on a busy 2-core machine one start can take seconds.
describe('the validate bundle and its code cache', { timeout: 180_000 }, () => {
  const files = (() => {
    const dir = tmp('inputs');
    const text = readFileSync(example, 'utf8');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, brokenCopies(text)[0]!.text);
    const anchors = join(dir, 'anchors.yaml');
    writeFileSync(anchors, text.replace('\nministry:', '\nministry: &m').replace('\nschemaVersion: 1', '\nschemaVersion: 1\nextra: *m'));
    // A message of zod's own (English) locale: "Too small: expected number to be >=1800".
    const tooSmall = join(dir, 'too-small.yaml');
    writeFileSync(tooSmall, text.replace('period: { start: 2011, end: 2015 }', 'period: { start: 1011, end: 2015 }'));
    const syntax = join(dir, 'syntax.yaml');
    writeFileSync(syntax, 'schemaVersion: 1\ntitle: [unclosed\nid: x\n');
    return [example, broken, anchors, tooSmall, syntax, join(dir, 'missing.yaml')];
  })();
  // Every input in one run per format (not one per file, which made 36 processes and timed out on a
  // busy machine): 2 runs x 3 cache states, each run a test of its own, so that no timeout covers more
  // than one process. Tests in a file run in order: the first run writes the cache, later ones use it.
  const cases = [['validate', ...files], ['validate', '--format', 'json', ...files]];
  const cacheHome = tmp('cache');
  const project = tmp('project');
  const states: [string, Record<string, string>][] = [
    ['with the user cache folder', { XDG_CACHE_HOME: cacheHome }],
    ['with the user cache folder, again', { XDG_CACHE_HOME: cacheHome }],
    ['with the cache turned off', { POLEV_NO_CODE_CACHE: '1' }],
  ];

  it('writes the cache to the user cache folder, never the project folder, and uses it from then on', () => {
    const cacheHome = tmp('cache');
    const project = tmp('project');
    const first = polev(['validate', example], { XDG_CACHE_HOME: cacheHome, NODE_DEBUG: 'polev' }, project);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/code cache none: .*\n[\s\S]*code cache written: /);
    expect(readdirSync(project)).toEqual([]);
    expect(readdirSync(join(cacheHome, 'polev', 'code-cache'))).toEqual([expect.stringMatching(/^validate-[0-9a-f]{24}\.bin$/)]);
    const second = polev(['validate', example], { XDG_CACHE_HOME: cacheHome, NODE_DEBUG: 'polev' }, project);
    expect(second.stderr).toMatch(/code cache used: /);
    expect(second.stderr).not.toMatch(/written/);
    expect(readdirSync(project)).toEqual([]);
  });

  describe('gives the same output and exit code as the ES modules, with and without a cache, and with a damaged one', () => {
    for (const args of cases)
      for (const [state, env] of states)
        it(`${args.slice(0, args.length - files.length).join(' ')} <${files.length} files>, ${state}`, async () => {
          const expected = await inProcess(args);
          expect(expected.code).toBe(2); // the missing file
          const r = polev(args, env, project);
          expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
          expect(readdirSync(project)).toEqual([]);
        });

    it('with a damaged cache', async () => {
      const cacheDir = join(cacheHome, 'polev', 'code-cache');
      expect(readdirSync(cacheDir)).not.toEqual([]);
      for (const f of readdirSync(cacheDir)) {
        const data = readFileSync(join(cacheDir, f));
        writeFileSync(join(cacheDir, f), data.fill(0x5a, data.length >> 1, (data.length >> 1) + 64));
      }
      const damaged = polev(['validate', files[1]!], { XDG_CACHE_HOME: cacheHome, NODE_DEBUG: 'polev' }, project);
      expect(damaged.stderr).toMatch(/code cache ignored/);
      expect({ ...damaged, stderr: withoutDebug(damaged.stderr) }).toEqual(await inProcess(['validate', files[1]!]));
      expect(readdirSync(project)).toEqual([]);
    });
  });

  it('validates silently without a cache when the cache folder cannot be written', async () => {
    const blocked = join(tmp('cache'), 'not-a-folder');
    writeFileSync(blocked, '');
    const r = polev(['validate', example], { XDG_CACHE_HOME: blocked }, tmp('project'));
    expect(r).toEqual(await inProcess(['validate', example]));
  });
});
