import { describe, expect, it } from 'vitest';
import { analyze, compare, EVIDENCE_STRENGTHS, explain, InvalidOptionsError, REALISATION_STATUSES } from '../src/index.js';
import { strengthRank } from '../src/analysis/evidence.js';
import { finding, instrument, makeReview, source } from './builders.js';

describe('enum orders written out for speed', () => {
  it('ranks strengths in the order of EVIDENCE_STRENGTHS', () => {
    expect(EVIDENCE_STRENGTHS.map(strengthRank)).toEqual(EVIDENCE_STRENGTHS.map((_, i) => i));
  });

  it('counts every status of REALISATION_STATUSES, in that order', () => {
    const a = analyze(makeReview({ instruments: REALISATION_STATUSES.map((status, i) => instrument(`i${i + 1}`, 'o1', status)) }));
    expect(Object.entries(a.realisation.article.byStatus)).toEqual(REALISATION_STATUSES.map((s) => [s, 1]));
  });
});

describe('realisation', () => {
  it('counts statuses per scope and keeps after-period instruments apart', () => {
    const a = analyze(
      makeReview({ instruments: [instrument('i1'), instrument('i2', 'o1', 'partly'), instrument('i3', 'o1', 'realised-after-period'), instrument('i4', 'o1', 'realised')] }),
    );
    const r = a.realisation.article;
    expect(r.byStatus).toMatchObject({ realised: 2, partly: 1, 'realised-after-period': 1 });
    expect(r.realised).toEqual({ count: 2, total: 4, share: 0.5 });
    expect(r.deployed.count).toBe(3);
    expect(r.realisedAfterPeriod).toEqual(['i3']);
    expect(a.verdicts.article.realisation.value).toBe('partly-realised');
    expect(a.verdicts.article.realisation.reasons.join(' ')).toContain('kept apart (i3)');
  });

  it('handles a review without instruments', () => {
    const a = analyze(makeReview());
    expect(a.realisation.article.realised).toEqual({ count: 0, total: 0, share: null });
    expect(a.verdicts.article.realisation.value).toBe('no-instruments');
    expect(a.verdicts.article.effectiveness.value).toBe('not-determinable');
    expect(a.verdicts.article.efficiency.value).toBe('not-determinable');
    expect(a.coverage.notEvaluated).toEqual([expect.objectContaining({ kind: 'objective', id: 'o1' })]);
    expect(a.recommendations.map((r) => r.rule)).toContain('objective-without-instruments');
  });
});

