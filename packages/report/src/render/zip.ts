import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../crc32.js';

/** A zip entry: its path in the archive, its bytes, and whether to store them as they are. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** Stored rather than deflated (data that is compressed already, such as PNG). */
  store?: boolean;
}

/**
 * A zip archive of `entries`, in their order, each dated `date` at midnight (the zip format's local
 * date fields, so no time zone enters). Deflated with zlib, which took 15 ms for the example's
 * 1.8 MB document.xml where fflate's JavaScript deflate took 40–105 ms.
 */
export function zip(entries: ZipEntry[], date: { year: number; month: number; day: number }): Uint8Array {
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day;
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const body = e.store ? e.data : deflateRawSync(e.data, { level: 6 });
    const crc = crc32(e.data);
    const head = (central: boolean) => {
      const h = new Uint8Array((central ? 46 : 30) + name.length);
      const v = new DataView(h.buffer);
      let at = 0;
      v.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
      at += 4;
      if (central) {
        v.setUint16(at, 20, true); // made by: MS-DOS, zip 2.0
        at += 2;
      }
      v.setUint16(at, 20, true); // version needed: 2.0
      v.setUint16(at + 2, /[^\x20-\x7e]/.test(e.path) ? 0x0800 : 0, true); // UTF-8 names
      v.setUint16(at + 4, e.store ? 0 : 8, true);
      v.setUint16(at + 6, 0, true); // time: midnight
      v.setUint16(at + 8, dosDate, true);
      v.setUint32(at + 10, crc, true);
      v.setUint32(at + 14, body.length, true);
      v.setUint32(at + 18, e.data.length, true);
      v.setUint16(at + 22, name.length, true);
      v.setUint16(at + 24, 0, true); // extra field
      at += 26;
      if (central) {
        // comment length, disk, internal and external attributes: 0; then the local header's offset
        v.setUint32(at + 10, offset, true);
        at += 14;
      }
      h.set(name, at);
      return h;
    };
    const local = head(false);
    centrals.push(head(true));
    locals.push(local, body);
    offset += local.length + body.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
