import { analyze, rpeQuestionSet, type Review } from '@polev/core';
import MarkdownIt from 'markdown-it';
import { describe, expect, it, vi } from 'vitest';
import { buildReport, documentTexts, documentToMarkdown, renderDocx, renderHtml, renderMarkdown, REDACTION, scrubValue, type ReportDocument } from '../src/index.js';
import { complete, readDocx, rich } from './helpers.js';

const texts = (doc: ReportDocument) => [...documentTexts(doc)].join('\n');

/** The rich fixture with the classified instrument "ct-i7" renamed to `id` everywhere it is referenced. */
function renameClassifiedInstrument(id: string): Review {
  const r = structuredClone(rich());
  const swap = (x: string) => (x === 'ct-i7' ? id : x);
  r.instruments = r.instruments.map((i) => ({ ...i, id: swap(i.id) }));
  r.budgetLines = r.budgetLines.map((l) => ({ ...l, instruments: l.instruments.map(swap) }));
  r.findings = r.findings.map((f) => ({ ...f, subjects: f.subjects.map(swap) }));
  r.indicators = r.indicators.map((x) => ({ ...x, subjects: x.subjects.map(swap) }));
  r.conclusions = r.conclusions.map((c) => ({ ...c, subjects: c.subjects.map(swap) }));
  return complete(r);
}

describe('public version: ids of dropped records are not redacted inside sentences', () => {
  it('a classified instrument with id "2" leaves every "2" in the sentences of the public report alone', () => {
    const withTwo = renameClassifiedInstrument('2');
    expect(withTwo.instruments.find((i) => i.id === '2')?.classification).toBe('secret');
    for (const lang of ['nl', 'en'] as const) {
      const reference = texts(buildReport(rich(), analyze(rich()), { lang, audience: 'public' }));
      const text = texts(buildReport(withTwo, analyze(withTwo), { lang, audience: 'public' }));
      // The classified instrument is dropped either way, so its id makes no difference.
      expect(text).toBe(reference);
      expect(text).not.toContain(REDACTION);
      expect(text).toMatch(/(^|[^0-9a-z])2([^0-9a-z]|$)/m);
      expect(text).not.toContain('Kraai');
    }
  });

  it('still leaks nothing of it, in any format', async () => {
    const withTwo = renameClassifiedInstrument('2');
    const full = analyze(withTwo);
    const docx = await readDocx(await renderDocx(withTwo, full, { audience: 'public', lang: 'en' }));
    for (const out of [renderMarkdown(withTwo, full, { audience: 'public' }), renderHtml(withTwo, full, { audience: 'public', lang: 'en' }), docx.text]) {
      for (const needle of ['Kraai', 'Nachtegaal', 'geheime jaarverslag', 's-geheim', 'f-geheim', 'ind-geheim', 'c-geheim']) expect(out).not.toContain(needle);
    }
  });

  it('scrubValue removes dropped ids from id-valued fields only', () => {
    const value = {
      reasons: ['1 objective of 2 lacks a target.', '2'],
      evidence: ['2', 'ct-i1'],
      instruments: { '2': { status: 'amount' }, 'ct-i1': { status: 'none' } },
      rows: [{ id: '2', label: 'x' }, { id: 'ct-i1', label: 'Questions 2, 3 and 4' }],
      total: { '2': 'not an id-keyed record' },
      citation: { source: '2' },
    };
    expect(scrubValue(value, new Set(['2']), [], REDACTION)).toEqual({
      reasons: ['1 objective of 2 lacks a target.', '2'],
      evidence: ['ct-i1'],
      instruments: { 'ct-i1': { status: 'none' } },
      rows: [{ id: 'ct-i1', label: 'Questions 2, 3 and 4' }],
      total: { '2': 'not an id-keyed record' },
    });
    // Dropped texts are still redacted inside strings.
    expect(scrubValue({ reasons: ['See the Geheime evaluatie Nachtegaal.'] }, new Set(), ['Geheime evaluatie Nachtegaal'], REDACTION)).toEqual({ reasons: [`See the ${REDACTION}.`] });
  });
});

