import { analyze, parseReview, type Review, type SavingsOptions } from '@polev/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export interface AppOptions {
  /** Largest accepted request body in bytes; default 50 MiB. */
  maxBodyBytes?: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * The HTTP API as a Hono app, without a server, so tests and hosts can mount it. Thin: it parses
 * the request, calls @polev/core or @polev/report, and maps outcomes to statuses — 200 done,
 * 400 bad request, 413 too large, 422 the review has problems.
 */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBodyBytes = options.maxBodyBytes ?? 50 * 1024 * 1024;
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => c.json({ error: 'payload-too-large', message: `the body exceeds ${maxBodyBytes} bytes` }, 413),
  });

  /** Parses the review sent as YAML or JSON text. */
  function readReview(c: Context, text: string): Parsed<Review> {
    if (!text.trim()) {
      return { ok: false, response: c.json({ error: 'empty-body', message: 'send the review as YAML or JSON in the request body' }, 400) };
    }
    const result = parseReview(text, { file: c.req.query('file') ?? '<request body>' });
    if (!result.ok) return { ok: false, response: c.json({ error: 'invalid-review', problems: result.problems }, 422) };
    return { ok: true, value: result.review };
  }

  function savingsFrom(c: Context): Parsed<SavingsOptions | undefined> {
    const percent = c.req.query('savings');
    const baseYear = c.req.query('baseYear');
    const protect = c.req.queries('protect') ?? [];
    const bad = (message: string): Parsed<never> => ({ ok: false, response: c.json({ error: 'bad-query', message }, 400) });
    if (percent !== undefined && !(Number(percent) > 0 && Number(percent) <= 100)) return bad('savings must be a percentage between 0 and 100');
    if (baseYear !== undefined && !Number.isInteger(Number(baseYear))) return bad('baseYear must be a year');
    if (percent === undefined && baseYear === undefined && protect.length === 0) return { ok: true, value: undefined };
    return {
      ok: true,
      value: { ...(percent !== undefined ? { percent: Number(percent) } : {}), ...(baseYear !== undefined ? { baseYear: Number(baseYear) } : {}), ...(protect.length ? { protect } : {}) },
    };
  }

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.post('/v1/validate', limit, async (c) => {
    const text = await c.req.text();
    if (!text.trim()) return c.json({ error: 'empty-body', message: 'send the review as YAML or JSON in the request body' }, 400);
    const result = parseReview(text, { file: c.req.query('file') ?? '<request body>' });
    return result.ok ? c.json({ valid: true, warnings: result.warnings }) : c.json({ valid: false, problems: result.problems }, 422);
  });

  // Handlers read the whole body before they answer, even to refuse the query: a response sent
  // while the client is still sending makes Node close the kept-alive connection under it.
  app.post('/v1/analyze', limit, async (c) => {
    const text = await c.req.text();
    const lang = c.req.query('lang') ?? 'en';
    if (lang !== 'nl' && lang !== 'en') return c.json({ error: 'bad-query', message: 'lang must be nl or en' }, 400);
    const savings = savingsFrom(c);
    if (!savings.ok) return savings.response;
    const review = readReview(c, text);
    if (!review.ok) return review.response;
    return c.json(analyze(review.value, { lang, ...(savings.value ? { savings: savings.value } : {}) }));
  });

  app.post('/v1/report', limit, async (c) => {
    const text = await c.req.text();
    const format = c.req.query('format') ?? 'html';
    const lang = c.req.query('lang') ?? 'nl';
    const audience = c.req.query('audience') ?? 'public';
    if (!['md', 'markdown', 'html', 'docx'].includes(format)) return c.json({ error: 'bad-query', message: 'format must be md, html or docx' }, 400);
    if (lang !== 'nl' && lang !== 'en') return c.json({ error: 'bad-query', message: 'lang must be nl or en' }, 400);
    if (audience !== 'public' && audience !== 'confidential') return c.json({ error: 'bad-query', message: 'audience must be public or confidential' }, 400);
    const savings = savingsFrom(c);
    if (!savings.ok) return savings.response;
    const review = readReview(c, text);
    if (!review.ok) return review.response;
    // Loaded on first use: the renderers are the heaviest part of the API. The report analyses the
    // review in its own language, so reasons and recommendations follow `lang` too.
    const { renderReport, REPORT_FORMATS } = await import('@polev/report');
    const f = format === 'md' ? 'markdown' : (format as 'markdown' | 'html' | 'docx');
    const body = await renderReport(f, review.value, null, { lang, audience, ...(savings.value ? { analyzeOptions: { savings: savings.value } } : {}) });
    const { extension, mediaType } = REPORT_FORMATS[f];
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
      'content-type': mediaType,
      'content-disposition': `attachment; filename="${review.value.id}${extension}"`,
    });
  });

  app.notFound((c) => c.json({ error: 'not-found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    console.error(err);
    return c.json({ error: 'internal', message: 'an unexpected error occurred; it has been logged' }, 500);
  });
  return app;
}
