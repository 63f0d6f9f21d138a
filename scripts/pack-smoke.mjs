// Pack smoke test: proves each package packs on its own and works when installed from its tarball.
//
//   pnpm exec turbo run build && node scripts/pack-smoke.mjs
//
// It builds nothing: it packs the existing dist/ of packages/core, packages/report, apps/cli and
// apps/api with `pnpm pack` (which rewrites `workspace:^` to real versions), installs the tarballs side by
// side into an empty folder with plain npm (third-party deps come from the registry / npm cache),
// and checks, from that folder only:
//   (a) @polev/core and @polev/core/node import and validate a review file
//   (b) `polev validate <file>` exits 0, `polev --version` prints the cli's version, and
//       `polev report <file> -o report.html` writes a report
//   (c) `polev validate <broken copy>` exits 1
//   (d) @polev/api imports and createApp() answers GET /health with 200
//   (e) publint reports no errors or warnings for each package directory
// One line per check; exits 1 on the first failure, saying what failed. POLEV_KEEP_TMP=1 keeps
// the temp folder for inspection.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = [
  { dir: 'packages/core', name: '@polev/core' },
  { dir: 'packages/report', name: '@polev/report' },
  { dir: 'packages/sheets', name: '@polev/sheets' },
  { dir: 'apps/cli', name: '@polev/cli' },
  { dir: 'apps/api', name: '@polev/api' },
];
const EXAMPLE = join(root, 'examples/nctv-36-2/review.yaml');
const MINI = join(root, 'packages/core/src/__fixtures__/mini.yaml');

const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const keep = process.env.POLEV_KEEP_TMP === '1';
let tmp;

function cleanup() {
  if (!tmp) return;
  if (keep) console.log(`pack-smoke: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

function fail(what, detail) {
  console.log(`FAIL ${what}`);
  if (detail) console.log(indent(detail));
  console.log(`pack-smoke: FAILED after ${elapsed()}`);
  cleanup();
  process.exit(1);
}

const ok = (what) => console.log(`ok   ${what}`);
const note = (what) => console.log(`note ${what}`);
const indent = (s) => String(s).trimEnd().split('\n').map((l) => `     | ${l}`).join('\n');
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

// npm must not inherit the lifecycle variables pnpm sets when this runs under `pnpm test`/`pnpm exec`.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(npm_(lifecycle|package)_|npm_config_user_agent$|npm_execpath$|npm_node_execpath$|pnpm_|PNPM_)/i.test(k),
  ),
);
const baseEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Runs a command to completion; never rejects (a spawn error becomes status null + error text). */
function run(cmd, args, { cwd = root, env = baseEnv, timeout = 180_000 } = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ status: null, signal: null, stdout, stderr: `${stderr}${err.message}` });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

const describe = (r) =>
  `exit ${r.status ?? r.signal ?? 'spawn error'}\n${[r.stdout.trim() && `stdout:\n${r.stdout}`, r.stderr.trim() && `stderr:\n${r.stderr}`].filter(Boolean).join('\n')}`;

// ---------------------------------------------------------------------------------------------
// 0. Preconditions: built dist/ in each package.
for (const p of PACKAGES) {
  const pkg = JSON.parse(readFileSync(join(root, p.dir, 'package.json'), 'utf8'));
  if (pkg.name !== p.name) fail(`${p.dir}/package.json is named ${pkg.name}, expected ${p.name}`);
  if (!existsSync(join(root, p.dir, 'dist'))) fail(`${p.dir}/dist is missing: run \`pnpm exec turbo run build\` first`);
  p.version = pkg.version;
}
const cliVersion = PACKAGES.find((p) => p.name === "@polev/cli").version;

tmp = realpathSync(mkdtempSync(join(tmpdir(), 'polev-pack-smoke-')));
// The installed CLI keeps its code cache under the user's cache folder: here, inside tmp, so that
// the test suite writes nothing into the home folder of whoever runs it.
for (const env of [baseEnv, cleanEnv]) env.XDG_CACHE_HOME = join(tmp, 'cache');
process.on('SIGINT', () => fail('interrupted'));
const tarballDir = join(tmp, 'tarballs');
const installDir = join(tmp, 'install');
mkdirSync(tarballDir);
mkdirSync(installDir);

