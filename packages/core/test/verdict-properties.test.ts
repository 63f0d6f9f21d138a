import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  contributionRank,
  EVALUATION_TYPES,
  filterReviewForAudience,
  findingStrength,
  isJudgement,
  parseReview,
  Review,
  SOURCE_TYPES,
  STUDY_DESIGNS,
  strengthRank,
  type Assessment,
} from '../src/index.js';
import { makeReview } from './builders.js';

/**
 * Small generated reviews in which every text of a classified item carries a unique marker
 * ("zq" + its id + "zq"), so that a leak of any of them can be found in any output.
 */
const STATUSES = ['realised', 'partly', 'not-realised', 'realised-after-period', 'pilot', 'ongoing', 'unknown'] as const;
const ASPECTS = ['effectiveness', 'efficiency', 'goal-achievement', 'side-effects', 'realisation'] as const;
const VERDICTS = ['positive', 'partly', 'negative', 'inconclusive', 'not-assessed', 'no-effect'] as const;
const STRENGTHS = ['none', 'realisation', 'plausibility', 'process', 'effect'] as const;
const LEVELS = ['public', 'public', 'public', 'restricted', 'secret'] as const;

const marker = (id: string) => `zq${id.replace(/[^a-z0-9]/g, '')}zq`;
const textOf = (id: string, classification: string, what: string) => (classification === 'public' ? `${what} ${id}` : `${what} ${marker(id)}`);

const reviewArb = fc
  .record({
    instruments: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), objective: fc.integer({ min: 0, max: 3 }), level: fc.constantFrom(...LEVELS) }), { minLength: 1, maxLength: 10 }),
    objectiveLevels: fc.array(fc.constantFrom(...LEVELS), { minLength: 4, maxLength: 4 }),
    domainLevel: fc.constantFrom(...LEVELS),
    sources: fc.array(fc.record({ type: fc.constantFrom(...SOURCE_TYPES), design: fc.option(fc.constantFrom(...STUDY_DESIGNS), { nil: undefined }), level: fc.constantFrom(...LEVELS) }), { minLength: 1, maxLength: 5 }),
    findings: fc.array(
      fc.record({
        subject: fc.integer({ min: 0, max: 20 }),
        aspect: fc.constantFrom(...ASPECTS),
        verdict: fc.constantFrom(...VERDICTS),
        strength: fc.constantFrom(...STRENGTHS),
        design: fc.option(fc.constantFrom(...STUDY_DESIGNS), { nil: undefined }),
        source: fc.integer({ min: -1, max: 4 }),
        level: fc.constantFrom(...LEVELS),
        /** A public finding may quote a source's title and author, classified or not. */
        quote: fc.integer({ min: -1, max: 4 }),
      }),
      { maxLength: 16 },
    ),
    lines: fc.array(fc.record({ instrument: fc.integer({ min: 0, max: 9 }), kind: fc.constantFrom('programme', 'apparatus'), amount: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }) }), { maxLength: 4 }),
  })
  .map((g) => {
    const domains = [
      { id: 'd1', name: 'Domain one', classification: 'public' as const },
      { id: 'd2', name: textOf('d2', g.domainLevel, 'Domain'), classification: g.domainLevel },
    ];
    const objectives = g.objectiveLevels.map((level, k) => ({
      id: `o${k + 1}`,
      domain: k % 2 === 0 ? 'd1' : 'd2',
      parent: k >= 2 ? `o${k - 1}` : null,
      text: textOf(`o${k + 1}`, level, 'Reduce incidents by 10% by 2022'),
      classification: level,
    }));
    const instruments = g.instruments.map((x, k) => ({
      id: `i${k + 1}`,
      name: textOf(`i${k + 1}`, x.level, 'Instrument'),
      objective: `o${x.objective + 1}`,
      kind: 'other' as const,
      classification: x.level,
      realisation: { status: x.status, evidence: x.status === 'unknown' ? null : textOf(`i${k + 1}`, x.level, 'documented') },
    }));
    const sources = g.sources.map((x, k) => ({
      id: `s${k + 1}`,
      title: textOf(`s${k + 1}`, x.level, 'Source'),
      author: textOf(`s${k + 1}`, x.level, 'Author'),
      reference: x.level === 'public' ? null : marker(`ref${k + 1}`),
      type: x.type,
      classification: x.level,
      ...(x.design ? { design: x.design } : {}),
    }));
    const subjects = [...instruments.map((i) => i.id), ...objectives.map((o) => o.id), 'd1', 'd2'];
    const findings = g.findings.map((x, k) => {
      const src = x.source >= 0 && x.source < sources.length ? sources[x.source]!.id : null;
      return {
        id: `f${k + 1}`,
        origin: src ? ('source' as const) : ('review' as const),
        sources: src ? [{ source: src }] : [],
        subjects: [subjects[x.subject % subjects.length]!],
        aspect: x.aspect,
        verdict: x.verdict,
        strength: x.strength,
        statement: `${textOf(`f${k + 1}`, x.level, 'statement')}${x.quote >= 0 && x.quote < sources.length ? ` (quoting "${sources[x.quote]!.title}" by ${sources[x.quote]!.author}, ${sources[x.quote]!.reference ?? 'no reference'}).` : ''}`,
        classification: x.level,
        ...(x.design ? { design: x.design } : {}),
      };
    });
    const budgetLines = g.lines
      .filter((l) => l.instrument < instruments.length)
      .map((l, k) => ({ id: `l${k + 1}`, name: `Line ${k + 1}`, kind: l.kind, instruments: [`i${l.instrument + 1}`], expenditures: [{ year: 2021, amount: l.amount }] }));
    return makeReview({ domains, objectives, instruments, sources, findings, budgetLines } as Parameters<typeof makeReview>[0]);
  });

