import { describe, expect, it } from 'vitest';
import { analyze, compare, explain, type AnalysisLang, type Assessment, type Review } from '../src/index.js';
import { instrument, makeReview } from './builders.js';

/** A finding in the v2 shape: from sources (or the review's own judgement when `sources` is empty). */
const f = (
  id: string,
  subjects: string[],
  aspect: 'effectiveness' | 'efficiency' | 'goal-achievement' | 'side-effects' | 'realisation',
  strength: 'none' | 'realisation' | 'plausibility' | 'process' | 'effect',
  verdict: 'positive' | 'partly' | 'negative' | 'inconclusive' | 'not-assessed' | 'no-effect' = 'positive',
  sources: string[] = ['s1'],
  extra: Record<string, unknown> = {},
) => ({
  id,
  origin: sources.length ? ('source' as const) : ('review' as const),
  sources: sources.map((source) => ({ source })),
  subjects,
  aspect,
  strength,
  verdict,
  statement: `statement ${id}`,
  ...extra,
});
const src = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ id, title: `Source ${id}`, type, ...extra });
const review = (over: Record<string, unknown>) => makeReview(over as Parameters<typeof makeReview>[0]);
const both = (r: Review, options: Parameters<typeof analyze>[1] = {}) =>
  (['en', 'nl'] as AnalysisLang[]).map((lang) => [lang, analyze(r, { ...options, lang })] as const);
const ins = (a: Assessment, id: string) => a.verdicts.instruments.find((v) => v.instrument === id)!;
const words = (xs: readonly string[]) => xs.join(' ');

describe('1. the steps gate each other', () => {
  const r = review({
    instruments: [instrument('i1', 'o1', 'not-realised'), instrument('i2', 'o1', 'realised-after-period'), instrument('i3', 'o1', 'pilot'), instrument('i4', 'o1', 'unknown')],
    sources: [src('s1', 'effect'), src('p1', 'progress-report')],
    findings: [
      f('f1', ['i1'], 'effectiveness', 'effect', 'positive', ['p1']),
      f('f2', ['i2'], 'effectiveness', 'effect'),
      f('f3', ['i3'], 'effectiveness', 'effect'),
      f('f4', ['i4'], 'effectiveness', 'plausibility'),
    ],
  });
  for (const [lang, a] of both(r)) {
    it(`makes a not-deployed instrument "not applicable", citing its realisation (${lang})`, () => {
      for (const id of ['i1', 'i2']) {
        const v = ins(a, id);
        expect(v.realisation.deployed).toBe(false);
        expect(v.contribution.value).toBe('not-applicable');
        expect(v.effectiveness.value).toBe('not-applicable');
        expect(v.plausibility.value).toBe('not-applicable');
        expect(v.efficiency.value).toBe('not-applicable');
        expect(v.contribution.evidence).toEqual([id]);
      }
      expect(words(ins(a, 'i1').contribution.reasons)).toContain(lang === 'en' ? 'not deployed' : 'niet ingezet');
      expect(words(ins(a, 'i2').contribution.reasons)).toContain(lang === 'en' ? 'only after the period' : 'pas na de periode');
    });
    it(`judges pilots and unknown statuses, saying so (${lang})`, () => {
      expect(ins(a, 'i3').contribution.value).toBe('demonstrated');
      expect(words(ins(a, 'i3').contribution.reasons)).toContain(lang === 'en' ? 'only as a pilot' : 'alleen als pilot');
      expect(ins(a, 'i4').contribution.value).toBe('plausible');
      expect(words(ins(a, 'i4').contribution.reasons)).toContain(lang === 'en' ? 'not documented' : 'niet gedocumenteerd');
    });
    it(`leaves not-deployed instruments out of the scope's shares (${lang})`, () => {
      const e = a.verdicts.article.effectiveness;
      expect(e.spread).toMatchObject({ total: 4, applicable: 2 });
      expect(e.counts['not-applicable']).toBe(2);
    });
  }
  it('makes a scope whose instruments were none deployed "not applicable"', () => {
    const a = analyze(review({ instruments: [instrument('i1', 'o1', 'not-realised')] }));
    expect(a.verdicts.article.effectiveness.value).toBe('not-applicable');
    expect(a.verdicts.article.efficiency.value).toBe('not-applicable');
  });
});

