import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../src/__fixtures__/${name}`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
export const examplePath = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));

/** The 1-based line of the first line of `text` containing `needle`, to assert reported positions. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`fixture does not contain ${needle}`);
  return text.slice(0, at).split('\n').length;
}

/** The paths of every number in `x` that is not finite (JSON.stringify would hide them as null). */
export function nonFinite(x: unknown, path = '', out: string[] = []): string[] {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) out.push(path);
  } else if (Array.isArray(x)) x.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) nonFinite(v, path ? `${path}.${k}` : k, out);
  return out;
}
