// Pack smoke test: proves each package packs on its own and works when installed from its tarball,
// the way a user outside this repository gets it.
//
//   pnpm exec turbo run build && node scripts/pack-smoke.mjs
//
// It builds nothing: it packs the existing dist/ of packages/core, packages/report, apps/cli and
// apps/api with `pnpm pack` (which rewrites `workspace:^` to real versions), installs the tarballs side by
// side into an empty folder with `npm install --engine-strict` (so every package in the tree must
// accept this Node version; third-party deps come from the registry / npm cache), together with a
// hono and a zod on another patch than the workspace's, and checks, from that folder only:
//   (p) every tarball holds the LICENSE, and says MIT, its repository (with directory), homepage and bugs
//   (a) @polev/core and @polev/core/node import and validate a review file (ES modules)
//   (r) require() of @polev/core, @polev/core/node, @polev/report and @polev/api from a CommonJS file
//   (b) `polev validate <file>` exits 0, `polev --version` prints the cli's version, and
//       `polev report <file> -o report.html` writes a report
//   (c) `polev validate <broken copy>` exits 1
//   (d) @polev/api: createApp() answers GET /health, also mounted in the consumer's own Hono app,
//       and hono and zod exist once (the peers are the consumer's copies)
//   (t) a TypeScript consumer type-checks with node16 and with bundler resolution, mounting
//       createApp() in its own Hono app
//   (e) publint and @arethetypeswrong/cli report nothing for each package
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

// The workspace's own tools, without a `pnpm exec` (some 1.5 s of CPU each) in front.
const bin = (name) => join(root, 'node_modules/.bin', name);
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

// npm writes some 10,000 files into the install folder and the cleanup deletes them again: on this
// machine's disk (ext4 mounted with discard) the deletion alone took 21 s of wall time, on a tmpfs
// well under a second. So the folder goes to /dev/shm where there is one.
const tmpBase = (() => {
  try {
    return realpathSync(mkdtempSync('/dev/shm/polev-pack-smoke-'));
  } catch {
    return null;
  }
})();
tmp = tmpBase ?? realpathSync(mkdtempSync(join(tmpdir(), 'polev-pack-smoke-')));
// The installed CLI keeps its code cache under the user's cache folder: here, inside tmp, so that
// the test suite writes nothing into the home folder of whoever runs it.
for (const env of [baseEnv, cleanEnv]) env.XDG_CACHE_HOME = join(tmp, 'cache');
process.on('SIGINT', () => fail('interrupted'));
const tarballDir = join(tmp, 'tarballs');
const installDir = join(tmp, 'install');
mkdirSync(tarballDir);
mkdirSync(installDir);

// ---------------------------------------------------------------------------------------------
// 1. pnpm pack, all packages in one pnpm process (each pnpm start costs some 1.5 s of CPU), each
// tarball named after its package and version.
{
  const r = await run('pnpm', ['-r', ...PACKAGES.flatMap((p) => ['--filter', `./${p.dir}`]), 'pack', '--pack-destination', tarballDir]);
  if (r.status !== 0) fail('pack: `pnpm -r pack` failed', describe(r));
  const tarballs = readdirSync(tarballDir);
  for (const p of PACKAGES) {
    const name = `${p.name.replace(/^@/, '').replace('/', '-')}-${p.version}.tgz`;
    if (!tarballs.includes(name)) fail(`pack: \`pnpm pack\` of ${p.dir} did not produce ${name}`, `${describe(r)}\nin ${tarballDir}: ${tarballs.join(', ')}`);
    p.tarball = join(tarballDir, name);
  }
}
ok(`pack: ${PACKAGES.map((p) => relative(tmp, p.tarball)).join(', ')}`);

