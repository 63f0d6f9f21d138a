import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReviewOrThrow } from '@polev/core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipBomb } from '../../../packages/sheets/test/zip.js';
import { BACKENDS } from './backends.js';
import { example, EXAMPLE_ID, startTestServer, type TestServer } from './helpers.js';

/** The real open data of rijksfinancien.nl (begrotingsstaten 2013–2021, the 2020 budget detail). */
// The real open data beside the repository (../shared), as the sheets package's tests read it.
const OPEN_DATA = fileURLToPath(new URL('../../../../shared/data/rijksfinancien', import.meta.url));
const statements = new Uint8Array(readFileSync(`${OPEN_DATA}/begrotingsstaten-2013-2021.csv`));
const detail2020 = new Uint8Array(readFileSync(`${OPEN_DATA}/budget-detail-2020.json`));

type Line = { id: string; kind: string; index?: string; name: string; outOfScopeReason?: string; expenditures: { year: number; amount: number | null; budgeted?: Record<string, number | null>; commitments?: number | null }[] };
interface Imported {
  review: { id: string; budgetLines: Line[]; articleContext?: { article: string; expenditures: { amount: number | null }[] }[] } & Record<string, unknown>;
  basedOn: { id: string; revision: number; etag: string } | null;
  report: { added: { list: string; id: string }[]; leftAlone: Record<string, number> };
  notices: { at: { file: string }; message: string }[];
}
interface SheetProblemDoc {
  type: string;
  status: number;
  problems: { file: string; sheet?: string; row?: number; column?: string; value?: string; message: string }[];
}

