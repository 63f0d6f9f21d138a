// Test helper (not part of any entry): which modules a real Node process loads, to check that
// start-up paths stay lean. ES modules are seen through a module hook, CommonJS ones (such as
// `yaml`, which the loader requires on demand) through require.cache when the process exits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface LoadedModules {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Absolute paths of every file module the process loaded. */
  files: string[];
  /** The original sources (absolute paths) behind the loaded files that have a source map. */
  sources: string[];
}

let preload: string | undefined;
function preloadUrl(): string {
  if (!preload) {
    const dir = mkdtempSync(join(tmpdir(), 'polev-loaded-'));
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  const result = await next(url, context);
  appendFileSync(log, url + '\\n');
  return result;
}\n`,
    );
    writeFileSync(
      join(dir, 'preload.mjs'),
      `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
const log = process.env.POLEV_LOADED_LOG;
register('./hooks.mjs', { parentURL: import.meta.url, data: { log } });
const require = createRequire(import.meta.url);
process.on('exit', () => appendFileSync(log, Object.keys(require.cache).map((p) => pathToFileURL(p).href + '\\n').join('')));\n`,
    );
    preload = pathToFileURL(join(dir, 'preload.mjs')).href;
  }
  return preload;
}

/** Runs `node <args>` with the module log attached. */
export function loadedModules(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): LoadedModules {
  const log = join(mkdtempSync(join(tmpdir(), 'polev-loaded-log-')), 'modules.log');
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', preloadUrl(), ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...options.env, POLEV_LOADED_LOG: log },
  });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)))];
  const sources = files.flatMap((file) => {
    const map = `${file}.map`;
    if (!existsSync(map)) return [];
    const { sources: list = [] } = JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] };
    return list.map((s) => resolve(dirname(map), s));
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, files, sources };
}
