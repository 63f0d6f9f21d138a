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
