import { describe, expect, it } from 'vitest';
import { formatProblem, parseReview, parseReviewOrThrow, InvalidReviewError } from '../src/index.js';
import { lineOf, readFixture } from './helpers.js';

const mini = readFixture('mini.yaml');

describe('parseReview', () => {
  it('returns a typed review with defaults filled in', () => {
    const r = parseReview(mini, { file: 'mini.yaml' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.review.instruments.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(r.review.instruments[0]!.classification).toBe('public');
    expect(r.review.budgetLines[0]!.expenditures[1]!.amount).toBeNull();
  });

  it('reads JSON with line numbers too', () => {
    const json = JSON.stringify({ ...parseReviewOrThrow(mini), period: { start: 2018, end: 'soon' } }, null, 2);
    const r = parseReview(json, { file: 'mini.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'mini.json', path: 'period.end', line: lineOf(json, '"end": "soon"') });
  });

  it('reports schema and reference problems together, each at its line', () => {
    const bad = mini
      .replace('objective: o1a', 'objectve: o1a')
      .replace('amount: 1200', 'amount: "lots"')
      .replace('source: s1', 'source: s2');
    const r = parseReview(bad, { file: 'bad.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['budgetLines[0].expenditures[0].amount', 'findings[0].sources[0].source', 'instruments[0].objective', 'instruments[0].objectve'].sort(),
    );
    expect(byPath['instruments[0].objectve']).toMatchObject({ line: lineOf(bad, 'objectve'), hint: 'did you mean "objective"?' });
    expect(byPath['budgetLines[0].expenditures[0].amount']!.message).toBe('expected a number, got the text "lots"');
    expect(byPath['findings[0].sources[0].source']).toMatchObject({ code: 'dangling-reference', line: lineOf(bad, 'source: s2'), hint: 'did you mean "s1"?' });
    expect(formatProblem(byPath['findings[0].sources[0].source']!)).toMatch(/^bad\.yaml:\d+:\d+: error: findings\[0\]\.sources\[0\]\.source: the source "s2" does not exist/);
  });

  it('checks ids, periods, money and RPE answers', () => {
    const bad = mini
      .replace('id: i2', 'id: i1')
      .replace('year: 2021, amount: null', 'year: 2030, amount: -5')
      .replace('{ question: 1,', '{ question: 16,');
    const r = parseReview(bad, { file: 'bad.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['duplicate-id', 'instruments[1].id'],
      ['out-of-period', 'budgetLines[0].expenditures[1].year'],
      ['negative-amount', 'budgetLines[0].expenditures[1].amount'],
      ['inconsistent', 'rpeAnswers[0].question'],
    ]);
    expect(r.problems[0]!.message).toContain('already used by the instrument at instruments[0]');
  });

  it('refuses a reference to the wrong kind of thing', () => {
    const r = parseReview(mini.replace('objective: o1a', 'objective: d1'), { file: 'x.yaml' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('the objective must name an objective, but "d1" is a domain');
  });

  it('detects parent cycles and domain mismatches in the policy tree', () => {
    const bad = mini.replace('      text: Reduce the number', '      parent: o1a\n      text: Reduce the number');
    const r = parseReview(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.filter((p) => p.message.includes('loops back'))).toHaveLength(2);
  });

  it('gives syntax errors with their position and no stack trace', () => {
    const r = parseReview('schemaVersion: 1\ntitle: [unclosed\nid: x\n', { file: 's.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe('syntax');
    expect(r.problems[0]!.line).toBeGreaterThan(1);
    expect(r.problems[0]!.message).not.toMatch(/\n|at .*\.js/);
  });

  it('refuses alias bombs with a located problem instead of expanding them', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    for (const text of [bomb, `${bomb}schemaVersion: oops\n`]) {
      const r = parseReview(text, { file: 'bomb.yaml' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ file: 'bomb.yaml', code: 'syntax', message: expect.stringContaining('expands its aliases too often') })]);
    }
  });

  it('still reads anchors and aliases within the limit', () => {
    const text = mini.replace('ministry: { name: Ministry of Examples, abbreviation: MinEx }', 'ministry: &m { name: Ministry of Examples, abbreviation: MinEx }');
    expect(parseReview(text).ok).toBe(true);
  });

  it('rejects duplicate keys and empty documents', () => {
    expect(parseReview('{"id": "a", "id": "b"}').ok).toBe(false);
    const empty = parseReview('', { file: 'e.yaml' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]!.message).toBe('the file is empty');
  });

  it('parseReviewOrThrow throws a typed error carrying every problem', () => {
    try {
      parseReviewOrThrow(mini.replace('source: s1', 'source: s9').replace('kind: financial', 'kind: cash'));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidReviewError);
      expect((err as InvalidReviewError).code).toBe('INVALID_REVIEW');
      expect((err as InvalidReviewError).problems).toHaveLength(2);
    }
  });
});
