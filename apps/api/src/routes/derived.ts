import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { lower } from '../classification.js';
import { AnalysisQuery, analysisBody, ReportQuery, reportBody, savingsFrom, variantKey } from '../derive.js';
import { contentHash } from '../storage/hash.js';
import { sendCached } from '../http.js';
import { notFound } from '../problems.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import { IdParam, liveHead, reviewOf, visible, type Services } from '../services.js';
import type { ReviewHead } from '../storage/repository.js';
import { AnyObject } from './schemas.js';


/** The analysis and the report of a stored review's current revision, cached per revision, clearance and options. */
export function derivedRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services): void {
  const tags = ['analysis'];
  const document = async (head: ReviewHead) => {
    const stored = await s.repo.getRevision(head.id, head.revision);
    if (!stored) throw notFound(`there is no review "${head.id}"`);
    return reviewOf(stored);
  };
  const etagOf = (head: ReviewHead, key: string) => `"${head.revision}-${contentHash(key).slice(0, 20)}"`;

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews/{id}/analysis', tags, role: 'reader', summary: 'The analysis of the current revision',
    description: 'Run on what the caller may see (items above the clearance removed first); cached per revision, clearance and options.',
    params: IdParam,
    query: AnalysisQuery,
    responses: { 200: { description: 'The assessment, with `withheld`', content: { 'application/json': { schema: AnyObject.openapi('Assessment') } } }, 304: { description: 'Not modified' }, 404: problemRef('No such review') },
  }, async (c, { params, query }) => {
    const savings = savingsFrom(c);
    const head = await liveHead(s.repo, params.id);
    const clearance = c.get('caller').clearance;
    const key = variantKey(['analysis', head.id, head.hash, clearance, query.lang, savings ?? null]);
    let entry = s.cache.get(key);
    if (!entry) {
      const v = visible(await document(head), clearance);
      entry = s.cache.set(key, analysisBody(v.review, v.withheld, query.lang, savings, etagOf(head, key)));
    }
    return sendCached(c, s.cache, entry);
  });

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews/{id}/report', tags, role: 'reader', summary: 'The report of the current revision (HTML, Markdown or Word)',
    description: '`audience` is the highest classification to include, never more than the token\'s clearance; public by default.',
    params: IdParam,
    query: ReportQuery,
    responses: {
      200: {
        description: 'The report file',
        content: {
          'text/html': { schema: z.string() },
          'text/markdown': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      304: { description: 'Not modified' },
      404: problemRef('No such review'),
    },
  }, async (c, { params, query }) => {
    const savings = savingsFrom(c);
    const head = await liveHead(s.repo, params.id);
    const audience = lower(query.audience, c.get('caller').clearance);
    const format = query.format === 'markdown' ? 'md' : query.format;
    const key = variantKey(['report', head.id, head.hash, audience, format, query.lang, savings ?? null]);
    let entry = s.cache.get(key);
    if (!entry) {
      const v = visible(await document(head), audience);
      entry = s.cache.set(key, await reportBody(v.review, v.withheld, audience, { format, lang: query.lang }, savings, String(head.revision)));
    }
    return sendCached(c, s.cache, entry);
  });
}
