import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { analyze, parseReview } from '../src/index.js';
import { lineOf, readFixture } from './helpers.js';

const warningsOf = (text: string) => {
  const r = parseReview(text, { file: 'review.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.warnings;
};
const edit = (name: string, change: (d: Record<string, unknown>) => void) => {
  const d = parse(readFixture(name)) as Record<string, unknown>;
  change(d);
  return stringify(d);
};

describe('warnings: valid files that probably do not say what their author meant', () => {
  it('the example and the fixtures have none, but the 2013 review its unlocated answer', () => {
    expect(warningsOf(readFixture('mini.yaml'))).toEqual([]);
    expect(warningsOf(readFixture('sparse.yaml'))).toEqual([]);
    const text = readFixture('rpe-2013.yaml');
    expect(warningsOf(text)).toEqual([
      expect.objectContaining({ code: 'unlocated-answer', path: 'rpeAnswers[4].location', line: lineOf(text, '{ question: 5, status: report }'), message: 'RPE 2013 part e is answered in the report, but the answer gives no location' }),
    ]);
  });

  it('an expert list stated complete and empty, under a version that requires an expert', () => {
    const text = edit('rpe-2013.yaml', (d) => {
      d.independentExperts = [];
    });
    const w = warningsOf(text).filter((x) => x.code === 'expert-required');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('RPE 2013 requires at least one independent expert');
    expect(w[0]!.path).toBe('completeness.independentExperts');
    expect(w[0]!.line).toBeGreaterThanOrEqual(lineOf(text, 'independentExperts:', text.indexOf('completeness:')));
    // An empty list the review does not state complete is unknown: no warning.
    const unstated = edit('rpe-2013.yaml', (d) => {
      d.independentExperts = [];
      delete (d.completeness as Record<string, unknown>).independentExperts;
    });
    expect(warningsOf(unstated).filter((x) => x.code === 'expert-required')).toEqual([]);
    // A version whose rule polev does not know: no warning either.
    const unknownRule = edit('rpe-2013.yaml', (d) => {
      d.independentExperts = [];
      d.rpeVersion = '2022';
      d.rpeAnswers = [];
    });
    expect(warningsOf(unknownRule).filter((x) => x.code === 'expert-required')).toEqual([]);
  });

  it('programme money on an article the review does not cover; apparatus and out-of-scope lines are fine', () => {
    const text = edit('rpe-2013.yaml', (d) => {
      const lines = d.budgetLines as Record<string, unknown>[];
      lines.push({ ...lines[0], id: 'b2', article: '8.1' }, { ...lines[0], id: 'b3', article: '91', kind: 'apparatus' }, { ...lines[0], id: 'b4', article: '7.2' });
    });
    const w = warningsOf(text).filter((x) => x.code === 'foreign-article');
    expect(w.map((x) => x.path)).toEqual(['budgetLines[1].article']);
    expect(w[0]!.message).toContain('article 8.1, which the review does not cover (7)');
  });

  it('money on another article: the warning says it is kept out of every total, by the one rule the analysis uses', () => {
    const text = edit('rpe-2013.yaml', (d) => {
      const lines = d.budgetLines as Record<string, unknown>[];
      const { article: _, ...noArticle } = lines[0]!;
      lines.push({ ...lines[0], id: 'b2', article: '8.1' }, { ...noArticle, id: 'b3', index: 'VI.8.1.10' }, { ...lines[0], id: 'b5', article: '9', expenditures: [{ year: 2012, amount: null }] });
    });
    const w = warningsOf(text).filter((x) => x.code === 'foreign-article');
    // The open-data index counts as the article a line is on, and so does a line whose amounts are unknown.
    expect(w.map((x) => x.path)).toEqual(['budgetLines[1].article', 'budgetLines[2].index', 'budgetLines[3].article']);
    expect(w[0]!.message).toBe('budget line "b2" is booked on article 8.1, which the review does not cover (7); its money is kept out of the totals, the costs and the savings base');
    expect(w[0]!.hint).toBe('add article 8.1 to budgetArticles if the review covers it, or set kind: out-of-scope with an outOfScopeReason');
    expect(w.map((x) => x.message).join(' ')).not.toContain("counts in this review's totals");
    expect(w[0]!.line).toBeGreaterThan(1);
    // The lines warned about are exactly those the analysis keeps out of its totals.
    const r = parseReview(text);
    if (!r.ok) throw new Error('invalid');
    expect(analyze(r.review).expenditure.outsideArticle.map((o) => o.line)).toEqual(['b2', 'b3', 'b5']);
  });

  it('a review of an article part: money on another part of the same article is on another article', () => {
    const text = edit('rpe-2013.yaml', (d) => {
      d.budgetArticles = [{ number: '7', title: 'Integratie', parts: ['2'] }];
      const lines = d.budgetLines as Record<string, unknown>[];
      lines[0]!.article = '7.2';
      lines.push({ ...lines[0], id: 'b2', article: '7.1' });
    });
    expect(warningsOf(text).filter((x) => x.code === 'foreign-article').map((x) => x.path)).toEqual(['budgetLines[1].article']);
  });

  it('shares of a line that cannot all be true are a located warning: its cost is treated as joint', () => {
    const text = edit('rpe-2013.yaml', (d) => {
      const lines = d.budgetLines as Record<string, unknown>[];
      lines[0]!.shares = [{ instrument: 'i1', amount: 300000 }];
    });
    const w = warningsOf(text).filter((x) => x.code === 'inconsistent');
    expect(w).toEqual([expect.objectContaining({ path: 'budgetLines[0].shares', severity: 'warning', message: 'budget line "b1": the amounts add up to 300000, more than the line\'s known expenditure of 230000; its cost is treated as joint' })]);
    expect(w[0]!.line).toBeGreaterThan(1);
  });

  it('an answer to a question its version does not have is a problem, in the version’s own terms', () => {
    const r = parseReview(edit('rpe-2013.yaml', (d) => (d.rpeAnswers as unknown[]).push({ question: 6, status: 'report', location: 'x' })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ path: 'rpeAnswers[5].question', message: 'RPE 2013 has no part 6', hint: 'its parts are numbered 1 (a), 2 (b), 3 (c), 4 (d), 5 (e)' })]);
    // With its own question set, a review answers its own questions.
    const own = parseReview(
      edit('sparse.yaml', (d) => {
        d.rpeVersion = '2022';
        d.questionSet = { version: '2022', questions: [{ number: 1, topic: 'scope', text: 'Welk thema?' }, { number: 3, topic: 'effects', text: 'Welke effecten?' }] };
        d.rpeAnswers = [{ question: 3, status: 'report', location: '§3' }, { question: 2, status: 'report', location: '§2' }];
      }),
    );
    expect(own.ok).toBe(false);
    if (own.ok) return;
    expect(own.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ path: 'rpeAnswers[1].question', message: 'RPE 2022 has no question 2', hint: 'its questions are numbered 1, 3' })]);
  });
});
