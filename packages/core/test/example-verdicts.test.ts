import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, parseReview, parseReviewOrThrow, type Review } from '../src/index.js';
import { examplePath } from './helpers.js';

const text = readFileSync(examplePath, 'utf8');
const review: Review = parseReviewOrThrow(text, { file: 'review.yaml' });

/** The verdicts an evaluator would sign on the bundled review (issue 10), in both languages. */
describe.each(['en', 'nl'] as const)('the verdicts on the bundled example (%s)', (lang) => {
  const a = analyze(review, { lang });
  const domain = (id: string) => a.verdicts.domains.find((v) => v.scope.id === id)!;

  it('efficiency is not determinable in any of the three domains, naming the missing halves', () => {
    for (const d of ['ct', 'nvc', 'cs']) {
      expect(domain(d).efficiency.value).toBe('not-determinable');
      expect(domain(d).efficiency.missing).toEqual(['cost', 'effect', 'study']);
      expect(domain(d).efficiency.indications.length).toBeGreaterThan(0);
    }
    expect(a.verdicts.article.efficiency.value).toBe('not-determinable');
  });

  it('counter-terrorism is plausible for a minority of its instruments, demonstrated for none, not as a whole', () => {
    const ct = domain('ct').effectiveness;
    expect(ct.value).toBe('not-determinable');
    expect(ct.headline.asAWhole).toBe(false);
    expect(ct.counts.demonstrated).toBe(0);
    expect(ct.counts.plausible).toBeGreaterThan(0);
    expect(ct.counts.plausible * 2).toBeLessThan(ct.spread.applicable);
    expect(ct.reasons[0]).toMatch(lang === 'en' ? /plausible for \d+/ : /plausibel bij \d+/);
  });

  it('national security and cybersecurity are not plausible as domains', () => {
    for (const d of ['nvc', 'cs']) expect(['not-determinable', 'mixed', 'negative', 'not-demonstrated']).toContain(domain(d).effectiveness.value);
  });

  it('instruments not deployed in the period are not applicable, not "not determinable"', () => {
    const notDeployed = review.instruments.filter((i) => i.realisation.status === 'not-realised' || i.realisation.status === 'realised-after-period');
    expect(notDeployed.length).toBeGreaterThan(0);
    for (const i of notDeployed) expect(a.verdicts.instruments.find((v) => v.instrument === i.id)!.contribution.value, i.id).toBe('not-applicable');
  });
});

describe('the bundled example, re-read', () => {
  it('encodes the evaluation behind ct-i36 as an evaluation whose title is lost, not as "other"', () => {
    const s = review.sources.find((x) => x.id === 'src-ct-i36-evaluatie')!;
    expect(s.type).not.toBe('other');
    expect(s.title).toMatch(/Titel niet bewaard/);
    expect(analyze(review).coverage.instruments.find((r) => r.id === 'ct-i36')!.evaluated).toBe(true);
  });

  it('keeps coders\' notes out of statements', () => {
    for (const f of review.findings) expect(f.statement, f.id).not.toMatch(/Noot bij de codering/);
    expect(review.findings.find((f) => f.id === 'f-ct-i49-pdm-doelmatig')!.notes).toMatch(/respondenten/);
  });

  it('claims no period for Bijlage 7 that its column header does not give', () => {
    expect(review.notes.join(' ')).not.toMatch(/volgens de kolomkop\) Bijlage 7/);
  });

  it('records the chapter 2 conclusion that the policy is still legitimate', () => {
    expect(review.conclusions.find((c) => c.id === 'con-beleid-legitiem')!.text).toMatch(/nog immer legitiem/);
  });

  it('no longer lets workability findings carry the plausibility of national security', () => {
    for (const id of ['f-nvc-i7-wvr', 'f-nvc-i25-stroomstoring']) expect(review.findings.find((f) => f.id === id)!.aspect).toBe('realisation');
    expect(analyze(review).verdicts.domains.find((v) => v.scope.id === 'nvc')!.effectiveness.counts.plausible).toBe(0);
  });

  it('validates without problems or warnings', () => {
    const r = parseReview(text, { file: 'review.yaml' });
    expect(r.ok && r.warnings).toEqual([]);
  });
});
