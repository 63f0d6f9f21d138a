import { describe, expect, it } from 'vitest';
import { checkZip } from './zip-guard.js';
import { zipBomb, storedZip } from '../../test/zip.js';

describe('checkZip', () => {
  it('accepts a small archive', async () => {
    expect(await checkZip(storedZip('a.txt', 'hello'))).toBeUndefined();
  });

  it('refuses a zip bomb whatever size its table of contents claims, in bounded memory', async () => {
    const before = process.memoryUsage().rss;
    for (const declared of [undefined, 1000]) {
      const bomb = await zipBomb(150, declared);
      expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
      expect(await checkZip(bomb)).toMatch(/more than 100 MiB \(a zip bomb/);
    }
    // Unpacking 150 MiB is counted chunk by chunk and thrown away, never held.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses truncated and non-zip input', async () => {
    const ok = storedZip('a.txt', 'x'.repeat(1000));
    expect(await checkZip(ok.subarray(0, ok.byteLength - 30))).toMatch(/truncated/);
    expect(await checkZip(new TextEncoder().encode('not a zip at all'))).toMatch(/not a complete zip archive/);
  });
});
