import { createHash } from 'node:crypto';

/** SHA-256 of a stored document, a token secret or a response body, hex. */
export const contentHash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