describe('savings options', () => {
  const review = rich();
  const assessment = analyze(review, { savings: { percent: 35 } });

  it.each(['public', 'confidential'] as const)('keeps the savings percentage of the assessment passed in (%s)', (audience) => {
    for (const lang of ['nl', 'en'] as const) {
      const md = renderMarkdown(review, assessment, { lang, audience });
      expect(md, `${audience} ${lang}`).toMatch(lang === 'nl' ? /De besparingsvariant zoekt 35% / : /The savings variant looks for 35% /);
      expect(md).not.toMatch(/(zoekt|looks for) 20%/);
    }
  });

  it('prefers the savings options the caller passes whenever it analyses the review again', () => {
    // Public: the filtered review is analysed again. Confidential in Dutch: the (English) assessment is.
    expect(renderMarkdown(review, assessment, { lang: 'en', audience: 'public', analyzeOptions: { savings: { percent: 10 } } })).toContain('The savings variant looks for 10% ');
    expect(renderMarkdown(review, assessment, { lang: 'nl', audience: 'confidential', analyzeOptions: { savings: { percent: 10 } } })).toContain('De besparingsvariant zoekt 10% ');
    // Without an assessment, the caller's options or the default.
    expect(renderMarkdown(review, null, { lang: 'en', audience: 'confidential', analyzeOptions: { savings: { percent: 15 } } })).toContain('The savings variant looks for 15% ');
    expect(renderMarkdown(review, null, { lang: 'en', audience: 'public' })).toContain('The savings variant looks for 20% ');
  });
});

describe('RPE versions without a bundled question set', () => {
  const q2015 = rpeQuestionSet('2015')!.questions;

  it.each(['2018', '2022'] as const)('RPE %s: no 2015 questions; the recorded answers by number', (version) => {
    expect(rpeQuestionSet(version)).toBeUndefined();
    const review: Review = { ...rich(), rpeVersion: version };
    for (const lang of ['nl', 'en'] as const) {
      for (const audience of ['public', 'confidential'] as const) {
        const doc = buildReport(review, null, { lang, audience });
        const text = texts(doc);
        for (const q of q2015) expect(text, `${lang}: question ${q.number}`).not.toContain(q[lang]);
        const L = doc.labels;
        expect(text).not.toContain(L.rpeIntro);
        expect(text).not.toContain(L.rpeStatus['not-recorded']);
        expect(text).not.toContain(L.policy.notRecorded);
        expect(text).toContain(L.appendix.rpeUnknownVersion(version));
        const md = documentToMarkdown(doc);
        const status = L.rpeStatus;
        expect(md).toContain(`| 3 | ${status.report} | §2.1<br>De aanleiding is nog immer actueel. |`);
        expect(md).toContain(`| 15 | ${status['not-answered']} | De besparingsvariant is niet uitgewerkt. |`);
        // Every recorded answer, and only those.
        const table = md.slice(md.indexOf(L.appendix.rpeAnswersCaption(version)));
        const rows = table.slice(0, table.indexOf('\n\n', table.indexOf('| ---'))).split('\n').filter((l) => /^\| \d+ \| /.test(l));
        expect(rows.map((l) => Number(l.split('|')[1]))).toEqual(review.rpeAnswers.map((a) => a.question).sort((a, b) => a - b));
      }
    }
    expect(texts(buildReport({ ...review, rpeAnswers: [] }, null, { lang: 'en' }))).toContain('The review data record no answers to the RPE questions.');
  });

  it('RPE 2015 still names its questions in the chapters and the index', () => {
    const doc = buildReport(rich(), null, { lang: 'en' });
    const text = texts(doc);
    for (const q of q2015) expect(text).toContain(`${q.number}. ${q.en}`);
    expect(text).toContain(doc.labels.rpeIntro);
    expect(text).not.toContain(doc.labels.appendix.rpeUnknownVersion('2015'));
  });
});