describe('2. evidence strength from study design', () => {
  const r = review({
    instruments: [instrument('i1'), instrument('i2'), instrument('i3'), instrument('i4')],
    sources: [src('s1', 'effect'), src('p1', 'progress-report'), src('s2', 'research', { design: 'quasi-experimental' })],
    findings: [
      f('f1', ['i1'], 'effectiveness', 'plausibility', 'positive', ['s1'], { design: 'randomised' }),
      f('f2', ['i2'], 'effectiveness', 'effect', 'positive', ['p1']),
      f('f3', ['i3'], 'effectiveness', 'effect', 'positive', ['s1'], { design: 'qualitative' }),
      f('f4', ['i4'], 'effectiveness', 'plausibility', 'positive', ['s2']),
    ],
  });
  for (const [lang, a] of both(r)) {
    it(`derives the strength from the design and caps it by the source (${lang})`, () => {
      expect(a.evidence.instruments[0]!.aspects.effectiveness.strength).toBe('effect');
      expect(ins(a, 'i1').contribution.value).toBe('demonstrated');
      // A progress report never yields an effect-level finding, whatever it claims.
      expect(a.evidence.instruments[1]!.aspects.effectiveness.strength).toBe('plausibility');
      expect(ins(a, 'i2').contribution.value).toBe('plausible');
      expect(words(ins(a, 'i2').contribution.reasons)).toContain(lang === 'en' ? 'more than its source can carry' : 'meer dan de bron kan dragen');
      // Interviews cannot demonstrate, even in an effect evaluation.
      expect(ins(a, 'i3').contribution.value).toBe('plausible');
      // The source's design counts where the finding gives none.
      expect(ins(a, 'i4').contribution.value).toBe('demonstrated');
    });
  }
  it('shows the strength used, the declared one and the cap in explain', () => {
    const a = analyze(r);
    expect(explain(a, 'f2', r)).toMatchObject({ kind: 'finding', strength: { declared: 'effect', used: 'plausibility', cap: 'plausibility', capped: true } });
  });
});

describe('3. mixed and null results', () => {
  const r = review({
    instruments: [instrument('i1'), instrument('i2'), instrument('i3')],
    sources: [src('s1', 'effect'), src('s2', 'process')],
    findings: [
      f('f1', ['i1'], 'effectiveness', 'process', 'positive', ['s2']),
      f('f2', ['i1'], 'effectiveness', 'process', 'negative', ['s2']),
      f('f3', ['i2'], 'effectiveness', 'effect', 'no-effect'),
      f('f4', ['i2'], 'effectiveness', 'plausibility', 'positive', ['s2']),
      f('f5', ['i2'], 'effectiveness', 'process', 'positive', ['s2']),
      f('f6', ['i3'], 'effectiveness', 'effect', 'positive'),
      f('f7', ['i3'], 'effectiveness', 'effect', 'negative'),
    ],
  });
  for (const [lang, a] of both(r)) {
    it(`calls equally strong favourable and unfavourable findings mixed, at every step (${lang})`, () => {
      expect(ins(a, 'i1').contribution.value).toBe('mixed');
      expect(ins(a, 'i1').plausibility.value).toBe('mixed');
      expect(ins(a, 'i1').effectiveness.value).toBe('no-effect-study');
      expect(ins(a, 'i3').effectiveness.value).toBe('mixed');
      expect(words(ins(a, 'i1').contribution.reasons)).toContain(lang === 'en' ? 'contested' : 'omstreden');
      expect(a.gapMap.find((g) => g.id === 'i1')!.effectiveness.verdict).toBe('mixed');
    });
    it(`lets a null result outweigh weaker positive indications (${lang})`, () => {
      const v = ins(a, 'i2');
      expect(v.contribution.value).toBe('not-demonstrated');
      expect(v.effectiveness.value).toBe('not-demonstrated');
      expect(v.plausibility.value).toBe('not-plausible');
      expect(v.contribution.evidence).toEqual(['f3', 's1']);
      expect(words(v.contribution.reasons)).toContain(lang === 'en' ? 'no significant effect' : 'geen significant effect');
      expect(words(v.contribution.reasons)).toContain('f4, f5');
    });
  }
});

