import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const common: Options = {
  target: 'node20',
  sourcemap: true,
  define: { __POLEV_VERSION__: JSON.stringify(version) },
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
    esbuildPlugins: [zodEnglishOnly],
  },
]);