// ---------------------------------------------------------------------------------------------
// 1. pnpm pack, one destination folder per package so the tarball is unambiguous.
const packed = await Promise.all(
  PACKAGES.map(async (p) => {
    const dest = join(tarballDir, p.dir.replace('/', '-'));
    mkdirSync(dest);
    const r = await run('pnpm', ['pack', '--pack-destination', dest], { cwd: join(root, p.dir) });
    const tgz = readdirSync(dest).filter((f) => f.endsWith('.tgz'));
    return { p, r, tgz: tgz.length === 1 ? join(dest, tgz[0]) : null };
  }),
);
for (const { p, r, tgz } of packed) {
  if (r.status !== 0 || !tgz) fail(`pack: \`pnpm pack\` in ${p.dir} did not produce one tarball`, describe(r));
  p.tarball = tgz;
}
ok(`pack: ${PACKAGES.map((p) => relative(tmp, p.tarball)).join(', ')}`);

// ---------------------------------------------------------------------------------------------
// 2. Empty folder + plain npm.
{
  const init = await run('npm', ['init', '-y'], { cwd: installDir, env: cleanEnv });
  if (init.status !== 0) fail('install: `npm init -y` failed', describe(init));
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', ...PACKAGES.map((p) => p.tarball)];
  const r = await run('npm', args, { cwd: installDir, env: cleanEnv });
  if (r.status !== 0) fail('install: `npm install <tarballs>` failed', describe(r));
  for (const p of PACKAGES) {
    const installed = join(installDir, 'node_modules', p.name, 'package.json');
    if (!existsSync(installed)) fail(`install: ${p.name} is not in node_modules after npm install`, describe(r));
    const pkg = JSON.parse(readFileSync(installed, 'utf8'));
    const leftover = Object.entries(pkg.dependencies ?? {}).filter(([, v]) => String(v).startsWith('workspace:'));
    if (leftover.length) fail(`install: ${p.name}'s packed package.json still has workspace: ranges`, JSON.stringify(leftover));
  }
  // Only one copy of core: the cli and api must use the sibling tarball, not a registry copy.
  const nested = ['@polev/report', '@polev/cli', '@polev/api'].filter((n) => existsSync(join(installDir, 'node_modules', n, 'node_modules/@polev/core')));
  if (nested.length) fail(`install: ${nested.join(', ')} got their own nested @polev/core instead of the sibling tarball`);
  ok(`install: npm installed ${PACKAGES.map((p) => `${p.name}@${p.version}`).join(', ')} into an empty folder (${elapsed()})`);
}

// ---------------------------------------------------------------------------------------------
// (a) @polev/core imports and validates a review.
// Exit 0 = valid, 3 = parsed but invalid, anything else = the package itself is broken.
const coreSnippet = `
import * as core from '@polev/core';
import * as node from '@polev/core/node';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
const where = fileURLToPath(import.meta.resolve('@polev/core'));
if (!where.startsWith(process.cwd())) throw new Error('@polev/core resolved outside the install folder: ' + where);
for (const [mod, names] of [[core, ['parseReview', 'parseReviewOrThrow', 'formatProblem', 'reviewJsonSchema']], [node, ['loadReviewFile', 'ReviewFileError']]])
  for (const n of names) if (typeof mod[n] !== 'function' && typeof mod[n] !== 'object') throw new Error('missing export ' + n);
const schema = JSON.parse(await readFile(fileURLToPath(import.meta.resolve('@polev/core/schema.json')), 'utf8'));
if (typeof schema !== 'object' || !schema) throw new Error('@polev/core/schema.json is not a JSON object');
const file = process.argv[1];
const r = await node.loadReviewFile(file);
const again = core.parseReview(await readFile(file, 'utf8'), { file });
if (r.ok !== again.ok) throw new Error('loadReviewFile and parseReview disagree');
if (!r.ok) { for (const p of r.problems) console.log(core.formatProblem(p)); process.exit(3); }
console.log('ok ' + file + ' (' + r.warnings.length + ' warnings)');
`;
const coreCheck = (file) => run(process.execPath, ['--input-type=module', '-e', coreSnippet, file], { cwd: installDir });

let review = MINI;
if (existsSync(EXAMPLE)) {
  const r = await coreCheck(EXAMPLE);
  if (r.status === 0) review = EXAMPLE;
  else if (r.status === 3) note(`(a) ${relative(root, EXAMPLE)} does not validate; using ${relative(root, MINI)}\n${indent(r.stdout)}`);
  else fail('(a) @polev/core: importing or validating from the installed tarball crashed', describe(r));
}
const reviewName = relative(root, review);
{
  const r = await coreCheck(review);
  if (r.status !== 0 || !/^ok /m.test(r.stdout)) fail(`(a) @polev/core: import and validate ${reviewName}`, describe(r));
  ok(`(a) @polev/core + @polev/core/node import and validate ${reviewName}`);
}