describe('4. one rule, one place', () => {
  const r = review({
    instruments: [instrument('i1'), instrument('i2')],
    sources: [src('s1', 'audit')],
    findings: [f('f1', ['i1'], 'efficiency', 'process', 'inconclusive'), f('f2', ['i2'], 'effectiveness', 'process', 'positive'), f('f3', ['i2'], 'effectiveness', 'process', 'negative')],
  });
  const a = analyze(r);
  it('does not count an inconclusive finding as stating efficiency, in coverage or verdicts', () => {
    expect(a.coverage.instruments[0]).toMatchObject({ evaluated: true, efficiency: false });
    expect(a.coverage.article.efficiency.count).toBe(0);
    expect(ins(a, 'i1').efficiency.missing).toContain('study');
    expect(ins(a, 'i1').efficiency.indications).toEqual(['f1']);
  });
  it('gives the same verdict for one instrument in the gap map, its evidence, explain and the roll-up', () => {
    const gap = a.gapMap.find((g) => g.id === 'i2')!.effectiveness;
    const x = explain(a, 'i2', r);
    expect(x.kind).toBe('instrument');
    if (x.kind !== 'instrument') return;
    expect(gap.verdict).toBe('mixed');
    expect(x.evidence.aspects.effectiveness.verdict).toBe('mixed');
    expect(x.steps.contribution.value).toBe('mixed');
    expect(a.verdicts.article.effectiveness.counts.mixed).toBe(1);
  });
  it('is independent of the order of the findings', () => {
    const reversed = analyze({ ...r, findings: [...r.findings].reverse() });
    expect(reversed.verdicts).toEqual(a.verdicts);
  });
});

describe('5. roll-ups that show their spread', () => {
  const instruments = Array.from({ length: 21 }, (_, i) => instrument(`i${i + 1}`));
  const r = review({
    instruments,
    sources: [src('s1', 'process'), src('s2', 'process')],
    budgetLines: [
      { id: 'l1', name: 'Line one', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2021, amount: 90 }] },
      { id: 'l2', name: 'Line two', kind: 'programme', instruments: ['i3'], expenditures: [{ year: 2021, amount: 910 }] },
    ],
    findings: [
      f('f1', ['i1'], 'effectiveness', 'process', 'positive'),
      f('f2', ['i2'], 'effectiveness', 'plausibility', 'positive', ['s2']),
      f('f3', ['i3'], 'effectiveness', 'process', 'inconclusive'),
    ],
  });
  for (const [lang, a] of both(r)) {
    it(`does not call a domain plausible because 2 of its 21 instruments are (${lang})`, () => {
      const d = a.verdicts.domains[0]!.effectiveness;
      expect(d.value).toBe('not-determinable');
      expect(d.headline).toEqual({ threshold: 2 / 3, asAWhole: false });
      expect(d.spread.counts).toMatchObject({ plausible: 2, 'not-determinable': 19 });
      expect(d.spread.money.shares.plausible).toBeCloseTo(0.09, 6);
      expect(words(d.reasons)).toContain(lang === 'en' ? 'plausible for 2 (9% of the known money)' : 'plausibel bij 2 (9% van het bekende geld)');
      expect(words(d.reasons)).toContain(lang === 'en' ? 'not determinable as a whole' : 'als geheel niet vast te stellen');
      // Reasons and evidence never cite an inconclusive finding as support.
      expect(d.evidence).not.toContain('f3');
    });
  }
  it('gives a headline where enough of the scope supports it, citing only what supports it', () => {
    const a = analyze(r, { headlineThreshold: 0.05 });
    const d = a.verdicts.domains[0]!.effectiveness;
    expect(d.value).toBe('plausible');
    expect(d.evidence).toEqual(['f1', 'f2']);
  });
  it('reports what findings on the scope itself say, and lets them contest the headline', () => {
    const a = analyze({ ...r, findings: [...r.findings, f('f9', ['d1'], 'effectiveness', 'process', 'negative')] } as Review, { headlineThreshold: 0.05 });
    const d = a.verdicts.domains[0]!.effectiveness;
    expect(d.own).toEqual({ value: 'negative', findings: ['f9'] });
    expect(d.value).toBe('mixed');
  });
  it('refuses a threshold outside (0, 1]', () => {
    expect(() => analyze(r, { headlineThreshold: 0 })).toThrow(/headlineThreshold/);
  });
});

