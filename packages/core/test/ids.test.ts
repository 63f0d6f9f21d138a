import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, listIds, mergeIds, sortIds } from '../src/analysis/ids.js';

/** The definition of the natural order: digit runs padded to 16 places, then the id itself. */
const key = (id: string) => `${id.replace(/\d+/g, (d) => (d.length < 16 ? d.padStart(16, '0') : d))}\u0000${id}`;
const referenceCompare = (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const reference = (ids: string[]) => [...new Set(ids)].sort(referenceCompare);

// Ids from a small alphabet, so that prefixes, digit runs and ties meet often.
const idArb = fc.oneof(
  fc.tuple(fc.constantFrom('i', 'ct-i', 'c', 'ct', 'x', 'i-', 'i.', ''), fc.integer({ min: 0, max: 3000 })).map(([p, n]) => `${p}${n}`),
  fc.stringMatching(/^[a-c0-2.\- ]{0,6}$/),
  fc.constantFrom('i', 'i-a', 'i007', 'i7', 'i07', 'o1.2', 'o1.10', '1234567890123456', '123456789012345', 'i9007199254740993', 'a\u0000b', 'i4294967296'),
);

describe('sortIds', () => {
  it('gives the natural order: numbers by value, ties by the id', () => {
    expect(sortIds(['i10', 'i2', 'i1', 'i2'])).toEqual(['i1', 'i2', 'i10']);
    expect(sortIds(['i-a', 'i1', 'i'])).toEqual(['i', 'i-a', 'i1']);
    expect(sortIds(['i2', 'i02', 'i1'])).toEqual(['i1', 'i02', 'i2']);
    expect(sortIds(['o1.10', 'o1.2', 'o1'])).toEqual(['o1', 'o1.2', 'o1.10']);
    expect(sortIds(['ct-i10', 'nvc-i2', 'ct-i9', 'cs-i1'])).toEqual(['cs-i1', 'ct-i9', 'ct-i10', 'nvc-i2']);
  });

  it('agrees with the padded-key definition on any list', () => {
    fc.assert(
      fc.property(
        fc.array(idArb, { maxLength: 60 }),
        (ids) => {
          expect(sortIds(ids)).toEqual(reference(ids));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('merges lists made of runs already in order, as the lists of a review often are', () => {
    fc.assert(
      fc.property(fc.array(fc.array(idArb, { maxLength: 80 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const joined = parts.flatMap((p) => reference(p));
        expect(sortIds(joined)).toEqual(reference(joined));
      }),
      { numRuns: 1000 },
    );
  });

  it('returns a list already in order as it is, and finds the first id out of order or repeated', () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 80 }), fc.nat(), fc.nat(), (ids, from, to) => {
        const ordered = reference(ids);
        expect(sortIds(ordered)).toEqual(ordered);
        if (ordered.length === 0) return;
        // One id moved, or repeated, anywhere in an ordered list.
        const moved = [...ordered];
        const [id] = moved.splice(from % ordered.length, 1);
        moved.splice(to % (moved.length + 1), 0, id!);
        expect(sortIds(moved)).toEqual(ordered);
        expect(sortIds([...ordered.slice(0, to % (ordered.length + 1)), id!, ...ordered.slice(to % (ordered.length + 1))])).toEqual(ordered);
      }),
      { numRuns: 1000 },
    );
  });

  it('orders long lists of simple ids by number, across prefixes', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `${['i', 'f', 'ct-i'][i % 3]}${(i * 7919) % 100003}`);
    expect(sortIds(ids)).toEqual(reference(ids));
  });
});

describe('compareIds', () => {
  it('agrees in sign with the padded-key definition on any two ids', () => {
    fc.assert(
      fc.property(idArb, idArb, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(referenceCompare(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('mergeIds', () => {
  it('gives what sortIds gives for both lists together', () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 40 }), fc.array(idArb, { maxLength: 40 }), (a, b) => {
        expect(mergeIds(reference(a), reference(b))).toEqual(reference([...a, ...b]));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('listIds', () => {
  const en = { more: (shown: string, rest: number) => `${shown} and ${rest} more` };
  it('shows the first ids in order and counts the rest once each', () => {
    expect(listIds(['i10', 'i2', 'i2', 'i1'], en)).toBe('i1, i2, i10');
    expect(listIds(Array.from({ length: 12 }, (_, i) => `i${12 - i}`), en)).toBe('i1, i2, i3, i4, i5, i6, i7, i8 and 4 more');
  });
});