/** The part name of a workbook's sheet by its name, through the workbook and its relationships. */
function worksheetPath(parts: Record<string, Uint8Array>, name: string): string {
  const workbook = strFromU8(parts['xl/workbook.xml']!);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
    ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function form(files: [name: string, data: Uint8Array | string][], fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [name, data] of files) f.append('file', new Blob([data as BlobPart]), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const SECRET_TITLE = 'MARKER-SECRET-IMPORT-SOURCE-HOTEL';
/** The example with one secret source, stored under another id. */
function classifiedExample(): string {
  const r = structuredClone(parseReviewOrThrow(example)) as ReturnType<typeof parseReviewOrThrow> & Record<string, unknown>;
  r.id = 'classified-example';
  r.sources.push({ ...r.sources[0]!, id: 'secret-source', title: SECRET_TITLE, classification: 'secret' });
  return JSON.stringify(r);
}

describe.each(BACKENDS)('POST /v1/import on %s', (backend) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer({ backend });
    tokens.reader = await t.token('reader', 'top-secret');
    tokens.editor = await t.token('editor', 'top-secret');
    tokens.publicEditor = await t.token('editor', 'public');
    expect((await t.call('POST', '/v1/reviews', { body: example })).status).toBe(201);
    expect((await t.call('POST', '/v1/reviews', { body: classifiedExample(), type: 'application/json' })).status).toBe(201);
  });
  afterAll(() => t.close());

  const post = (body: FormData, token = tokens.editor) => t.call('POST', '/v1/import', { token: token!, body });

  it('imports article VI.36 from the real begrotingsstaten into a new review: realisation 2013–2015, V never added, O apart', async () => {
    const r = await post(form([['begrotingsstaten-2013-2021.csv', statements]], { article: 'VI.36', period: '2013-2015' }));
    expect(r.status, await r.clone().text()).toBe(200);
    const body = (await r.json()) as Imported;
    expect(body.basedOn).toBeNull();
    const u = body.review.budgetLines.find((l) => l.id === 'vi-36')!;
    expect(u.kind).toBe('programme');
    expect(u.expenditures.map((e) => [e.year, e.amount])).toEqual([[2013, 210768], [2014, 250529], [2015, 262894]]);
    expect(body.review.budgetLines.find((l) => l.kind === 'receipts')!.expenditures.map((e) => e.amount)).toEqual([212, 351, 2589]);
    // V (commitments) beside the realisation, never added to it.
    expect(u.expenditures.map((e) => e.commitments)).toEqual([284113, 248370, 277987]);
    const notices = body.notices.map((n) => n.message).join('\n');
    expect(notices).toMatch(/commitments \(V, verplichtingen\) of article VI\.36 imported beside the realisation/);
    expect(notices).toMatch(/outside the review's period not imported: 2016/);
    // What comes back is a review the API takes as it is.
    const stored = await t.call('POST', '/v1/reviews', { token: tokens.editor!, body: JSON.stringify(body.review), type: 'application/json' });
    expect(stored.status, await stored.clone().text()).toBe(201);
  });

  it('merges into a stored review without storing anything; the caller stores it with PUT and If-Match', async () => {
    const head = await t.call('GET', `/v1/reviews/${EXAMPLE_ID}`);
    const etag = head.headers.get('etag')!;
    const r = await post(form([['begrotingsstaten-2013-2021.csv', statements], ['budget-detail-2020.json', detail2020]], { review: EXAMPLE_ID, article: 'VI.36' }));
    expect(r.status, await r.clone().text()).toBe(200);
    const body = (await r.json()) as Imported;
    expect(body.basedOn).toEqual({ id: EXAMPLE_ID, revision: 1, etag });
    // The review covers part 36.2: the article's total is context, never the part's money.
    expect(body.review.budgetLines.some((l) => l.id.startsWith('vi-36'))).toBe(false);
    const context = body.review.articleContext!.find((a) => a.article === '36')!;
    expect(context.expenditures.map((e) => e.amount)).toEqual([210768, 250529, 262894]);
    expect(body.report.leftAlone.instruments).toBeGreaterThan(0);
    // 2020 lies outside the review's period (2011–2015): reported, not imported.
    expect(body.notices.some((n) => n.at.file === 'budget-detail-2020.json')).toBe(true);
    expect(((await (await t.call('GET', `/v1/reviews/${EXAMPLE_ID}/revisions`)).json()) as { items: unknown[] }).items).toHaveLength(1);

    const put = await t.call('PUT', `/v1/reviews/${EXAMPLE_ID}`, { token: tokens.editor!, body: JSON.stringify(body.review), type: 'application/json', headers: { 'if-match': body.basedOn!.etag } });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(((await put.json()) as { revision: number }).revision).toBe(2);
    const stale = await t.call('PUT', `/v1/reviews/${EXAMPLE_ID}`, { token: tokens.editor!, body: JSON.stringify(body.review), type: 'application/json', headers: { 'if-match': body.basedOn!.etag } });
    expect(stale.status).toBe(412);
  });

  it('reads a table through a mapping file', async () => {
    const csv = 'Code;Omschr.;Boekjaar;Werkelijk\nbdur;Brede Doeluitkering Rampenbestrijding;2014;"151.234"\n';
    const mapping = 'tables:\n  - file: "posten-*.csv"\n    table: expenditure\n    columns: { line: Code, name: "Omschr.", year: Boekjaar, amount: Werkelijk }\n    defaults: { kind: programme }\n';
    const f = form([['posten-2014.csv', csv]], { review: 'classified-example' });
    f.append('mapping', new Blob([mapping]), 'mapping.yaml');
    const r = await post(f);
    expect(r.status, await r.clone().text()).toBe(200);
    const bdur = ((await r.json()) as Imported).review.budgetLines.find((l) => l.id === 'bdur')!;
    expect(bdur.expenditures.find((e) => e.year === 2014)!.amount).toBe(151234);
  });

  it('refuses, with 403 and without a word of it, to merge into a review holding items above the clearance', async () => {
    const r = await post(form([['begrotingsstaten-2013-2021.csv', statements]], { review: 'classified-example', article: 'VI.36' }), tokens.publicEditor);
    expect(r.status).toBe(403);
    const text = await r.text();
    expect(text).toContain('classified secret');
    expect(text).not.toContain(SECRET_TITLE);
    // Cleared for the whole review, the same import is merged, the secret source kept.
    const ok = await post(form([['begrotingsstaten-2013-2021.csv', statements]], { review: 'classified-example', article: 'VI.36' }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(SECRET_TITLE);
  });

  it('refuses files that carry items above the caller\'s clearance (they could not be stored)', async () => {
    const csv = 'Source id,Title,Classification\nsecret-new,A new secret study,secret\n';
    const r = await post(form([['bronnen.csv', csv]]), tokens.publicEditor);
    expect(r.status).toBe(403);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/files hold items classified secret/);
  });

  it('answers every problem at once as a 422 problem document naming file, sheet, row and column', async () => {
    const csv = 'Regel-id;Begrotingsregel;Jaar;Realisatie\nbdur;BDUR;2014;twaalf\nifv;IFV;2014;1.000\nnl-alert;NL-Alert;twintig;5\n';
    const r = await post(form([['uitgaven.csv', csv], ['notities.txt', new Uint8Array([0, 1, 2, 3])]], { review: EXAMPLE_ID }));
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    const doc = (await r.json()) as SheetProblemDoc;
    expect(doc.type).toBe('urn:polev:problem:invalid-import');
    const amount = doc.problems.find((p) => p.value === 'twaalf')!;
    expect(amount).toMatchObject({ file: 'uitgaven.csv', row: 2, column: 'D (Realisatie)' });
    expect(doc.problems.some((p) => p.file === 'uitgaven.csv' && p.row === 4 && p.value === 'twintig')).toBe(true);
    expect(doc.problems.some((p) => p.file === 'notities.txt')).toBe(true);
  });

  it('names the sheet of a workbook, and refuses a truncated .xlsx and a zip bomb as problems', async () => {
    const { exportXlsx } = await import('@polev/sheets');
    const xlsx = await exportXlsx(parseReviewOrThrow(example), { lang: 'nl' });
    // The example's workbook with text in the first number of its Uitgaven sheet.
    const parts = unzipSync(xlsx);
    const uitgaven = worksheetPath(parts, 'Uitgaven');
    const sheet = strFromU8(parts[uitgaven]!);
    const cell = /<c r="([A-Z]+)(\d+)"( s="\d+")?><v>[\d.]+<\/v><\/c>/.exec(sheet)!;
    parts[uitgaven] = strToU8(sheet.replace(cell[0], `<c r="${cell[1]}${cell[2]}"${cell[3] ?? ''} t="inlineStr"><is><t>twaalf</t></is></c>`));
    const bomb = await zipBomb(120);
    const r = await post(form([['uitgaven.xlsx', zipSync(parts)], ['truncated.xlsx', xlsx.slice(0, 2000)], ['bomb.xlsx', bomb]], { review: EXAMPLE_ID }));
    expect(r.status).toBe(422);
    const doc = (await r.json()) as SheetProblemDoc;
    expect(doc.problems.find((p) => p.file === 'uitgaven.xlsx')).toMatchObject({ sheet: 'Uitgaven', row: Number(cell[2]), value: 'twaalf' });
    expect(doc.problems.find((p) => p.file === 'uitgaven.xlsx')!.column).toMatch(new RegExp(`^${cell[1]} \\(`));
    expect([...new Set(doc.problems.map((p) => p.file))].sort()).toEqual(['bomb.xlsx', 'truncated.xlsx', 'uitgaven.xlsx']);
    expect(doc.problems.find((p) => p.file === 'bomb.xlsx')!.message).toMatch(/not a readable spreadsheet/);
    expect((await t.call('GET', '/healthz', { token: null })).status).toBe(200);
  });

  it('checks the form: multipart only, known fields, at least one file, a stored review, an article it reads', async () => {
    const json = await t.call('POST', '/v1/import', { token: tokens.editor!, body: '{}', type: 'application/json' });
    expect(json.status).toBe(415);
    expect(json.headers.get('accept-post')).toBe('multipart/form-data');
    const unknown = await post(form([['a.csv', 'x']], { articel: 'VI.36' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('"articel"');
    expect((await post(form([], { article: 'VI.36' }))).status).toBe(400);
    const twice = await post(form([['a.csv', 'x'], ['a.csv', 'y']]));
    expect(twice.status).toBe(400);
    expect((await post(form([['a.csv', 'x']], { review: 'no-such-review' }))).status).toBe(404);
    expect((await post(form([['a.csv', 'x']], { period: '2015' }))).status).toBe(400);
    const article = await post(form([['begrotingsstaten-2013-2021.csv', statements]], { article: 'artikel zes' }));
    expect(article.status).toBe(422);
    expect(((await article.json()) as SheetProblemDoc).problems[0]).toMatchObject({ file: 'article', value: 'artikel zes' });
    const malformed = await t.call('POST', '/v1/import', { token: tokens.editor!, body: '--nope\r\ngarbage', type: 'multipart/form-data; boundary=xyz' });
    expect(malformed.status).toBe(400);
    const many = form(Array.from({ length: 21 }, (_, i) => [`t${i}.csv`, 'x'] as [string, string]));
    expect((await post(many)).status).toBe(413);
  });

  it('is for editors: 401 without a token, 403 for a reader', async () => {
    expect((await t.call('POST', '/v1/import', { token: null, body: form([['a.csv', 'x']]) })).status).toBe(401);
    expect((await post(form([['a.csv', 'x']]), tokens.reader)).status).toBe(403);
  });
});

describe('POST /v1/import limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ maxImportBytes: 256 * 1024 });
  });
  afterAll(() => t.close());

  it('answers 413 over POLEV_MAX_IMPORT_BYTES and keeps serving; other bodies keep their own limit', async () => {
    const r = await t.call('POST', '/v1/import', { body: form([['begrotingsstaten-2013-2021.csv', statements]], { article: 'VI.36' }) });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { detail: string }).detail).toContain('POLEV_MAX_IMPORT_BYTES');
    expect((await t.call('GET', '/healthz', { token: null })).status).toBe(200);
    // Review bodies keep their own limit (2 MiB here), above this import limit.
    const padded = `${example}\n# ${'x'.repeat(300 * 1024)}\n`;
    expect((await t.call('POST', '/v1/validate', { body: padded })).status).toBe(200);
  });
});