describe('expenditure', () => {
  const lines = [
    { id: 'big', name: 'Block grant', kind: 'programme' as const, instruments: ['i1'], expenditures: [{ year: 2020, amount: 900 }, { year: 2021, amount: 990 }, { year: 2022, amount: null }] },
    { id: 'small', name: 'Subsidy', kind: 'programme' as const, expenditures: [{ year: 2020, amount: 100 }, { year: 2021, amount: 110 }] },
    { id: 'staff', name: 'Staff', kind: 'apparatus' as const, article: '99', expenditures: [{ year: 2021, amount: 50 }] },
    { id: 'oos', name: 'Reinforcement', kind: 'out-of-scope' as const, outOfScopeReason: 'Booked elsewhere', expenditures: [{ year: 2022, amount: 128800 }] },
  ];

  it('totals per kind and year, never summing unknown as 0', () => {
    const a = analyze(makeReview({ instruments: [instrument('i1')], budgetLines: lines }));
    const e = a.expenditure;
    const prog = (y: number) => e.byKindAndYear.find((k) => k.kind === 'programme' && k.year === y)!;
    expect(prog(2020).total).toEqual({ amount: 1000, known: 1000, unknownParts: 0 });
    expect(prog(2021)).toMatchObject({ total: { amount: 1100 }, change: 100, changeShare: 0.1 });
    expect(prog(2022)).toMatchObject({ total: { amount: null, known: 0, unknownParts: 1 }, change: null });
    expect(e.byKind.programme).toEqual({ amount: null, known: 2100, unknownParts: 1 });
    expect(e.unknownAmounts).toEqual([{ line: 'big', year: 2022 }]);
    expect(e.outOfScope).toEqual([{ line: 'oos', name: 'Reinforcement', total: { amount: 128800, known: 128800, unknownParts: 0 }, reason: 'Booked elsewhere' }]);
    expect(e.lines.find((l) => l.line === 'big')!.years[1]).toMatchObject({ change: 90, changeShare: 0.1 });
  });

  it('names the dominant programme line with its share and reasons', () => {
    const e = analyze(makeReview({ instruments: [instrument('i1')], budgetLines: lines })).expenditure;
    expect(e.dominantLine).toMatchObject({ line: 'big', amount: 1890, share: null, evidence: ['big'] });
    expect(e.dominantLine!.reasons[0]).toContain('90%');
    expect(e.dominantLine!.reasons[1]).toContain('known amounts only');
  });

  it('falls back to the share the review states when all money is unknown', () => {
    const a = analyze(
      makeReview({
        budgetLines: [
          { id: 'bdur', name: 'BDUR', kind: 'programme', expenditures: [{ year: 2021, amount: null }], statedShare: { text: 'het overgrote deel', citation: { location: '§3.4' } } },
          { id: 'ifv', name: 'IFV', kind: 'programme', expenditures: [{ year: 2021, amount: null }] },
        ],
      }),
    );
    expect(a.expenditure.byKind.programme).toEqual({ amount: null, known: 0, unknownParts: 2 });
    expect(a.expenditure.dominantLine).toMatchObject({ line: 'bdur', share: null });
    expect(a.expenditure.dominantLine!.reasons[0]).toContain('het overgrote deel');
    // The base year is known, its figures are not: base, target and shortfall are unknown, never 0.
    expect(a.savings).toMatchObject({ baseYear: 2021, base: null, target: null });
    expect(a.savings.options.every((o) => o.cuts.length === 0 && o.shortfall === null)).toBe(true);
    expect(a.costAttribution.attributableMoney).toEqual({ attributable: 0, total: 0, share: null, unknownParts: 2 });
  });

  it('attributes cost per instrument', () => {
    const a = analyze(
      makeReview({
        instruments: [instrument('i1'), instrument('i2'), instrument('i3')],
        budgetLines: [
          { id: 'l1', name: 'L1', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2021, amount: 10 }] },
          { id: 'l2', name: 'L2', kind: 'programme', instruments: ['i2'], expenditures: [{ year: 2021, amount: null }] },
          { id: 'l3', name: 'L3', kind: 'programme', expenditures: [{ year: 2021, amount: 30 }] },
        ],
      }),
    );
    const c = a.costAttribution;
    expect(c.instruments.i1!.status).toBe('amount');
    expect(c.instruments.i2!.status).toBe('line-without-amount');
    expect(c.instruments.i3!.status).toBe('none');
    expect(c.withCost).toEqual({ count: 1, total: 3, share: 1 / 3 });
    expect(c.withoutCost).toEqual(['i2', 'i3']);
    // One amount is unknown, so the share of attributable money is unknown too; the parts stay.
    expect(c.attributableMoney).toEqual({ attributable: 10, total: 40, share: null, unknownParts: 1 });
  });
});

