import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, rpeVersionData, type Review } from '@polev/core';
import { describe, expect, it } from 'vitest';
import { labelsFor, renderDocx, renderHtml, renderMarkdown } from '../src/index.js';
import { formatListNumber } from '../src/labels/index.js';
import { loadReview, readDocx, REPO_ROOT } from './helpers.js';

/**
 * Unknown is never none: a review that does not say something gets "unknown" in every format and
 * both languages, never a 0, "none" or "not answered". Two fixtures: a sparse review (no period, no
 * method, no main goal, no money, no evaluations, no RPE answers, no experts or committee) and a
 * review under RPE 2013 (five lettered parts, no savings variant required).
 */
const FIXTURES = join(REPO_ROOT, 'packages', 'core', 'src', '__fixtures__');
const sparse = loadReview(join(FIXTURES, 'sparse.yaml'));
const rpe2013 = loadReview(join(FIXTURES, 'rpe-2013.yaml'));
const LANGS = ['en', 'nl'] as const;

/** The report's text in each format: Markdown, HTML without its tags, and the .docx as a reader extracts it. */
async function texts(review: Review, lang: 'en' | 'nl', docx = true): Promise<Partial<Record<'md' | 'html' | 'docx', string>>> {
  const a = analyze(review, { lang });
  const opts = { lang, audience: 'confidential' as const };
  const html = renderHtml(review, a, opts)
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"');
  const word = docx ? (await readDocx(await renderDocx(review, a, opts))).text : null;
  // Markdown escapes some punctuation; the assertions are about words.
  const md = renderMarkdown(review, a, opts).replace(/\\([-.()[\]*_#+!|])/g, '$1');
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return { md: squash(md), html: squash(html), ...(word === null ? {} : { docx: squash(word) }) };
}

/** Texts in consecutive cells (or a term and its value), whatever a format puts between them (spaces, `|`, `**`). */
const cells = (...texts: string[]) => new RegExp(texts.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s|*:]*'));

describe('a sparse review: what it does not say stays unknown', () => {
  for (const lang of LANGS) {
    it(`${lang}: every format says unknown, never none or not answered`, async () => {
      const L = labelsFor(lang);
      for (const [format, text] of Object.entries(await texts(sparse, lang))) {
        const where = `${lang} ${format}`;
        // RPE answers: none recorded, so every question is "not recorded", none "not answered", and
        // there is no advice to answer them.
        expect(text, where).toContain(L.rpeStatus['not-recorded']);
        expect(text, where).not.toContain(L.rpeStatus['not-answered']);
        expect(text, where).not.toMatch(lang === 'en' ? /Answer the questions of RPE/ : /Beantwoord de vragen uit de RPE/);
        // Experts and committee: unknown, not "no expert".
        expect(text, where).toContain(L.accountability.expertUnknown);
        expect(text, where).not.toContain(L.accountability.expertNone('2015', '').slice(0, 40));
        expect(text, where).toContain(L.accountability.committeeUnknown);
        expect(text, where).not.toContain(L.accountability.committeeNone);
        // Evaluations: unknown, not "none"; the source of unknown type is named apart.
        expect(text, where).toContain(L.research.evaluationsUnknown);
        expect(text, where).not.toContain(L.research.noEvaluations);
        expect(text, where).toContain('Rapport over de regeling');
        expect(text, where).toMatch(lang === 'en' ? /may be an evaluation/ : /mogelijk een evaluatie/);
        // Period and method: unknown, never a made-up range.
        expect(text, where).not.toMatch(/unknown–unknown|onbekend–onbekend/);
        expect(text, where).toContain(L.scope.periodText(null, null));
        expect(text, where).toContain(L.accountability.methodText.unknown);
        // No tree of "0 instruments".
        expect(text, where).not.toMatch(/\b0 instrument/);
        // Key figures: evaluations and budget lines are unknown, so neither share is "0 of 2".
        expect(text, where).not.toMatch(lang === 'en' ? /(covered by an evaluation|attributable expenditure)\W*0 of/ : /(waarover een evaluatie iets zegt|met toe te rekenen uitgaven)\W*0 van/);
        // §4's coverage table: the evaluations are unknown, so is every count over them (never "0 of 2 (unknown)").
        expect(text, where).not.toMatch(lang === 'en' ? /\d+ of 2 \(unknown\)/ : /\d+ van 2 \(onbekend\)/);
        // The file's two instruments, of a list it does not state complete: at least two.
        expect(text, where).toMatch(cells('Arbeidsmarkt', formatListNumber(2, 'partial', lang), L.unknown, L.unknown, L.unknown, L.unknown, L.unknown));
        // §3: the budget lines are unknown, so is the number of instruments with a known amount (never "0 of 2 (0%)").
        expect(text, where).toContain(L.instruments.costTextAllUnknown(L.unknown, 0));
        expect(text, where).not.toMatch(lang === 'en' ? /linked to them: 0 of 2/ : /gekoppeld: 0 van 2/);
      }
    });
  }
});

describe('a review under RPE 2013: its own parts, never 2015 numbering', () => {
  const q2015 = rpeVersionData('2015')!.questions!;
  const parts2013 = rpeVersionData('2013')!.questions!;
  for (const lang of LANGS) {
    it(`${lang}: lists parts a–e, no 2015 question, no savings question, the expert with the verdict`, async () => {
      const L = labelsFor(lang);
      for (const [format, text] of Object.entries(await texts(rpe2013, lang))) {
        const where = `${lang} ${format}`;
        for (const p of parts2013) expect(text, `${where} part ${p.label}`).toContain(`${p.label}. ${p[lang].slice(0, 40)}`);
        for (const q of q2015) expect(text, `${where} 2015 question ${q.number}`).not.toContain(q[lang].slice(0, 50));
        expect(text, where).toContain(L.rpeIntroParts);
        expect(text, where).not.toMatch(/RPE question 15|RPE-vraag 15|question 15|vraag 15/);
        // Answers complete: nothing "not recorded" and nothing "not answered".
        expect(text, where).not.toContain(L.rpeStatus['not-recorded']);
        expect(text, where).not.toContain(L.rpeStatus['not-answered']);
        expect(text, where).toContain('Het onderzoek voldoet aan de eisen van de RPE.');
        expect(text, where).not.toContain(L.accountability.expertUnknown);
        // The central question and the parliamentary follow-up the review records.
        expect(text, where).toContain('In hoeverre is het integratiebeleid in 2008-2012 doeltreffend en doelmatig geweest?');
        expect(text, where).toContain(L.accountability.followUpTitle);
        expect(text, where).toContain('Kamerstuk 32824, nr. 99');
      }
    });
  }
});

describe('counts over a partial list are lower bounds', () => {
  // mini.yaml states no completeness: its sources and budget lines hold something, so each list is
  // partial (it holds at least what it holds), and every count over it is "at least".
  const mini = loadReview(join(FIXTURES, 'mini.yaml'));
  // Its instruments too are a list it does not state complete: the total is a lower bound as well,
  // and the share is of the instruments known.
  const instruments = { instruments: { status: 'complete' as const } };
  const stated = { ...mini, completeness: { ...instruments, evaluations: { status: 'complete' as const }, budgetLines: { status: 'complete' as const } } };
  const expected = {
    en: { evaluated: 'at least 1 of at least 2 (50% of those known)', withCost: 'linked to them: at least 1 of at least 2 (50% of those known)', plain: '1 of 2 (50%)' },
    nl: { evaluated: 'ten minste 1 van ten minste 2 (50% van de bekende)', withCost: 'gekoppeld: ten minste 1 van ten minste 2 (50% van de bekende)', plain: '1 van 2 (50%)' },
  };
  const instrumentsComplete = { ...mini, completeness: instruments };
  const lowerBound = { en: { evaluated: 'at least 1 of 2 (≥ 50%)' }, nl: { evaluated: 'ten minste 1 van 2 (≥ 50%)' } };
  for (const lang of LANGS) {
    it(`${lang}: "at least" in the coverage table, key figures and cost sentence of every format; plain counts once the lists are stated complete`, async () => {
      const L = labelsFor(lang);
      const e = expected[lang];
      for (const [format, text] of Object.entries(await texts(mini, lang))) {
        const where = `${lang} ${format}`;
        expect(text, where).toMatch(cells(L.summary.evaluated, e.evaluated));
        // The whole article's row of the coverage table: evaluated, effectiveness and two counts of none found so far.
        expect(text, where).toContain(e.withCost);
        expect(text, where).toMatch(cells(L.effects.articleTitle, formatListNumber(2, 'partial', lang), e.evaluated));
      }
      for (const [format, text] of Object.entries(await texts(instrumentsComplete, lang))) {
        // Instruments stated complete, evaluations not: the count is a lower bound of a known total.
        expect(text, `${lang} ${format}, instruments complete`).toMatch(cells(L.summary.evaluated, lowerBound[lang].evaluated));
      }
      for (const [format, text] of Object.entries(await texts(stated, lang))) {
        const where = `${lang} ${format}, stated complete`;
        expect(text, where).toMatch(cells(L.effects.articleTitle, '2', e.plain));
        expect(text, where).not.toMatch(lang === 'en' ? /at least \d+ of 2/ : /ten minste \d+ van 2/);
      }
    });
  }
});

describe('counts over the instrument list follow its completeness', () => {
  const mini = loadReview(join(FIXTURES, 'mini.yaml'));
  const withInstruments = (status: 'complete' | 'partial' | 'unknown') => ({ ...mini, completeness: { ...mini.completeness, instruments: { status } } });
  for (const lang of LANGS) {
    it(`${lang}: realisation, instruments per domain and after the period say "at least" over a partial list, unknown over an unknown one`, async () => {
      const L = labelsFor(lang);
      const atLeast = lang === 'en' ? 'at least' : 'ten minste';
      const realised = (t: string) => new RegExp(`${L.summary.realised}[\\s|*:]*([^|*\\n]*?\\))`).exec(t)?.[1] ?? '';
      for (const [format, text] of Object.entries(await texts(withInstruments('partial'), lang))) {
        const where = `${lang} ${format} partial`;
        expect(realised(text), where).toMatch(new RegExp(`^${atLeast} \\d+ ${lang === 'en' ? 'of' : 'van'} ${atLeast} \\d+ \\(`));
        expect(text, where).toMatch(lang === 'en' ? /Realised: at least \d+ of at least \d+ \(\d+(\.\d)?% of those known\); deployed \(realised, partly or ongoing\): at least/ : /Gerealiseerd: ten minste \d+ van ten minste \d+ \(\d+(,\d)?% van de bekende\); ingezet \(gerealiseerd, deels of lopend\): ten minste/);
        expect(text, where).toMatch(lang === 'en' ? /At least \d+ instruments? serves? at least \d+ objectives?/ : /Ten minste \d+ instrument(en)? (is|zijn) gericht op ten minste \d+ doelstelling/);
      }
      for (const [format, text] of Object.entries(await texts(withInstruments('unknown'), lang))) {
        const where = `${lang} ${format} unknown`;
        expect(text, where).toMatch(cells(L.summary.realised, L.unknown));
        expect(text, where).toMatch(lang === 'en' ? /Realised: unknown; deployed \(realised, partly or ongoing\): unknown/ : /Gerealiseerd: onbekend; ingezet \(gerealiseerd, deels of lopend\): onbekend/);
      }
      for (const [format, text] of Object.entries(await texts(withInstruments('complete'), lang))) {
        const where = `${lang} ${format} complete`;
        expect(realised(text), where).toMatch(/^\d+ (of|van) \d+ \(/);
        expect(text, where).not.toMatch(new RegExp(`${atLeast} \\d+ instrument`, 'i'));
      }
    });
  }
});

describe('the findings per evaluation follow the findings list', () => {
  const mini = loadReview(join(FIXTURES, 'mini.yaml'));
  for (const lang of LANGS) {
    it(`${lang}: "at least 1" finding where the list is not stated complete, 1 where it is`, async () => {
      const row = (md: string) => md.split('\n').find((l) => l.startsWith('| Evaluation of training |')) ?? '';
      const md = (r: Review) => renderMarkdown(r, analyze(r, { lang }), { lang, audience: 'confidential' });
      expect(row(md(mini)).trim()).toMatch(lang === 'en' ? /\| at least 1 \|$/ : /\| ten minste 1 \|$/);
      expect(row(md({ ...mini, completeness: { findings: { status: 'complete' } } })).trim()).toMatch(/\| 1 \|$/);
    });
  }
});

describe('the example', () => {
  it('says "70 of at least 108 instrument rows" where it counts instruments', async () => {
    const example = loadReview(join(REPO_ROOT, 'examples', 'nctv-36-2', 'review.yaml'));
    // The example's .docx is slow to write; its text comes from the same document model as these.
    const en = await texts(example, 'en', false);
    const nl = await texts(example, 'nl', false);
    for (const text of Object.values(en)) expect(text).toContain('70 of at least 108 instrument rows');
    for (const text of Object.values(nl)) expect(text).toContain('70 van ten minste 108 instrumentrijen');
    // The two objectives without an instrument in the data are not declared orphans: a lost row may hold theirs.
    const a = analyze(example);
    expect(a.smart.filter((s) => s.criteria.relevant.result === 'fail')).toEqual([]);
    expect(a.recommendations.find((r) => r.rule === 'objective-without-instruments')?.reasons[0]).toContain('a missing row may well be theirs');
  });
});

// Guard: the fixtures are what the tests claim they are.
it('the sparse fixture gives no period, method, main goal, money, evaluations, answers, experts or committee', () => {
  const raw = readFileSync(join(FIXTURES, 'sparse.yaml'), 'utf8');
  for (const key of ['period:', 'method:', 'budgetLines:', 'rpeAnswers:', 'independentExperts:', 'supervisoryCommittee:', 'completeness:']) expect(raw).not.toContain(`\n${key}`);
  expect(sparse.policyTree.mainGoal.text).toBeNull();
  expect(sparse.sources.every((s) => s.type === 'unknown')).toBe(true);
});

describe('a count of none over a list that is not complete', () => {
  it('reads "none known", never "at least 0", in every format and both languages', async () => {
    const example = loadReview(join(REPO_ROOT, 'examples', 'nctv-36-2', 'review.yaml'));
    for (const lang of LANGS) {
      // The example's Word file is left out: every format renders the same document model, and
      // the sparse review's .docx already checks Word's text (and the example's costs ~5 s a language).
      for (const review of [sparse, example]) {
        for (const [format, text] of Object.entries(await texts(review, lang, review === sparse))) {
          expect(text, `${review.id} ${lang} ${format}`).not.toMatch(/at least 0\b|ten minste 0\b/);
        }
      }
      expect(formatListNumber(0, 'partial', lang)).toBe(lang === 'nl' ? 'geen bekend' : 'none known');
      expect(formatListNumber(0, 'complete', lang)).toBe('0');
    }
  }, 120_000);
});
