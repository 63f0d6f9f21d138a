import { parseReviewOrThrow, type Review } from '@polev/core';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, startTestServer, type TestServer } from './helpers.js';
import { BACKENDS } from './backends.js';

/**
 * The example with classified items whose texts are marker strings: a secret source (title and
 * author), a confidential instrument, a restricted finding, a top-secret indicator, and a public
 * finding that rests on the secret source (so it must go too).
 */
const MARKERS = {
  sourceTitle: 'MARKER-SECRET-SOURCE-TITLE-ALPHA',
  sourceAuthor: 'MARKER-SECRET-AUTHOR-BRAVO',
  instrument: 'MARKER-CONFIDENTIAL-INSTRUMENT-CHARLIE',
  finding: 'MARKER-RESTRICTED-FINDING-DELTA',
  cascade: 'MARKER-RESTS-ON-SECRET-ECHO',
  indicator: 'MARKER-TOP-SECRET-INDICATOR-FOXTROT',
  objective: 'MARKER-CONFIDENTIAL-OBJECTIVE-GOLF',
};

function classified(base: Review, extra = ''): Review {
  const r = structuredClone(base) as Review & Record<string, unknown>;
  const source = { ...r.sources[0]!, id: 'marker-source', title: MARKERS.sourceTitle + extra, author: MARKERS.sourceAuthor, classification: 'secret' as const };
  const instrument = { ...r.instruments[0]!, id: 'marker-instrument', name: MARKERS.instrument, intent: MARKERS.instrument, classification: 'confidential' as const };
  const template = r.findings[0]! as Review['findings'][number] & Record<string, unknown>;
  const from = (sourceId: string) => ('sources' in template ? { sources: [{ source: sourceId }] } : { source: sourceId });
  const finding = { ...template, ...from(r.sources[1]!.id), id: 'marker-finding', statement: MARKERS.finding, classification: 'restricted' as const };
  const cascade = { ...template, ...from('marker-source'), id: 'marker-cascade', statement: MARKERS.cascade, classification: 'public' as const };
  const objective = { ...r.policyTree.objectives[0]!, id: 'marker-objective', parent: null, text: MARKERS.objective, classification: 'confidential' as const };
  r.policyTree.objectives.push(objective);
  r.sources.push(source);
  r.instruments.push(instrument);
  r.findings.push(finding, cascade);
  if (r.indicators[0]) r.indicators.push({ ...r.indicators[0], id: 'marker-indicator', name: MARKERS.indicator, text: MARKERS.indicator, classification: 'top-secret' });
  return r;
}

