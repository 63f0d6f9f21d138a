// Every published package of the workspace carries its licence, links and require()-friendly,
// caret-ranged manifest (scripts/package-fields.mjs), so a package added later fits in too.
import { describe, expect, it } from 'vitest';
import { problems, withFields, workspacePackages } from './package-fields.mjs';

describe('the manifests of the published packages', () => {
  const packages = workspacePackages();

  it('are found: core, report, cli and api at least', () => {
    expect(packages.map((p) => p.pkg.name)).toEqual(expect.arrayContaining(['@polev/core', '@polev/report', '@polev/cli', '@polev/api']));
  });

  it.each(packages.map((p) => [p.dir, p] as const))('%s has license, LICENSE, repository, homepage, bugs, default conditions and caret ranges', (_, { dir, pkg }) => {
    expect(problems(dir, pkg), 'run `node scripts/package-fields.mjs --write`').toEqual([]);
  });

  it('are fixed by --write: the fields are added and the rest kept', () => {
    const before = { name: '@polev/new', version: '0.1.0', license: 'ISC', type: 'module', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } }, files: ['dist'], dependencies: { zod: '4.6.7', '@polev/core': 'workspace:^' } };
    const after = withFields('packages/new', before);
    expect(after).toMatchObject({ name: '@polev/new', license: 'MIT', type: 'module', files: ['dist', 'LICENSE'], dependencies: { zod: '^4.6.7', '@polev/core': 'workspace:^' } });
    expect(after.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' });
    expect(after.repository).toMatchObject({ directory: 'packages/new' });
    expect(problems('packages/new', after).filter((p) => !p.startsWith('LICENSE'))).toEqual([]);
  });
});
