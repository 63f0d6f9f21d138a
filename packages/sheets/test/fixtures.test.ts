import { describe, expect, it } from 'vitest';
import { importSheets, parseMapping, type ImportResult } from '../src/index.js';
import { file, miniReview, workbook } from './helpers.js';

type Any = Record<string, any>;
const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(r.problems.map((p) => JSON.stringify(p)).join('\n'));
  return r;
};

describe('analysts\' tables, Dutch and English', () => {
  it('reads a Dutch instrument sheet under a merged title, with blank rows, and merges it by id', async () => {
    const data = await workbook(
      {
        'Bijlage 5': [
          ['Bijlage 5 Contraterrorisme', null, null, null, null, null, null],
          [],
          ['Instrument-id', 'Nr', 'Instrument', 'Doelstelling', 'Soort', 'Realisatie', 'Realisatie en werkbaarheid'],
          ['ct-i1', 1, 'Nationaal dreigingsbeeld', 'ct-1', 'onderzoek', 'gerealiseerd', 'Vier keer per jaar verschenen.'],
          [],
          ['ct-i2', '2', 'Wet bestuurlijke maatregelen', 'ct-1', 'Regelgeving', 'Deels gerealiseerd', null],
          ['ct-i3', 3, 'Exitfaciliteit', 'ct-2', 'overig', 'lopend', null],
        ],
      },
      { 'Bijlage 5': ['A1:G1'] },
    );
    const r = ok(await importSheets([file('instrumenten.xlsx', data)], { review: miniReview() }));
    const byId = new Map((r.data.instruments as Any[]).map((i) => [i.id, i]));
    expect(byId.get('ct-i1')).toMatchObject({ name: 'Nationaal dreigingsbeeld', number: '1', kind: 'research', realisation: { status: 'realised', evidence: 'Vier keer per jaar verschenen.' } });
    expect(byId.get('ct-i2')).toMatchObject({ kind: 'regulation', realisation: { status: 'partly' } });
    expect(byId.get('ct-i3')).toMatchObject({ objective: 'ct-2', kind: 'other', realisation: { status: 'ongoing' } });
    expect(r.report.added.map((a) => a.id)).toEqual(['ct-i2', 'ct-i3']);
    expect(r.report.changed).toEqual([{ list: 'instruments', id: 'ct-i1', fields: ['number', 'realisation.status', 'realisation.evidence'] }]);
    expect(r.report.leftAlone).toEqual({ domains: 1, objectives: 2, budgetLines: 1 });
  });

  it('reads an English workbook: objectives, and instruments under a merged "Realisation" header', async () => {
    const data = await workbook(
      {
        Objectives: [['Objective id', 'Domain id', 'Objective', 'Indicator', 'Target'], ['ct-3', 'ct', 'Fewer attacks', 'attacks per year', '0']],
        Instruments: [
          ['Instrument id', 'Instrument', 'Objective id', 'Role', 'Kind', 'Realisation', null],
          [null, null, null, null, null, 'Status', 'Evidence'],
          ['ct-i7', 'Threat assessment', 'ct-3', 'guiding', 'research', 'partly realised', 'Published twice a year.'],
        ],
      },
      { Instruments: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1'] },
    );
    const r = ok(await importSheets([file('review-en.xlsx', data)], { review: miniReview() }));
    expect((r.data.policyTree as Any).objectives.find((o: Any) => o.id === 'ct-3')).toEqual({ id: 'ct-3', domain: 'ct', text: 'Fewer attacks', smart: { indicator: 'attacks per year', target: '0' } });
    expect((r.data.instruments as Any[]).find((i) => i.id === 'ct-i7')).toEqual({ id: 'ct-i7', name: 'Threat assessment', objective: 'ct-3', role: 'guiding', kind: 'research', realisation: { status: 'partly', evidence: 'Published twice a year.' } });
  });

  it('reads a wide expenditure sheet whose phases are merged header cells over the years, in Dutch number formats', async () => {
    const data = await workbook(
      {
        Uitgaven: [
          ['Regel-id', 'Begrotingsregel', 'Soort', 'Realisatie (x € 1.000)', null, null, 'Ontwerpbegroting', null, null],
          [null, null, null, 2013, 2014, 2015, '2013', '2014', '2015'],
          ['bdur', 'Brede Doeluitkering Rampenbestrijding (BDUR)', 'programma', '€ 150.123', '1.234,5', 'onbekend', 149000, '150.000', null],
          [],
          ['nl-alert', 'Project NL-Alert', 'Programma-uitgaven', 5465, null, 5000, null, null, null],
        ],
      },
      { Uitgaven: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:I1'] },
    );
    const r = ok(await importSheets([file('uitgaven.xlsx', data)], { review: miniReview() }));
    const lines = new Map((r.data.budgetLines as Any[]).map((l) => [l.id, l]));
    expect(lines.get('bdur')!.expenditures).toEqual([
      { year: 2013, amount: 150123, budgeted: { draft: 149000 } },
      { year: 2014, amount: 1234.5, budgeted: { draft: 150000 } },
      { year: 2015, amount: null },
    ]);
    expect(lines.get('nl-alert')).toMatchObject({ kind: 'programme', expenditures: [{ year: 2013, amount: 5465 }, { year: 2015, amount: 5000 }] });
    expect(r.report.changed[0]).toMatchObject({ id: 'bdur', fields: ['expenditures[2013].amount', 'expenditures[2013].budgeted.draft', 'expenditures[2014]', 'expenditures[2015]'] });
  });

  it('reads an English CSV with a BOM, ; separators, Dutch numbers and blank rows', async () => {
    const csv = '\uFEFFLine id;Budget line;Kind;Year;Realisation (x €1,000);Draft budget\r\n\r\nifv;Instituut Fysieke Veiligheid;programme;2013;"28.847";28.000\r\n;;;;;\r\nifv;Instituut Fysieke Veiligheid;programme;2014;29.001,5;\r\nifv;Instituut Fysieke Veiligheid;programme;2016;1;\r\n';
    const r = ok(await importSheets([file('expenditure.csv', csv)], { review: miniReview() }));
    const ifv = (r.data.budgetLines as Any[]).find((l) => l.id === 'ifv');
    expect(ifv!.expenditures).toEqual([
      { year: 2013, amount: 28847, budgeted: { draft: 28000 } },
      { year: 2014, amount: 29001.5 },
    ]);
    expect(r.notices.map((n) => n.message)).toContain("years outside the review's period not imported: 2016");
    const extra = ok(await importSheets([file('expenditure.csv', csv.replace('Draft budget\r\n', 'Draft budget;Budget holder\r\n'))], { review: miniReview() }));
    expect(extra.notices.map((n) => n.message)).toContain('columns not imported (no field of expenditure has these headers): G (Budget holder)');
  });

  it('reads sources and findings from comma-separated English CSV', async () => {
    const sources = 'Source id,Title,Type,Study design,Author,Date\nsrc-eval,"Evaluatie CT-strategie, 2011-2015",strategy evaluation,qualitative,WODC,15-03-2016\n';
    const findings = 'Finding id,Sources,Subjects,Aspect,Verdict,Evidence strength,Statement\nf-1,src-eval (§4.2),"ct-i1, ct-1",effectiveness,positive,plausibility,Het dreigingsbeeld draagt plausibel bij.\n';
    const r = ok(await importSheets([file('sources.csv', sources), file('findings.csv', findings)], { review: miniReview() }));
    expect((r.data.sources as Any[])[0]).toEqual({ id: 'src-eval', title: 'Evaluatie CT-strategie, 2011-2015', type: 'strategy', design: 'qualitative', author: 'WODC', date: '2016-03-15' });
    expect((r.data.findings as Any[])[0]).toMatchObject({ id: 'f-1', sources: [{ source: 'src-eval', location: '§4.2' }], subjects: ['ct-i1', 'ct-1'], aspect: 'effectiveness', verdict: 'positive', strength: 'plausibility' });
  });

  it('reads a table through a YAML mapping file: headers, words and defaults of its own', async () => {
    const m = parseMapping(
      `tables:\n  - file: "posten-*.csv"\n    table: expenditure\n    columns: { line: Code, name: "Omschr.", amount: Werkelijk, year: Boekjaar }\n    values: { kind: { P: programme } }\n    defaults: { kind: programme }\n`,
      'mapping.yaml',
    );
    if (!m.ok) throw new Error(JSON.stringify(m.problems));
    const csv = 'Code;Omschr.;Boekjaar;Werkelijk\nnl-alert;NL-Alert;2014;4.321\n';
    const r = ok(await importSheets([file('posten-2014.csv', csv)], { review: miniReview(), mapping: m.mapping }));
    expect((r.data.budgetLines as Any[]).find((l) => l.id === 'nl-alert')).toMatchObject({ kind: 'programme', expenditures: [{ year: 2014, amount: 4321 }] });
  });

  it('refuses a mapping file that does not fit its schema, located', () => {
    const m = parseMapping('tables:\n  - table: instrumentz\n    colums: {}\n', 'mapping.yaml');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.problems.map((p) => p.message).join('\n')).toMatch(/tables\.0\.table[\s\S]*colums|colums[\s\S]*tables\.0\.table/);
  });

  it('imports the evaluation register: delivered studies of the article as sources, the rest reported', async () => {
    const csv = [
      'Titel;Departement;Artikel;Type onderzoek;Status;Opleverdatum;Hoofdstuknummer;Artikelnummer;Link naar SEA;Onafhankelijke deskundige;Link naar rapport;Kabinetsreactie',
      'Evaluatie Wet veiligheidsregio’s;JenV;Contraterrorisme en nationaal veiligheidsbeleid;Ex post;Afgerond;2013-12-01;VI;36;;Ja;https://example.org/rapport.pdf;https://example.org/reactie',
      'Periodieke rapportage artikel 36;JenV;Contraterrorisme;Periodieke rapportage;Gepland;2025;VI;36;https://example.org/sea;;;',
      'Evaluatie Politiewet;JenV;Politie;Ex post;Afgerond;2012;VI;31;;;;',
    ].join('\n');
    const r = ok(await importSheets([file('register.csv', csv)], { review: miniReview(), article: 'VI.36' }));
    const sources = r.data.sources as Any[];
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ id: 'src-evaluatie-wet-veiligheidsregio-s-2013', title: 'Evaluatie Wet veiligheidsregio’s', type: 'effect', author: 'JenV', date: '2013-12-01', reference: 'https://example.org/rapport.pdf' });
    expect(sources[0]!.notes).toMatch(/Kabinetsreactie: https:\/\/example.org\/reactie/);
    const text = r.notices.map((n) => n.message).join('\n');
    expect(text).toMatch(/1 studies not yet delivered not imported as sources: row 3 \(Gepland\)/);
    expect(text).toMatch(/1 studies of other articles not imported/);
  });
});