const runs = { numRuns: 120 };
interface Candidate<V extends string> {
  value: V;
  members: readonly V[];
}

describe('properties of the verdicts', () => {
  it('adding a positive effect-level finding never lowers that instrument\'s verdict', () => {
    fc.assert(
      fc.property(reviewArb, fc.nat(), (r, pick) => {
        const before = analyze(r);
        const target = r.instruments[pick % r.instruments.length]!.id;
        const boosted = Review.parse({
          ...r,
          sources: [...r.sources, { id: 'sx', title: 'An effect study', type: 'effect', design: 'randomised' }],
          findings: [...r.findings, { id: 'fx', origin: 'source', sources: [{ source: 'sx' }], subjects: [target], aspect: 'effectiveness', verdict: 'positive', strength: 'effect', statement: 'It works.' }],
        });
        const after = analyze(boosted);
        const v = (a: Assessment) => a.verdicts.instruments.find((x) => x.instrument === target)!.contribution.value;
        expect(contributionRank(v(after))).toBeGreaterThanOrEqual(contributionRank(v(before)));
      }),
      runs,
    );
  });

  it('a headline never claims more than its spread', () => {
    const EFFECT: Candidate<string>[] = [
      { value: 'demonstrated', members: ['demonstrated'] },
      { value: 'plausible', members: ['demonstrated', 'plausible'] },
      { value: 'negative', members: ['negative'] },
      { value: 'not-demonstrated', members: ['negative', 'not-demonstrated'] },
    ];
    fc.assert(
      fc.property(reviewArb, fc.constantFrom(0.5, 2 / 3, 1), (r, threshold) => {
        const a = analyze(r, { headlineThreshold: threshold });
        for (const v of [a.verdicts.article, ...a.verdicts.domains, ...a.verdicts.objectives]) {
          const e = v.effectiveness;
          const c = EFFECT.find((x) => x.value === e.value);
          if (c) expect(c.members.reduce((n, m) => n + e.spread.counts[m as keyof typeof e.spread.counts], 0)).toBeGreaterThanOrEqual(threshold * e.spread.applicable - 1e-9);
          if (e.value === 'demonstrated') expect(e.spread.counts.demonstrated).toBeGreaterThan(0);
          if (!e.headline.asAWhole) expect(['not-determinable', 'not-applicable', 'mixed']).toContain(e.value);
          const g = v.goalAchievement;
          if (g.value === 'reached') expect(g.spread.counts.reached).toBeGreaterThanOrEqual(threshold * g.spread.applicable - 1e-9);
          if (v.efficiency.value === 'determinable') expect(v.efficiency.spread.applicable).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });

  it('efficiency "determinable" implies (a) attributed cost, (b) an effect at least plausible, (c) a study relating them', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const a = analyze(r);
        const sources = new Map(r.sources.map((s) => [s.id, s]));
        for (const v of a.verdicts.instruments) {
          if (v.efficiency.value !== 'determinable') continue;
          const costed = r.budgetLines.some((l) => l.instruments.includes(v.instrument) && (l.kind === 'programme' || l.kind === 'apparatus') && l.expenditures.some((e) => e.amount !== null));
          const study = r.findings.some(
            (f) =>
              f.subjects.includes(v.instrument) &&
              f.aspect === 'efficiency' &&
              isJudgement(f.verdict) &&
              f.sources.some((s) => EVALUATION_TYPES.has(sources.get(s.source)!.type)) &&
              strengthRank(findingStrength(f, f.sources.map((s) => sources.get(s.source))).strength) >= strengthRank('process'),
          );
          expect(costed).toBe(true);
          expect(['demonstrated', 'plausible']).toContain(v.contribution.value);
          expect(study).toBe(true);
        }
        for (const v of [a.verdicts.article, ...a.verdicts.domains, ...a.verdicts.objectives]) {
          if (v.efficiency.value !== 'determinable') continue;
          expect(v.efficiency.conditions).toEqual({ cost: true, effect: true, study: true });
          expect(['demonstrated', 'plausible']).toContain(v.effectiveness.value);
        }
      }),
      runs,
    );
  });
});

