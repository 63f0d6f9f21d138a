import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { debuglog } from 'node:util';
import { Script } from 'node:vm';

/**
 * Runs a self-contained CommonJS bundle through `vm.Script` with a V8 code cache, so that later runs
 * skip parsing and compiling it (Node 20 has no `module.enableCompileCache`). The cache holds
 * compiled code only, never results, and is only an optimisation: a missing, damaged, foreign,
 * rejected or unwritable cache falls back silently to a normal compile. `NODE_DEBUG=polev` tells.
 */
export interface CachedBundle<T> {
  exports: T;
  /** What became of the code cache: used; none yet; ignored (damaged, or for another bundle or runtime); rejected by V8; off. */
  cache: 'used' | 'none' | 'ignored' | 'rejected' | 'off';
  /**
   * Writes the code cache unless one was used. Call it after the work, so that the cache also holds
   * the functions compiled while doing it, not only the top level.
   */
  saveCache: () => void;
}

const debug = debuglog('polev');

// V8 checks a code cache only against the *length* of the source and its own version and flags, and
// release builds skip its checksum: stale or damaged data would run the wrong code. So the file is
// named after a key of the exact source and runtime, and carries that key and a digest of the data,
// both checked before V8 sees it.
const MAGIC = Buffer.from('polev-code-cache-1\n');
const HEADER = MAGIC.length + 2 * 32;
/** Cache files kept per bundle, so that a few runtimes (e.g. two Node versions) need not take turns. */
const KEEP = 3;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/**
 * The user's cache folder for polev's code caches, never the project's: $XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows. None when POLEV_NO_CODE_CACHE is set.
 */
export function codeCacheDir(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.POLEV_NO_CODE_CACHE) return undefined;
  let home = '';
  try {
    home = homedir();
  } catch {
    // No home folder (e.g. a user without a passwd entry): only an explicit cache folder will do.
  }
  const absolute = (p: string | undefined) => (p && isAbsolute(p) ? p : undefined);
  const base =
    platform === 'win32'
      ? (absolute(env.LOCALAPPDATA) ?? (home && join(home, 'AppData', 'Local')))
      : platform === 'darwin'
        ? home && join(home, 'Library', 'Caches')
        : (absolute(env.XDG_CACHE_HOME) ?? (home && join(home, '.cache')));
  return base ? join(base, 'polev', 'code-cache') : undefined;
}

/** Loads the CommonJS bundle `file` with the code cache in `cacheDir` (none: no cache). */
export function requireBundle<T>(file: string, cacheDir: string | undefined): CachedBundle<T> {
  const bytes = readFileSync(file);
  const name = basename(file).replace(/\.c?js$/, '');
  const key = sha256(`${process.version}\0${process.arch}\0${process.versions.v8}\0${sha256(bytes).toString('hex')}`);
  const cacheFile = cacheDir && join(cacheDir, `${name}-${key.toString('hex').slice(0, 24)}.bin`);
  const read = cacheFile ? readCache(cacheFile, key) : 'off';
  const cachedData = typeof read === 'string' ? undefined : read;

  // The wrapper has a line of its own, so that stack traces give the bundle's own line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${bytes.toString('utf8')}\n})`, {
    filename: file,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
  });
  const cache = cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : (read as 'none' | 'ignored' | 'off');
  if (cachedData) debug('code cache %s: %s', cache === 'used' ? 'used' : 'rejected by V8', cacheFile);

  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));

  return {
    exports: module.exports,
    cache,
    saveCache: () => {
      if (cache !== 'used' && cache !== 'off' && cacheDir && cacheFile) writeCache(cacheDir, cacheFile, name, key, script);
    },
  };
}

function readCache(cacheFile: string, key: Buffer): Buffer | 'none' | 'ignored' {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    debug('code cache none: %s', cacheFile);
    return 'none';
  }
  const payload = data.subarray(HEADER);
  const ok =
    payload.length > 0 &&
    data.subarray(0, MAGIC.length).equals(MAGIC) &&
    data.subarray(MAGIC.length, MAGIC.length + 32).equals(key) &&
    data.subarray(MAGIC.length + 32, HEADER).equals(sha256(payload));
  if (ok) return payload;
  debug('code cache ignored (damaged, or for another bundle or runtime): %s', cacheFile);
  return 'ignored';
}

function writeCache(cacheDir: string, cacheFile: string, name: string, key: Buffer, script: Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    // Written aside and renamed into place, so that a concurrent run never reads half a file.
    writeFileSync(tmp, Buffer.concat([MAGIC, key, sha256(data), data]), { mode: 0o600 });
    renameSync(tmp, cacheFile);
  } catch (err) {
    debug('code cache not written: %s', (err as Error).message);
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed either: never worth failing the command for.
    }
    return;
  }
  debug('code cache written: %s', cacheFile);
  try {
    prune(cacheDir, name, cacheFile);
  } catch {
    // Another run pruning at the same time; the next write tries again.
  }
}

/** Removes all but the newest few cache files of a bundle, which older polev or Node versions left. */
function prune(cacheDir: string, name: string, current: string): void {
  const others = readdirSync(cacheDir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.bin'))
    .map((f) => join(cacheDir, f))
    .filter((f) => f !== current)
    .map((f) => ({ f, mtime: statSync(f).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { f } of others.slice(KEEP - 1)) rmSync(f, { force: true });
}