describe('unknown money', () => {
  it('says "unknown" with the known parts where programme amounts are unknown', () => {
    // The rich fixture has two unknown programme amounts.
    const review = rich();
    const a = analyze(review);
    expect(a.costAttribution.attributableMoney.share).toBeNull();
    expect(a.coverage.article.money.evaluatedShare).toBeNull();
    expect(a.expenditure.dominantLine?.share).toBeNull();
    const en = renderMarkdown(review, a, { lang: 'en', audience: 'confidential' });
    expect(en).toContain('The largest programme line by known amounts is BDuR, with 702,000 of the 842,800 x €1,000 known programme expenditure over the period; its share is unknown, as 2 programme amounts are unknown.');
    expect(en).toContain('The share of programme expenditure on lines that name instruments is unknown, as 2 programme amounts are unknown; of the known amounts, 842,800 of 842,800 x €1,000 is on such lines.');
    expect(en).toMatch(/\| \*\*The article as a whole\*\* \|.*\| \*\*unknown \(2 amounts unknown\)\*\* \|/);
    expect(en).not.toContain('n/a');
    const nl = renderMarkdown(review, null, { lang: 'nl' });
    expect(nl).toContain('het aandeel is onbekend, omdat 2 programmabedragen onbekend zijn');
    expect(nl).toContain('onbekend (2 bedragen onbekend)');
    expect(nl).toContain('Het aandeel van de programma-uitgaven op regels die instrumenten noemen is onbekend');
  });

  it('gives the share when every amount is known', () => {
    const review = structuredClone(rich());
    for (const l of review.budgetLines) l.expenditures = l.expenditures.map((e) => ({ ...e, amount: e.amount ?? 1000 }));
    const md = renderMarkdown(review, null, { lang: 'en' });
    expect(md).toMatch(/The largest programme line is BDuR, with \d+(\.\d)?% of the known programme expenditure/);
    expect(md).toMatch(/Programme expenditure on lines that name instruments: \d+(\.\d)?% of the known programme expenditure\./);
  });

  it('uses what the review states of the largest line when the source gives no amounts, and never a 0 amount', () => {
    const base = structuredClone(rich());
    const programme = (r: Review) => r.budgetLines.filter((l) => l.kind === 'programme');
    for (const l of programme(base)) l.expenditures = l.expenditures.map((e) => ({ ...e, amount: null }));
    const stated = (share: number | null) => {
      const r = structuredClone(base);
      programme(r)[0]!.statedShare = { text: 'het overgrote deel van de uitgaven', share };
      return complete(r);
    };
    const withFigure = stated(0.8);
    expect(analyze(withFigure).expenditure.dominantLine).toMatchObject({ line: 'bl-bdur', amount: null, share: 0.8 });
    const md = renderMarkdown(withFigure, null, { lang: 'en' });
    expect(md).toContain('The review gives no programme amounts; it states that BDuR accounts for 80% of the programme expenditure ("het overgrote deel van de uitgaven").');
    const withoutFigure = renderMarkdown(stated(null), null, { lang: 'nl' });
    expect(withoutFigure).toContain('De doorlichting geeft geen programmabedragen; zij omschrijft het aandeel van BDuR als "het overgrote deel van de uitgaven". Het aandeel zelf is onbekend.');
    // Instruments linked to lines without any amount: their cost is unknown, not 0.
    expect(withoutFigure).toContain('| 25. Brede Doeluitkering Rampenbestrijding (BDuR) | BDuR | onbekend |');
    expect(withoutFigure).toContain('| 30. NL-Alert | Project NL-Alert | onbekend |');
  });
});

describe('Markdown notes', () => {
  const md = new MarkdownIt();
  const note = (content: ReportDocument['sections'][number]['blocks'][number]) => {
    const doc = buildReport(rich(), null, { lang: 'en' });
    const s = doc.sections[0]!;
    return documentToMarkdown({ ...doc, sections: [{ ...s, blocks: [content], sections: [] }] });
  };

  it('keeps a note italic when its text has italic or bold runs', () => {
    const italic = note({ kind: 'paragraph', tone: 'note', content: [{ text: 'all italic', italic: true }] });
    expect(md.render(italic)).toContain('<p><em>all italic</em></p>');
    const mixed = note({ kind: 'paragraph', tone: 'note', content: [{ text: 'Bold start', bold: true }, { text: ' then ' }, { text: 'italic', italic: true }, { text: ' end' }] });
    expect(md.render(mixed)).toContain('<p><em><strong>Bold start</strong> then italic end</em></p>');
  });
});

describe('RasterizerUnavailableError', () => {
  it('is a typed polev error that says what to do', async () => {
    vi.resetModules();
    vi.doMock('@resvg/resvg-js', () => {
      throw new Error('Cannot find native binding');
    });
    try {
      const { svgToPng, RasterizerUnavailableError } = await import('../src/figures/png.js');
      // The module graph was reset: the error class of the fresh @polev/core instance.
      const { PolevError } = await import('@polev/core');
      const err = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', 1).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RasterizerUnavailableError);
      expect(err).toBeInstanceOf(PolevError);
      const e = err as InstanceType<typeof RasterizerUnavailableError>;
      expect(e.code).toBe('RASTERIZER_UNAVAILABLE');
      expect(e.name).toBe('RasterizerUnavailableError');
      expect(e.message).toContain('could not be loaded');
      expect(e.cause).toBeInstanceOf(Error);
      expect(e.message).toMatch(/@resvg\/resvg-js/);
      expect(e.message).toMatch(/font/);
      expect(e.message).toMatch(/\.html or \.md/);
    } finally {
      vi.doUnmock('@resvg/resvg-js');
      vi.resetModules();
    }
  });
});
