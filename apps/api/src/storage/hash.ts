import { createHash } from 'node:crypto';

/** SHA-256 of a stored document or a token secret, hex. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');
