import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, example, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
let base: string;
beforeAll(async () => {
  // A real HTTP server on an ephemeral loopback port, over a real SQLite file.
  t = await startTestServer({ maxBodyBytes: 1024 * 1024 });
  base = t.base;
});
afterAll(() => t.close());

const post = (path: string, body: string) => t.call('POST', path, { body });
const BAD_REQUEST = 'urn:polev:problem:bad-request';

describe('the HTTP API', () => {
  it('answers health', async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
  });

  it('validates: 200 for the example, 422 with located problems for a broken copy', async () => {
    expect((await post('/v1/validate', example)).status).toBe(200);
    const r = await post('/v1/validate?file=review.yaml', example.replace('amount: 24550', 'amount: lots'));
    expect(r.status).toBe(422);
    const body = (await r.json()) as { valid: boolean; problems: { file: string; line: number; path: string }[] };
    expect(body.valid).toBe(false);
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatchObject({ file: 'review.yaml', path: expect.stringMatching(/^budgetLines\[\d+\]\.expenditures\[0\]\.amount$/) });
    expect(body.problems[0]!.line).toBeGreaterThan(1);
  });

  it('analyses with savings options', async () => {
    const r = await post('/v1/analyze?savings=10&protect=bdur', example);
    expect(r.status).toBe(200);
    const a = (await r.json()) as { verdicts: { domains: { efficiency: { value: string } }[] }; savings: { percent: number; protectedLines: string[] } };
    expect(a.verdicts.domains.map((d) => d.efficiency.value)).toEqual(['not-determinable', 'not-determinable', 'not-determinable']);
    expect(a.savings).toMatchObject({ percent: 10, protectedLines: ['bdur'] });
  });

  it('refuses savings options that are not numbers with 400 bad-request', async () => {
    for (const query of ['savings=', 'savings=lots', 'baseYear=', 'baseYear=%20', 'baseYear=last', 'savings=0x10']) {
      const r = await post(`/v1/analyze?${query}`, example);
      expect(r.status, query).toBe(400);
      expect(await r.json(), query).toMatchObject({ type: BAD_REQUEST });
    }
  });

  it('refuses savings options that do not fit the review with 400 invalid-options and core\'s problems', async () => {
    const typo = await post('/v1/analyze?protect=typo', example);
    expect(typo.status).toBe(400);
    expect(await typo.json()).toMatchObject({ type: 'urn:polev:problem:invalid-options', problems: [{ option: 'savings.protect', message: '"typo" is not a programme line of this review' }] });
    const near = (await (await post('/v1/analyze?protect=bduur', example)).json()) as { problems: { hint: string }[] };
    expect(near.problems[0]!.hint).toBe('did you mean "bdur"?');
    const several = await post('/v1/analyze?savings=500&baseYear=2015', example);
    expect(several.status).toBe(400);
    const body = (await several.json()) as { problems: { option: string }[] };
    expect(body.problems.map((p) => p.option)).toEqual(['savings.percent', 'savings.baseYear']);
    const report = await post('/v1/report?format=md&protect=typo', example);
    expect(report.status).toBe(400);
    expect(await report.json()).toMatchObject({ type: 'urn:polev:problem:invalid-options' });
  });

  it('renders reports with the right media type', async () => {
    const html = await post('/v1/report?format=html&lang=en', example);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/i);
    const docx = await post('/v1/report?format=docx', example);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await post('/v1/report?format=pdf', example)).status).toBe(400);
  });

  it('refuses empty and oversized bodies and unknown routes', async () => {
    expect((await post('/v1/analyze', '')).status).toBe(400);
    const empty = await post('/v1/validate', ' \n');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ type: BAD_REQUEST, detail: expect.stringContaining('empty') });
    expect((await post('/v1/validate', 'x'.repeat(2 * 1024 * 1024))).status).toBe(413);
    // Streamed without Content-Length (Transfer-Encoding: chunked), the limit holds the same.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(120));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/v1/validate`, { method: 'POST', headers: { authorization: `Bearer ${BOOTSTRAP}`, 'content-type': 'application/yaml' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
