import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, requireBundle } from './code-cache.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `polev-${prefix}-`));

/**
 * A bundle whose result shows which code ran, the same length for every `value` of four letters.
 * Each call writes it to a new folder: V8 keeps compiled scripts in memory by source and file
 * name, and would otherwise not even look at the cache within this one test process.
 */
function bundle(value: string): string {
  const file = join(tmp('bundle'), 'answer.cjs');
  writeFileSync(file, `"use strict";\nfunction answer() { return ${JSON.stringify(value)}; }\nmodule.exports = { answer };\n`);
  return file;
}
const load = (file: string, cacheDir: string | undefined) => requireBundle<{ answer: () => string }>(file, cacheDir);
const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.bin'));

/** Runs the bundle and writes its cache, as the CLI does; returns the cache file. */
function primed(cacheDir: string, value: string): string {
  const b = load(bundle(value), cacheDir);
  expect(b.exports.answer()).toBe(value);
  b.saveCache();
  const files = cacheFiles(cacheDir).map((f) => join(cacheDir, f));
  expect(files).toHaveLength(1);
  return files[0]!;
}

describe('requireBundle', () => {
  it('compiles normally the first time, writes the cache, and uses it the next time', () => {
    const cacheDir = join(tmp('cache'), 'polev', 'code-cache');
    const first = load(bundle('aaaa'), cacheDir);
    expect(first).toMatchObject({ cache: 'none' });
    expect(first.exports.answer()).toBe('aaaa');
    first.saveCache();
    const second = load(bundle('aaaa'), cacheDir);
    expect(second.cache).toBe('used');
    expect(second.exports.answer()).toBe('aaaa');
    second.saveCache();
    expect(cacheFiles(cacheDir)).toHaveLength(1);
  });

  it('never runs stale code: a changed bundle of the same length does not get the old cache', () => {
    const cacheDir = tmp('cache');
    const old = primed(cacheDir, 'aaaa');
    const changed = load(bundle('bbbb'), cacheDir);
    expect(changed.cache).toBe('none');
    expect(changed.exports.answer()).toBe('bbbb');
    // The premise: V8 itself accepts the old data for the changed source, since it checks only the
    // length, and runs the old code.
    const raw = readFileSync(old).subarray(readFileSync(old).indexOf('\n') + 1 + 64);
    const source = `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(bundle('bbbb'), 'utf8')}\n})`;
    const unchecked = new Script(source, { filename: join(tmp('premise'), 'answer.cjs'), cachedData: raw });
    expect(unchecked.cachedDataRejected).toBe(false);
    const m = { exports: {} as { answer: () => string } };
    (unchecked.runInThisContext() as (e: unknown, r: unknown, m: unknown) => void)(m.exports, undefined, m);
    expect(m.exports.answer()).toBe('aaaa');
    // The old data under the changed bundle's name, as a cache keyed on the file name would have it.
    changed.saveCache();
    const current = cacheFiles(cacheDir).map((f) => join(cacheDir, f)).find((f) => f !== old)!;
    writeFileSync(current, readFileSync(old));
    const foreign = load(bundle('bbbb'), cacheDir);
    expect(foreign.cache).toBe('ignored');
    expect(foreign.exports.answer()).toBe('bbbb');
  });

  it('ignores a damaged or truncated cache, and replaces it', () => {
    for (const damage of [(b: Buffer) => b.fill(0x42, b.length - 200, b.length - 100), (b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.from('not a cache')]) {
        const cacheDir = tmp('cache');
      const file = primed(cacheDir, 'aaaa');
      writeFileSync(file, damage(Buffer.from(readFileSync(file))));
      const b = load(bundle('aaaa'), cacheDir);
      expect(b.cache).toBe('ignored');
      expect(b.exports.answer()).toBe('aaaa');
      b.saveCache();
      expect(load(bundle('aaaa'), cacheDir).cache).toBe('used');
    }
  });

  it('falls back to a normal compile when V8 rejects the data, and replaces it', () => {
    const cacheDir = tmp('cache');
    const file = primed(cacheDir, 'aaaa');
    // A well-formed file (right key, right digest) whose data V8 cannot use.
    const data = readFileSync(file);
    const header = data.indexOf('\n') + 1 + 32;
    const junk = Buffer.alloc(4096, 7);
    writeFileSync(file, Buffer.concat([data.subarray(0, header), createHash('sha256').update(junk).digest(), junk]));
    const b = load(bundle('aaaa'), cacheDir);
    expect(b.cache).toBe('rejected');
    expect(b.exports.answer()).toBe('aaaa');
    b.saveCache();
    expect(load(bundle('aaaa'), cacheDir).cache).toBe('used');
  });

  it('runs without a cache when the cache folder cannot be created or written', () => {
    const blocker = join(tmp('cache'), 'a-file');
    writeFileSync(blocker, '');
    const b = load(bundle('aaaa'), join(blocker, 'code-cache'));
    expect(b.cache).toBe('none');
    expect(b.exports.answer()).toBe('aaaa');
    expect(() => b.saveCache()).not.toThrow();
  });

  it('with no cache folder compiles normally and writes nothing', () => {
    const file = bundle('aaaa');
    const b = load(file, undefined);
    expect(b.cache).toBe('off');
    b.saveCache();
    expect(readdirSync(dirname(file))).toEqual(['answer.cjs']);
  });

  it('keeps only the newest few cache files of a bundle', () => {
    const cacheDir = tmp('cache');
    for (let i = 0; i < 5; i++) {
      const old = join(cacheDir, `answer-old${i}.bin`);
      writeFileSync(old, 'x');
      utimesSync(old, 1000 + i, 1000 + i);
    }
    writeFileSync(join(cacheDir, 'other-old.bin'), 'x');
    load(bundle('aaaa'), cacheDir).saveCache();
    expect(readdirSync(cacheDir).sort()).toEqual(['answer-old3.bin', 'answer-old4.bin', 'other-old.bin', expect.stringMatching(/^answer-[0-9a-f]{24}\.bin$/)].sort());
  });
});

describe('codeCacheDir', () => {
  it('is the user cache folder of the platform, and none when POLEV_NO_CODE_CACHE is set', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(join('/x/cache', 'polev', 'code-cache'));
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative/cache' }, 'linux')).toMatch(/[\\/]\.cache[\\/]polev[\\/]code-cache$/);
    expect(codeCacheDir({}, 'darwin')).toMatch(/[\\/]Library[\\/]Caches[\\/]polev[\\/]code-cache$/);
    expect(codeCacheDir({ LOCALAPPDATA: '/users/me/AppData/Local' }, 'win32')).toBe(join('/users/me/AppData/Local', 'polev', 'code-cache'));
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache', POLEV_NO_CODE_CACHE: '1' }, 'linux')).toBeUndefined();
  });
});