// ---------------------------------------------------------------------------------------------
// (b) polev validate <file> and polev --version from the installed cli.
const polev = join(installDir, 'node_modules/.bin/polev');
if (!existsSync(polev)) fail('(b) @polev/cli: node_modules/.bin/polev was not created by npm install');
{
  const r = await run(polev, ['validate', review], { cwd: installDir });
  if (r.status !== 0) fail(`(b) polev validate ${reviewName} should exit 0`, describe(r));
  if (!/is valid/.test(stripAnsi(r.stderr))) fail(`(b) polev validate ${reviewName} did not say the file is valid`, describe(r));
  const v = await run(polev, ['--version'], { cwd: installDir });
  if (v.status !== 0 || v.stdout.trim() !== cliVersion)
    fail(`(b) polev --version should print ${cliVersion} (apps/cli/package.json)`, describe(v));
  const html = join(tmp, 'report.html');
  const rep = await run(polev, ['report', review, '-o', html, '--lang', 'en'], { cwd: installDir });
  if (rep.status !== 0 || !existsSync(html) || !/^<!DOCTYPE html>/i.test(readFileSync(html, 'utf8')))
    fail(`(b) polev report ${reviewName} -o report.html should write an HTML report`, describe(rep));
  ok(`(b) polev validate ${reviewName} exits 0; polev --version prints ${cliVersion}; polev report writes HTML`);
}

// ---------------------------------------------------------------------------------------------
// (c) polev validate on a broken copy exits 1.
{
  const text = readFileSync(review, 'utf8');
  const broken = text.replace(/^schemaVersion:.*$/m, 'schemaVersion: not-a-number').replace(/^title:.*$/m, '');
  if (broken === text) fail(`(c) could not make a broken copy of ${reviewName} (no top-level schemaVersion/title line)`);
  const brokenFile = join(tmp, 'broken.yaml');
  writeFileSync(brokenFile, broken);
  const r = await run(polev, ['validate', brokenFile], { cwd: installDir });
  if (r.status !== 1) fail('(c) polev validate <broken copy> should exit 1', describe(r));
  ok('(c) polev validate <broken copy> exits 1');
}

// ---------------------------------------------------------------------------------------------
// (d) @polev/api: createApp() answers GET /health.
{
  const snippet = `
import { createApp } from '@polev/api';
const res = await createApp().request('/health');
const body = await res.text();
console.log(res.status + ' ' + body);
process.exit(res.status === 200 ? 0 : 1);
`;
  const r = await run(process.execPath, ['--input-type=module', '-e', snippet], { cwd: installDir });
  if (r.status !== 0 || !/^200 /m.test(r.stdout)) fail('(d) @polev/api: createApp().request("/health") should answer 200', describe(r));
  ok(`(d) @polev/api createApp() answers GET /health with ${r.stdout.trim()}`);
}

// ---------------------------------------------------------------------------------------------
// (e) publint on each package directory: no errors, no warnings (suggestions are shown, not fatal).
{
  const results = await Promise.all(
    PACKAGES.map(async (p) => ({ p, r: await run('pnpm', ['exec', 'publint', 'run', p.dir, '--level', 'suggestion']) })),
  );
  for (const { p, r } of results) {
    const out = stripAnsi(`${r.stdout}\n${r.stderr}`);
    const sections = {};
    let current = null;
    for (const line of out.split('\n')) {
      const head = /^(Errors|Warnings|Suggestions):\s*$/.exec(line.trim());
      if (head) (current = head[1].toLowerCase()), (sections[current] ??= []);
      else if (current && /^\s*\d+\.\s/.test(line)) sections[current].push(line.trim());
      else if (current && line.trim() && sections[current].length) sections[current][sections[current].length - 1] += ` ${line.trim()}`;
    }
    const errors = sections.errors ?? [];
    const warnings = sections.warnings ?? [];
    const suggestions = sections.suggestions ?? [];
    if (r.status !== 0 || errors.length || warnings.length || (!/All good!/.test(out) && !suggestions.length))
      fail(`(e) publint ${p.dir}: ${errors.length} error(s), ${warnings.length} warning(s)`, describe(r));
    if (suggestions.length) note(`(e) publint ${p.dir} suggests:\n${indent(suggestions.join('\n'))}`);
    ok(`(e) publint ${p.dir}: no errors, no warnings`);
  }
}

cleanup();
console.log(`pack-smoke: all checks passed in ${elapsed()}`);
