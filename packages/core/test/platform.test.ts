// @polev/core is platform-neutral except for @polev/core/node: its other entries, as built, import
// no Node built-in module, so that a bundler can ship them to a browser. Needs the built dist/
// (`pnpm test` builds first).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The bare specifiers an entry imports, following its relative imports (static and dynamic). */
function externalImports(entry: string): string[] {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!));
      else external.add(spec!);
    }
  };
  visit(join(dist, entry));
  return [...external].sort();
}

describe('@polev/core outside Node', () => {
  it.each(['index.js', 'load/index.js', 'testing/index.js'])('%s imports no Node built-in module', (entry) => {
    expect(externalImports(entry).filter((m) => builtins.has(m))).toEqual([]);
  });

  it('finds the imports of the chunks an entry uses', () => {
    expect(externalImports('index.js')).toEqual(expect.arrayContaining(['js-yaml', 'zod']));
  });

  it('@polev/core/node does (so the check above can fail)', () => {
    expect(externalImports('node/index.js').filter((m) => builtins.has(m))).not.toEqual([]);
  });
});
