import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { en, type Messages } from '../src/analysis/messages/en.js';
import { messagesFor, type CatalogueMismatches } from '../src/analysis/messages/index.js';
import { nl } from '../src/analysis/messages/nl.js';
import { listIds } from '../src/analysis/ids.js';
import { analyze, compare, parseReviewOrThrow, Review, type Assessment } from '../src/index.js';
import { syntheticReview } from '../src/testing/index.js';
import { instrument, makeReview, source } from './builders.js';
import { examplePath } from './helpers.js';

const example = parseReviewOrThrow(readFileSync(examplePath, 'utf8'), { file: 'review.yaml' });

/**
 * The strings the analysis writes itself, by path: every reason, recommendation texts, SMART and
 * savings-cut reasons, RPE data hints. Everything else is an id, a value or the review's own text,
 * and must not depend on the language.
 */
const LANGUAGE_BEARING = [
  /\.reasons\[\d+\]$/,
  /^\.recommendations\[\d+\]\.text$/,
  /^\.smart\[\d+\]\.criteria\.\w+\.reason$/,
  /^\.savings\.options\[\d+\]\.cuts\[\d+\]\.reason$/,
  /^\.rpe\.items\[\d+\]\.dataHint$/,
  /\.list\.(counted|note)$/,
];
const languageBearing = (path: string) => LANGUAGE_BEARING.some((re) => re.test(path));

interface Pair {
  path: string;
  en: string;
  nl: string;
}

/** Walks both assessments in step: same shape, same non-string values; returns the string pairs. */
function walkInStep(a: unknown, b: unknown, path = '', out: Pair[] = []): Pair[] {
  if (typeof a === 'string' && typeof b === 'string') {
    out.push({ path, en: a, nl: b });
    return out;
  }
  if (Array.isArray(a)) {
    // expect only where the two differ: one per node made the walk of a large assessment slow.
    if (!Array.isArray(b)) expect(Array.isArray(b), path).toBe(true);
    if ((b as unknown[]).length !== a.length) expect((b as unknown[]).length, `${path}.length`).toBe(a.length);
    a.forEach((x, i) => walkInStep(x, (b as unknown[])[i], `${path}[${i}]`, out));
    return out;
  }
  if (a && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) expect(b !== null && typeof b === 'object' && !Array.isArray(b), path).toBe(true);
    if (Object.keys(b as object).join('\n') !== Object.keys(a).join('\n')) expect(Object.keys(b as object), path).toEqual(Object.keys(a));
    for (const [k, v] of Object.entries(a)) walkInStep(v, (b as Record<string, unknown>)[k], `${path}.${k}`, out);
    return out;
  }
  if (!Object.is(a, b)) expect(b, path).toEqual(a);
  return out;
}

/** Words and phrases of English sentences that never occur in Dutch ones (so not "of", "was", "is", "in"). */
const ENGLISH = [
  ' the ', ' and ', ' with ', ' for ', ' has ', ' have ', ' are ', ' were ', ' which ', ' no ', ' not ', ' only ',
  ' is not', 'instruments', 'evaluation ', 'evaluations', 'efficiency', 'effectiveness', 'objective', 'finding', 'programme ',
  'expenditure', 'unknown', ' more', 'Strongest', 'Nothing', 'Base:', 'Lines ', 'Indicator:', 'Deadline', 'realised', 'attributed',
];

/** The English words left in a Dutch sentence once quoted material and the review's own names are taken out. */
function englishIn(sentence: string, reviewTexts: readonly string[] = []): string[] {
  let s = ` ${sentence.replace(/"[^"]*"/g, '""')} `;
  for (const t of reviewTexts) if (t) s = s.split(t).join('…');
  return ENGLISH.filter((w) => s.includes(w));
}

const enExample = analyze(example);
const nlExample = analyze(example, { lang: 'nl' });