describe('detailed budget tables as CSV downloads, and the limits', () => {
  it('reads the Dutch column names and the totals flag of a budget-table download', async () => {
    const csv = [
      'Jaar;Begrotingsnummer;Artikelnummer;Artikelonderdeel;Financieel instrument;Regeling;VUO;Bedrag;Totaal',
      '2014;VI;36;36.0.0;;;U;250.000;ja',
      '2014;VI;36;36.2;;;U;240.000;ja',
      '2014;VI;36;36.2.30;Bijdragen aan medeoverheden;Brede Doeluitkering Rampenbestrijding;U;160.000;nee',
      '2014;VI;36;36.2.50;Opdrachten;Project NL-Alert;U;5.000;',
      '2014;VI;36;36.2.50;Opdrachten;Project NL-Alert;V;7.000;',
      '2014;VI;36;36.2.90;Ontvangsten;Diverse ontvangsten;O;12;',
    ].join('\n');
    const r = ok(await importSheets([file('budgettaire-tabellen-2014.csv', csv)], { review: miniReview(), article: 'VI.36.2', detailPhase: 'realisation' }));
    const lines = r.data.budgetLines as Any[];
    const bdur = lines.find((l) => l.id === 'bdur')!;
    expect(bdur).toMatchObject({ index: 'VI.36.2.30', expenditures: [{ year: 2013, amount: null }, { year: 2014, amount: 160000 }] });
    // The realised commitments (V) of NL-Alert go beside its realisation, never into it.
    expect(lines.find((l) => l.index === 'VI.36.2.50')).toMatchObject({ kind: 'programme', expenditures: [{ year: 2014, amount: 5000, commitments: 7000 }] });
    expect(lines.find((l) => l.index === 'VI.36.2.90')).toMatchObject({ kind: 'receipts', expenditures: [{ year: 2014, amount: 12 }] });
    const text = r.notices.map((n) => n.message).join('\n');
    expect(text).toMatch(/2 rows of totals/);
    expect(text).toMatch(/realised commitments \(V\) of 1 line imported beside the realisation, never added to it/);
    // 2014 of the period 2013–2015: the lines and the expenditure are partial, and the review says which years lack.
    const missing = 'De budgettaire tabellen van 2013, 2015 zijn niet geïmporteerd.';
    expect(r.data.completeness).toEqual({ budgetLines: { status: 'partial', missing }, expenditure: { status: 'partial', missing } });
    expect(r.report.reviewFields).toEqual(['completeness.budgetLines', 'completeness.expenditure']);
  });

  it('refuses files and sheets beyond the limits, before reading them', async () => {
    const big = await importSheets([file('groot.csv', 'a;b\n'.repeat(1000))], { limits: { maxFileBytes: 1000 } });
    expect(!big.ok && big.problems[0]!.message).toBe('is 3.9 KiB, more than the 1.0 KiB an import reads');
    const rows = await importSheets([file('lang.csv', `Instrument-id;Instrument\n${'x;y\n'.repeat(50)}`)], { limits: { maxRows: 10 } });
    expect(!rows.ok && rows.problems[0]!.message).toBe('has 51 rows, more than the 10 an import reads');
  });
});
