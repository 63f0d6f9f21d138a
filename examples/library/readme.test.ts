// The README as a newcomer reads it: the library example is this folder's verdicts.mjs, and every
// command of "Using it" works as written from a clone once the first Quick start command has built
// everything. Needs the built dist/ folders, which `pnpm test` builds first.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = join(root, 'examples/nctv-36-2/review.yaml');
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}\n`), readme.indexOf('\n## ', readme.indexOf(`## ${title}\n`) + 3));
const codeBlocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };

describe('README: the library example', () => {
  const file = join(root, 'examples/library/verdicts.mjs');

  it('is examples/library/verdicts.mjs, word for word', () => {
    expect(codeBlocks(section('Using it'), 'js')).toEqual([readFileSync(file, 'utf8')]);
  });

  it('runs from the repository root as the README says, in the review’s language', () => {
    const r = spawnSync(process.execPath, ['examples/library/verdicts.mjs', 'examples/nctv-36-2/review.yaml'], { cwd: root, encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Contraterrorisme: \S.*\n {2}\S/);
    expect(r.stdout).toContain('De doelmatigheid is vast te stellen voor');
  });

  it('lists every problem of an invalid review and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polev-library-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(example, 'utf8').replace(/^title:.*$/m, ''));
    const r = spawnSync(process.execPath, [join(root, 'examples/library/verdicts.mjs'), broken], { cwd: dir, encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+.*title/);
  });
});

describe('README: Using it', () => {
  it('`pnpm polev` is the root script that runs the built CLI', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.polev).toBe('node apps/cli/dist/bin.js');
    expect(scripts['polev-api']).toBe('node apps/api/dist/server.js');
    for (const script of [scripts.polev, scripts['polev-api']]) expect(existsSync(join(root, script!.split(' ')[1]!))).toBe(true);
    // The Quick start's own command is pnpm via npx; `pnpm test` runs with that pnpm on the PATH.
    const pnpm = spawnSync('pnpm', ['--silent', 'polev', '--version'], { cwd: root, encoding: 'utf8', env });
    expect(pnpm.status, pnpm.stderr).toBe(0);
    expect(pnpm.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8')).version);
  });

  it('every command of the first block works as written', () => {
    // A folder like the root of a clone, where `pnpm <script>` runs the root package.json's
    // script (what pnpm does), but whose files (my-review/, report.html …) land in a temp folder.
    const dir = mkdtempSync(join(tmpdir(), 'polev-readme-'));
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    mkdirSync(join(dir, 'bin'));
    const shim = join(dir, 'bin', 'pnpm');
    writeFileSync(
      shim,
      `#!${process.execPath}
const { spawnSync } = require('node:child_process');
const scripts = require(${JSON.stringify(join(root, 'package.json'))}).scripts;
const [name, ...args] = process.argv.slice(2);
if (!scripts[name]) { console.error('no script ' + name); process.exit(127); }
const [cmd, file] = scripts[name].split(' ');
const r = spawnSync(cmd === 'node' ? process.execPath : cmd, [require('node:path').join(${JSON.stringify(root)}, file), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
`,
    );
    chmodSync(shim, 0o755);
    const [block] = codeBlocks(section('Using it'), 'sh');
    const lines = block!.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const line of lines) {
      expect(line).toMatch(/^pnpm polev /);
      const r = spawnSync('sh', ['-c', line], { cwd: dir, encoding: 'utf8', env: { ...env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` } });
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(JSON.parse(readFileSync(join(dir, 'review.schema.json'), 'utf8'))).toHaveProperty('$schema');
  });

  it('`PORT=… pnpm polev-api` serves the API', async () => {
    const child = spawn(process.execPath, [join(root, 'apps/api/dist/server.js')], { cwd: root, env: { ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const look = (d: Buffer) => {
          out += d.toString();
          const m = /https?:\/\/[\w.:[\]]+:(\d+)|"port":\s*(\d+)/.exec(out);
          if (m) resolve(`http://127.0.0.1:${m[1] ?? m[2]}`);
        };
        child.stdout.on('data', look);
        child.stderr.on('data', look);
        child.on('exit', (code) => reject(new Error(`the API exited (${code}) before listening:\n${out}`)));
      });
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