describe('analyze in Dutch and English', () => {
  it('defaults to English and records the language in the assessment', () => {
    expect(enExample.lang).toBe('en');
    expect(analyze(example, { lang: 'en' })).toEqual(enExample);
    expect(nlExample.lang).toBe('nl');
    expect(() => analyze(example, { lang: 'de' as 'nl' })).toThrow(TypeError);
  });

  it('gives structurally identical assessments of the example: same values, counts and evidence ids; only the sentences differ', () => {
    const pairs = walkInStep(enExample, nlExample);
    const bearing = pairs.filter((p) => p.path !== '.lang' && languageBearing(p.path));
    // Every kind of sentence is there to compare.
    for (const kind of ['verdicts', 'evidence', 'coverage', 'expenditure', 'recommendations', 'smart', 'rpe', 'savings']) {
      expect(bearing.some((p) => p.path.startsWith(`.${kind}`)), kind).toBe(true);
    }
    expect(bearing.length).toBeGreaterThan(500);
    for (const p of pairs) {
      if (p.path === '.lang') continue;
      if (languageBearing(p.path)) expect(p.nl, p.path).not.toBe(p.en);
      else expect(p.nl, p.path).toBe(p.en);
    }
  });

  it('leaks no English sentence into the Dutch assessment of the example', () => {
    const leaks = walkInStep(enExample, nlExample)
      .filter((p) => languageBearing(p.path))
      .flatMap((p) => englishIn(p.nl).map((w) => `${p.path}: "${w}" in ${p.nl}`));
    expect(leaks).toEqual([]);
    // And the English side does contain English, so the scan can find it.
    expect(englishIn(enExample.verdicts.article.efficiency.reasons.join(' ')).length).toBeGreaterThan(0);
  });

  it('writes the verdicts with the domain terms of Dutch reviews', () => {
    const ct = nlExample.verdicts.domains.find((v) => v.scope.id === 'ct')!;
    expect(ct.efficiency.reasons).toContain(
      '(a) Aan geen van ten minste 26 ingezette instrumenten zijn kosten toegerekend; de begrotingsregels en hun bedragen zijn niet alle bekend, dus meer instrumenten kunnen kosten hebben.',
    );
    expect(ct.efficiency.reasons).toContain('(c) Geen evaluatie die berust op ten minste een procesevaluatie verbindt kosten met effect.');
    expect(ct.efficiency.reasons.join(' ')).toMatch(/De bevindingen over doelmatigheid .*f-ct-i49-pdm-doelmatig.* zijn aanwijzingen, geen oordeel\./);
    expect(ct.effectiveness.reasons[0]).toMatch(/^Van ten minste 33 instrumenten is de doeltreffendheid plausibel bij \d+, niet vast te stellen bij \d+ en niet van toepassing \(niet ingezet\) bij 7\.$/);
    expect(ct.effectiveness.reasons[1]).toBe('Geen waarde geldt voor ten minste 67% van de ingezette instrumenten; de doeltreffendheid is als geheel niet vast te stellen.');
    expect(ct.realisation.reasons[0]).toBe('19 van ten minste 33 instrumenten zijn in de periode gerealiseerd, 1 deels, 1 loopt nog, 2 alleen als pilot en 3 met onbekende status.');
    expect(nlExample.verdicts.article.goalAchievement.reasons[2]).toBe(
      'Geen van de 9 doelstellingen heeft een meetbare streefwaarde; in hoeverre zij zijn bereikt, is moeilijk te beoordelen (cs-1, cs-2, cs-3, cs-4, ct-1, ct-2, ct-3, nvc-1 en nog 1).',
    );
    expect(nlExample.recommendations[0]!.text).toMatch(/^Formuleer de doelstellingen SMART/);
    expect(nlExample.expenditure.dominantLine!.reasons.join(' ')).toContain('overgrote deel');
  });

  it('formats money, shares and lists the Dutch way', () => {
    const lines = [
      { id: 'big', name: 'Brede doeluitkering', kind: 'programme' as const, instruments: ['i1'], expenditures: [{ year: 2021, amount: 900 }, { year: 2022, amount: 1234.5 }] },
      { id: 'small', name: 'Subsidie', kind: 'programme' as const, instruments: ['i2'], expenditures: [{ year: 2021, amount: 100 }, { year: 2022, amount: null }] },
    ];
    const review = makeReview({ instruments: [instrument('i1'), instrument('i2')], budgetLines: lines, sources: [source('s1')] });
    const a = analyze(review, { lang: 'nl', savings: { percent: 12.5, protect: ['big'] } });
    expect(a.expenditure.dominantLine!.reasons[0]).toBe('Brede doeluitkering beslaat 96% van de bekende programma-uitgaven (€ 2,1 miljoen van € 2,2 miljoen).');
    expect(a.expenditure.dominantLine!.reasons[1]).toBe('1 bedrag aan programma-uitgaven is onbekend; het aandeel is daarom alleen over de bekende bedragen berekend.');
    expect(a.verdicts.article.realisation.reasons).toContain(
      'De programmaregels big, small financieren deze instrumenten; bekend is ten minste € 2,2 miljoen, maar 1 bedrag wordt in de bron niet vermeld.',
    );
    expect(a.savings.reasons).toEqual([
      'Basis: de programma-uitgaven in 2022 (de vastgestelde begroting waar die gegeven is, anders de realisatie), ten minste € 1,2 miljoen; 12,5% daarvan is ten minste € 154,3 duizend.',
      'Regels zonder bedrag voor 2022, zodat de basis een ondergrens is: small.',
      'Ontziene regels worden niet gekort: big (€ 1,2 miljoen).',
      'Het bestand bevat geen eigen besparingshoofdstuk van de doorlichting om naast deze varianten te zetten.',
    ]);
    expect(listIds(['a', 'b', 'c'], nl, 2)).toBe('a, b en nog 1');
    expect(listIds(['a', 'b', 'c'], en, 2)).toBe('a, b and 1 more');
    expect(nl.euros(350)).toBe('€ 350 duizend');
    expect(nl.euros(128800)).toBe('€ 128,8 miljoen');
    expect(nl.euros(1234567)).toBe('€ 1.234,6 miljoen');
    expect(en.euros(1234567)).toBe('€1,234.6 million');
    expect(nl.pct(0.6857)).toBe('69%');
    expect(nl.pct(null)).toBe('onbekend');
  });

  it('writes every sentence of synthetic reviews in Dutch, with the same structure as in English', () => {
    for (const [instruments, seed] of [[0, 1], [12, 2], [60, 3], [400, 4]] as const) {
      const review = Review.parse(syntheticReview({ instruments, seed }));
      // The review's own names are quoted in some sentences (a line "accounts for"…): they are not the analysis's English.
      const names = [...review.budgetLines.map((l) => l.name), ...review.policyTree.domains.map((d) => d.name)].sort((x, y) => y.length - x.length);
      for (const options of [{}, { savings: { percent: 50, protect: ['l1'] } }]) {
        const pairs = walkInStep(analyze(review, options), analyze(review, { ...options, lang: 'nl' }));
        // Collected and asserted once: an expect per pair (tens of thousands) took most of the
        // test's 7 s on a busy machine, and past its timeout under heavy load.
        const wrong: string[] = [];
        for (const p of pairs) {
          if (p.path === '.lang') continue;
          if (!languageBearing(p.path)) {
            if (p.nl !== p.en) wrong.push(`${p.path}: differs in a value that carries no language (${String(p.en)} / ${String(p.nl)})`);
          } else if (p.nl === p.en) wrong.push(`${p.path}: the same in both languages: ${String(p.nl)}`);
          else for (const word of englishIn(p.nl, names)) wrong.push(`${p.path}: English "${word}" in: ${String(p.nl)}`);
        }
        expect(wrong, `${instruments} instruments, options ${JSON.stringify(options)}`).toEqual([]);
      }
    }
  });

  it('writes the warnings of compare in the language asked for', () => {
    const a = makeReview();
    const b = makeReview({ budgetArticles: [{ number: '2.2' }] });
    expect(compare(a, b).warnings[0]).toContain('different budget articles');
    expect(compare(a, b, { lang: 'nl' }).warnings).toEqual(['De doorlichtingen betreffen verschillende begrotingsartikelen (1.1 en 2.2); onderdelen worden alleen op hun id gekoppeld.']);
  });
});