describe('evidence, coverage and the gap map', () => {
  const base = {
    objectives: [
      { id: 'o1', domain: 'd1', text: 'Strengthen resilience' },
      { id: 'o1a', domain: 'd1', parent: 'o1', text: 'Train professionals in every region' },
      { id: 'o2', domain: 'd1', text: 'An objective nobody serves' },
    ],
    instruments: [instrument('i1', 'o1a'), instrument('i2', 'o1'), instrument('i3', 'o1', 'unknown')],
    budgetLines: [
      { id: 'l1', name: 'L1', kind: 'programme' as const, instruments: ['i1'], expenditures: [{ year: 2021, amount: 75 }] },
      { id: 'l2', name: 'L2', kind: 'programme' as const, instruments: ['i2'], expenditures: [{ year: 2021, amount: 25 }] },
    ],
    sources: [source('s1', 'effect'), source('s2', 'process'), source('p1', 'progress-report')],
    findings: [
      finding('f1', ['i1'], 'effectiveness', 'effect'),
      finding('f2', ['i2'], 'effectiveness', 'plausibility', 'positive', 's2'),
      finding('f3', ['i3'], 'realisation', 'realisation', 'positive', 'p1'),
    ],
  };

  it('grades evidence per instrument on the ordered scale', () => {
    const a = analyze(makeReview(base));
    const s = Object.fromEntries(a.evidence.instruments.map((e) => [e.instrument, e.strength]));
    expect(s).toEqual({ i1: 'effect', i2: 'plausibility', i3: 'realisation' });
    expect(a.evidence.objectives.find((o) => o.id === 'o1')!.strength).toBe('effect');
    expect(a.evidence.objectives.find((o) => o.id === 'o2')!.strength).toBe('none');
    expect(a.evidence.instruments[0]!.evidence).toEqual(['f1', 's1']);
  });

  it('measures coverage by count and by money, and lists what is not evaluated', () => {
    const a = analyze(makeReview(base));
    const c = a.coverage.article;
    expect(c.evaluated).toEqual({ count: 2, total: 3, share: 2 / 3 });
    expect(c.effectiveness.count).toBe(2);
    expect(c.efficiency.count).toBe(0);
    expect(c.money).toMatchObject({ evaluated: 100, effectiveness: 100, efficiency: 0, total: 100, evaluatedShare: 1 });
    const ne = a.coverage.notEvaluated.map((n) => [n.kind, n.id]);
    expect(ne).toEqual([['instrument', 'i3'], ['objective', 'o2']]);
    expect(a.coverage.notEvaluated[0]!.reasons.join(' ')).toContain('Only non-evaluative material speaks of it (f3)');
    expect(a.coverage.objectives.find((o) => o.scope.id === 'o1a')!.money.evaluatedShare).toBe(1);
  });

  it('builds the gap map from the policy tree, objectives rolled up', () => {
    const rows = analyze(makeReview(base)).gapMap;
    expect(rows.map((r) => `${r.kind}:${r.id}:${r.depth}`)).toEqual([
      'objective:o1:0', 'instrument:i2:1', 'instrument:i3:1', 'objective:o1a:1', 'instrument:i1:2', 'objective:o2:0',
    ]);
    expect(rows[0]!.effectiveness).toEqual({ strength: 'effect', verdict: 'positive', sources: ['s1', 's2'], findings: ['f1', 'f2'] });
    expect(rows[1]!.effectiveness.strength).toBe('plausibility');
    expect(rows[2]!.efficiency).toEqual({ strength: 'none', verdict: null, sources: [], findings: [] });
  });

  it('gives stepped verdicts with reasons and evidence ids', () => {
    const a = analyze(makeReview(base));
    const d = a.verdicts.domains[0]!;
    // At least plausible for 2 of 3 instruments: the headline's threshold (2/3) is met for "plausible", not for "demonstrated".
    expect(d.effectiveness.value).toBe('plausible');
    expect(d.effectiveness.counts).toEqual({ demonstrated: 1, plausible: 1, mixed: 0, 'not-demonstrated': 0, negative: 0, 'not-determinable': 1, 'not-applicable': 0 });
    expect(d.effectiveness.evidence).toEqual(['f1', 'f2']);
    expect(d.efficiency.value).toBe('not-determinable');
    expect(d.efficiency.missing).toEqual(['study']);
    expect(d.efficiency.reasons).toContain('(c) No evaluation resting on at least a process evaluation relates cost to effect.');
    const o2 = a.verdicts.objectives.find((v) => v.scope.id === 'o2')!;
    expect(o2.realisation.value).toBe('no-instruments');
    expect(o2.effectiveness.value).toBe('not-determinable');
  });

  it('marks a negative effect study as negative, and an efficiency statement on it as an indication only', () => {
    const one = { ...base, instruments: [instrument('i1', 'o1a')] };
    const a = analyze(makeReview({ ...one, findings: [finding('f1', ['i1'], 'effectiveness', 'effect', 'negative'), finding('f9', ['i1'], 'efficiency', 'process', 'partly')] }));
    const d = a.verdicts.domains[0]!;
    expect(d.effectiveness.value).toBe('negative');
    expect(d.efficiency).toMatchObject({ value: 'not-determinable', missing: ['effect'], indications: ['f9'] });
    const b = analyze(makeReview({ ...one, findings: [finding('f1', ['i1'], 'effectiveness', 'effect'), finding('f9', ['i1'], 'efficiency', 'process', 'partly')] }));
    expect(b.verdicts.domains[0]!.efficiency).toMatchObject({ value: 'determinable', verdict: 'partly', evidence: ['f1', 'f9'] });
  });

  it('treats only classified evaluations as coverage, but flags them', () => {
    const a = analyze(
      makeReview({
        instruments: [instrument('i1')],
        sources: [source('s1', 'inspection', 'secret')],
        findings: [finding('f1', ['i1'], 'effectiveness', 'plausibility')],
      }),
    );
    expect(a.evidence.instruments[0]).toMatchObject({ evaluated: true, classifiedOnly: true, strength: 'plausibility' });
    expect(a.verdicts.article.effectiveness.value).toBe('plausible');
  });

  it('does not count findings from non-evaluations or the review itself as coverage', () => {
    const a = analyze(
      makeReview({
        instruments: [instrument('i1')],
        sources: [source('p1', 'progress-report')],
        findings: [finding('f1', ['i1'], 'effectiveness', 'plausibility', 'positive', 'p1'), finding('f2', ['i1'], 'efficiency', 'plausibility', 'positive', null)],
      }),
    );
    expect(a.coverage.instruments[0]).toEqual({ id: 'i1', evaluated: false, effectiveness: false, efficiency: false, sideEffects: false });
    expect(a.verdicts.article.efficiency.value).toBe('not-determinable');
  });
});