describe('6. efficiency needs both halves', () => {
  const base = {
    instruments: [instrument('i1')],
    sources: [src('s1', 'audit'), src('s2', 'effect')],
  };
  it('is not determinable from one positive audit finding without cost, for the objective, domain and article (en, nl)', () => {
    const r = review({ ...base, findings: [f('f1', ['i1'], 'efficiency', 'process', 'positive'), f('f2', ['o1'], 'efficiency', 'process', 'positive')] });
    for (const [lang, a] of both(r)) {
      for (const v of [a.verdicts.objectives[0]!, a.verdicts.domains[0]!, a.verdicts.article]) {
        expect(v.efficiency.value).toBe('not-determinable');
        expect(v.efficiency.missing).toEqual(['cost', 'effect']);
        expect(v.efficiency.indications).toEqual(['f1', 'f2']);
        expect(words(v.efficiency.reasons)).toContain(lang === 'en' ? 'are indications, not a verdict' : 'zijn aanwijzingen, geen oordeel');
        expect(words(v.efficiency.reasons)).toContain('(a)');
        expect(words(v.efficiency.reasons)).toContain('(b)');
      }
      expect(ins(a, 'i1').efficiency.missing).toEqual(['cost', 'effect']);
    }
  });
  it('is determinable with cost (staff time counts), a plausible effect and a study relating the two', () => {
    const r = review({
      ...base,
      budgetLines: [{ id: 'staff', name: 'Staff', kind: 'apparatus', instruments: ['i1'], expenditures: [{ year: 2021, amount: 40 }] }],
      findings: [f('f1', ['i1'], 'efficiency', 'process', 'positive'), f('f2', ['i1'], 'effectiveness', 'effect', 'positive', ['s2'])],
    });
    const a = analyze(r);
    expect(ins(a, 'i1').efficiency).toMatchObject({ value: 'determinable', verdict: 'positive', missing: [] });
    expect(a.verdicts.article.efficiency).toMatchObject({ value: 'determinable', conditions: { cost: true, effect: true, study: true } });
    // A study below the minimum strength is an indication only.
    const strict = analyze(r, { efficiencyMinimumStrength: 'effect' });
    expect(ins(strict, 'i1').efficiency.missing).toEqual(['study']);
    expect(strict.verdicts.article.efficiency.value).toBe('not-determinable');
  });
});