describe('the message catalogues', () => {
  it('define the same messages with the same parameters (checked by the compiler)', () => {
    // Compile-time: nl satisfies the type derived from en, message by message and parameter by parameter.
    expectTypeOf<CatalogueMismatches<typeof nl>>().toBeNever();
    expectTypeOf(nl).toMatchTypeOf<Messages>();
    // A translation that drops a parameter, or misses a message, is named by the check.
    type DropsAParameter = Omit<typeof nl, 'goal'> & { goal: Omit<typeof nl.goal, 'notMeasurable'> & { notMeasurable: (count: number) => string } };
    expectTypeOf<CatalogueMismatches<DropsAParameter>>().toEqualTypeOf<'goal.notMeasurable'>();
    type MissesAMessage = Omit<typeof nl, 'smart'> & { smart: Omit<typeof nl.smart, 'noDeadline'> };
    expectTypeOf<CatalogueMismatches<MissesAMessage>>().toEqualTypeOf<'smart.noDeadline'>();
    // @ts-expect-error a catalogue without a message is not a Messages
    const incomplete: Messages = { ...nl, efficiency: { ...nl.efficiency, noEvaluation: undefined } };
    expect(incomplete).toBeDefined();
  });

  it('have the same keys and the same number of parameters at run time', () => {
    const shape = (x: unknown): unknown =>
      typeof x === 'function' ? `fn/${x.length}` : typeof x === 'string' ? 'string' : Object.fromEntries(Object.entries(x as object).map(([k, v]) => [k, shape(v)]));
    expect(shape(nl)).toEqual(shape(en));
    expect(messagesFor(undefined)).toBe(en);
    expect(messagesFor('nl')).toBe(nl);
  });

  it('keep every Dutch assessment free of the English catalogue’s sentences', () => {
    const constants = new Set<string>();
    const collect = (x: unknown) => {
      if (typeof x === 'string') constants.add(x);
      else if (x && typeof x === 'object') Object.values(x).forEach(collect);
    };
    collect(en);
    const strings: string[] = [];
    const gather = (x: unknown) => {
      if (typeof x === 'string') strings.push(x);
      else if (x && typeof x === 'object') Object.values(x).forEach(gather);
    };
    gather(nlExample satisfies Assessment);
    expect(strings.filter((s) => constants.has(s))).toEqual([]);
  });
});
