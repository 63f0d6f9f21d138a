import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../src/index.js';
import { renumberIds } from '../src/render/docx-package.js';
import { loadReview, MINI_PATH, PACKAGE_DIR, RICH_PATH } from './helpers.js';

/**
 * One review revision, one .docx: the bytes carry no packing time and no per-process counter, so
 * every render, in any process and time zone, gives the same bytes (the API's ETags hash them).
 */
const DIST = join(PACKAGE_DIR, 'dist', 'index.js');

/** The date and time fields of every local file header: [date, time] in the zip format's DOS encoding. */
function entryStamps(zip: Uint8Array): [number, number][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: [number, number][] = [];
  for (let at = 0; at + 30 <= zip.length && view.getUint32(at, true) === 0x04034b50; ) {
    out.push([view.getUint16(at + 12, true), view.getUint16(at + 10, true)]);
    at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  return out;
}
const dosDate = (y: number, m: number, d: number) => ((y - 1980) << 9) | (m << 5) | d;

describe('.docx bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are the same on every render in one process, whatever the clock says', async () => {
    const review = loadReview(RICH_PATH);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-04T05:06:07Z'));
    const first = await renderDocx(review, null, { lang: 'en', audience: 'confidential' });
    vi.setSystemTime(new Date('2044-10-11T12:13:14Z'));
    // Another render between them advances docx's own counters (bookmarks, drawings).
    await renderDocx(loadReview(MINI_PATH), null, { lang: 'nl' });
    const second = await renderDocx(review, null, { lang: 'en', audience: 'confidential' });
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    // Each entry carries the review's date (completed 2017-11-22), at midnight.
    const stamps = entryStamps(first);
    expect(stamps.length).toBeGreaterThan(5);
    for (const [date, time] of stamps) expect([date, time]).toEqual([dosDate(2017, 11, 22), 0]);
  });

  it('carry 1 January 1980 where the review gives no date', async () => {
    const stamps = entryStamps(await renderDocx(loadReview(MINI_PATH), null, { lang: 'en' }));
    for (const [date, time] of stamps) expect([date, time]).toEqual([dosDate(1980, 1, 1), 0]);
  });

  it.skipIf(!existsSync(DIST))('are the same in two processes in different time zones', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { parseReview } from '@polev/core';
      const { renderDocx } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
      const review = parseReview(readFileSync(${JSON.stringify(RICH_PATH)}, 'utf8')).review;
      const bytes = await renderDocx(review, null, { lang: 'nl', audience: 'public' });
      process.stdout.write(Buffer.from(bytes).toString('base64'));`;
    const render = (tz: string) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8', env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const a = render('UTC');
    const b = render('Pacific/Kiritimati');
    expect(a.length).toBeGreaterThan(1000);
    expect(a === b).toBe(true);
  }, 120_000);

  it('number bookmarks and drawings from 1 in document order, pairs kept', () => {
    const xml = '<w:bookmarkStart w:name="a" w:id="48"/><w:bookmarkStart w:name="b" w:id="52"/><w:bookmarkEnd w:id="52"/><w:bookmarkEnd w:id="48"/><wp:docPr id="7" name="x"/><wp:docPr id="9" name="y"/>';
    expect(renumberIds(xml)).toBe('<w:bookmarkStart w:name="a" w:id="1"/><w:bookmarkStart w:name="b" w:id="2"/><w:bookmarkEnd w:id="2"/><w:bookmarkEnd w:id="1"/><wp:docPr id="1" name="x"/><wp:docPr id="2" name="y"/>');
  });
});
