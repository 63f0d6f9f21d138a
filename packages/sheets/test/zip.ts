import { crc32, createDeflateRaw } from 'node:zlib';

/** Local header, central directory and end record around one entry: enough of the zip format for tests. */
function zipOf(name: string, method: 0 | 8, data: Uint8Array, size: number, crc: number): Uint8Array {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = 30 + n.length + data.byteLength;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return new Uint8Array(Buffer.concat([local, n, data, central, n, end]));
}

export const storedZip = (name: string, text: string) => {
  const data = Buffer.from(text);
  return zipOf(name, 0, data, data.byteLength, crc32(data));
};

/** `mib` MiB of zeros deflated to a few hundred KiB, as xl/worksheets/sheet1.xml; `declared` lies about the size. */
export async function zipBomb(mib: number, declared?: number): Promise<Uint8Array> {
  const key = mib;
  const deflated = (cache.get(key) ?? cache.set(key, await deflatedZeros(mib)).get(key))!;
  return zipOf('xl/worksheets/sheet1.xml', 8, deflated, declared ?? (mib * 1024 * 1024) >>> 0, 0);
}

const cache = new Map<number, Buffer>();

async function deflatedZeros(mib: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  for (let i = 0; i < mib; i++) if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(out);
}
