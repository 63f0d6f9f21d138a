import { describe, expect, it } from 'vitest';
import { exportCsv, exportXlsx, importSheets, parseMapping, type ImportResult } from '../src/index.js';
import { exampleData, file, miniReview, workbook } from './helpers.js';

type Any = Record<string, any>;
const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(r.problems.map((p) => JSON.stringify(p)).join('\n'));
  return r;
};
const instruments = [
  ['Instrument-id', 'Instrument', 'Doelstelling-id', 'Soort', 'Realisatie'],
  ['ct-i2', 'Wet bestuurlijke maatregelen', 'ct-1', 'regelgeving', 'gerealiseerd'],
];
const text = (r: ImportResult) => r.notices.map((n) => n.message).join('\n');

describe('what an import says of the completeness of the lists it fills', () => {
  it("an analyst's table is partial: never complete on silence; lists it does not fill get nothing", async () => {
    const r = ok(await importSheets([file('instrumenten.xlsx', await workbook({ Instrumenten: instruments }))], { review: miniReview() }));
    expect(r.data.completeness).toEqual({ instruments: { status: 'partial' } });
    const sources = 'Bron-id;Titel;Type\nsrc-a;Evaluatie Wet veiligheidsregio’s;effectevaluatie\nsrc-b;Voortgangsbrief;voortgangsrapportage\n';
    const lines = 'Regel-id;Begrotingsregel;Jaar;Realisatie;Ontwerpbegroting\nbdur;BDUR;2014;1.234;1.300\nifv;IFV;2014;;900\n';
    const s = ok(await importSheets([file('bronnen.csv', sources), file('uitgaven.csv', lines)], { review: miniReview() }));
    expect(s.data.completeness).toEqual({ sources: { status: 'partial' }, evaluations: { status: 'partial' }, budgetLines: { status: 'partial' }, expenditure: { status: 'partial' } });
    expect(s.report.reviewFields).toEqual(expect.arrayContaining(['completeness.sources', 'completeness.evaluations', 'completeness.budgetLines', 'completeness.expenditure']));
    // Budgets without any realisation say nothing of the expenditure.
    const budgets = ok(await importSheets([file('uitgaven.csv', 'Regel-id;Begrotingsregel;Jaar;Ontwerpbegroting\nifv;IFV;2014;900\n')]));
    expect(budgets.data.completeness).toEqual({ budgetLines: { status: 'partial' } });
  });

  it('a mapping file or a Volledigheid sheet says complete, with what is missing and how many at least', async () => {
    const m = parseMapping('tables:\n  - file: "*.xlsx"\n    table: instruments\ncompleteness:\n  instruments: complete\n  sources: { status: partial, missing: "de bijlage ontbreekt", expectedAtLeast: 12 }\n', 'mapping.yaml');
    if (!m.ok) throw new Error(JSON.stringify(m.problems));
    const r = ok(await importSheets([file('instrumenten.xlsx', await workbook({ Blad1: instruments }))], { review: miniReview(), mapping: m.mapping }));
    expect(r.data.completeness).toEqual({ instruments: { status: 'complete' }, sources: { status: 'partial', missing: 'de bijlage ontbreekt', expectedAtLeast: 12 } });

    const sheet = await workbook({
      Instrumenten: instruments,
      Volledigheid: [
        ['Lijst', 'Volledigheid', 'Bekend ontbrekend', 'Ten minste', 'Vindplaats'],
        ['instrumenten', 'volledig', null, null, 'Bijlage 5'],
        ['onafhankelijk deskundigen', 'onbekend', null, null, null],
      ],
    });
    const v = ok(await importSheets([file('review.xlsx', sheet)], { review: miniReview() }));
    expect(v.data.completeness).toEqual({ instruments: { status: 'complete', citation: { location: 'Bijlage 5' } }, independentExperts: { status: 'unknown' } });
  });

  it('a wrong Volledigheid row is a located problem', async () => {
    const sheet = await workbook({ Volledigheid: [['Lijst', 'Volledigheid', 'Ten minste'], ['instrumenten', 'bijna', 'veel'], ['bronnen', 'volledig', null], ['bronnen', 'gedeeltelijk', null]] });
    const r = await importSheets([file('v.xlsx', sheet)]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'B (Volledigheid)', 'is not a known completeness'],
      [2, 'C (Ten minste)', 'is not a whole number'],
      [4, 'A (Lijst)', 'the completeness of sources is given twice (also row 3)'],
    ]);
  });

  it("never overwrites the review's stated completeness silently", async () => {
    // The example states its instruments partial (70 of at least 108): a table does not change that.
    const example = exampleData();
    const stated = structuredClone((example.completeness as Any).instruments);
    const table = await workbook({ Instrumenten: [instruments[0]!, ['ct-i99', 'Nieuw instrument', 'ct-1', 'regelgeving', 'gerealiseerd']] });
    const kept = ok(await importSheets([file('instrumenten.xlsx', table)], { review: example }));
    expect((kept.data.completeness as Any).instruments).toEqual(stated);
    expect(kept.report.reviewFields).not.toContain('completeness.instruments');

    // A review that states its instruments complete, and a table adds one: kept, and said.
    const complete = { ...miniReview(), completeness: { instruments: { status: 'complete' } } };
    const added = ok(await importSheets([file('instrumenten.xlsx', await workbook({ Instrumenten: instruments }))], { review: complete }));
    expect((added.data.completeness as Any).instruments).toEqual({ status: 'complete' });
    expect(text(added)).toMatch(/the review states its instruments complete; the files imported suggest partial: the review's statement is kept — change completeness\.instruments if the files are right/);
    expect(text(added)).toMatch(/the review states its instruments complete, and the import added 1: check that completeness\.instruments still holds/);

    // A statement in the files replaces it, and says so.
    const m = parseMapping('tables: [{ table: instruments }]\ncompleteness: { instruments: { status: partial, missing: "bijlage 6 ontbreekt" } }\n', 'mapping.yaml');
    if (!m.ok) throw new Error(JSON.stringify(m.problems));
    const changed = ok(await importSheets([file('instrumenten.xlsx', await workbook({ Blad1: instruments }))], { review: complete, mapping: m.mapping }));
    expect((changed.data.completeness as Any).instruments).toEqual({ status: 'partial', missing: 'bijlage 6 ontbreekt' });
    expect(changed.report.reviewFields).toContain('completeness.instruments');
    expect(text(changed)).toMatch(/the completeness of instruments changed from complete to partial \(bijlage 6 ontbreekt\), as the mapping file states/);
  });

  it('the export writes the stated completeness, and the import reads it back, through .xlsx and CSV', async () => {
    const { parseReview } = await import('@polev/core/load');
    const parsed = parseReview(JSON.stringify(exampleData()));
    if (!parsed.ok) throw new Error('the example does not load');
    const viaXlsx = ok(await importSheets([file('r.xlsx', await exportXlsx(parsed.review))]));
    expect(viaXlsx.review.completeness).toEqual(parsed.review.completeness);
    const viaCsv = ok(await importSheets(exportCsv(parsed.review, { lang: 'en' }).map((t) => file(`r-${t.table}.csv`, t.text))));
    expect(viaCsv.review.completeness).toEqual(parsed.review.completeness);
  });
});
