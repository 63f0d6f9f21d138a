import { Review as ReviewSchema } from '@polev/core';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { parseBody, readReview } from '../body.js';
import { lower } from '../classification.js';
import { AnalysisQuery, analysisBody, ReportQuery, reportBody, savingsFrom } from '../derive.js';
import { sendCached } from '../http.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import { visible, type Services } from '../services.js';
import { AnyObject } from './schemas.js';

const ProblemCounts = z.object({ errors: z.number().int(), warnings: z.number().int(), listed: z.number().int() }).describe('every problem of the file, listed or not');

const body = {
  required: true,
  description: 'The review, as JSON or YAML.',
  content: { 'application/json': { schema: ReviewSchema }, 'application/yaml': { schema: ReviewSchema } },
};

/** For services that keep reviews themselves: the review comes in the body, nothing is stored. */
export function statelessRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services): void {
  const tags = ['stateless'];

  defineRoute(app, allow, {
    method: 'post', path: '/v1/validate', tags, role: 'reader', summary: 'Check a review: every problem, located',
    query: z.object({ file: z.string().optional().describe('the file name problems are reported under') }),
    body,
    responses: {
      200: { description: 'Valid, with warnings', content: { 'application/json': { schema: z.object({ valid: z.literal(true), warnings: z.array(AnyObject) }) } } },
      422: { description: 'Not valid: every problem (beyond the first 1,000 only counted)', content: { 'application/json': { schema: z.object({ valid: z.literal(false), problems: z.array(AnyObject), counts: ProblemCounts }) } } },
    },
  }, async (c, { query }) => {
    const parsed = await parseBody(c, query.file ?? '<request body>');
    return parsed.ok ? c.json({ valid: true, warnings: parsed.warnings }) : c.json({ valid: false, problems: parsed.problems, counts: parsed.counts }, 422);
  });

  defineRoute(app, allow, {
    method: 'post', path: '/v1/analyze', tags, role: 'reader', summary: 'Analyse a review sent in the body',
    description: 'Items above the caller\'s clearance are removed before the analysis runs.',
    query: AnalysisQuery,
    body,
    responses: { 200: { description: 'The assessment', content: { 'application/json': { schema: AnyObject } } }, 422: problemRef('The review has problems') },
  }, async (c, { query }) => {
    // The whole body is read before anything is refused: a response sent while the client is
    // still sending makes Node close the kept-alive connection under it.
    const review = await readReview(c);
    const savings = savingsFrom(c);
    const v = visible(review, c.get('caller').clearance);
    return sendCached(c, s.cache, analysisBody(v.review, v.withheld, query.lang, savings, ''), false);
  });

  defineRoute(app, allow, {
    method: 'post', path: '/v1/report', tags, role: 'reader', summary: 'Render the report of a review sent in the body',
    query: ReportQuery,
    body,
    responses: { 200: { description: 'The report file', content: { 'text/html': { schema: z.string() } } }, 422: problemRef('The review has problems') },
  }, async (c, { query }) => {
    const review = await readReview(c);
    const savings = savingsFrom(c);
    const audience = lower(query.audience, c.get('caller').clearance);
    const v = visible(review, audience);
    const format = query.format === 'markdown' ? 'md' : query.format;
    const entry = await reportBody(v.review, v.withheld, audience, { format, lang: query.lang }, savings, 'report');
    return sendCached(c, s.cache, entry, false);
  });

}
