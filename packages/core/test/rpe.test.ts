import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledRpeVersions, effectiveRpe, questionsAbout, RPE_SUBJECTS, RPE_TOPICS, rpeQuestionSet, rpeVersionData } from '../src/rpe/questions.js';

// The regulations' texts, verbatim (statengeneraal/laws-markdown), so that every quoted part is checked against them.
const text = (name: string) => readFileSync(fileURLToPath(new URL(`./__fixtures__/rpe/${name}`, import.meta.url)), 'utf8').replace(/\s+/g, ' ');
const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/[.;]$/, '');

describe('the bundled RPE versions', () => {
  it('knows 2013, 2015, 2018 and 2022, in order', () => {
    expect(bundledRpeVersions()).toEqual(['2013', '2015', '2018', '2022']);
  });

  it('2013: the five parts of art. 3(3), quoted from the regulation, no savings variant', () => {
    const v = rpeVersionData('2013')!;
    expect(v.questions!.map((q) => q.label)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(v.questionNoun).toBe('part');
    const rpe2013 = text('rpe-2013.md');
    for (const p of v.parts!) expect(rpe2013.toLowerCase(), p.label).toContain(squash(p.nl).toLowerCase());
    for (const q of v.questions!) expect(rpe2013.toLowerCase(), q.label).toContain(squash(q.nl).toLowerCase());
    expect(v.rules.savingsVariantRequired.value).toBe(false);
    expect(v.rules.independentExpertRequired.value).toBe(true);
    expect(v.rules.reviewCycleYears.value).toEqual({ min: 4, max: 7 });
  });

  it('2015: the 15 questions, each tied to a part a–g of art. 3(2) as the seed maps them, with the savings variant', () => {
    const v = rpeVersionData('2015')!;
    expect(v.questions!.map((q) => q.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const partOf = Object.fromEntries(v.questions!.map((q) => [q.number, q.parts!.join()]));
    expect(partOf).toEqual({ 1: 'a', 2: 'a', 3: 'b', 4: 'b', 5: 'b', 6: 'c', 7: 'c', 8: 'd', 9: 'd', 10: 'd', 11: 'e', 12: 'e', 13: 'e', 14: 'f', 15: 'g' });
    expect(v.parts!.map((p) => p.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(v.rules.savingsVariantRequired).toMatchObject({ value: true, origin: expect.stringContaining('onder g') });
    expect(questionsAbout(v.questions, 'savings').map((q) => q.number)).toEqual([15]);
    const rpe2015 = text('rpe-2015.md');
    for (const p of v.parts!) expect(rpe2015, p.label).toContain(squash(p.nl));
  });

  it('every question says where it comes from and what it asks about', () => {
    for (const id of bundledRpeVersions()) {
      for (const q of rpeVersionData(id)!.questions ?? []) {
        expect(q.origin.length, `${id} ${q.label}`).toBeGreaterThan(10);
        expect(RPE_TOPICS).toContain(q.topic);
        expect(q.subjects.length).toBeGreaterThan(0);
        for (const s of q.subjects) expect(RPE_SUBJECTS).toContain(s);
      }
    }
  });

  it('2018 and 2022: no questions and no rules that polev could not verify', () => {
    for (const id of ['2018', '2022']) {
      const v = rpeVersionData(id)!;
      expect(v.questions).toBeNull();
      expect(rpeQuestionSet(id)).toBeUndefined();
      expect(v.rules.savingsVariantRequired.value).toBeNull();
      expect(v.rules.independentExpertRequired.value).toBeNull();
      expect(v.rules.reviewCycleYears.value).toBeNull();
      expect(v.origin).toMatch(/not at hand|could be read|definitions/);
    }
  });
});

describe('effectiveRpe', () => {
  it('uses the bundled version without a question set of its own', () => {
    const r = effectiveRpe({ rpeVersion: '2013' });
    expect(r).toMatchObject({ version: '2013', basis: 'bundled', questionNoun: 'part' });
    expect(effectiveRpe({ rpeVersion: '2018' })).toMatchObject({ basis: 'none', questions: null });
    expect(effectiveRpe({ rpeVersion: 'be-2020' })).toMatchObject({ basis: 'none', questions: null, rules: { savingsVariantRequired: { value: null } } });
  });

  it("uses the review's own question set where it gives one, rules falling back to the bundled version", () => {
    const r = effectiveRpe({
      rpeVersion: '2018',
      questionSet: {
        version: '2018',
        questions: [
          { number: 1, topic: 'scope', text: 'Welk artikel?' },
          { number: 2, topic: 'eigen thema', text: 'Iets anders?', origin: 'Handreiking 2018, vraag 2' },
        ],
        independentExpertRequired: true,
      },
    });
    expect(r.basis).toBe('review');
    expect(r.questions!.map((q) => [q.number, q.label, q.nl, q.subjects])).toEqual([
      [1, '1', 'Welk artikel?', ['articles', 'exclusions']],
      [2, '2', 'Iets anders?', []],
    ]);
    expect(r.questions![1]!.origin).toBe('Handreiking 2018, vraag 2');
    expect(r.rules.independentExpertRequired).toEqual({ value: true, origin: "the review's own question set (2018)" });
    expect(r.rules.savingsVariantRequired.value).toBeNull();
    // Another country's regime: nothing bundled to fall back on.
    const other = effectiveRpe({ rpeVersion: 'x', questionSet: { version: 'spending-review-2021', questions: [{ number: 1, topic: 'options', text: 'Options at -20%?' }], savingsVariantRequired: null } });
    expect(other).toMatchObject({ version: 'spending-review-2021', basis: 'review', rules: { savingsVariantRequired: { value: null } } });
  });
});
