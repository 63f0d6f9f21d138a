import { describe, expect, it } from 'vitest';
import { inert, inertDeep } from './inert.js';

describe('inert', () => {
  it('shows control characters and bidirectional overrides as escapes, and keeps the rest', () => {
    expect(inert('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
    expect(inert('x\u202ey\u2066z\u009b')).toBe('x\\u202ey\\u2066z\\u009b');
    expect(inert('tab\tand\nnewline, € and ë')).toBe('tab\tand\nnewline, € and ë');
    // The same call twice: no state is kept between calls.
    expect(inert('\u0007')).toBe('\\u0007');
    expect(inert('\u0007')).toBe('\\u0007');
  });

  it('walks data, copying only what changes', () => {
    const clean = { a: ['x', { b: 1, c: null }], d: true };
    expect(inertDeep(clean)).toBe(clean);
    const dirty = { a: ['x', { b: 'y\u001b' }], keep: clean, ['k\u0000']: 2 };
    const out = inertDeep(dirty);
    expect(out).toEqual({ a: ['x', { b: 'y\\u001b' }], keep: clean, 'k\\u0000': 2 });
    expect(out.keep).toBe(clean);
    expect(dirty.a[1]).toEqual({ b: 'y\u001b' });
  });
});
