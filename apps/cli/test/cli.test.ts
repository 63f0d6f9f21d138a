import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenCopies } from '../../../packages/core/test/broken-copies.js';
import { run, type Io } from '../src/index.js';
import { BIN as bin, runProcess as start } from './process.js';

const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const exampleText = readFileSync(example, 'utf8');
/** The small review, where what a test checks is the output file or the error, not the example's content. */
const mini = fileURLToPath(new URL('../../../packages/core/src/__fixtures__/mini.yaml', import.meta.url));
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-cli-'));
});

// The validate bundle's code cache goes here rather than into the user's own cache folder.
const cacheHome = mkdtempSync(join(tmpdir(), 'polev-cli-cache-'));

/** A command as a real process, in the test folder, without a terminal or colour. */
const runProcess = (command: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  start(command, args, { cwd: dir, env: { ...process.env, NO_COLOR: '', XDG_CACHE_HOME: cacheHome, ...options.env }, input: options.input });
/**
 * The built binary as a real process; `nodeArgs` go to node itself (e.g. --import). Asynchronous,
 * so that the tests of a describe block run at once (each writes only files of its own), keeping
 * both cores busy while one process waits for Chromium or the disk.
 */
const polev = (args: string[], options: { input?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}) =>
  runProcess(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], options);
