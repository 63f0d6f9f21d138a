import { gzipSync } from 'node:zlib';

/**
 * Responses derived from an immutable revision (filtered review JSON, analysis, reports) are
 * cached by a key that names the revision by its content hash, the caller's effective clearance
 * and the options: the same key always means the same bytes, on every instance. Least recently
 * used entries go first once the byte budget is spent.
 */
export interface CachedBody {
  body: Uint8Array;
  contentType: string;
  etag: string;
  headers: Record<string, string>;
  /** gzip of body, made on first request that accepts it (cached analysis is ~250 kB of JSON). */
  gzip?: Uint8Array;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedBody>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedBody | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedBody): CachedBody {
    const size = value.body.byteLength;
    if (size > this.maxBytes) return value;
    const old = this.entries.get(key);
    if (old) this.forget(key, old);
    this.entries.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(k, v);
    }
    return value;
  }

  gzipped(entry: CachedBody): Uint8Array {
    if (!entry.gzip) {
      entry.gzip = gzipSync(entry.body);
      this.bytes += entry.gzip.byteLength;
    }
    return entry.gzip;
  }

  private forget(key: string, v: CachedBody) {
    this.entries.delete(key);
    this.bytes -= v.body.byteLength + (v.gzip?.byteLength ?? 0);
  }
}
