import { analyze, type Classification, type Review, type SavingsOptions } from '@polev/core';
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { CachedBody } from './cache.js';
import type { Withheld } from './classification.js';
import { jsonBytes, withheldHeaders } from './http.js';
import { badRequest } from './problems.js';
import { ClassificationSchema } from './services.js';
import { contentHash } from './storage/hash.js';

/**
 * Analysis and reports of a review, for a clearance: the pieces shared by the stored-review
 * routes (cached per revision) and the stateless POST routes.
 */

/** A decimal number, as the numeric savings options must be written; their range is core's to check. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export const AnalysisQuery = z.object({
  lang: z.enum(['en', 'nl']).default('en').describe('language of the reasons'),
  savings: z.string().optional().describe('savings variant: percentage of the programme budget, e.g. 20'),
  baseYear: z.string().optional().describe('savings variant: base year, e.g. 2015'),
  protect: z.string().optional().describe('savings variant: a programme line to protect (repeatable)'),
  includeApparatus: z.enum(['true', 'false']).optional().describe('savings variant: also count and cut staff (apparatus) lines; default false'),
});

export const ReportQuery = z.object({
  format: z.enum(['html', 'md', 'markdown', 'docx']).default('html'),
  lang: z.enum(['nl', 'en']).default('nl'),
  audience: ClassificationSchema.default('public').describe('the highest classification to include; never more than the token\'s clearance'),
  savings: AnalysisQuery.shape.savings,
  baseYear: AnalysisQuery.shape.baseYear,
  protect: AnalysisQuery.shape.protect,
  includeApparatus: AnalysisQuery.shape.includeApparatus,
});

/**
 * The savings options in the query, parsed only: numbers must be numbers (an empty value is not
 * one). Whether they fit the review is core's to check; its InvalidOptionsError becomes a 400.
 */
export function savingsFrom(c: Context): SavingsOptions | undefined {
  const percent = c.req.query('savings');
  const baseYear = c.req.query('baseYear');
  const protect = c.req.queries('protect') ?? [];
  // Its values are checked by the route's query schema.
  const includeApparatus = c.req.query('includeApparatus') === 'true';
  if (percent !== undefined && !DECIMAL.test(percent.trim())) throw badRequest('savings must be a number: a percentage, e.g. 20');
  if (baseYear !== undefined && !DECIMAL.test(baseYear.trim())) throw badRequest('baseYear must be a number: a year, e.g. 2015');
  if (percent === undefined && baseYear === undefined && protect.length === 0 && !includeApparatus) return undefined;
  return {
    ...(percent !== undefined ? { percent: Number(percent) } : {}),
    ...(baseYear !== undefined ? { baseYear: Number(baseYear) } : {}),
    ...(protect.length ? { protect } : {}),
    ...(includeApparatus ? { includeApparatus } : {}),
  };
}

export function analysisBody(review: Review, withheld: Withheld, lang: 'en' | 'nl', savings: SavingsOptions | undefined, etag: string): CachedBody {
  const assessment = analyze(review, { lang, ...(savings ? { savings } : {}) });
  return { body: jsonBytes({ ...assessment, withheld }), contentType: 'application/json', etag, headers: withheldHeaders(withheld) };
}

export async function reportBody(
  review: Review,
  withheld: Withheld,
  audience: Classification,
  q: { format: 'html' | 'md' | 'markdown' | 'docx'; lang: 'nl' | 'en' },
  savings: SavingsOptions | undefined,
  etagPrefix: string,
): Promise<CachedBody> {
  // Loaded on first use: the renderers are the heaviest part of the API.
  const { renderReport, REPORT_FORMATS } = await import('@polev/report');
  const format = q.format === 'md' ? 'markdown' : q.format;
  // The review is already filtered to the audience: a public report is rendered as public
  // (no classified annex), any other as confidential, holding what the audience may see.
  const body = await renderReport(format, review, null, { lang: q.lang, audience: audience === 'public' ? 'public' : 'confidential', ...(savings ? { analyzeOptions: { savings } } : {}) });
  const { extension, mediaType } = REPORT_FORMATS[format];
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    body: bytes,
    contentType: mediaType,
    // From the bytes: a Word file carries the time it was packed, so two renderings of one
    // revision can differ, and a strong ETag must not claim they are the same.
    etag: `"${etagPrefix}-${contentHash(bytes).slice(0, 20)}"`,
    headers: {
      ...withheldHeaders(withheld),
      'content-disposition': `attachment; filename="${review.id}${extension}"`,
      // A report opened from the API may style itself, and nothing else.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    },
  };
}

export const variantKey = (parts: unknown[]): string => JSON.stringify(parts);
