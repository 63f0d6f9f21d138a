import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countOver } from '../src/analysis/numbers.js';
import { analyze, parseReviewOrThrow, type Assessment } from '../src/index.js';
import { instrument, makeReview } from './builders.js';
import { examplePath, readFixture } from './helpers.js';

const sparse = parseReviewOrThrow(readFixture('sparse.yaml'), { file: 'sparse.yaml' });
const example = parseReviewOrThrow(readFileSync(examplePath, 'utf8'), { file: 'review.yaml' });

/** Every reason the verdicts and recommendations give, in one list. */
function reasonsOf(a: Assessment): string[] {
  const out: string[] = [];
  for (const v of [a.verdicts.article, ...a.verdicts.domains, ...a.verdicts.objectives]) {
    for (const step of [v.realisation, v.effectiveness, v.efficiency, v.goalAchievement]) out.push(...step.reasons);
  }
  for (const r of a.recommendations) out.push(...r.reasons);
  return out;
}

describe('countOver: how a count over the lists may be stated', () => {
  it('is exact only over complete lists, a lower bound over a partial one, unknown over an unknown one', () => {
    const complete = makeReview({ completeness: { instruments: { status: 'complete' }, budgetLines: { status: 'complete' } } });
    expect(countOver(complete, 'instruments')).toBe('exact');
    expect(countOver(complete, 'instruments', 'budgetLines')).toBe('exact');
    expect(countOver(sparse, 'instruments')).toBe('at-least'); // two instruments, completeness not stated
    expect(countOver(sparse, 'budgetLines')).toBe('unknown'); // none in the file, none stated
    expect(countOver(sparse, 'instruments', 'budgetLines')).toBe('unknown');
    expect(countOver(example, 'instruments', 'budgetLines', 'expenditure')).toBe('at-least');
  });
});

describe('reasons count over the lists as far as they are known', () => {
  const cases = [
    { name: 'the sparse review', review: sparse },
    { name: 'the bundled example', review: example },
  ];
  for (const { name, review } of cases) {
    for (const lang of ['en', 'nl'] as const) {
      it(`${name} (${lang}): no bare "N of M instruments", no "0 of", no "at least 0"`, () => {
        const reasons = reasonsOf(analyze(review, { lang }));
        expect(reasons.length).toBeGreaterThan(10);
        // Instruments are counted over a partial list in both files: never as if it were whole.
        const bare = lang === 'en' ? /\b\d+ of (the )?\d+ (deployed )?instruments?\b/ : /\b\d+ van (de )?\d+ (ingezette? )?instrument(en)?\b/;
        expect(reasons.filter((r) => bare.test(r))).toEqual([]);
        expect(reasons.filter((r) => /\b0 (of|van)\b|(at least|ten minste) 0\b/.test(r))).toEqual([]);
        const bound = lang === 'en' ? 'at least' : 'ten minste';
        expect(reasons.some((r) => r.includes(`${bound} `))).toBe(true);
      });
    }
  }

  it('the sparse review: cost over unknown budget lines is said to be unknown, in both languages', () => {
    const en = analyze(sparse, { lang: 'en' }).verdicts.article.efficiency.reasons;
    expect(en).toContain('Efficiency is determinable for none of at least 2 deployed instruments.');
    expect(en).toContain('(a) No cost is attributed to any of at least 2 deployed instruments; the budget lines and their amounts are not known.');
    const nl = analyze(sparse, { lang: 'nl' }).verdicts.article.efficiency.reasons;
    expect(nl).toContain('De doelmatigheid is vast te stellen voor geen van ten minste 2 ingezette instrumenten.');
    expect(nl).toContain('(a) Aan geen van ten minste 2 ingezette instrumenten zijn kosten toegerekend; de begrotingsregels en hun bedragen zijn niet bekend.');
    const rec = (lang: 'en' | 'nl') => analyze(sparse, { lang }).recommendations.find((r) => r.rule === 'instrument-without-cost')!.reasons[0];
    expect(rec('en')).toBe('The review data give no budget lines, so no cost can be attributed to any of at least 2 instruments.');
    expect(rec('nl')).toBe('De gegevens bevatten geen begrotingsregels, zodat aan geen van ten minste 2 instrumenten uitgaven zijn toe te rekenen.');
  });

  it('a scope without instruments gives no cost count over none', () => {
    const reasons = analyze(sparse).verdicts.objectives.find((v) => v.scope.id === 'o2')!.efficiency.reasons;
    expect(reasons).toContain('There are no instruments whose cost and effect could be related.');
    expect(reasons.join(' ')).not.toMatch(/\(a\)/);
  });

  it('the bundled example: "of at least 70 instruments" wherever the article counts them', () => {
    const a = analyze(example, { lang: 'en' });
    expect(a.verdicts.article.realisation.reasons[0]).toMatch(/^48 of at least 70 instruments were realised in the period/);
    expect(a.verdicts.article.effectiveness.reasons[0]).toMatch(/^Of at least 70 instruments, effectiveness is plausible for 8/);
    expect(a.verdicts.article.efficiency.reasons[0]).toBe('Efficiency is determinable for none of at least 63 deployed instruments.');
    const cost = a.recommendations.find((r) => r.rule === 'instrument-without-cost')!.reasons[0];
    expect(cost).toBe('None of at least 70 instruments has an attributed cost; the budget lines and their amounts are not all known, so more may have a cost.');
    const nl = analyze(example, { lang: 'nl' });
    expect(nl.verdicts.article.realisation.reasons[0]).toMatch(/^48 van ten minste 70 instrumenten zijn in de periode gerealiseerd/);
    expect(nl.verdicts.article.effectiveness.reasons[0]).toMatch(/^Van ten minste 70 instrumenten is de doeltreffendheid plausibel bij 8/);
    expect(nl.recommendations.find((r) => r.rule === 'instrument-not-evaluated')!.reasons[0]).toMatch(/^57 van ten minste 70 instrumenten vallen onder geen van de vermelde evaluaties/);
  });

  it('over complete lists the counts stay plain', () => {
    const review = makeReview({
      instruments: [instrument('i1'), instrument('i2', 'o1', 'unknown')],
      completeness: { instruments: { status: 'complete' }, budgetLines: { status: 'complete' }, expenditure: { status: 'complete' } },
    });
    const reasons = reasonsOf(analyze(review));
    expect(reasons.some((r) => /^1 of 2 instruments was realised/.test(r))).toBe(true);
    expect(reasons.join(' ')).not.toMatch(/at least \d+ (deployed )?instruments|not (all )?known, so more|in the data \(how many/);
  });
});
