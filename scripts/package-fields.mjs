// The fields every published package of the workspace carries, so that it fits in beside other
// packages (issue 17): checked by scripts/package-fields.test.ts, written by
//   node scripts/package-fields.mjs --write
// for a new package (or after a merge). For each non-private package under packages/ and apps/:
// - license MIT, the root LICENSE copied beside its package.json and listed in `files`;
// - repository (with its directory), homepage and bugs, all pointing at the root's repository;
// - every export with an `import` condition also has `default`, so require() works on Node 20.19+;
// - runtime dependencies and peer dependencies by caret range (`^1.2.3`), workspace ones `workspace:^`.
// Which dependencies are peers (those whose types a package's public types expose, like zod and
// hono) is a judgement this script does not make: it only keeps their ranges caret.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const REPOSITORY = 'https://github.com/polev/polev';

export function workspacePackages() {
  return ['packages', 'apps']
    .flatMap((d) => (existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => `${d}/${p}`) : []))
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private);
}

const caret = (range) => (/^\d+\.\d+\.\d+$/.test(range) ? `^${range}` : range);
const goodRange = (range) => /^\^\d/.test(range) || range === 'workspace:^';

/** The package.json with the fields above set; everything else kept, in its order. */
export function withFields(dir, pkg) {
  const out = {};
  for (const [k, v] of Object.entries(pkg)) {
    out[k] = v;
    if (k === 'license') {
      out.repository = { type: 'git', url: `git+${REPOSITORY}.git`, directory: dir };
      out.homepage = `${REPOSITORY}/tree/main/${dir}#readme`;
      out.bugs = { url: `${REPOSITORY}/issues` };
    }
  }
  out.license = 'MIT';
  out.repository ??= { type: 'git', url: `git+${REPOSITORY}.git`, directory: dir };
  out.homepage ??= `${REPOSITORY}/tree/main/${dir}#readme`;
  out.bugs ??= { url: `${REPOSITORY}/issues` };
  for (const [key, value] of Object.entries(out.exports ?? {})) {
    if (value && typeof value === 'object' && value.import && !value.default) out.exports[key] = { ...value, default: value.import };
  }
  if (Array.isArray(out.files) && !out.files.includes('LICENSE')) out.files = [...out.files, 'LICENSE'];
  for (const field of ['dependencies', 'peerDependencies'])
    if (out[field]) out[field] = Object.fromEntries(Object.entries(out[field]).map(([n, r]) => [n, caret(r)]));
  return out;
}

/** What is missing or wrong in a package, one line each. */
export function problems(dir, pkg) {
  const out = [];
  const license = readFileSync(join(root, 'LICENSE'), 'utf8');
  if (pkg.license !== 'MIT') out.push(`license is ${pkg.license}, not MIT`);
  if (!existsSync(join(root, dir, 'LICENSE')) || readFileSync(join(root, dir, 'LICENSE'), 'utf8') !== license) out.push('LICENSE is missing or differs from the root LICENSE');
  if (Array.isArray(pkg.files) && !pkg.files.includes('LICENSE')) out.push('files does not list LICENSE');
  if (pkg.repository?.url !== `git+${REPOSITORY}.git` || pkg.repository?.directory !== dir) out.push(`repository is not { url: git+${REPOSITORY}.git, directory: ${dir} }`);
  if (pkg.homepage !== `${REPOSITORY}/tree/main/${dir}#readme`) out.push('homepage is missing or wrong');
  if (pkg.bugs?.url !== `${REPOSITORY}/issues`) out.push('bugs is missing or wrong');
  for (const [key, value] of Object.entries(pkg.exports ?? {}))
    if (value && typeof value === 'object' && value.import && value.default !== value.import) out.push(`exports["${key}"] has import but no default (require() fails)`);
  for (const field of ['dependencies', 'peerDependencies'])
    for (const [name, range] of Object.entries(pkg[field] ?? {})) if (!goodRange(range)) out.push(`${field}.${name} is ${range}, not a caret range`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write');
  let bad = 0;
  for (const { dir, pkg } of workspacePackages()) {
    if (write) {
      writeFileSync(join(root, dir, 'package.json'), `${JSON.stringify(withFields(dir, pkg), null, 2)}\n`);
      copyFileSync(join(root, 'LICENSE'), join(root, dir, 'LICENSE'));
    }
    const found = problems(dir, write ? JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) : pkg);
    for (const p of found) console.log(`${dir}: ${p}`);
    bad += found.length;
  }
  if (bad) {
    console.log(`${bad} problem(s); \`node scripts/package-fields.mjs --write\` fixes all but the peer choices`);
    process.exit(1);
  }
}
