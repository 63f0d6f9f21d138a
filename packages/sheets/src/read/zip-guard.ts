import { createInflateRaw } from 'node:zlib';

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
 * there, so every entry is also inflated, counting its output in chunks that are thrown away and
 * stopping at the bound: memory stays a few chunks whatever the archive claims.
 * Returns a reason when the archive is refused, undefined when it is fine.
 */
export async function checkZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string | undefined> {
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
      const n = await inflatedSize(buf.subarray(dataStart, dataStart + compressed), room);
      if (n === 'damaged') return 'an entry cannot be unpacked: the file is damaged or truncated';
      actual = n;
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

/** The size a deflated entry unpacks to, or more than `room` as soon as it passes it; the output is not kept. */
function inflatedSize(data: Uint8Array, room: number): Promise<number | 'damaged'> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > room) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('error', () => resolve('damaged'));
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}
