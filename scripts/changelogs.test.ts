// Changelogs are written per package for its users: `pnpm version-packages` on a copy of the
// workspace with the real changesets, and the changelog rules of .changeset/changelog.cjs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const { entryFor } = createRequire(import.meta.url)(join(root, '.changeset/changelog.cjs')) as { entryFor: (summary: string, pkg: string) => string };
const PACKAGES = { '@polev/core': 'packages/core', '@polev/report': 'packages/report', '@polev/sheets': 'packages/sheets', '@polev/cli': 'apps/cli', '@polev/api': 'apps/api' };

describe('a changeset entry for one package', () => {
  const summary = `Shared: for every package named,
wrapped at the usual width.

@polev/cli: only for the CLI's users (issue 17), also
wrapped.

@polev/api: only for the API's users.

Internal: how it was done.

- a list item
  continued
- another item`;

  it('keeps the shared paragraphs and its own, unwrapped, and drops the others and internal notes', () => {
    expect(entryFor(summary, '@polev/cli')).toBe(
      '- Shared: for every package named, wrapped at the usual width.\n\n  Only for the CLI\'s users, also wrapped.\n\n  - a list item continued\n  - another item',
    );
    const api = entryFor(summary, '@polev/api');
    expect(api).toContain('Only for the API\'s users.');
    expect(api).not.toMatch(/CLI|Internal|how it was done/);
  });

  it('is empty when nothing is for the package', () => {
    expect(entryFor('@polev/core: core only.\n\nInternal: notes.', '@polev/cli')).toBe('');
  });

  it('keeps code blocks as written', () => {
    expect(entryFor('Run:\n\n```sh\npolev  validate x\n\npolev analyze x\n```', '@polev/cli')).toBe('- Run:\n\n  ```sh\n  polev  validate x\n\n  polev analyze x\n  ```');
  });
});

describe('pnpm version-packages', () => {
  it('writes each package a changelog with only its own entries, one line per paragraph', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polev-changelogs-'));
    for (const file of ['package.json', 'pnpm-workspace.yaml', ...Object.values(PACKAGES).map((d) => `${d}/package.json`), 'examples/library/package.json']) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(root, file), join(dir, file));
    }
    cpSync(join(root, '.changeset'), join(dir, '.changeset'), { recursive: true });
    cpSync(join(root, 'scripts/changelogs.mjs'), join(dir, 'scripts/changelogs.mjs'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const changesets = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => readFileSync(join(root, '.changeset', f), 'utf8'));
    expect(changesets.length).toBeGreaterThan(0);

    const version = spawnSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: dir, encoding: 'utf8' });
    expect(version.status, version.stderr + version.stdout).toBe(0);
    const post = spawnSync(process.execPath, ['scripts/changelogs.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(post.status, post.stderr).toBe(0);

    const logs = Object.fromEntries(Object.entries(PACKAGES).map(([name, d]) => [name, readFileSync(join(dir, d, 'CHANGELOG.md'), 'utf8')]));
    for (const [name, log] of Object.entries(logs)) {
      expect(log, name).toMatch(new RegExp(`^# ${name}\\n\\n## \\d+\\.\\d+\\.\\d+\\n`));
      expect(log, name).not.toMatch(/polev-changeset|Internal:|\(issue \d+\)/);
    }
    // Every paragraph scoped to a package is in that package's changelog, on one line, and in no other.
    for (const text of changesets) {
      const body = text.slice(text.indexOf('---', 3) + 3);
      for (const paragraph of body.split(/\n\s*\n/)) {
        const scoped = /^(@polev\/[\w-]+):\s+([\s\S]+)/.exec(paragraph.trim());
        if (!scoped) continue;
        const start = scoped[2].replace(/\s*\n\s*/g, ' ').replace(/\s*\(issues? \d+\)/g, '');
        const opening = start.charAt(0).toUpperCase() + start.slice(1);
        for (const [name, log] of Object.entries(logs)) {
          if (name === scoped[1]) expect(log, `${name}: ${opening}`).toContain(opening);
          else expect(log, `${name} has ${scoped[1]}'s "${opening}"`).not.toContain(opening);
        }
      }
    }
  });
});
