import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp, openSqlite } from '../src/index.js';
import { BOOTSTRAP } from './helpers.js';

// `includeApparatus` on the analysis and report routes, in-process as a host mounting createApp would.
const app = createApp({ repository: openSqlite(':memory:'), bootstrapToken: BOOTSTRAP });
const auth = { authorization: `Bearer ${BOOTSTRAP}` };
const send = (method: string, path: string, body?: string) =>
  app.request(path, { method, ...(body === undefined ? {} : { body }), headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/yaml' }) } });

// Programme money on the article (2,000 in 2021) and staff time on the apparatus article 91 (500).
const review = readFileSync(fileURLToPath(new URL('../../../packages/core/src/__fixtures__/staff-time.yaml', import.meta.url)), 'utf8');

type Savings = { includesApparatus: boolean; base: number; target: number; protectedLines: string[] };
const savingsOf = async (r: Response) => {
  expect(r.status, await r.clone().text()).toBe(200);
  return ((await r.json()) as { savings: Savings }).savings;
};

describe('includeApparatus in the HTTP API', () => {
  it('POST /v1/analyze: staff lines enter the savings base only with includeApparatus=true', async () => {
    expect(await savingsOf(await send('POST', '/v1/analyze', review))).toMatchObject({ includesApparatus: false, base: 2000, target: 400 });
    expect(await savingsOf(await send('POST', '/v1/analyze?includeApparatus=false', review))).toMatchObject({ includesApparatus: false, base: 2000 });
    expect(await savingsOf(await send('POST', '/v1/analyze?includeApparatus=true&protect=staff', review))).toMatchObject({ includesApparatus: true, base: 2500, target: 500, protectedLines: ['staff'] });
  });

  it('GET /v1/reviews/{id}/analysis and /report: each variant cached apart', async () => {
    expect((await send('POST', '/v1/reviews', review)).status).toBe(201);
    expect(await savingsOf(await send('GET', '/v1/reviews/staff/analysis'))).toMatchObject({ includesApparatus: false, base: 2000 });
    expect(await savingsOf(await send('GET', '/v1/reviews/staff/analysis?includeApparatus=true'))).toMatchObject({ includesApparatus: true, base: 2500 });
    const report = async (query: string) => {
      const r = await send('GET', `/v1/reviews/staff/report?format=md&lang=en${query}`);
      expect(r.status).toBe(200);
      return r.text();
    };
    expect(await report('&includeApparatus=true')).toContain('The savings variant looks for 20% of the programme and apparatus budget of 2021 (2,500 x €1,000)');
    expect(await report('')).toContain('20% of the programme budget of 2021 (2,000 x €1,000)');
    const stateless = await send('POST', '/v1/report?format=md&lang=en&includeApparatus=true', review);
    expect(await stateless.text()).toContain('programme and apparatus budget of 2021');
  });

  it('refuses a value other than true or false with 400 bad-request', async () => {
    for (const value of ['yes', '1', '']) {
      const r = await send('POST', `/v1/analyze?includeApparatus=${value}`, review);
      expect(r.status, value).toBe(400);
      expect(await r.json(), value).toMatchObject({ type: 'urn:polev:problem:bad-request', problems: [{ path: 'query.includeApparatus' }] });
    }
  });
});
