import { Packer, type Document } from 'docx';
import { strToU8, zipSync, type ZipOptions } from 'fflate';

/**
 * Packs a built Word document into .docx bytes that depend on the document alone, so one review
 * revision gives the same bytes on every render, in every process (ETags, caches and diffs rely on
 * it). `Packer.toBuffer` does not: fflate stamps every zip entry with the clock's time, and docx
 * numbers bookmarks and drawings from counters that live as long as the process (the second render
 * of a process starts where the first stopped). Here the parts are compiled by docx's own compiler
 * (the one `Packer` uses), those ids numbered from 1 in document order, and every entry dated
 * `date`: the review's own date, or 1 January 1980 (the zip format's first day) without one.
 */
export function packDocx(document: Document, overrides: { path: string; data: string }[], date: string | null): Uint8Array {
  const files = compiler().compile(document, undefined, overrides);
  const body = files.get(DOCUMENT_PART);
  if (typeof body === 'string') files.set(DOCUMENT_PART, renumberIds(body));
  const mtime = zipDate(date);
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const [path, data] of files) entries[path] = [typeof data === 'string' ? strToU8(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { mtime, level: storedAsIs(path) ? 0 : 6 }];
  return zipSync(entries);
}

const DOCUMENT_PART = 'word/document.xml';

/**
 * PNGs are deflated already (figures/png.ts): deflating the example's 1.5 MB of them again gained
 * 10% for 60–180 ms of fflate's JavaScript deflate on the main thread, a third of its packing time.
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

/**
 * A zip entry date: the zip format stores local date and time fields, which fflate fills from a
 * Date's local fields, so the Date is built from local fields too and gives the same bytes in
 * every time zone.
 */
function zipDate(date: string | null): Date {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  const year = m ? Number(m[1]) : 1980;
  // The format's dates run from 1980 to 2107.
  if (year < 1980 || year > 2107) return new Date(1980, 0, 1);
  return new Date(year, Number(m?.[2] ?? 1) - 1, Number(m?.[3] ?? 1));
}