const base = parseReviewOrThrow(example);
const rev1 = classified(base);
const rev2 = classified({ ...base, title: 'Second revision' }, ' (revised)');
const id = base.id;

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestServer;
  const readers: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer({ backend });
    for (const clearance of ['public', 'restricted', 'confidential', 'secret', 'top-secret']) readers[clearance] = await t.token('reader', clearance);
    const created = await t.call('POST', '/v1/reviews', { body: JSON.stringify(rev1), type: 'application/json' });
    expect(created.status, await created.clone().text()).toBe(201);
    const replaced = await t.call('PUT', `/v1/reviews/${id}`, { body: JSON.stringify(rev2), type: 'application/json', headers: { 'if-match': created.headers.get('etag')! } });
    expect(replaced.status).toBe(200);
  });
  afterAll(() => t.close());

  /** Every text a response carries, including the XML inside a .docx. */
  async function textOf(r: Response): Promise<string> {
    const bytes = new Uint8Array(await r.arrayBuffer());
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return Object.values(unzipSync(bytes)).map((f) => strFromU8(f)).join('\n');
    return new TextDecoder().decode(bytes);
  }

  const ENDPOINTS = [
    `/v1/reviews/${id}`,
    `/v1/reviews/${id}/revisions/1`,
    `/v1/reviews/${id}/revisions/2`,
    `/v1/reviews/${id}/diff?from=1&to=2`,
    `/v1/reviews/${id}/analysis`,
    `/v1/reviews/${id}/analysis?lang=nl`,
    ...['html', 'md', 'docx'].flatMap((f) => [`/v1/reviews/${id}/report?format=${f}`, `/v1/reviews/${id}/report?format=${f}&audience=top-secret&lang=en`]),
  ];

  describe('classification: a caller sees only what their clearance allows, in every format', () => {
    it.each(ENDPOINTS)('public clearance never sees a classified marker: GET %s', async (path) => {
      const r = await t.call('GET', path, { token: readers.public });
      expect(r.status).toBe(200);
      const withheld = Number(r.headers.get('polev-withheld'));
      expect(withheld).toBeGreaterThanOrEqual(6);
      const text = await textOf(r);
      for (const marker of Object.values(MARKERS)) expect(text, marker).not.toContain(marker);
      // Not even the ids of withheld records (the example's own classified sources among them).
      for (const withheldId of ['marker-source', 'marker-instrument', 'marker-objective', 'src-ivenj-benb-2014', 'src-adr-te-beschermen-belangen', 'src-roadmaps-vitaal']) expect(text, withheldId).not.toContain(withheldId);
    });

    it('the stateless routes filter too', async () => {
      for (const path of ['/v1/analyze', '/v1/report?format=md&audience=secret', '/v1/report?format=docx&audience=secret']) {
        const r = await t.call('POST', path, { token: readers.public, body: JSON.stringify(rev1), type: 'application/json' });
        expect(r.status, path).toBe(200);
        expect(Number(r.headers.get('polev-withheld'))).toBeGreaterThanOrEqual(5);
        const text = await textOf(r);
        for (const marker of Object.values(MARKERS)) expect(text, `${path} ${marker}`).not.toContain(marker);
      }
    });

    it('each clearance sees exactly the items up to it, and counts (only) what was withheld', async () => {
      const sees = async (clearance: string) => {
        const r = await t.call('GET', `/v1/reviews/${id}`, { token: readers[clearance] });
        const body = (await r.json()) as { withheld: { count: number; byKind: Record<string, number> }; review: unknown };
        const text = JSON.stringify(body.review);
        return { header: Number(r.headers.get('polev-withheld')), withheld: body.withheld, seen: Object.entries(MARKERS).filter(([, m]) => text.includes(m)).map(([k]) => k).sort() };
      };
      const pub = await sees('public');
      expect(pub.seen).toEqual([]);
      expect(pub.header).toBe(pub.withheld.count);
      expect(pub.withheld.byKind).toMatchObject({ sources: expect.any(Number), instruments: 1, findings: expect.any(Number) });
      expect(JSON.stringify(pub.withheld)).not.toContain('marker');
      expect((await sees('restricted')).seen).toEqual(['finding']);
      expect((await sees('confidential')).seen).toEqual(['finding', 'instrument', 'objective']);
      expect((await sees('secret')).seen).toEqual(['cascade', 'finding', 'instrument', 'objective', 'sourceAuthor', 'sourceTitle']);
      const top = await sees('top-secret');
      expect(top.seen).toEqual(Object.keys(MARKERS).sort());
      expect(top.withheld.count).toBe(0);
    });

    it('a report never holds more than the token allows, whatever audience is asked', async () => {
      const md = await (await t.call('GET', `/v1/reviews/${id}/report?format=md&audience=top-secret`, { token: readers.confidential })).text();
      expect(md).toContain(MARKERS.instrument);
      expect(md).not.toContain(MARKERS.sourceTitle);
      expect(md).not.toContain(MARKERS.indicator);
    });

    it('refuses a write by an editor not cleared for every item, before or after', async () => {
      const editor = await t.token('editor', 'restricted');
      const current = await t.call('GET', `/v1/reviews/${id}`, { token: editor });
      const etag = current.headers.get('etag')!;
      const body = JSON.stringify((await current.json() as { review: unknown }).review);
      // Writing back what the editor was shown would drop the items it cannot see.
      const r = await t.call('PUT', `/v1/reviews/${id}`, { token: editor, body, type: 'application/json', headers: { 'if-match': etag } });
      expect(r.status, await r.clone().text()).toBe(403);
      const other = { ...rev1, id: 'other' };
      expect((await t.call('POST', '/v1/reviews', { token: editor, body: JSON.stringify(other), type: 'application/json' })).status).toBe(403);
      const revisions = (await (await t.call('GET', `/v1/reviews/${id}/revisions`)).json()) as { items: unknown[] };
      expect(revisions.items).toHaveLength(2);
    });
  });

  describe('what a cleared-below-everything caller is shown is still a valid review', () => {
    it('round-trips through the validator at every clearance', async () => {
      for (const clearance of ['public', 'restricted', 'confidential', 'secret']) {
        const shown = (await (await t.call('GET', `/v1/reviews/${id}`, { token: readers[clearance] })).json()) as { review: unknown };
        const r = await t.call('POST', '/v1/validate', { body: JSON.stringify(shown.review), type: 'application/json' });
        expect(r.status, `${clearance}: ${await r.clone().text()}`.slice(0, 600)).toBe(200);
      }
    });
  });
});
