import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenCopies } from '../../../packages/core/test/broken-copies.js';
import { run, type Io } from '../src/index.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const exampleText = readFileSync(example, 'utf8');
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-cli-'));
});

/** The built binary as a real process, without a terminal. */
function polev(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: options.input ?? '', env: { ...process.env, NO_COLOR: '', ...options.env }, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('polev as a process: conventions', () => {
  it('prints its version and help', () => {
    expect(polev(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = polev(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate[\s\S]*analyze[\s\S]*report[\s\S]*diff[\s\S]*schema/);
    for (const cmd of ['init', 'validate', 'analyze', 'report', 'diff', 'schema']) {
      const h = polev([cmd, '--help']);
      expect(h.code, cmd).toBe(0);
      expect(h.stdout, cmd).toContain('Examples:');
      expect(h.stdout, cmd).toContain('Exit codes');
    }
  });

  it('exits 2 on usage errors, with one line and a hint', () => {
    expect(polev([]).code).toBe(2);
    const unknown = polev(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badOption = polev(['report', example, '-o', 'x.html', '--savings', 'lots']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('give a percentage');
    const badChoice = polev(['analyze', example, '--format', 'xml']);
    expect(badChoice.code).toBe(2);
  });
});

describe('polev validate', () => {
  it('accepts the bundled example', () => {
    const r = polev(['validate', example]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('is valid');
  });

  for (const copy of brokenCopies(exampleText)) {
    it(`lists every problem of ${copy.name} with file:line:col and path, exit 1`, () => {
      const file = join(dir, `${copy.name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, copy.text);
      const r = polev(['validate', file]);
      expect(r.code).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(copy.expected.length);
      copy.expected.forEach((e, i) => expect(lines[i]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${e.line}:\\d+: error: ${e.path.replace(/[.[\]]/g, '\\$&')}: `)));
      expect(r.stderr).toContain(`${copy.expected.length} problems`);
      const json = JSON.parse(polev(['validate', '--format', 'json', file]).stdout);
      expect(json.valid).toBe(false);
      expect(json.files[0].problems.map((p: { line: number }) => p.line)).toEqual(copy.expected.map((e) => e.line));
    });
  }

  it('reports invalid YAML at its line', () => {
    const file = join(dir, 'broken-syntax.yaml');
    writeFileSync(file, 'schemaVersion: 1\ntitle: "unterminated\nid: x\n');
    const r = polev(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken-syntax\.yaml:\d+:\d+: error: /);
    noStack(r.stdout + r.stderr);
  });

  it('reports a missing file as a usage error, and reads stdin for -', () => {
    const r = polev(['validate', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml: no such file\nhint: /);
    noStack(r.stderr);
    expect(polev(['validate', '-'], { input: exampleText }).code).toBe(0);
  });
});

describe('polev analyze', () => {
  it('prints a readable summary with the verdict per domain and its reasons', () => {
    const r = polev(['analyze', example]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdicts per domain');
    expect(r.stdout).toMatch(/Contraterrorisme[\s\S]*Efficiency: not determinable[\s\S]*no attributed cost/);
    expect(r.stdout).toContain('Top recommendations');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('gives JSON and Markdown for machines and documents', () => {
    const json = JSON.parse(polev(['analyze', example, '--format', 'json']).stdout);
    expect(json.verdicts.domains.map((v: { efficiency: { value: string } }) => v.efficiency.value)).toEqual(['not-determinable', 'not-determinable', 'not-determinable']);
    expect(polev(['analyze', example, '--format', 'md']).stdout).toMatch(/^# Beleidsdoorlichting/);
    const savings = JSON.parse(polev(['analyze', example, '--format', 'json', '--savings', '10', '--protect', 'bdur']).stdout);
    expect(savings.savings).toMatchObject({ percent: 10, protectedLines: ['bdur'] });
  });

  it('explains an objective or instrument, and refuses an unknown id', () => {
    const o = polev(['analyze', example, '--explain', 'ct-1']);
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/objective ct-1[\s\S]*Stepped verdicts[\s\S]*SMART/);
    const i = polev(['analyze', example, '--explain', 'nvc-i11']);
    expect(i.stdout).toMatch(/instrument nvc-i11[\s\S]*Evidence/);
    const bad = polev(['analyze', example, '--explain', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no objective, domain or instrument with id "nope"');
  });

  it('exits 1 with the problems on an invalid review', () => {
    const file = join(dir, 'dangling.yaml');
    writeFileSync(file, brokenCopies(exampleText)[0]!.text);
    const r = polev(['analyze', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dangling\.yaml:\d+:\d+: error: instruments\[0\]\.objective/);
    expect(r.stdout).toBe('');
  });
});

describe('polev report', () => {
  it('writes HTML, Markdown and .docx, choosing the format from the extension', () => {
    for (const name of ['report.html', 'report.md', 'report.docx']) {
      const r = polev(['report', example, '-o', name, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`wrote ${name}`);
      expect(existsSync(join(dir, name))).toBe(true);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('never overwrites without --force', () => {
    writeFileSync(join(dir, 'existing.md'), 'keep me');
    const r = polev(['report', example, '-o', 'existing.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('existing.md already exists');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'existing.md'), 'utf8')).toBe('keep me');
    expect(polev(['report', example, '-o', 'existing.md', '--force']).code).toBe(0);
    expect(readFileSync(join(dir, 'existing.md'), 'utf8')).not.toBe('keep me');
  });

  it('refuses an unwritable output path with a hint', () => {
    const missing = polev(['report', example, '-o', join(dir, 'no', 'such', 'dir', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist\nhint: create it first/);
    writeFileSync(join(dir, 'a-file'), '');
    const notDir = polev(['report', example, '-o', join(dir, 'a-file', 'r.html')]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain('is not a folder');
    const unknown = polev(['report', example, '-o', 'report.pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the report format');
    noStack(missing.stderr + notDir.stderr + unknown.stderr);
  });

  it('writes Markdown to stdout with -o -', () => {
    const r = polev(['report', example, '-o', '-', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1000);
  });
});

describe('polev diff, schema and init', () => {
  it('diffs two reviews of the same article', () => {
    const changed = exampleText.replace('amount: 24550', 'amount: 25000');
    const file = join(dir, 'changed.yaml');
    writeFileSync(file, changed);
    const r = polev(['diff', example, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('24,550 → 25,000 (+450)');
    const json = JSON.parse(polev(['diff', example, file, '--format', 'json']).stdout);
    expect(json.expenditure.changes).toHaveLength(1);
  });

  it('prints the JSON Schema', () => {
    const r = polev(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$defs.Review).toBeDefined();
  });

  it('scaffolds a review that validates and analyses, and keeps an existing one', () => {
    const r = polev(['init', 'new-review']);
    expect(r.code).toBe(0);
    const yaml = readFileSync(join(dir, 'new-review', 'review.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=./review.schema.json');
    for (const part of ['domains:', 'objectives:', 'instruments:', 'budgetLines:', 'sources:', 'findings:']) expect(yaml).toContain(part);
    expect(polev(['validate', 'new-review/review.yaml']).code).toBe(0);
    expect(polev(['analyze', 'new-review/review.yaml']).code).toBe(0);
    const again = polev(['init', 'new-review']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('colour', () => {
  const io = (isTTY: boolean, env: Record<string, string> = {}) => {
    const out: string[] = [];
    const value: Io = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => '', env, isTTY, stdoutIsTTY: isTTY };
    return { io: value, out };
  };
  it('is used on a terminal only, and never under NO_COLOR', async () => {
    const tty = io(true);
    await run(['validate', example], tty.io);
    expect(tty.out.join('')).toContain('\x1b[32m');
    const noColor = io(true, { NO_COLOR: '1' });
    await run(['validate', example], noColor.io);
    expect(noColor.out.join('')).not.toContain('\x1b[');
    const pipe = io(false);
    await run(['validate', example], pipe.io);
    expect(pipe.out.join('')).not.toContain('\x1b[');
  });
});

