import { Packer, type Document } from 'docx';
import { zip, type ZipEntry } from './zip.js';

/**
 * Packs a built Word document into .docx bytes that depend on the document alone, so one review
 * revision gives the same bytes on every render, in every process (ETags, caches and diffs rely on
 * it). `Packer.toBuffer` does not: fflate stamps every zip entry with the clock's time, and docx
 * numbers bookmarks and drawings from counters that live as long as the process (the second render
 * of a process starts where the first stopped). Here the parts are compiled by docx's own compiler
 * (the one `Packer` uses), those ids numbered from 1 in document order, and zipped by render/zip.ts
 * with every entry dated `date`: the review's own date, or 1 January 1980 (the zip format's first
 * day) without one.
 */
export function packDocx(document: Document, overrides: { path: string; data: string }[], date: string | null): Uint8Array {
  const files = compiler().compile(document, undefined, overrides);
  const body = files.get(DOCUMENT_PART);
  if (typeof body === 'string') files.set(DOCUMENT_PART, renumberIds(body));
  const entries: ZipEntry[] = [];
  for (const [path, data] of files) entries.push({ path, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : new Uint8Array(data.buffer, data.byteOffset, data.byteLength), store: storedAsIs(path) });
  return zip(entries, zipDate(date));
}

const DOCUMENT_PART = 'word/document.xml';

/**
 * PNGs are deflated already (figures/png.ts): deflating the example's 1.5 MB of them again gained
 * 10% for 60–180 ms of fflate's JavaScript deflate on the main thread (the deflater before zip.ts).
 */
const storedAsIs = (path: string) => path.endsWith('.png');

interface Compiler {
  compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/** docx's compiler, a private static of `Packer` (docx is pinned and bundled; the tests render twice in one process and in two). */
function compiler(): Compiler {
  const c = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!c || typeof c.compile !== 'function') throw new Error('docx: Packer.compiler is not available; the pinned docx version has changed');
  return c;
}

/** Bookmark and drawing ids numbered from 1 in document order (their values mean nothing beyond pairing start and end). */
export function renumberIds(xml: string): string {
  const bookmarks = new Map<string, number>();
  const bookmark = (id: string) => {
    let n = bookmarks.get(id);
    if (n === undefined) bookmarks.set(id, (n = bookmarks.size + 1));
    return n;
  };
  let drawings = 0;
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g, (_, head: string, id: string) => `${head}${bookmark(id)}"`)
    .replace(/(<wp:docPr\b[^>]*?\sid=")(\d+)"/g, (_, head: string) => `${head}${++drawings}"`);
}

/** A zip entry date: the review's own, or the zip format's first day (its dates run from 1980 to 2107). */
function zipDate(date: string | null): { year: number; month: number; day: number } {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  const year = m ? Number(m[1]) : 1980;
  if (year < 1980 || year > 2107) return { year: 1980, month: 1, day: 1 };
  return { year, month: Number(m?.[2] ?? 1), day: Number(m?.[3] ?? 1) };
}
