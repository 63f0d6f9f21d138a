import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeCacheDir, requireBundle } from './code-cache.js';
import type { validate as validateFn } from './commands/validate.js';
import type { Io } from './io.js';

type Validate = typeof validateFn;

/**
 * The validate command, for the fastest cold start: the built CLI also ships it as one
 * self-contained CommonJS bundle (dist/validate.cjs: the command, @polev/core's loader, zod and
 * js-yaml), which loads as a single file instead of about a hundred ES modules, and through a V8
 * code cache. Where there is no bundle (running from src, as the tests do) it is the ES module.
 */
export async function loadValidate(io: Io): Promise<{ validate: Validate; saveCache: () => void }> {
  const bundle = fileURLToPath(new URL('./validate.cjs', import.meta.url));
  if (existsSync(bundle)) {
    const { exports, saveCache } = requireBundle<{ validate: Validate }>(bundle, codeCacheDir(io.env));
    return { validate: exports.validate, saveCache };
  }
  const { validate } = await import('./commands/validate.js');
  return { validate, saveCache: () => {} };
}
