import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
/** shared/ beside the repository: /work/wt/shared for a worktree, the CI clone's sibling in CI. */
export const sharedData = join(repoRoot, '..', 'shared', 'data', 'rijksfinancien');
export const haveShared = existsSync(sharedData);

export const file = (name: string, data: string | Uint8Array) => ({ name, data: typeof data === 'string' ? new TextEncoder().encode(data) : data });
export const sharedFile = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(sharedData, name))) });

/** The bundled example as data, as `polev import --into` reads it. */
export const exampleData = () => parse(readFileSync(join(repoRoot, 'examples/nctv-36-2/review.yaml'), 'utf8')) as Record<string, unknown>;
