import { describe, expect, it } from 'vitest';
import { parseAmount } from './numbers.js';

describe('parseAmount', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['€ 1.234', 1234],
    ['€1.234.567', 1234567],
    ['1,234.5', 1234.5],
    ['1234', 1234],
    ['12,5', 12.5],
    ['0,750', 0.75],
    ['-1.234', -1234],
    ['(2.589)', -2589],
    ['€ -12', -12],
    ['+7', 7],
    ['  210\u00a0768 ', 210768],
    [42, 42],
  ])('%j is %d', (text, n) => expect(parseAmount(text)).toBe(n));

  it.each(['', '   ', 'onbekend', 'Unknown', 'n.b.', null])('%j is unknown (null), never 0', (text) => expect(parseAmount(text)).toBeNull());

  it.each(['twaalf', '12 mln', '1.23.4', '1,2,3', '-', '12a', '€', '1e5', Number.NaN])('%j is not an amount', (text) => expect(parseAmount(text)).toBeUndefined());
});
