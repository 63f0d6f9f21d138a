// The CLI under hostile input and a hostile file system, as a real process: nothing a review
// file or an argument holds drives the terminal, a failed write leaves nothing behind, links are
// never followed silently, and a failing standard output is one line and exit 2.
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN as bin, runProcess } from './process.js';

const example = readFileSync(fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url)), 'utf8');
/** A small valid review, for the tests of where and how a report is written rather than what it says. */
const mini = fileURLToPath(new URL('../../../packages/core/src/__fixtures__/mini.yaml', import.meta.url));
const cacheHome = mkdtempSync(join(tmpdir(), 'polev-hard-cache-'));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-hard-'));
});

/** The built binary as a real process; the tests of a block run at once, each with files of its own. */
const polev = (args: string[], options: { input?: string; stdout?: number } = {}) =>
  runProcess(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome }, ...options });

/** Characters a terminal acts on: C0 (but tab and newline), DEL, C1, bidirectional controls. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** The example with hostile text in the first instrument's name: ESC, a C1 CSI and a bidi override. */
const HOSTILE = 'evil\\e[2J\\x9b31m\\u202egnp.exe';
const hostile = () => {
  const at = example.indexOf('\n    name: ', example.indexOf('\ninstruments:'));
  const end = example.indexOf('\n', at + 1);
  return `${example.slice(0, at)}\n    name: "${HOSTILE}"${example.slice(end)}`;
};

// Each test starts the binary a few times: generous timeouts for a busy machine.
describe.concurrent('inert output on every path', { timeout: 120_000 }, () => {
  it('escapes the problems of an invalid file in analyze, report and diff as validate does', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, example.replace('\nid: ', '\n"\u202eevil\\x9b": 1\nid: '));
    for (const args of [['validate', file], ['analyze', file], ['report', file, '-o', join(dir, 'x.md')], ['diff', file, file]]) {
      const r = await polev(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(`${r.stdout}${r.stderr}`, args[0]).toContain('\\u202e');
      expect(`${r.stdout}${r.stderr}`, args[0]).not.toMatch(RAW);
    }
  });

  it('escapes ids and paths echoed in errors and in "wrote" lines', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, example);
    const missing = await polev(['validate', join(dir, 'no\u001b[2Jfile.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('\\u001b[2J');
    const explain = await polev(['analyze', file, '--explain', 'x\u001b]0;pwned\u0007']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain('\\u001b]0;pwned\\u0007');
    const out = join(dir, 'r\u009b1m.md');
    const wrote = await polev(['report', file, '-o', out, '--lang', 'en']);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(wrote.stderr).toContain('wrote');
    for (const r of [missing, explain, wrote]) expect(r.stderr).not.toMatch(RAW);
  });

  it('writes JSON with C1 and bidirectional controls as \\u escapes, the same data', async () => {
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, hostile());
    for (const args of [['analyze', file, '--format', 'json'], ['validate', file, '--format', 'json'], ['diff', file, file, '--format', 'json']]) {
      const r = await polev(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
    const analysis = (await polev(['analyze', file, '--format', 'json'])).stdout;
    expect(analysis).toContain('\\u009b31m\\u202egnp.exe');
    expect(JSON.stringify(JSON.parse(analysis))).toContain('\u009b31m\u202egnp.exe');
  });

  it('writes Markdown and HTML to standard output without raw control characters', async () => {
    const file = join(dir, 'hostile-report.yaml');
    writeFileSync(file, hostile());
    for (const format of ['md', 'html']) {
      const r = await polev(['report', file, '-o', '-', '--format', format, '--audience', 'confidential']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('gnp.exe');
      expect(r.stdout, format).not.toMatch(RAW);
    }
    for (const format of ['text', 'md']) {
      const r = await polev(['analyze', file, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).not.toMatch(RAW);
    }
  });
});

describe.concurrent('safe writes', { timeout: 120_000 }, () => {
  const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  it('refuses a dangling or looping symbolic link as output without --force, and replaces only the link with it', async () => {
    const folder = mkdtempSync(join(dir, 'links-'));
    const dangling = join(folder, 'dangling.md');
    symlinkSync(join(folder, 'nowhere.md'), dangling);
    const loop = join(folder, 'loop.md');
    symlinkSync(loop, loop);
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const toFile = join(folder, 'to-file.md');
    symlinkSync(victim, toFile);
    for (const [link, words] of [[dangling, 'missing file'], [loop, 'loops'], [toFile, 'symbolic link']] as const) {
      const r = await polev(['report', mini, '-o', link, '--lang', 'en']);
      expect(r.code, link).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr).toContain('hint: use --force');
      noStack(r.stderr);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    }
    expect(existsSync(join(folder, 'nowhere.md'))).toBe(false);
    const forced = await polev(['report', mini, '-o', toFile, '--lang', 'en', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(lstatSync(toFile).isFile()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(leftovers(folder)).toEqual([]);
  });

  it('refuses a device or pipe as output', async () => {
    const r = await polev(['report', mini, '-o', '/dev/null', '--format', 'md', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file');
  });

  it('reports a failing standard output (a full disk) in one line, exit 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['schema'], ['analyze', mini, '--format', 'json']]) {
        const r = await polev(args, { stdout: full });
        expect(r.code, args[0]).toBe(2);
        expect(r.stderr).toMatch(/^error: cannot write to standard output \(no space left on the device, ENOSPC\)\n/);
        noStack(r.stderr);
      }
    } finally {
      closeSync(full);
    }
  });

  it('keeps the written file and no temporary file', async () => {
    const folder = mkdtempSync(join(dir, 'plant-'));
    mkdirSync(join(folder, 'sub'));
    const out = join(folder, 'sub', 'report.md');
    const r = await polev(['report', mini, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('#');
    expect(leftovers(join(folder, 'sub'))).toEqual([]);
  });
});