describe('review fixes', () => {
  it('reports findings on objectives beside the verdicts of their domain and the article, without making them the headline', () => {
    const a = analyze(
      makeReview({
        instruments: [instrument('i1')],
        sources: [source('s1')],
        findings: [finding('f1', ['o1'], 'effectiveness', 'effect'), finding('f2', ['o1'], 'efficiency', 'effect')],
      }),
    );
    for (const v of [a.verdicts.objectives[0]!, a.verdicts.domains[0]!, a.verdicts.article]) {
      expect(v.effectiveness.value, v.scope.kind).toBe('not-determinable');
      expect(v.effectiveness.own, v.scope.kind).toEqual({ value: 'positive', findings: ['f1'] });
      expect(v.efficiency.value, v.scope.kind).toBe('not-determinable');
      expect(v.efficiency.missing, v.scope.kind).toEqual(['cost', 'effect']);
    }
  });

  it('calls a domain whose instruments point both ways mixed, not negative or positive', () => {
    const a = analyze(
      makeReview({
        instruments: [instrument('i1'), instrument('i2')],
        sources: [source('s1')],
        findings: [
          finding('f1', ['i1'], 'effectiveness', 'plausibility'),
          finding('f2', ['i2'], 'effectiveness', 'effect', 'negative'),
          finding('f3', ['d1'], 'effectiveness', 'effect', 'negative'),
        ],
      }),
    );
    expect(a.verdicts.domains[0]!.effectiveness.value).toBe('mixed');
    expect(a.verdicts.domains[0]!.effectiveness.counts).toMatchObject({ plausible: 1, negative: 1 });
    expect(a.verdicts.domains[0]!.effectiveness.own.value).toBe('negative');
  });

  it('keeps realisation unknown where unknown statuses could change it', () => {
    const v = (...statuses: ('realised' | 'unknown' | 'not-realised')[]) =>
      analyze(makeReview({ instruments: statuses.map((s, i) => instrument(`i${i}`, 'o1', s)) })).verdicts.article.realisation;
    expect(v('realised', 'unknown').value).toBe('unknown');
    expect(v('realised', 'unknown').reasons.join(' ')).toContain('from partly realised to realised');
    expect(v('unknown', 'unknown', 'unknown', 'not-realised').value).toBe('unknown');
    expect(v('realised', 'realised', 'realised', 'unknown').value).toBe('mostly-realised');
    expect(v('realised', 'realised', 'realised', 'unknown').reasons.join(' ')).toContain('At least mostly realised');
    expect(v('not-realised', 'not-realised').value).toBe('not-realised');
  });
});

