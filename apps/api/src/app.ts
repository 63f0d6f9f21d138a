import { analyze, InvalidOptionsError, InvalidReviewError, parseReview, PolevError, type ParseResult, type Review, type SavingsOptions } from '@polev/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface AppOptions {
  /** Largest accepted request body in bytes; default 50 MiB. */
  maxBodyBytes?: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** A decimal number, as the numeric query options must be written; their range is core's to check. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The status of a typed polev error (a PolevError, by its code) that reaches the edge: options
 * that do not fit the review are the client's to fix (400), a server part that cannot be loaded is
 * unavailable (503), and any other is a request polev understood but cannot process (422).
 * Errors that are not PolevErrors are bugs: 500.
 */
const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = { INVALID_OPTIONS: 400, INVALID_REVIEW: 422, RASTERIZER_UNAVAILABLE: 503 };

/**
 * The HTTP API as a Hono app, without a server, so tests and hosts can mount it. Thin: it parses
 * the request, calls @polev/core or @polev/report, and maps outcomes to statuses — 200 done,
 * 400 bad request or options that do not fit the review, 413 too large, 422 the review has
 * problems, 503 a part of the server (the PNG renderer) is unavailable, 500 unexpected.
 */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBodyBytes = options.maxBodyBytes ?? 50 * 1024 * 1024;
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => c.json({ error: 'payload-too-large', message: `the body exceeds ${maxBodyBytes} bytes` }, 413),
  });

  /** Parses the body as a review in YAML or JSON; an empty body is a 400. */
  function parseBody(c: Context, text: string): Parsed<ParseResult> {
    if (!text.trim()) {
      return { ok: false, response: c.json({ error: 'empty-body', message: 'send the review as YAML or JSON in the request body' }, 400) };
    }
    return { ok: true, value: parseReview(text, { file: c.req.query('file') ?? '<request body>' }) };
  }

  /** The review in the body, which must be valid: its problems are a 422. */
  function readReview(c: Context, text: string): Parsed<Review> {
    const parsed = parseBody(c, text);
    if (!parsed.ok) return parsed;
    const result = parsed.value;
    if (!result.ok) return { ok: false, response: c.json({ error: 'invalid-review', problems: result.problems }, 422) };
    return { ok: true, value: result.review };
  }

  /**
   * The savings options in the query, parsed only: numbers must be numbers (an empty value is not
   * one). Whether they fit the review — a percentage in (0, 100], a base year with figures, lines
   * that exist — is checked by core, whose InvalidOptionsError becomes a 400 in onError.
   */
  function savingsFrom(c: Context): Parsed<SavingsOptions | undefined> {
    const percent = c.req.query('savings');
    const baseYear = c.req.query('baseYear');
    const protect = c.req.queries('protect') ?? [];
    const bad = (message: string): Parsed<never> => ({ ok: false, response: c.json({ error: 'bad-query', message }, 400) });
    if (percent !== undefined && !DECIMAL.test(percent.trim())) return bad('savings must be a number: a percentage, e.g. 20');
    if (baseYear !== undefined && !DECIMAL.test(baseYear.trim())) return bad('baseYear must be a number: a year, e.g. 2015');
    if (percent === undefined && baseYear === undefined && protect.length === 0) return { ok: true, value: undefined };
    return {
      ok: true,
      value: { ...(percent !== undefined ? { percent: Number(percent) } : {}), ...(baseYear !== undefined ? { baseYear: Number(baseYear) } : {}), ...(protect.length ? { protect } : {}) },
    };
  }

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.post('/v1/validate', limit, async (c) => {
    const parsed = parseBody(c, await c.req.text());
    if (!parsed.ok) return parsed.response;
    const result = parsed.value;
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
    // The .docx bytes are sent as they are: a Uint8Array over a plain (never shared) ArrayBuffer.
    return c.body(body as string | Uint8Array<ArrayBuffer>, 200, {
      'content-type': mediaType,
      'content-disposition': `attachment; filename="${review.value.id}${extension}"`,
    });
  });

  app.notFound((c) => c.json({ error: 'not-found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  // Typed polev errors are expected outcomes with a status of their own; anything else is a bug.
  app.onError((err, c) => {
    if (!(err instanceof PolevError)) {
      console.error(err);
      return c.json({ error: 'internal', message: 'an unexpected error occurred; it has been logged' }, 500);
    }
    const status = STATUS_BY_CODE[err.code] ?? 422;
    if (status >= 500) console.error(err);
    const problems = err instanceof InvalidOptionsError || err instanceof InvalidReviewError ? { problems: err.problems } : {};
    // INVALID_OPTIONS → "invalid-options", as the other error names of the API.
    return c.json({ error: err.code.toLowerCase().replace(/_/g, '-'), message: err.message, ...problems }, status);
  });
  return app;
}