describe('properties of the public view', () => {
  const mutate = (r: Review): Review => {
    const secret = <T extends { classification?: string }>(x: T) => x.classification !== undefined && x.classification !== 'public';
    return Review.parse({
      ...r,
      sources: r.sources.map((s) => (secret(s) ? { ...s, title: `${s.title} changed`, author: 'Someone else', type: s.type === 'effect' ? 'other' : 'effect' } : s)),
      instruments: r.instruments.map((i) => (secret(i) ? { ...i, name: `${i.name} changed`, realisation: { ...i.realisation, status: i.realisation.status === 'realised' ? 'not-realised' : 'realised' } } : i)),
      findings: r.findings.map((f) => (secret(f) ? { ...f, statement: `${f.statement} changed`, verdict: f.verdict === 'positive' ? 'negative' : 'positive', strength: 'effect', design: 'randomised' } : f)),
      policyTree: { ...r.policyTree, objectives: r.policyTree.objectives.map((o) => (secret(o) ? { ...o, text: `${o.text} changed` } : o)) },
    });
  };

  it('changing a classified item\'s content never changes the public view', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        expect(analyze(mutate(r), { audience: 'public' })).toEqual(analyze(r, { audience: 'public' }));
      }),
      runs,
    );
  });

  it('no text of a classified item appears in the public analysis, in either language, and the filtered review validates', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        for (const lang of ['en', 'nl'] as const) expect(JSON.stringify(analyze(r, { audience: 'public', lang }))).not.toMatch(/zq[a-z0-9]+zq/);
        const filtered = filterReviewForAudience(r, 'public').review;
        expect(JSON.stringify(filtered)).not.toMatch(/zq[a-z0-9]+zq/);
        const reparsed = parseReview(JSON.stringify(filtered), { file: 'filtered.json' });
        expect(reparsed.ok ? [] : reparsed.problems).toEqual([]);
      }),
      runs,
    );
  });
});