/** `polev --help`, started once for the tests that read it. */
let mainHelpRun: ReturnType<typeof polev> | undefined;
const mainHelp = () => (mainHelpRun ??= polev(['--help']));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe.concurrent('polev as a process: conventions', () => {
  it('prints its version and help', async () => {
    expect(await polev(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await mainHelp();
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate[\s\S]*analyze[\s\S]*report[\s\S]*diff[\s\S]*schema/);
    const helps = new Map<string, string>([['', help.stdout]]);
    for (const cmd of ['init', 'validate', 'analyze', 'report', 'diff', 'schema', 'completion']) {
      const h = await polev([cmd, '--help']);
      expect(h.code, cmd).toBe(0);
      expect(h.stdout, cmd).toContain('Examples:');
      // The exit codes are listed once, in the main help.
      expect(h.stdout, cmd).not.toContain('Exit codes');
      helps.set(cmd, h.stdout);
    }
    // Every line of the help fits the width commander wraps its own sections to.
    for (const cmd of ['', 'analyze', 'report']) for (const line of helps.get(cmd)!.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('exits 2 on usage errors, with one line and a hint', async () => {
    expect((await polev([])).code).toBe(2);
    const unknown = await polev(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badOption = await polev(['report', example, '-o', 'x.html', '--savings', 'lots']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('give a percentage');
    const badChoice = await polev(['analyze', example, '--format', 'xml']);
    expect(badChoice.code).toBe(2);
    for (const [flag, value] of [['--savings', ''], ['--base-year', 'last'], ['--savings', '0x10']]) {
      const notANumber = await polev(['analyze', example, flag!, value!]);
      expect(notANumber.code, `${flag} ${value}`).toBe(2);
      expect(notANumber.stderr).toContain('as a number');
    }
  });

  it('stops quietly when the reader of its output stops early', async () => {
    // `head -c 1` closes the pipe after one byte, long before polev has written its JSON.
    const r = await runProcess('sh', ['-c', `"${process.execPath}" "${bin}" analyze "${example}" --format json | head -c 1 >/dev/null`]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    noStack(r.stderr);
  });

  it('documents the exit codes once, in the main help, 70 for internal errors included', async () => {
    const help = (await mainHelp()).stdout;
    expect(help).toMatch(/^Exit codes:\n {2}0 {3}success\n {2}1 {3}the input has problems[^\n]*\n {2}2 {3}usage error[\s\S]*\n {2}70 {2}internal error/m);
    expect(help.match(/Exit codes/g)).toHaveLength(1);
  });

  it('ends argument errors with the same hint: line as every other error', async () => {
    for (const [args, hint] of [
      [['analyze', example, '--bogus'], 'polev analyze --help'],
      [['report', example], 'polev report --help'],
      [['frobnicate'], 'polev --help'],
      [['completion', 'tcsh'], 'polev completion --help'],
    ] as const) {
      const r = await polev([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^error: .*\n(.*\n)*hint: run \`${hint}\` for usage\n$`));
      expect(r.stderr).not.toContain('(run with --help for usage)');
    }
  });
});

describe.concurrent('errors at the edge', () => {
  // A real process whose @polev/report is replaced, through a module hook, by a stub that throws
  // what STUB_THROWS says: the CLI must map a typed PolevError to exit 2 and keep 70 for bugs.
  let hookArgs: string[] | undefined;
  const hooks = () => (hookArgs ??= writeHooks());
  const writeHooks = () => {
    const core = pathToFileURL(fileURLToPath(new URL('../../../packages/core/dist/index.js', import.meta.url))).href;
    const stub = join(dir, 'report-stub.mjs');
    writeFileSync(
      stub,
      `import { PolevError } from ${JSON.stringify(core)};
export async function renderReport() {
  if (process.env.STUB_THROWS === 'polev') throw new PolevError('RASTERIZER_UNAVAILABLE', 'the PNG renderer (@resvg/resvg-js) could not be loaded: stubbed');
  throw new TypeError('stubbed bug');
}\n`,
    );
    writeFileSync(
      join(dir, 'report-hooks.mjs'),
      `export async function resolve(specifier, context, next) {
  return specifier === '@polev/report' ? { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true } : next(specifier, context);
}\n`,
    );
    writeFileSync(join(dir, 'report-register.mjs'), `import { register } from 'node:module';\nregister('./report-hooks.mjs', import.meta.url);\n`);
    return ['--import', pathToFileURL(join(dir, 'report-register.mjs')).href];
  };

  it('maps a PolevError such as RASTERIZER_UNAVAILABLE to exit 2 with its message and a hint', async () => {
    const r = await polev(['report', mini, '-o', 'stubbed.docx'], { nodeArgs: hooks(), env: { STUB_THROWS: 'polev' } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: the PNG renderer \(@resvg\/resvg-js\) could not be loaded: stubbed\nhint: .*@resvg\/resvg-js.*\.html or \.md/m);
    expect(r.stderr).not.toContain('internal error');
    noStack(r.stderr);
  });

  it('maps the real RasterizerUnavailableError of @polev/report to exit 2', async () => {
    // The real renderer, with @resvg/resvg-js made unloadable by a module hook.
    writeFileSync(
      join(dir, 'no-resvg-hooks.mjs'),
      `export async function resolve(specifier, context, next) {
  if (specifier === '@resvg/resvg-js') throw new Error('no prebuilt binary for this platform (test)');
  return next(specifier, context);
}\n`,
    );
    writeFileSync(join(dir, 'no-resvg-register.mjs'), `import { register } from 'node:module';\nregister('./no-resvg-hooks.mjs', import.meta.url);\n`);
    const r = await polev(['report', mini, '-o', 'no-resvg.docx'], { nodeArgs: ['--import', pathToFileURL(join(dir, 'no-resvg-register.mjs')).href] });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: the PNG renderer .*could not be loaded: no prebuilt binary for this platform \(test\).*\nhint: /m);
    expect(r.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, 'no-resvg.docx'))).toBe(false);
    noStack(r.stderr);
  });

  it('keeps exit 70 for a genuinely unexpected error, with the stack only under --debug', async () => {
    const r = await polev(['report', mini, '-o', 'stubbed.docx'], { nodeArgs: hooks(), env: { STUB_THROWS: 'bug' } });
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('internal error: stubbed bug\nhint: run again with --debug for the details, and report it');
    noStack(r.stderr);
    const debug = await polev(['--debug', 'report', mini, '-o', 'stubbed.docx'], { nodeArgs: hooks(), env: { STUB_THROWS: 'bug' } });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/TypeError: stubbed bug\n\s+at /);
  });
});

describe.concurrent('polev validate', () => {
  it('accepts the bundled example', async () => {
    const r = await polev(['validate', example]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('is valid');
  });

  for (const copy of brokenCopies(exampleText)) {
    it(`lists every problem of ${copy.name} with file:line:col and path, exit 1`, async () => {
      const file = join(dir, `${copy.name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, copy.text);
      const r = await polev(['validate', file]);
      expect(r.code).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(copy.expected.length);
      copy.expected.forEach((e, i) => expect(lines[i]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${e.line}:\\d+: error: ${e.path.replace(/[.[\]]/g, '\\$&')}: `)));
      expect(r.stderr).toContain(`${copy.expected.length} problems`);
      const json = JSON.parse((await polev(['validate', '--format', 'json', file])).stdout);
      expect(json.valid).toBe(false);
      expect(json.files[0].problems.map((p: { line: number }) => p.line)).toEqual(copy.expected.map((e) => e.line));
    });
  }

  it('reports invalid YAML at its line', async () => {
    const file = join(dir, 'broken-syntax.yaml');
    writeFileSync(file, 'schemaVersion: 1\ntitle: "unterminated\nid: x\n');
    const r = await polev(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken-syntax\.yaml:\d+:\d+: error: /);
    noStack(r.stdout + r.stderr);
  });

  it('reports a missing file as a usage error, and reads stdin for -', async () => {
    const r = await polev(['validate', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml: no such file\nhint: /);
    noStack(r.stderr);
    expect((await polev(['validate', '-'], { input: exampleText })).code).toBe(0);
  });
});

describe.concurrent('polev analyze', () => {
  it('prints a readable summary with the verdict per domain and its reasons', async () => {
    const r = await polev(['analyze', example, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdicts per domain');
    expect(r.stdout).toMatch(/Contraterrorisme[\s\S]*Efficiency: not determinable[\s\S]*\(a\) No cost is attributed to any of at least 26 deployed instruments; the budget lines and their amounts are not all known/);
    expect(r.stdout).toContain('Top recommendations');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('gives JSON and Markdown for machines and documents', async () => {
    const json = JSON.parse((await polev(['analyze', example, '--format', 'json'])).stdout);
    expect(json.verdicts.domains.map((v: { efficiency: { value: string } }) => v.efficiency.value)).toEqual(['not-determinable', 'not-determinable', 'not-determinable']);
    expect((await polev(['analyze', example, '--format', 'md'])).stdout).toMatch(/^# Beleidsdoorlichting/);
    const savings = JSON.parse((await polev(['analyze', example, '--format', 'json', '--savings', '10', '--protect', 'bdur'])).stdout);
    expect(savings.savings).toMatchObject({ percent: 10, protectedLines: ['bdur'] });
  });

  it('explains an objective or instrument, and refuses an unknown id', async () => {
    const o = await polev(['analyze', example, '--explain', 'ct-1', '--lang', 'en']);
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/objective ct-1[\s\S]*Stepped verdicts[\s\S]*SMART/);
    const i = await polev(['analyze', example, '--explain', 'nvc-i11', '--lang', 'en']);
    expect(i.stdout).toMatch(/instrument nvc-i11[\s\S]*Evidence/);
    const bad = await polev(['analyze', example, '--explain', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no item with id "nope"');
    expect(bad.stderr).toMatch(/\nhint: ids are listed in the review file/);
    const near = await polev(['analyze', example, '--explain', 'nvc-i111']);
    expect(near.code).toBe(2);
    expect(near.stderr).toMatch(/did you mean "nvc-i\d+"\?/);
    // A near miss (a letter l for the digit 1) gets a "did you mean" as its hint line.
    const typo = await polev(['analyze', example, '--explain', 'ct-l']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: no item with id "ct-l" in .*\nhint: did you mean [^\n]*"ct-1"[^\n]*\?\n$/);
  });

  it('refuses savings options that do not fit the review with exit 2, one line and hint per problem', async () => {
    const typo = await polev(['analyze', example, '--protect', 'bduur']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('error: savings.protect: "bduur" is not a programme line of this review\nhint: did you mean "bdur"?\n');
    expect(typo.stdout).toBe('');
    const several = await polev(['analyze', example, '--savings', '500', '--base-year', '2015', '--protect', 'bduur']);
    expect(several.code).toBe(2);
    const lines = several.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error: ')).map((l) => l.split(':')[1])).toEqual([' savings.percent', ' savings.baseYear', ' savings.protect']);
    expect(lines.filter((l) => l.startsWith('hint: '))).toHaveLength(3);
    expect(several.stderr).not.toContain('internal error');
    const report = await polev(['report', example, '-o', 'never-written.md', '--protect', 'bduur']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('did you mean "bdur"');
    expect(existsSync(join(dir, 'never-written.md'))).toBe(false);
  });

  it('exits 1 with the problems on an invalid review', async () => {
    const file = join(dir, 'dangling.yaml');
    writeFileSync(file, brokenCopies(exampleText)[0]!.text);
    const r = await polev(['analyze', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dangling\.yaml:\d+:\d+: error: instruments\[0\]\.objective/);
    expect(r.stdout).toBe('');
  });
});

/** A small valid review with programme figures, for the savings variant; `name` is the first line's name. */
const withFigures = (name = 'Training grants') => `schemaVersion: 2
id: small
title: A small review with figures
language: en
ministry: { name: Ministry of Examples, abbreviation: MinEx }
budgetArticles:
  - { number: "12.1", title: Examples }
period: { start: 2018, end: 2021 }
rpeVersion: "2015"
method: synthesis
policyTree:
  mainGoal: { text: Fewer bad examples }
  domains:
    - { id: d1, name: Domain one }
  objectives:
    - { id: o1, domain: d1, text: Reduce the number of bad examples by 20% in 2021 compared with 2018. }
instruments:
  - { id: i1, name: Training programme, objective: o1, kind: financial, realisation: { status: realised } }
  - { id: i2, name: Guidance, objective: o1, kind: communication, realisation: { status: partly } }
budgetLines:
  - id: b1
    name: ${JSON.stringify(name)}
    kind: programme
    instruments: [i1]
    expenditures: [{ year: 2020, amount: 1200 }, { year: 2021, amount: 1200 }]
  - id: b2
    name: Guidance budget
    kind: programme
    instruments: [i2]
    expenditures: [{ year: 2020, amount: 800 }, { year: 2021, amount: 800 }]
sources:
  - { id: s1, title: Evaluation of training, type: effect, author: Institute, date: "2021-06" }
findings:
  - { id: f1, sources: [{ source: s1 }], subjects: [i1], aspect: effectiveness, verdict: positive, strength: effect, statement: The training reduced bad examples. }
rpeAnswers:
  - { question: 1, status: report, location: "§1" }
`;

describe.concurrent('polev analyze: the savings variant in the summary', () => {
  const section = (stdout: string, title: string) => stdout.slice(stdout.indexOf(title), stdout.indexOf('\n\n', stdout.indexOf(title) + title.length + 1));

  it('shows the base, the target and per option the lines cut, saved and shortfall, with the reasons', async () => {
    const file = join(dir, 'with-figures.yaml');
    writeFileSync(file, withFigures());
    const r = await polev(['analyze', file]);
    expect(r.code, r.stderr).toBe(0);
    const s = section(r.stdout, 'Savings variant (RPE question 15)');
    expect(s).toContain('Base year 2021: programme expenditure €2,000k; 20% of it is €400k');
    expect(s).toContain('Protected lines: none');
    expect(s).toMatch(/Across the board: saves €400k, no shortfall[\s\S]*b1 Training grants: cut €240k of €1,200k \(20%\)[\s\S]*b2 Guidance budget: cut €160k of €800k \(20%\)/);
    expect(s).toMatch(/Evidence-ranked \(what is shown not to work cut first\): saves €400k, no shortfall[\s\S]*b2 Guidance budget: cut €400k of €800k \(50%\) — Effectiveness of the instrument it finances: no evidence\./);
    const variant = JSON.parse((await polev(['analyze', file, '--format', 'json'])).stdout).savings as { reasons: string[]; options: { reasons: string[] }[] };
    for (const reason of [...variant.reasons, ...variant.options.flatMap((o) => o.reasons)]) expect(s).toContain(reason);
  });

  it('follows --savings, --protect and --base-year, and shows a shortfall', async () => {
    const file = join(dir, 'with-figures-options.yaml');
    writeFileSync(file, withFigures());
    const r = await polev(['analyze', file, '--savings', '100', '--protect', 'b2', '--base-year', '2020']);
    expect(r.code, r.stderr).toBe(0);
    const s = section(r.stdout, 'Savings variant');
    expect(s).toContain('Base year 2020: programme expenditure €2,000k; 100% of it is €2,000k');
    expect(s).toContain('Protected lines: b2');
    expect(s).toMatch(/Across the board: saves €1,200k, shortfall €800k/);
    expect(s).not.toMatch(/b2 Guidance budget: cut/);
  });

  it('is in Dutch with --lang nl', async () => {
    const file = join(dir, 'with-figures-nl.yaml');
    writeFileSync(file, withFigures());
    const r = await polev(['analyze', file, '--lang', 'nl', '--savings', '12.5']);
    const s = section(r.stdout, 'Besparingsvariant (RPE-vraag 15; x € 1.000)');
    expect(s).toContain('Basisjaar 2021: programma-uitgaven 2.000; 12,5% daarvan is 250');
    expect(s).toContain('Ontziene regels: geen');
    expect(s).toMatch(/Gelijke korting op alle regels: bespaart 250, geen tekort[\s\S]*b1 Training grants: 150 gekort van 1.200 \(13%\)/);
    expect(s).toMatch(/Naar bewijs \(wat aantoonbaar niet werkt eerst gekort\): bespaart 250, geen tekort[\s\S]*Doeltreffendheid van het instrument dat de regel financiert: geen bewijs\./);
  });

  it('says clearly that base, target and shortfall are unknown when the review gives no programme amounts, and why', async () => {
    const r = await polev(['analyze', example, '--savings', '10', '--protect', 'bdur', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const s = section(r.stdout, 'Savings variant');
    expect(s).toContain('Base year 2015: no programme line has a known figure, so the base, the target and the shortfall of the 10% savings variant are unknown');
    expect(s).toContain('bdur: Samenvatting p. 7; §3.4.1 (tabel niet bewaard)');
    expect(s).toContain('Protected lines: bdur');
    // Nothing is cut from figures that are not there; beside the review's own chapter each variant is unknown.
    expect(s).not.toMatch(/Across the board: saves|€0/);
    expect(s).toContain("The review's own chapter: target unknown, saved unknown, shortfall unknown");
    expect(s).toContain("The review's own savings chapter (by NCTV en directie Financieel Economische Zaken (DFEZ) van het ministerie van JenV): 20% of a base it does not give.");
    expect(section((await polev(['analyze', example, '--lang', 'nl'])).stdout, 'Besparingsvariant')).toContain('Basisjaar 2015: geen programmaregel heeft een bekend bedrag');
  });
});

describe.concurrent('polev analyze --format md: review text is inert', () => {
  const payload = '<img src=x onerror=alert(1)> [click](javascript:alert(1))';
  const inert = (md: string) => {
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/m);
    expect(md).not.toMatch(/(^|[^\\])\[click/m);
    // Only what Markdown reads is escaped: the brackets and the <, not the parentheses or the >.
    expect(md).toContain('\\<img src=x onerror=alert(1)> \\[click\\](javascript:alert(1))');
  };

  /** The example with the payload as a domain name and an objective's text, in a file of the test's own. */
  const injected = (name: string) => {
    const file = join(dir, name);
    writeFileSync(
      file,
      exampleText
        .replace('name: Contraterrorisme', `name: ${JSON.stringify(payload)}`)
        .replace('text: Verstoren van dreigingen en verijdelen van aanslagen', `text: ${JSON.stringify(`${payload}\n# injected heading\n- injected item`)}`),
    );
    return file;
  };

  it('escapes domain names, objective texts, labels and line names in the summary and --explain', async () => {
    const file = injected('injection-md.yaml');
    const summary = await polev(['analyze', file, '--format', 'md']);
    expect(summary.code, summary.stderr).toBe(0);
    inert(summary.stdout);
    for (const id of ['ct', 'ct-1']) {
      const x = await polev(['analyze', file, '--format', 'md', '--explain', id]);
      expect(x.code, x.stderr).toBe(0);
      inert(x.stdout);
      expect(x.stdout).not.toMatch(/^# injected|^- injected/m);
    }
    const figures = join(dir, 'injection-figures.yaml');
    writeFileSync(figures, withFigures(payload));
    const savings = await polev(['analyze', figures, '--format', 'md']);
    expect(savings.stdout).toContain('b1 \\<img');
    inert(savings.stdout);
  });

  it('keeps the text output as it is', async () => {
    const file = injected('injection-text.yaml');
    expect((await polev(['analyze', file])).stdout).toContain(payload);
  });
});

describe.concurrent('review text with control characters', () => {
  // An escape sequence that would clear the screen, and a right-to-left override.
  const clear = '\u001b[2J\u001b[H';
  const rlo = '\u202e';
  const hostile = (file: string) => {
    writeFileSync(
      file,
      exampleText
        .replace('name: Contraterrorisme', `name: ${JSON.stringify(`Contra${clear}terrorisme`)}`)
        .replace('text: Verstoren van dreigingen en verijdelen van aanslagen', `text: ${JSON.stringify(`Verstoren${rlo} van dreigingen`)}`),
    );
    return file;
  };
  const raw = /[\u001b\u202e]/;

  it('reaches the terminal as visible escapes in the summary, --explain and diff, in text and Markdown', async () => {
    const file = hostile(join(dir, 'control-text.yaml'));
    const outputs: string[] = [];
    for (const args of [['analyze', file], ['analyze', file, '--format', 'md'], ['analyze', file, '--explain', 'ct'], ['diff', example, file]]) {
      const r = await polev(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(raw);
      outputs.push(r.stdout);
    }
    expect(outputs[0]).toContain('Contra\\u001b[2J\\u001b[Hterrorisme');
    expect((await polev(['analyze', file, '--explain', 'ct-1'])).stdout).toContain('Verstoren\\u202e van dreigingen');
  });

  it('is kept as it is in JSON, which escapes control characters itself', async () => {
    const file = hostile(join(dir, 'control-json.yaml'));
    const r = await polev(['analyze', file, '--format', 'json']);
    expect(r.stdout).not.toContain('\u001b');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('Contra\\u001b[2J\\u001b[Hterrorisme');
  });

  it('is shown as escapes in the problems of validate', async () => {
    const file = join(dir, 'control-key.yaml');
    writeFileSync(file, exampleText.replace('title:', `${JSON.stringify(`evil${clear}`)}: 1\ntitle:`));
    const r = await polev(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stdout).toContain('evil\\u001b[2J');
  });
});

describe.concurrent('polev analyze --explain: enum values in words', () => {
  it('names the aspect "realisation" as an aspect and its strength as a strength, in Dutch and English', async () => {
    const nl = await polev(['analyze', example, '--explain', 'nvc-i28', '--lang', 'nl']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain('Bewijskracht: alleen realisatie');
    expect(nl.stdout).toMatch(/^• realisatie: alleen realisatie, oordeel positief — bevindingen f-nvc-vitaal-gerealiseerd$/m);
    expect(nl.stdout).toMatch(/^• doeltreffendheid: geen, oordeel geen — bevindingen f-nvc-vitaal-geen-evaluatie/m);
    expect(nl.stdout).not.toMatch(/^• alleen realisatie:/m);
    const en = await polev(['analyze', example, '--explain', 'nvc-i28', '--lang', 'en']);
    expect(en.stdout).toMatch(/^• realisation: realisation only, verdict positive — findings f-nvc-vitaal-gerealiseerd$/m);
    expect(en.stdout).toMatch(/^• effectiveness: none, verdict none — findings f-nvc-vitaal-geen-evaluatie/m);
  });

  it('names SMART criteria and results in Dutch', async () => {
    const nl = await polev(['analyze', example, '--explain', 'ct-1', '--lang', 'nl']);
    expect(nl.stdout).toMatch(/^• meetbaar: voldoet niet — /m);
    expect(nl.stdout).toMatch(/^• tijdgebonden: voldoet niet — /m);
  });
});

describe.concurrent('polev report', () => {
  it('writes HTML, Markdown and .docx, choosing the format from the extension', async () => {
    for (const name of ['report.html', 'report.md', 'report.docx']) {
      const r = await polev(['report', mini, '-o', name, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`wrote ${name}`);
      expect(existsSync(join(dir, name))).toBe(true);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('never overwrites without --force', async () => {
    writeFileSync(join(dir, 'existing.md'), 'keep me');
    const r = await polev(['report', mini, '-o', 'existing.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('existing.md already exists');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'existing.md'), 'utf8')).toBe('keep me');
    expect((await polev(['report', mini, '-o', 'existing.md', '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'existing.md'), 'utf8')).not.toBe('keep me');
  });

  it('refuses an unwritable output path with a hint', async () => {
    const missing = await polev(['report', mini, '-o', join(dir, 'no', 'such', 'dir', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist\nhint: create it first/);
    writeFileSync(join(dir, 'a-file'), '');
    const notDir = await polev(['report', mini, '-o', join(dir, 'a-file', 'r.html')]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain('is not a folder');
    const unknown = await polev(['report', mini, '-o', 'report.odt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the report format');
    noStack(missing.stderr + notDir.stderr + unknown.stderr);
  });

  it('prints a PDF through the local Chromium, and says what to install without one', async () => {
    const none = await polev(['report', mini, '-o', 'report.pdf'], { env: { POLEV_CHROMIUM: join(dir, 'no-chromium') } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no browser at');
    expect(none.stderr).toMatch(/hint: .*\.html/);
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
    noStack(none.stderr);
    if (!existsSync('/usr/bin/chromium')) {
      // CI sets POLEV_REQUIRE_BROWSER=1: there a missing browser fails instead of passing unseen.
      if (process.env.POLEV_REQUIRE_BROWSER === '1') throw new Error('chromium is required (POLEV_REQUIRE_BROWSER=1) but /usr/bin/chromium is missing: apt-get install chromium');
      return;
    }
    const r = await polev(['report', mini, '-o', 'report.pdf', '--lang', 'en'], { env: { POLEV_CHROMIUM: '/usr/bin/chromium' } });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('writes Markdown to stdout with -o -', async () => {
    const r = await polev(['report', mini, '-o', '-', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1000);
  });
});

describe.concurrent('polev diff, schema and init', () => {
  it('diffs two reviews of the same article', async () => {
    const changed = exampleText.replace('amount: 24550', 'amount: 25000');
    const file = join(dir, 'changed.yaml');
    writeFileSync(file, changed);
    const r = await polev(['diff', example, file, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('24,550 → 25,000 (+450)');
    // Without --lang, the later review's language (Dutch here).
    expect((await polev(['diff', example, file])).stdout).toContain('24.550 → 25.000 (+450)');
    const json = JSON.parse((await polev(['diff', example, file, '--format', 'json'])).stdout);
    expect(json.expenditure.changes).toHaveLength(1);
  });

  it('diffs in Dutch with --lang nl, warnings included', async () => {
    const other = join(dir, 'other-article.yaml');
    writeFileSync(other, exampleText.replace('amount: 24550', 'amount: 25000').replace(/number: "36\.2"/, 'number: "36.3"'));
    const nl = await polev(['diff', example, other, '--lang', 'nl']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toMatch(/^waarschuwing: /m);
    expect(nl.stdout).not.toContain('The reviews cover different budget articles');
    expect(nl.stdout).toContain('24.550 → 25.000 (+450)');
    for (const label of ['Doelstellingen', 'Instrumenten', 'Uitgaven (x € 1.000)', 'Dekking door evaluaties', 'doelmatigheid niet vast te stellen → niet vast te stellen']) expect(nl.stdout).toContain(label);
    const en = await polev(['diff', example, other, '--lang', 'en']);
    expect(en.stdout).toContain('warning: The reviews cover different budget articles');
    expect((await polev(['diff', example, other, '--lang', 'de'])).code).toBe(2);
  });

  it('prints the JSON Schema', async () => {
    const r = await polev(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$defs.Review).toBeDefined();
  });

  it('scaffolds a review that validates and analyses, and keeps an existing one', async () => {
    const r = await polev(['init', 'new-review']);
    expect(r.code).toBe(0);
    const yaml = readFileSync(join(dir, 'new-review', 'review.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=./review.schema.json');
    for (const part of ['domains:', 'objectives:', 'instruments:', 'budgetLines:', 'sources:', 'findings:']) expect(yaml).toContain(part);
    expect((await polev(['validate', 'new-review/review.yaml'])).code).toBe(0);
    expect((await polev(['analyze', 'new-review/review.yaml'])).code).toBe(0);
    const again = await polev(['init', 'new-review']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe.concurrent('colour', () => {
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

