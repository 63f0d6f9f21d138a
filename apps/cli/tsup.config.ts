import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const coreDir = dirname(createRequire(import.meta.url).resolve('@polev/core/package.json')) + sep;

const common: Options = {
  target: 'node20',
  sourcemap: true,
  define: { __POLEV_VERSION__: JSON.stringify(version) },
};

/**
 * @polev/core reads a review with js-yaml, and needs the `yaml` library only on its careful path:
 * to locate problems, syntax errors and anchors. Core imports it statically (it is a platform-neutral
 * library); inside the validate bundle the import becomes this stand-in, which loads `yaml` on first
 * use, from @polev/core's own folder (`yaml` is not a dependency of the CLI), so that validating a
 * valid file never loads it.
 */
const lazyYaml: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, ({ importer }) => (importer.startsWith(coreDir) ? { path: 'yaml', namespace: 'lazy-yaml' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
      // The package names are in variables so that esbuild leaves these requires to run time.
      contents: `const core = '@polev/core/package.json';
const name = 'yaml';
let loaded;
const yaml = () => (loaded ??= require(require.resolve(name, { paths: [require('node:path').dirname(require.resolve(core))] })));
export const parseDocument = (...args) => yaml().parseDocument(...args);
export function LineCounter() { return new (yaml().LineCounter)(); }
export const isMap = (node) => yaml().isMap(node);
export const isPair = (node) => yaml().isPair(node);
export const isScalar = (node) => yaml().isScalar(node);
export const isSeq = (node) => yaml().isSeq(node);
`,
      loader: 'js',
    }));
  },
};

/**
 * zod's `z.locales` namespace keeps all of its ~60 message locales in any bundle, and validation
 * uses only the English one, which zod installs itself; the others are almost half the bundle.
 */
const zodEnglishOnly: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, ({ path }) => ({
      contents: `export { default as en } from './en.js';`,
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};

export default defineConfig([
  {
    ...common,
    entry: { bin: 'src/bin.ts', index: 'src/index.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    // Everything but the validate bundle, which the second build writes at the same time.
    clean: ['!validate.cjs', '!validate.cjs.map'],
    // Commands are split into chunks and imported lazily, so `polev --version` loads almost nothing.
    splitting: true,
  },
  {
    ...common,
    // `polev validate` as one CommonJS file with its dependencies (see src/validate-loader.ts).
    entry: { validate: 'src/commands/validate.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    noExternal: [/./],
    clean: false,
    // Smaller to read, hash and compile; identifiers are kept, so --debug stacks stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    esbuildPlugins: [lazyYaml, zodEnglishOnly],
  },
]);