// ---------------------------------------------------------------------------------------------
// 2. (p) What each tarball carries: the licence and the metadata a registry page shows.
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
{
  const problems = [];
  const repos = new Set();
  for (const p of PACKAGES) {
    const unpacked = join(tmp, 'unpacked', p.dir.replace('/', '-'));
    mkdirSync(unpacked, { recursive: true });
    const r = await run('tar', ['-xzf', p.tarball, '-C', unpacked]);
    if (r.status !== 0) fail(`(p) cannot unpack ${relative(tmp, p.tarball)}`, describe(r));
    const license = join(unpacked, 'package/LICENSE');
    if (!existsSync(license)) problems.push(`${p.name}: no LICENSE in the tarball`);
    else if (readFileSync(license, 'utf8') !== rootLicense) problems.push(`${p.name}: its LICENSE differs from the repository's`);
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8'));
    if (pkg.license !== 'MIT') problems.push(`${p.name}: license is ${pkg.license}, not MIT`);
    if (pkg.repository?.directory !== p.dir) problems.push(`${p.name}: repository.directory is ${pkg.repository?.directory}, not ${p.dir}`);
    if (!pkg.repository?.url || !pkg.homepage || !pkg.bugs?.url) problems.push(`${p.name}: repository.url, homepage or bugs.url is missing`);
    repos.add(pkg.repository?.url);
    for (const [dep, range] of Object.entries(pkg.dependencies ?? {}))
      if (!/^\^\d/.test(range)) problems.push(`${p.name}: dependency ${dep} is pinned to ${range}, not a caret range`);
  }
  if (repos.size !== 1) problems.push(`the packages name different repositories: ${[...repos].join(', ')}`);
  if (problems.length) fail('(p) package contents and metadata', problems.join('\n'));
  ok('(p) every tarball holds the LICENSE, says MIT, its repository with directory, homepage and bugs; caret ranges');
}