describe('7. goal achievement says how far', () => {
  const r = review({
    objectives: [
      { id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022 compared with 2019.' },
      { id: 'o1.1', domain: 'd1', parent: 'o1', text: 'Sub' },
      { id: 'o1.1.1', domain: 'd1', parent: 'o1.1', text: 'Sub-sub' },
      { id: 'o2', domain: 'd2', text: 'Other' },
      { id: 'o3', domain: 'd3', text: 'Third' },
    ],
    domains: [
      { id: 'd1', name: 'One' },
      { id: 'd2', name: 'Two' },
      { id: 'd3', name: 'Three' },
    ],
    sources: [src('s1', 'audit')],
    findings: [f('f1', ['o1.1.1'], 'goal-achievement', 'process', 'partly'), f('f2', ['d2'], 'goal-achievement', 'process', 'negative')],
    indicators: [{ id: 'x1', name: 'Incidents', value: 12, subjects: ['o3'] }],
  });
  for (const [lang, a] of both(r)) {
    it(`reads sub-objectives to any depth and the domain (${lang})`, () => {
      const o = (id: string) => a.verdicts.objectives.find((v) => v.scope.id === id)!.goalAchievement;
      expect(o('o1')).toMatchObject({ value: 'partly', evidence: ['f1'] });
      expect(o('o2')).toMatchObject({ value: 'not-reached', evidence: ['f2'] });
      expect(o('o3').value).toBe('not-determinable');
      expect(words(o('o3').reasons)).toContain(lang === 'en' ? 'no finding holds them against a target' : 'geen bevinding legt ze naast een streefwaarde');
      expect(o('o1').judgeable.count).toBe(1);
      expect(o('o2').judgeable.count).toBe(0);
      expect(words(o('o2').reasons)).toContain(lang === 'en' ? 'no measurable target' : 'geen meetbare streefwaarde');
    });
  }
});

describe('8. clearance-aware analysis', () => {
  const r = review({
    instruments: [instrument('i1'), { ...instrument('i2'), classification: 'secret' }],
    sources: [src('s1', 'effect'), src('s9', 'effect', { classification: 'confidential' })],
    findings: [f('f1', ['i1'], 'effectiveness', 'plausibility'), f('f2', ['i1'], 'effectiveness', 'effect', 'positive', ['s9']), f('f3', ['i2'], 'effectiveness', 'effect')],
  });
  it('rests the public view on public evidence and counts what it left out', () => {
    const pub = analyze(r, { audience: 'public' });
    expect(ins(pub, 'i1').contribution.value).toBe('plausible');
    expect(pub.verdicts.instruments.map((v) => v.instrument)).toEqual(['i1']);
    expect(pub.audience).toEqual({
      level: 'public',
      containsClassified: false,
      leftOut: { domain: 0, objective: 0, instrument: 1, source: 1, finding: 2, indicator: 0, conclusion: 0, recommendation: 0 },
      leftOutTotal: 4,
    });
    expect(JSON.stringify(pub)).not.toMatch(/s9|f2|f3|i2/);
  });
  it('shows everything in the full view, saying it contains classified material', () => {
    const full = analyze(r);
    expect(ins(full, 'i1').contribution.value).toBe('demonstrated');
    expect(full.audience).toMatchObject({ level: 'full', containsClassified: true, leftOutTotal: 0 });
    const confidential = analyze(r, { audience: 'confidential' });
    expect(confidential.audience.leftOut).toMatchObject({ instrument: 1, finding: 1, source: 0 });
    expect(confidential.audience.containsClassified).toBe(true);
  });
});

describe('9. explain for every id', () => {
  const r = review({
    instruments: [instrument('i1')],
    sources: [src('s1', 'effect')],
    budgetLines: [{ id: 'l1', name: 'Line', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2021, amount: 5 }] }],
    findings: [f('f1', ['i1'], 'effectiveness', 'effect')],
    indicators: [{ id: 'x1', name: 'Ind', value: 3, subjects: ['o1'] }],
    conclusions: [{ id: 'c1', aspect: 'effectiveness', text: 'Works', findings: ['f1'] }],
    recommendations: [{ id: 'r1', text: 'Keep going', addresses: ['i1'] }],
  });
  const a = analyze(r);
  it('explains each kind and what it feeds', () => {
    const kinds = ['i1', 'o1', 'd1', 'r', 'f1', 's1', 'l1', 'x1', 'c1', 'r1'].map((id) => explain(a, id, r).kind);
    expect(kinds).toEqual(['instrument', 'objective', 'domain', 'article', 'finding', 'source', 'budget-line', 'indicator', 'conclusion', 'recommendation']);
    const x = explain(a, 'f1', r);
    expect(x.kind === 'finding' && x.feeds).toEqual(
      expect.arrayContaining([
        { kind: 'instrument', id: 'i1', step: 'contribution', value: 'demonstrated' },
        { kind: 'domain', id: 'd1', step: 'effectiveness', value: 'demonstrated' },
      ]),
    );
    const i = explain(a, 'i1', r);
    expect(i.kind === 'instrument' && Object.keys(i.steps)).toEqual(['instrument', 'realisation', 'effectiveness', 'plausibility', 'contribution', 'efficiency']);
  });
  it('suggests the nearest id for an unknown one', () => {
    expect(explain(a, 'f2', r)).toEqual({ kind: 'unknown', id: 'f2', didYouMean: ['f1'] });
  });
  it('explains nothing a public view left out', () => {
    const secret = { ...r, sources: [{ ...r.sources[0]!, classification: 'secret' as const }] };
    expect(explain(analyze(secret, { audience: 'public' }), 's1', secret).kind).toBe('unknown');
  });
});

describe('10. compare covers all that can change a verdict', () => {
  const before = review({ instruments: [instrument('i1')], sources: [src('s1', 'process')], findings: [f('f1', ['i1'], 'effectiveness', 'process', 'positive')] });
  const after = review({
    instruments: [instrument('i1')],
    sources: [src('s1', 'effect', { classification: 'restricted' })],
    findings: [f('f1', ['i1'], 'effectiveness', 'effect', 'negative', ['s1'], { design: 'controlled' })],
    objectives: [{ id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022 compared with 2019.', smart: { target: '10%' } }],
  });
  it('lists changed fields of findings, sources and objectives, and every scope verdict before and after', () => {
    const c = compare(before, after);
    expect(c.findings.changed).toEqual([{ id: 'f1', fields: ['verdict', 'strength', 'design'] }]);
    expect(c.sources.changed).toEqual([{ id: 's1', fields: ['type', 'classification'] }]);
    expect(c.objectives.changed).toEqual([{ id: 'o1', fields: ['smart.target'] }]);
    const d = c.verdicts.scopes.find((s) => s.kind === 'domain')!;
    expect(d).toMatchObject({ id: 'd1', changed: true, steps: { effectiveness: { before: 'plausible', after: 'negative' } } });
    expect(c.verdicts.instruments).toEqual([{ id: 'i1', steps: { effectiveness: { before: 'no-effect-study', after: 'negative' }, plausibility: { before: 'plausible', after: 'not-plausible' }, contribution: { before: 'plausible', after: 'negative' } } }]);
  });
});