describe('SMART check', () => {
  const check = (text: string, smart?: Record<string, string | null>) =>
    analyze(makeReview({ objectives: [{ id: 'o1', domain: 'd1', text, ...(smart ? { smart } : {}) }], instruments: [instrument('i1')] })).smart[0]!;

  it('fails vague Dutch objectives on specificity, measurability and time', () => {
    const s = check('Versterken van de weerbaarheid van vitale belangen');
    expect(s.criteria.specific.result).toBe('fail');
    expect(s.criteria.specific.reason).toContain('Versterken');
    expect(s.criteria.measurable.result).toBe('fail');
    expect(s.criteria.timeBound.result).toBe('fail');
    expect(s.criteria.relevant.result).toBe('pass');
    expect(s.failed).toEqual(['specific', 'measurable', 'timeBound']);
  });

  it('passes quantified, dated objectives in English and Dutch', () => {
    expect(check('Reduce burglaries by 10% by 2022').failed).toEqual([]);
    const nl = check('Het aantal slachtoffers daalt met 25 procent vóór 2025');
    expect(nl.criteria.measurable.result).toBe('pass');
    expect(nl.criteria.timeBound.result).toBe('pass');
  });

  it('does not take a year or a bare number for a target', () => {
    const year = check('Strengthen the resilience of the vital sectors by 2015');
    expect(year.criteria.measurable.result).toBe('fail');
    expect(year.criteria.specific.result).toBe('fail');
    expect(year.criteria.timeBound.result).toBe('pass');
    expect(check('Coordinate crisis management with the 25 safety regions').criteria.measurable.result).toBe('fail');
    expect(check('Reduce incidents to 500 per year by 2022').criteria.measurable.result).toBe('pass');
  });

  it('uses the structured fields first', () => {
    const s = check('Improve safety', { indicator: 'incidents per year', baseline: '120 (2019)', target: '90', deadline: '2022' });
    expect(s.passed).toBe(5);
    expect(s.criteria.measurable.reason).toBe('Indicator: incidents per year.');
  });

  it('fails relevance for an objective without instruments when the instrument list is complete', () => {
    const a = analyze(makeReview({ instruments: [instrument('i1', 'o2')], objectives: [{ id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022' }, { id: 'o2', domain: 'd1', text: 'Other' }], completeness: { instruments: { status: 'complete' } } }));
    expect(a.smart[0]!.criteria.relevant.result).toBe('fail');
    expect(a.recommendations.find((r) => r.rule === 'objective-without-instruments')).toMatchObject({ priority: 2, subjects: ['o1'] });
  });

  it('does not fail relevance when rows may be missing from the instrument list: unknown, and says why', () => {
    const objectives = [{ id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022' }, { id: 'o2', domain: 'd1', text: 'Other' }];
    const a = analyze(makeReview({ instruments: [instrument('i1', 'o2')], objectives, completeness: { instruments: { status: 'partial', expectedAtLeast: 5, missing: 'pages 3-4 are lost' } } }));
    expect(a.smart[0]!.criteria.relevant).toEqual({ result: 'unknown', reason: 'No instrument in the data is linked to it, but the instrument list holds 1 of at least 5 instrument rows: a missing row may serve it.' });
    const rec = a.recommendations.find((r) => r.rule === 'objective-without-instruments')!;
    expect(rec.priority).toBe(3);
    expect(rec.reasons).toEqual([
      '1 objective has no instrument in the data (o1); the instrument list holds 1 of at least 5 instrument rows, so a missing row may well be theirs.',
      'The list of instruments is partial: pages 3-4 are lost.',
    ]);
    expect(a.realisation.article.list).toMatchObject({ status: 'partial', known: 1, expectedAtLeast: 5, counted: '1 of at least 5 instrument rows' });
  });
});

describe('RPE checklist', () => {
  it('tells answered here, elsewhere, not answered and not recorded apart', () => {
    const a = analyze(makeReview({ rpeAnswers: [{ question: 1, status: 'report', location: '§1' }, { question: 14, status: 'policy-response', location: 'beleidsreactie' }, { question: 15, status: 'not-answered' }] }));
    expect(a.rpe.known).toBe(true);
    expect(a.rpe.items).toHaveLength(15);
    expect(a.rpe.answeredInReport).toEqual([1]);
    expect(a.rpe.answeredElsewhere).toEqual([14]);
    // The file does not say its answers are complete: the others are not recorded, not "not answered".
    expect(a.rpe.notAnswered).toEqual([15]);
    expect(a.rpe.notRecorded).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(a.recommendations.find((r) => r.rule === 'rpe-question-missing')?.subjects).toEqual(['rpe-15']);
    expect(a.rpe.items[0]).toMatchObject({ status: 'report', location: '§1', topic: 'scope' });
  });

  it('says when a version has no bundled question set', () => {
    const a = analyze(makeReview({ rpeVersion: '2022' }));
    expect(a.rpe).toMatchObject({ version: '2022', known: false, items: [] });
  });
});

describe('savings variant', () => {
  const review = makeReview({
    instruments: [instrument('i1'), instrument('i2'), instrument('i3')],
    sources: [source('s1')],
    findings: [finding('f1', ['i1'], 'effectiveness', 'effect'), finding('f2', ['i2'], 'effectiveness', 'plausibility')],
    budgetLines: [
      { id: 'a', name: 'A', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2021, amount: 999 }, { year: 2022, amount: 600 }] },
      { id: 'b', name: 'B', kind: 'programme', instruments: ['i2'], expenditures: [{ year: 2022, amount: 300 }] },
      { id: 'c', name: 'C', kind: 'programme', instruments: ['i3'], expenditures: [{ year: 2022, amount: 100 }] },
      { id: 'd', name: 'D', kind: 'programme', expenditures: [{ year: 2022, amount: null }] },
    ],
  });

  it('defaults to 20% of the last year, across the board and evidence-ranked', () => {
    const s = analyze(review).savings;
    expect(s).toMatchObject({ percent: 20, baseYear: 2022, base: 1000, target: 200, unknownLines: ['d'] });
    const [board, ranked] = s.options;
    expect(board!.cuts.map((c) => [c.line, c.cut])).toEqual([['a', 120], ['b', 60], ['c', 20]]);
    expect(board!.saved).toBe(200);
    expect(ranked!.cuts.map((c) => [c.line, c.cut, c.strength])).toEqual([['c', 100, 'none'], ['b', 100, 'plausibility']]);
    expect(ranked!.shortfall).toBe(0);
  });

  it('protects lines and reports a shortfall', () => {
    const s = analyze(review, { savings: { percent: 50, protect: ['a'] } }).savings;
    expect(s.target).toBe(500);
    expect(s.options[0]!.cuts.map((c) => c.line)).toEqual(['b', 'c']);
    expect(s.options[0]!.saved).toBe(400);
    expect(s.options[0]!.shortfall).toBe(100);
    expect(s.reasons.join(' ')).toContain('Protected lines are not cut: a');
  });

  it('refuses options that do not fit the review, all problems at once', () => {
    try {
      analyze(review, { savings: { percent: 500, baseYear: 2019, protect: ['a', 'bb', 'zzz'] } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidOptionsError);
      const e = err as InvalidOptionsError;
      expect(e.code).toBe('INVALID_OPTIONS');
      expect(e.problems.map((p) => [p.option, p.message, p.hint])).toEqual([
        ['savings.percent', '500 is not a percentage between 0 and 100', 'e.g. 20'],
        ['savings.baseYear', 'the review has no programme figures for 2019', 'years with figures: 2021, 2022'],
        ['savings.protect', '"bb" is not a programme line of this review', 'did you mean "b"?'],
        ['savings.protect', '"zzz" is not a programme line of this review', 'programme lines: a, b, c, d'],
      ]);
    }
  });
});

describe('savings options with staff lines (includeApparatus)', () => {
  it('name the lines they are checked against: programme or apparatus lines', () => {
    const r = makeReview({ budgetLines: [{ id: 'p1', name: 'Programme', kind: 'programme', expenditures: [{ year: 2021, amount: 100 }] }, { id: 's1', name: 'Staff', kind: 'apparatus', expenditures: [{ year: 2021, amount: 50 }] }] });
    expect(() => analyze(r, { savings: { percent: 10, protect: ['s1'] } })).toThrow(InvalidOptionsError);
    expect(() => analyze(r, { savings: { percent: 10, protect: ['s1'], includeApparatus: true } })).not.toThrow();
    try {
      analyze(r, { savings: { percent: 10, protect: ['zzzzz'], includeApparatus: true } });
      expect.unreachable();
    } catch (err) {
      expect((err as InvalidOptionsError).problems.map((p) => [p.message, p.hint])).toEqual([['"zzzzz" is not a programme or apparatus line of this review', 'programme or apparatus lines: p1, s1']]);
    }
  });
});

describe('recommendations', () => {
  it('derives recommendations from gaps, citing their trigger', () => {
    const a = analyze(makeReview({ objectives: [{ id: 'o1', domain: 'd1', text: 'Versterken van de samenwerking' }], instruments: [instrument('i1')] }));
    const rules = a.recommendations.map((r) => r.rule);
    expect(rules).toEqual(expect.arrayContaining(['objective-not-measurable', 'domain-without-efficiency-evidence', 'instrument-without-cost']));
    // No evaluation is known: which instruments none covers is unknown too.
    expect(rules).not.toContain('instrument-not-evaluated');
    // The file records no RPE answers: unknown, so no advice to answer all of them.
    expect(rules).not.toContain('rpe-question-missing');
    const r = a.recommendations.find((x) => x.rule === 'objective-not-measurable')!;
    expect(r.subjects).toEqual(['o1']);
    expect(r.reasons[0]).toContain('o1');
    expect(a.recommendations.every((x) => x.reasons.length > 0)).toBe(true);
  });
});

describe('compare and explain', () => {
  it('reports added, removed and changed items, money and coverage', () => {
    const a = makeReview({ instruments: [instrument('i1'), instrument('i2', 'o1', 'partly')], budgetLines: [{ id: 'l', name: 'L', kind: 'programme', expenditures: [{ year: 2021, amount: 10 }] }] });
    const b = makeReview({
      period: { start: 2023, end: 2026 },
      instruments: [instrument('i2'), instrument('i3')],
      budgetLines: [{ id: 'l', name: 'L', kind: 'programme', expenditures: [{ year: 2021, amount: 12 }, { year: 2024, amount: null }] }],
      sources: [source('s1')],
      findings: [finding('f1', ['i2'], 'effectiveness', 'effect')],
    });
    const c = compare(a, b);
    expect(c.sameArticle).toBe(true);
    expect(c.instruments).toMatchObject({ added: ['i3'], removed: ['i1'], statusChanged: [{ id: 'i2', from: 'partly', to: 'realised' }] });
    expect(c.expenditure.changes).toEqual([
      { line: 'l', year: 2021, before: 10, after: 12, change: 2 },
      { line: 'l', year: 2024, before: null, after: null, change: null },
    ]);
    expect(c.coverage.newlyEvaluated).toEqual(['i2']);
    // Demonstrated for 1 of 2 instruments: not enough for the domain as a whole, but the instrument's steps show the change.
    expect(c.coverage.domains[0]!.effectiveness).toEqual({ before: 'not-determinable', after: 'not-determinable' });
    expect(c.verdicts.instruments).toEqual([{ id: 'i2', steps: { realisation: { before: 'partly', after: 'realised' }, effectiveness: { before: 'no-effect-study', after: 'demonstrated' }, plausibility: { before: 'not-determinable', after: 'plausible' }, contribution: { before: 'not-determinable', after: 'demonstrated' } } }]);
  });

  it('warns when the articles differ', () => {
    const c = compare(makeReview(), makeReview({ budgetArticles: [{ number: '2.2' }] }));
    expect(c.sameArticle).toBe(false);
    expect(c.warnings[0]).toContain('different budget articles');
  });

  it('explains an instrument or an objective, and says so for an unknown id', () => {
    const a = analyze(makeReview({ instruments: [instrument('i1')] }));
    const r = makeReview({ instruments: [instrument('i1')] });
    expect(explain(a, 'i1', r)).toMatchObject({ kind: 'instrument', coverage: { evaluated: false } });
    expect(explain(a, 'o1', r)).toMatchObject({ kind: 'objective', verdicts: { scope: { id: 'o1' } } });
    expect(explain(a, 'd1', r).kind).toBe('domain');
    expect(explain(a, 'nope', r)).toMatchObject({ kind: 'unknown', didYouMean: [] });
  });
});
