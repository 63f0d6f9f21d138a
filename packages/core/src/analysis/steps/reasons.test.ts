import { describe, expect, it } from 'vitest';
import { Reasons } from './reasons.js';

describe('Reasons', () => {
  it('hands out each verdict its own list of exactly the sentences added since begin', () => {
    const r = new Reasons();
    r.begin().add('one');
    r.add('two');
    const first = r.list();
    r.begin().add('three');
    const second = r.list();
    expect(first).toEqual(['one', 'two']);
    expect(second).toEqual(['three']);
    expect(r.begin().list()).toEqual([]);
  });

  it('makes a shared sentence once per rule and numbers and gives every verdict the same string', () => {
    const r = new Reasons();
    let made = 0;
    const make = (n: number) => () => {
      made++;
      return `Of ${n} instruments.`;
    };
    r.begin().addShared('spread', 3, 0, make(3));
    r.add('own');
    const a = r.list();
    r.begin().addShared('spread', 3, 0, make(99));
    r.addShared('spread', 4, 0, make(4));
    r.addShared('spread', 3, 1, make(31));
    r.addShared('other', 3, 0, make(-3));
    const b = r.list();
    expect(a).toEqual(['Of 3 instruments.', 'own']);
    expect(b).toEqual(['Of 3 instruments.', 'Of 4 instruments.', 'Of 31 instruments.', 'Of -3 instruments.']);
    expect(made).toBe(4);
  });
});
