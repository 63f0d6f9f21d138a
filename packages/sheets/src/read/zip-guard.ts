import { inflateRawSync } from 'node:zlib';

/** How much an .xlsx may unpack to before it is refused; a zip bomb stops at these bounds. */
export interface ZipLimits {
  /** Total uncompressed bytes of all entries. Default 100 MiB (a sheet of ~1 million cells). */
  maxUncompressedBytes: number;
  /** Number of entries. Default 10,000. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 10_000 };

/**
 * Checks that a buffer is a zip archive whose entries unpack within the limits, before any zip
 * library sees it. The central directory states each entry's size, but a crafted archive lies
 * there, so every entry is also inflated with a hard output bound (zlib's `maxOutputLength`) and
 * its real size compared: memory stays bounded by the limit whatever the archive claims.
 * Returns a reason when the archive is refused, undefined when it is fine.
 */
export function checkZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return 'it is not a complete zip archive (an .xlsx is one): the file is truncated or not an .xlsx';
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff) return 'it is a ZIP64 archive, which polev does not read (an .xlsx of that size is beyond the import limit)';
  if (entries > limits.maxEntries) return `it has ${entries} entries, more than the ${limits.maxEntries} allowed`;
  if (dirOffset + dirSize > buf.byteLength) return 'its table of contents points past the end of the file: the file is truncated';
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.byteLength || view.getUint32(p, true) !== 0x02014b50) return 'its table of contents is damaged';
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const declared = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    p += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > buf.byteLength || view.getUint32(local, true) !== 0x04034b50) return 'an entry points past the end of the file: the file is truncated';
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressed > buf.byteLength) return 'an entry runs past the end of the file: the file is truncated';
    const room = limits.maxUncompressedBytes - total;
    if (declared > room) return bomb(limits);
    let actual: number;
    if (method === 0) actual = compressed;
    else if (method === 8) {
      try {
        // One byte of room beyond what is left, so that "more than allowed" is detected as such.
        actual = inflateRawSync(buf.subarray(dataStart, dataStart + compressed), { maxOutputLength: room + 1 }).byteLength;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return bomb(limits);
        return 'an entry cannot be unpacked: the file is damaged or truncated';
      }
    } else return `an entry uses compression method ${method}, which an .xlsx does not use`;
    if (actual > room) return bomb(limits);
    total += actual;
  }
  return undefined;
}

const bomb = (limits: ZipLimits) =>
  `it unpacks to more than ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MiB (a zip bomb, or a workbook too large to import)`;

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}
