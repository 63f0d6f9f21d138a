import { describe, expect, it } from 'vitest';
import { createApp, openSqlite } from '../src/index.js';
import { BOOTSTRAP, example } from './helpers.js';

// In-process, as a host that mounts createApp would; the stateless routes store nothing.
const app = createApp({ repository: openSqlite(':memory:'), bootstrapToken: BOOTSTRAP });
const post = (path: string, body = example) => app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/yaml', authorization: `Bearer ${BOOTSTRAP}` } });

interface Verdicts {
  lang: string;
  verdicts: { domains: { efficiency: { value: string; reasons: string[] } }[] };
  recommendations: { text: string }[];
}

describe('the language of the analysis in the HTTP API', () => {
  it('POST /v1/analyze?lang=nl writes the reasons in Dutch; English stays the default', async () => {
    const nl = (await (await post('/v1/analyze?lang=nl')).json()) as Verdicts;
    expect(nl.lang).toBe('nl');
    const nlReasons = nl.verdicts.domains[0]!.efficiency.reasons.join(' ');
    expect(nlReasons).toMatch(/doelmatigheid/i);
    expect(nlReasons).not.toMatch(/\befficiency\b/i);
    expect(nl.recommendations[0]!.text).toMatch(/^Formuleer/);
    const en = (await (await post('/v1/analyze?savings=10')).json()) as Verdicts;
    expect(en.lang).toBe('en');
    const enReasons = en.verdicts.domains[0]!.efficiency.reasons.join(' ');
    expect(enReasons).toMatch(/\befficiency\b/i);
    expect(enReasons).not.toBe(nlReasons);
    expect(nl.verdicts.domains.map((d) => d.efficiency.value)).toEqual(en.verdicts.domains.map((d) => d.efficiency.value));
  });

  it('refuses an unknown language with 400', async () => {
    const r = await post('/v1/analyze?lang=de');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ type: 'urn:polev:problem:bad-request' });
  });

  it('POST /v1/report follows lang in the reasons too', async () => {
    const reason = async (lang: string) => ((await (await post(`/v1/analyze?lang=${lang}`)).json()) as Verdicts).verdicts.domains[0]!.efficiency.reasons[0]!;
    const [nlReason, enReason] = [await reason('nl'), await reason('en')];
    const nl = await (await post('/v1/report?format=md&lang=nl')).text();
    expect(nl).toContain(nlReason.slice(0, 40));
    expect(nl).not.toContain(enReason.slice(0, 40));
    const en = await (await post('/v1/report?format=md&lang=en')).text();
    expect(en).toContain(enReason.slice(0, 40));
  });
});