// ---------------------------------------------------------------------------------------------
// 3. Empty folder + npm --engine-strict, with hono and zod on other patches than the workspace's:
// the consumer's own copies must be the only ones (peer dependencies), and the TypeScript to check
// the consumer with.
const OTHER_PATCH = { hono: '4.13.18', zod: '4.6.6' };
{
  const api = JSON.parse(readFileSync(join(root, 'apps/api/package.json'), 'utf8'));
  if (api.devDependencies?.hono === OTHER_PATCH.hono) fail(`install: pick a hono other than the workspace's ${OTHER_PATCH.hono}`);
  const init = await run('npm', ['init', '-y'], { cwd: installDir, env: cleanEnv });
  if (init.status !== 0) fail('install: `npm init -y` failed', describe(init));
  const pkgFile = join(installDir, 'package.json');
  writeFileSync(pkgFile, JSON.stringify({ ...JSON.parse(readFileSync(pkgFile, 'utf8')), type: 'module' }, null, 2));
  const consumerDeps = [`hono@${OTHER_PATCH.hono}`, `zod@${OTHER_PATCH.zod}`, 'typescript@5.9.3', '@types/node@20.19.43'];
  const args = ['install', '--engine-strict', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', ...PACKAGES.map((p) => p.tarball), ...consumerDeps];
  const r = await run('npm', args, { cwd: installDir, env: cleanEnv });
  if (r.status !== 0) fail(`install: \`npm install --engine-strict <tarballs>\` failed on Node ${process.version}`, describe(r));
  if (/EBADENGINE/.test(r.stderr)) fail('install: npm warned about an engine', describe(r));
  for (const p of PACKAGES) {
    const installed = join(installDir, 'node_modules', p.name, 'package.json');
    if (!existsSync(installed)) fail(`install: ${p.name} is not in node_modules after npm install`, describe(r));
    const pkg = JSON.parse(readFileSync(installed, 'utf8'));
    const leftover = Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(([, v]) => String(v).startsWith('workspace:'));
    if (leftover.length) fail(`install: ${p.name}'s packed package.json still has workspace: ranges`, JSON.stringify(leftover));
  }
  // Only one copy of core: the cli and api must use the sibling tarball, not a registry copy.
  const nested = ['@polev/report', '@polev/cli', '@polev/api'].filter((n) => existsSync(join(installDir, 'node_modules', n, 'node_modules/@polev/core')));
  if (nested.length) fail(`install: ${nested.join(', ')} got their own nested @polev/core instead of the sibling tarball`);
  // One copy of hono and of zod, the consumer's: a second copy would split their types and state.
  const copies = (name) => run('find', [join(installDir, 'node_modules'), '-path', `*/node_modules/${name}/package.json`, '-not', '-path', `*/node_modules/${name}/*/*`]);
  for (const name of ['hono', 'zod']) {
    const found = (await copies(name)).stdout.trim().split('\n').filter(Boolean);
    const version = found.length === 1 ? JSON.parse(readFileSync(found[0], 'utf8')).version : null;
    if (found.length !== 1 || version !== OTHER_PATCH[name])
      fail(`install: expected one ${name}, the consumer's ${OTHER_PATCH[name]}`, found.map((f) => `${relative(installDir, f)} ${JSON.parse(readFileSync(f, 'utf8')).version}`).join('\n'));
  }
  ok(`install: npm --engine-strict installed ${PACKAGES.map((p) => `${p.name}@${p.version}`).join(', ')} into an empty folder on Node ${process.version}, beside hono@${OTHER_PATCH.hono} and zod@${OTHER_PATCH.zod}, one copy of each (${elapsed()})`);
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
// The checks below are independent of each other: they run at once, each saying ok or failing the
// whole run (fail() exits) as before.
const checks = [];

// (r) require() from a CommonJS file: Node 20.19+ loads ES modules through the `default` condition.
checks.push((async () => {
  const file = join(installDir, 'consumer.cjs');
  writeFileSync(
    file,
    `const core = require('@polev/core');
const { loadReviewFile } = require('@polev/core/node');
const { renderReport } = require('@polev/report');
const { createApp } = require('@polev/api');
(async () => {
  const r = await loadReviewFile(process.argv[2]);
  if (!r.ok) throw new Error('the review does not validate: ' + r.problems.map(core.formatProblem).join('; '));
  const md = await renderReport('markdown', r.review, null, { lang: 'en' });
  if (!md.startsWith('# ')) throw new Error('renderReport did not give Markdown');
  const res = await createApp().request('/health');
  console.log('ok ' + res.status + ' ' + typeof core.analyze);
})().catch((err) => { console.error(err); process.exit(1); });
`,
  );
  const r = await run(process.execPath, [file, review], { cwd: installDir });
  if (r.status !== 0 || !/^ok 200 function$/m.test(r.stdout)) fail('(r) require() of the packages from a CommonJS file', describe(r));
  ok('(r) require() of @polev/core, @polev/core/node, @polev/report and @polev/api works from a CommonJS file');
})());

// ---------------------------------------------------------------------------------------------
// (b) polev validate <file> and polev --version from the installed cli.
const polev = join(installDir, 'node_modules/.bin/polev');
if (!existsSync(polev)) fail('(b) @polev/cli: node_modules/.bin/polev was not created by npm install');
checks.push((async () => {
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
})());

// ---------------------------------------------------------------------------------------------
// (c) polev validate on a broken copy exits 1.
checks.push((async () => {
  const text = readFileSync(review, 'utf8');
  const broken = text.replace(/^schemaVersion:.*$/m, 'schemaVersion: not-a-number').replace(/^title:.*$/m, '');
  if (broken === text) fail(`(c) could not make a broken copy of ${reviewName} (no top-level schemaVersion/title line)`);
  const brokenFile = join(tmp, 'broken.yaml');
  writeFileSync(brokenFile, broken);
  const r = await run(polev, ['validate', brokenFile], { cwd: installDir });
  if (r.status !== 1) fail('(c) polev validate <broken copy> should exit 1', describe(r));
  ok('(c) polev validate <broken copy> exits 1');
})());

// ---------------------------------------------------------------------------------------------
// (d) @polev/api: createApp() answers GET /health, on its own and mounted in the consumer's Hono app.
checks.push((async () => {
  const snippet = `
import { Hono } from 'hono';
import { createApp } from '@polev/api';
const own = await createApp().request('/health');
const app = new Hono().get('/', (c) => c.text('consumer')).route('/polev', createApp());
const mounted = await app.request('/polev/health');
console.log(own.status + ' ' + mounted.status + ' ' + (await mounted.text()));
process.exit(own.status === 200 && mounted.status === 200 ? 0 : 1);
`;
  const r = await run(process.execPath, ['--input-type=module', '-e', snippet], { cwd: installDir });
  if (r.status !== 0 || !/^200 200 /m.test(r.stdout)) fail('(d) @polev/api: createApp() should answer GET /health with 200, also mounted under /polev', describe(r));
  ok(`(d) @polev/api createApp() answers GET /health with 200, also mounted in the consumer's own Hono app: ${r.stdout.trim().split(' ').slice(2).join(' ')}`);
})());

// ---------------------------------------------------------------------------------------------
// (t) A TypeScript consumer, strict, with node16 and with bundler resolution: the packages' types
// resolve, and createApp() mounts in the consumer's own Hono app (same hono types: a peer).
checks.push((async () => {
  writeFileSync(
    join(installDir, 'consumer.ts'),
    `import { Hono } from 'hono';
import { analyze, parseReview, type Assessment, type Review } from '@polev/core';
import { loadReviewFile } from '@polev/core/node';
import { renderReport } from '@polev/report';
import { createApp } from '@polev/api';

const app = new Hono();
app.route('/polev', createApp());
export const handler: (req: Request) => Response | Promise<Response> = app.fetch;

export async function summary(file: string): Promise<string> {
  const r = await loadReviewFile(file);
  if (!r.ok) return r.problems.map((p) => p.message).join('\\n');
  const review: Review = r.review;
  const a: Assessment = analyze(review, { lang: 'en' });
  const md: string = await renderReport('markdown', review, a, { lang: 'en' });
  return md + String(parseReview('').ok);
}
`,
  );
  // The packages' own .d.ts files are checked once, under node16 (the stricter resolution, where a
  // d.ts import without its extension fails); the bundler run checks the consumer's code against
  // them. Checking every library's .d.ts twice cost 12 s of CPU per run, against 4 s with
  // skipLibCheck; TypeScript's own lib files are never ours to check (skipDefaultLibCheck, -3 s).
  const base = { strict: true, noEmit: true, skipDefaultLibCheck: true, target: 'es2022', lib: ['es2023', 'dom'], types: ['node'], verbatimModuleSyntax: true };
  const configs = {
    node16: { ...base, skipLibCheck: false, module: 'node16', moduleResolution: 'node16' },
    bundler: { ...base, skipLibCheck: true, module: 'esnext', moduleResolution: 'bundler' },
  };
  const tsc = join(installDir, 'node_modules/typescript/bin/tsc');
  const results = await Promise.all(
    Object.entries(configs).map(async ([name, compilerOptions]) => {
      const config = join(installDir, `tsconfig.${name}.json`);
      writeFileSync(config, JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
      return { name, r: await run(process.execPath, [tsc, '-p', config], { cwd: installDir }) };
    }),
  );
  for (const { name, r } of results) if (r.status !== 0) fail(`(t) the TypeScript consumer does not type-check with ${name} resolution`, describe(r));
  ok('(t) a strict TypeScript consumer type-checks with node16 and bundler resolution, mounting createApp() in its own Hono app');
})());

// ---------------------------------------------------------------------------------------------
// (e) publint on each tarball, the files a user gets: no errors, no warnings (suggestions are shown,
// not fatal). Given a tarball, publint does not pack the package again.
checks.push((async () => {
  const results = await Promise.all(
    PACKAGES.map(async (p) => ({ p, r: await run(bin('publint'), ['run', p.tarball, '--level', 'suggestion']) })),
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
})());

// ---------------------------------------------------------------------------------------------
// (e) @arethetypeswrong/cli on each tarball: the types resolve the way the code does, for node16
// (from ESM and CommonJS) and bundler resolution. The esm-only profile leaves out what an ES-module
// package cannot offer: TypeScript's legacy node10 resolution (no exports maps, so no subpaths),
// and the "require() of ESM" warning for node16 CommonJS callers — require() itself works on
// Node 20.19+, as (r) shows.
checks.push((async () => {
  const results = await Promise.all(
    PACKAGES.map(async (p) => ({ p, r: await run(bin('attw'), [p.tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color']) })),
  );
  for (const { p, r } of results) {
    if (r.status !== 0) fail(`(e) attw ${p.name}: problems found`, describe(r));
    ok(`(e) attw ${p.name}: no problems`);
  }
})());

await Promise.all(checks);
cleanup();
console.log(`pack-smoke: all checks passed in ${elapsed()}`);
