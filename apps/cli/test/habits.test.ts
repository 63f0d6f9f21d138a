// What people expect of a command-line tool (issue 17): shell completion, colour switches, "did
// you mean", plurals, one name for stdin, Markdown that reads as written, and one language rule.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownLine } from '../src/markdown.js';
import { colourChoice } from '../src/program.js';
import { run, type Io } from '../src/index.js';
import { REVIEW_TEMPLATE } from '../src/templates/review.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const exampleText = readFileSync(example, 'utf8');
/** A small review in English, for the tests of a rule rather than of the example's content. */
const mini = fileURLToPath(new URL('../../../packages/core/src/__fixtures__/mini.yaml', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-habits-'));
});
const cacheHome = mkdtempSync(join(tmpdir(), 'polev-habits-cache-'));

function polev(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: cacheHome, ...options.env };
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: options.input ?? '', env: env as NodeJS.ProcessEnv, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** polev in-process, with a terminal or not, and its output. */
async function inProcess(args: string[], { tty = false, env = {} as Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '', env, isTTY: tty, stdoutIsTTY: tty };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const hasShell = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
// .ci/run installs zsh and fish and sets POLEV_REQUIRE_SHELLS=1: there their tests fail rather than skip.
const shellRequired = process.env.POLEV_REQUIRE_SHELLS === '1';
const needShell = (shell: string) => {
  if (!hasShell(shell)) throw new Error(`${shell} is required (POLEV_REQUIRE_SHELLS=1) but not installed: apt-get install ${shell}`);
};

describe('polev completion', () => {
  it('completes commands, options and their choices in bash', () => {
    const script = polev(['completion', 'bash']);
    expect(script.code, script.stderr).toBe(0);
    const file = join(dir, 'polev.bash');
    writeFileSync(file, script.stdout);
    const complete = (...words: string[]) => {
      const r = spawnSync('bash', ['-c', `source "${file}"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _polev; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').filter(Boolean);
    };
    expect(complete('polev', '')).toEqual(expect.arrayContaining(['init', 'validate', 'analyze', 'report', 'diff', 'schema', 'completion', '--version', '--no-color']));
    expect(complete('polev', 'an')).toEqual(['analyze']);
    expect(complete('polev', 'analyze', '--ex')).toEqual(['--explain']);
    expect(complete('polev', 'analyze', '--lang', '')).toEqual(['nl', 'en']);
    expect(complete('polev', '--debug', 'report', 'r.yaml', '--audience', 'c')).toEqual(['confidential']);
    expect(complete('polev', 'report', 'r.yaml', '-f', '')).toEqual(['md', 'html', 'docx', 'pdf']);
    expect(complete('polev', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    writeFileSync(join(dir, 'review-a.yaml'), '');
    expect(complete('polev', 'validate', 'review-')).toEqual(['review-a.yaml']);
  });

  it.runIf(shellRequired || hasShell('fish'))('completes in fish', () => {
    needShell('fish');
    const file = join(dir, 'polev.fish');
    writeFileSync(file, polev(['completion', 'fish']).stdout);
    const complete = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source "${file}"; complete -C "${line}"`], { encoding: 'utf8', cwd: dir, env: { ...process.env, HOME: dir } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    };
    expect(complete('polev an')).toEqual(['analyze']);
    expect(complete('polev analyze --lang ')).toEqual(['en', 'nl']);
    expect(complete('polev completion ')).toEqual(['bash', 'fish', 'zsh']);
  });

  it.runIf(shellRequired || hasShell('zsh'))('is a zsh completion function zsh accepts, with every command and choice', () => {
    needShell('zsh');
    const script = polev(['completion', 'zsh']).stdout;
    expect(script).toMatch(/^#compdef polev\n/);
    const file = join(dir, '_polev');
    writeFileSync(file, script);
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const text of ["'analyze:analyse a review", "'--lang[", ':lang:(nl en)', "'*--protect[", ':format:(md html docx pdf)', "'1:the shell to complete in:(bash zsh fish)'", "'*:review files"]) expect(script).toContain(text);
  });
});

describe('colour', () => {
  it('follows --color/--no-color first, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(colourChoice(['validate', 'x', '--color'], {})).toBe(true);
    expect(colourChoice(['--no-color', 'validate'], { FORCE_COLOR: '1' })).toBe(false);
    expect(colourChoice(['--color', '--no-color'], {})).toBe(false);
    expect(colourChoice(['validate', '--', '--color'], {})).toBeUndefined();
    expect(colourChoice([], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(colourChoice([], { FORCE_COLOR: '' })).toBe(true);
    expect(colourChoice([], { FORCE_COLOR: '0' })).toBe(false);
    expect(colourChoice([], { FORCE_COLOR: 'false' })).toBe(false);
    expect(colourChoice([], { NO_COLOR: '1' })).toBe(false);
    expect(colourChoice([], { NO_COLOR: '' })).toBeUndefined();
  });

  it('colours a pipe with --color or FORCE_COLOR, and a terminal not with --no-color or FORCE_COLOR=0', async () => {
    expect((await inProcess(['validate', example])).stderr).not.toContain('\x1b[');
    expect((await inProcess(['validate', example, '--color'])).stderr).toContain('\x1b[32m✓');
    expect((await inProcess(['validate', example], { env: { FORCE_COLOR: '1' } })).stderr).toContain('\x1b[32m✓');
    expect((await inProcess(['--no-color', 'validate', example], { tty: true })).stderr).not.toContain('\x1b[');
    expect((await inProcess(['validate', example], { tty: true, env: { FORCE_COLOR: '0' } })).stderr).not.toContain('\x1b[');
    // The real binary, into a pipe: analyze's data on stdout too.
    expect(polev(['analyze', example, '--color']).stdout).toContain('\x1b[1m');
    expect(polev(['analyze', example], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toContain('\x1b[1m');
    expect(polev(['analyze', example, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });
});

describe('one language rule: the review’s own, unless --lang', () => {
  it('analyze, report and diff write in the review’s language by default', () => {
    // The small review (English) and a Dutch copy of it: the rule, not the example, is under test.
    const en = mini;
    const nl = join(dir, 'dutch.yaml');
    const dutch = readFileSync(mini, 'utf8').replace(/^language: en$/m, 'language: nl');
    expect(dutch).not.toBe(readFileSync(mini, 'utf8'));
    writeFileSync(nl, dutch);
    expect(polev(['analyze', nl]).stdout).toContain('Oordelen per taakveld');
    expect(polev(['analyze', en]).stdout).toContain('Verdicts per domain');
    expect(polev(['analyze', en, '--lang', 'nl']).stdout).toContain('Oordelen per taakveld');
    const nlReport = polev(['report', nl, '-o', '-', '--format', 'md']);
    expect(nlReport.stdout).toContain('De doelmatigheid is vast te stellen voor');
    const enReport = polev(['report', en, '-o', '-', '--format', 'md']);
    expect(enReport.stdout).toContain('relates cost to effect');
    const written = polev(['report', en, '-o', 'english.html']);
    expect(written.stderr).toContain('wrote english.html (html, en, public)');
    // diff: the later review's language.
    expect(polev(['diff', nl, en]).stdout).toContain('Objectives');
    expect(polev(['diff', en, nl]).stdout).toContain('Doelstellingen');
  });

  it('diff --lang translates values too: realisation statuses and field names', () => {
    const changed = join(dir, 'status-changed.yaml');
    const text = exampleText.replace('status: realised-after-period', 'status: partly');
    expect(text).not.toBe(exampleText);
    writeFileSync(changed, text.replace(/(\n {2}- id: ct-i\d+\n {4}number: "\d+"\n {4}name: )/, '$1Hernoemd - '));
    const nl = polev(['diff', example, changed, '--lang', 'nl']).stdout;
    expect(nl).toMatch(/status \S+: na de periode gerealiseerd → deels gerealiseerd/);
    expect(nl).toMatch(/gewijzigd \S+: naam/);
    expect(nl).not.toMatch(/realised-after-period|→ partly|: name/);
    const en = polev(['diff', example, changed, '--lang', 'en']).stdout;
    expect(en).toMatch(/status \S+: realised after the period → partly realised/);
    expect(en).toMatch(/changed \S+: name/);
  });
});

describe('words and names', () => {
  it('says 1 instrument, 1 source, 1 finding — and 1 bron, 1 bevinding', () => {
    const nl = join(dir, 'one.yaml');
    writeFileSync(nl, REVIEW_TEMPLATE);
    const en = join(dir, 'one-en.yaml');
    writeFileSync(en, REVIEW_TEMPLATE.replace(/^language: nl\b/m, 'language: en'));
    expect(polev(['analyze', nl]).stdout).toMatch(/· 1 instrument, 1 bron, 1 bevinding\n/);
    const english = polev(['analyze', en]).stdout;
    expect(english).toMatch(/· 1 instrument, 1 source, 1 finding\n/);
    expect(english).toMatch(/of 1 instrument realised/);
    expect(polev(['analyze', example, '--lang', 'en']).stdout).toMatch(/· [^·\n]*instrument[^,\n]*, \d+ sources, \d+ findings\n/);
  });

  it('calls standard input <stdin> in every message', () => {
    const valid = polev(['validate', '-'], { input: exampleText });
    expect(valid.stderr).toMatch(/^✓ <stdin> is valid/);
    const broken = exampleText.replace(/^title:.*$/m, '');
    const invalid = polev(['validate', '-'], { input: broken });
    expect(invalid.stdout).toMatch(/^<stdin>:\d+/m);
    expect(invalid.stderr).toMatch(/^✗ <stdin>: 1 problem/);
    const json = JSON.parse(polev(['validate', '--format', 'json', '-'], { input: broken }).stdout);
    expect(json.files[0].file).toBe('<stdin>');
    const analyze = polev(['analyze', '-'], { input: broken });
    expect(analyze.code).toBe(1);
    expect(analyze.stderr).toContain('error: <stdin> has 1 problem');
    expect(`${valid.stderr}${invalid.stdout}${invalid.stderr}${analyze.stderr}`).not.toMatch(/(^|\s)-( |:)/m);
  });
});

describe('Markdown escapes only what Markdown reads', () => {
  it('leaves ordinary punctuation alone', () => {
    for (const text of ['(17%)', 'R&D en O&O', 'a > b, c! d # e', 'snake_case_id', '100 | 200', 'Kamerstuk 30821 (nr. 42)', 'e-mail: info@example.org']) {
      expect(escapeMarkdown(text), text).toBe(text);
    }
  });

  it('escapes what would be markup inline', () => {
    expect(escapeMarkdown('*bold* _it_ `code` ~~gone~~')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~');
    expect(escapeMarkdown('[x](http://e.org) ![i](p.png) <b> <http://e.org>')).toBe('\\[x\\](http://e.org) !\\[i\\](p.png) \\<b> \\<http://e.org>');
    expect(escapeMarkdown('&amp; &#38; & b')).toBe('\\&amp; \\&#38; & b');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });

  it('escapes what would open a block at the start of a line, and a closing # of a heading', () => {
    for (const [text, md] of [
      ['# not a heading', '\\# not a heading'],
      ['> not a quote', '\\> not a quote'],
      ['- not an item', '\\- not an item'],
      ['+ not an item', '\\+ not an item'],
      ['2015. a year', '2015\\. a year'],
      ['1) not an item', '1\\) not an item'],
      ['=== not an underline', '\\=== not an underline'],
      ['Kop #', 'Kop \\#'],
    ]) expect(markdownLine(text!), text).toBe(md);
  });
});
