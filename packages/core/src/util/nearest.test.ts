import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance, MAX_SUGGESTION_LENGTH, nearest, Suggester } from './nearest.js';

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

describe('boundedDistance', () => {
  it('is the edit distance when within the bound, and bound + 1 beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const d = levenshtein(a, b);
        expect(boundedDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('nearest', () => {
  it('suggests the closest id within a third of its length', () => {
    expect(nearest('objectve', ['objective', 'kind', 'name'])).toBe('objective');
    expect(nearest('ct-9', ['ct-1', 'ct-10', 'x'])).toBe('ct-1');
    expect(nearest('completely-different', ['ct-1'])).toBeUndefined();
  });

  it('offers nothing for values beyond the length cut-off', () => {
    const long = 'a'.repeat(MAX_SUGGESTION_LENGTH + 1);
    expect(nearest(long, [`${long}b`])).toBeUndefined();
  });

  it('stops within its budget and answers a repeated value from memory', () => {
    const s = new Suggester(1000);
    const ids = Array.from({ length: 10_000 }, (_, i) => `id-${i}`);
    expect(s.nearest('id-x9999', ids)).toBeUndefined(); // budget spent long before id-9999
    const t = new Suggester();
    expect(t.nearest('id-99999', ids, 'scope')).toBe('id-9999');
    expect(t.nearest('id-99999', [], 'scope')).toBe('id-9999');
  });
});
