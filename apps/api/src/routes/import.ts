import { Id } from '@polev/core';
import type { ImportFile, ImportOptions, SheetProblem } from '@polev/sheets';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { highestIn, rank } from '../classification.js';
import { revisionEtag } from '../http.js';
import { ApiProblem, badRequest, forbidden, notFound } from '../problems.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import { liveHead, requireClearanceFor, reviewOf, type Services } from '../services.js';
import { AnyObject } from './schemas.js';

export const IMPORT_PATH = '/v1/import';
/** Files per import: more than a review's tables and open data ever need, few enough to read in one go. */
export const MAX_IMPORT_FILES = 20;

const PHASES = ['draft', 'adopted', 'firstSupplementary', 'secondSupplementary', 'realisation'] as const;
const binary = (description: string) => z.string().openapi({ format: 'binary', description });

const ImportForm = z
  .object({
    file: z.array(binary('an .xlsx, a .csv (; or , UTF-8 with or without BOM) or the budget-detail JSON of rijksfinancien.nl; its name (extension) tells which')).min(1).max(MAX_IMPORT_FILES),
    mapping: binary('a mapping file (YAML or JSON, @polev/sheets/mapping.schema.json) for tables whose headers are not recognised').optional(),
    review: Id.optional().describe('the id of a stored review to merge into (its current revision); absent = a new review'),
    article: z.string().optional().describe('the article to take from budget open data: CHAPTER.ARTICLE or CHAPTER.ARTICLE.PART, e.g. VI.36 or VI.36.2'),
    period: z.string().regex(/^\d{4}-\d{4}$/).optional().describe('START-END, e.g. 2013-2015: the years to import (never outside the review\'s period)'),
    phase: z.enum(PHASES).optional().describe('which budget phase a detailed budget table\'s amounts are (default draft)'),
  })
  .openapi('ImportForm');

const SheetProblemSchema = z
  .object({
    file: z.string().describe('the file name as sent (or `mapping`, `article`, or the review merged into)'),
    sheet: z.string().optional(),
    row: z.int().optional().describe('1-based, as the spreadsheet numbers it'),
    column: z.string().optional().describe('letter and header, e.g. `C (Bedrag)`'),
    value: z.string().optional(),
    message: z.string(),
    hint: z.string().optional(),
    severity: z.enum(['error', 'warning']),
  })
  .openapi('SheetProblem');

const NoticeSchema = z
  .object({ at: z.object({ file: z.string(), sheet: z.string().optional(), row: z.int().optional() }), message: z.string() })
  .openapi('ImportNotice', { description: 'What the import left out of the files, and why (commitments, totals, years outside the period, …)' });

const ImportedSchema = z
  .object({
    review: AnyObject.describe('the merged review, valid: store it with PUT /v1/reviews/{id} and If-Match: basedOn.etag (or POST /v1/reviews for a new one)'),
    basedOn: z.object({ id: z.string(), revision: z.int(), etag: z.string() }).nullable().describe('the stored revision merged into; null for a new review'),
    report: AnyObject.describe('per list what was added, changed (which fields), already the same and left alone; nothing is dropped'),
    notices: z.array(NoticeSchema),
  })
  .openapi('ImportResult');

const InvalidImportSchema = z
  .object({ type: z.string(), title: z.string(), status: z.int(), detail: z.string(), instance: z.string(), requestId: z.string(), problems: z.array(SheetProblemSchema), notices: z.array(NoticeSchema) })
  .openapi('InvalidImport');

const invalidImport = (problems: SheetProblem[], notices: unknown[]) => {
  const n = problems.filter((p) => p.severity === 'error').length;
  return new ApiProblem(422, 'invalid-import', 'Invalid import', `the import has ${n} problem${n === 1 ? '' : 's'}; nothing was merged`, { problems, notices });
};

const unsupported = (type: string) =>
  new ApiProblem(415, 'unsupported-media-type', 'Unsupported media type', `an import is sent as multipart/form-data (a \`file\` part per spreadsheet), not ${type || 'a body without Content-Type'}`, {}, { 'accept-post': 'multipart/form-data' });

const FIELDS = new Set(Object.keys(ImportForm.shape));

/** The form, read whole and checked: its files, and its text fields as the schema says. */
async function readForm(c: Context<Env>): Promise<{ files: ImportFile[]; mapping?: { name: string; text: string }; fields: z.output<typeof ImportForm> }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'multipart/form-data') throw unsupported(type);
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (e) {
    throw new ApiProblem(400, 'malformed-body', 'Malformed body', `the body is not a readable multipart/form-data form (${(e as Error).message.split('\n')[0]})`);
  }
  // Node's FormData is iterable; the lib this package compiles against does not say so.
  const names = [...(form as unknown as Iterable<[string, unknown]>)].map(([k]) => k);
  const unknown = [...new Set(names)].filter((k) => !FIELDS.has(k));
  if (unknown.length) throw badRequest(`unknown form field${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => JSON.stringify(k)).join(', ')}: an import takes ${[...FIELDS].join(', ')}`);
  const parts = form.getAll('file');
  if (parts.length === 0) throw badRequest('send at least one spreadsheet as a `file` part');
  if (parts.length > MAX_IMPORT_FILES) throw new ApiProblem(413, 'too-many-files', 'Too many files', `an import takes at most ${MAX_IMPORT_FILES} files, not ${parts.length}: import them in turns`);
  const files: ImportFile[] = [];
  for (const [i, part] of parts.entries()) {
    if (typeof part === 'string') throw badRequest(`file part ${i + 1} is text, not a file: send it with a filename (curl -F file=@uitgaven.xlsx)`);
    const name = part.name || `file-${i + 1}`;
    if (files.some((f) => f.name === name)) throw badRequest(`two files are named "${name}": problems name the file, so give each its own name`);
    files.push({ name, data: new Uint8Array(await part.arrayBuffer()) });
  }
  const single = (key: string) => {
    const all = form.getAll(key);
    if (all.length > 1) throw badRequest(`the form field "${key}" is given ${all.length} times; give it once`);
    return all[0];
  };
  const mappingPart = single('mapping');
  const mapping =
    mappingPart === undefined ? undefined : typeof mappingPart === 'string' ? { name: 'mapping', text: mappingPart } : { name: mappingPart.name || 'mapping', text: await mappingPart.text() };
  const text: Record<string, unknown> = { file: files.map((f) => f.name) };
  for (const key of ['review', 'article', 'period', 'phase']) {
    const v = single(key);
    if (typeof v === 'object') throw badRequest(`the form field "${key}" is a file; send it as text`);
    if (v !== undefined) text[key] = v;
  }
  const parsed = ImportForm.safeParse(text);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: ['form', ...i.path].join('.'), message: i.message }));
    throw badRequest(problems.map((p) => `${p.path}: ${p.message}`).join('; '), { problems });
  }
  return { files, ...(mapping ? { mapping } : {}), fields: parsed.data };
}

/**
 * Spreadsheets and open data in, a merged review out, stored nowhere: the caller stores it with a
 * replace, so the usual If-Match, clearance and validation rules decide the write.
 */
export function importRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services, maxImportBytes: number): void {
  defineRoute(app, allow, {
    method: 'post', path: IMPORT_PATH, tags: ['import'], role: 'editor', summary: 'Import spreadsheets and budget open data into a review (nothing is stored)',
    description:
      `One or more .xlsx / .csv files (and the budget-detail JSON of rijksfinancien.nl) as \`file\` parts, merged into the current revision of \`review\` or into a new review. ` +
      'Returns the merged review to store with PUT (If-Match: basedOn.etag) or POST, or every problem, each naming file, sheet, row and column. ' +
      `Merging needs clearance for every item of the stored review (403 otherwise: the merged review holds them all, so it is neither shown nor silently cut). ` +
      `Limits: ${maxImportBytes} bytes in all (POLEV_MAX_IMPORT_BYTES; 413), ${MAX_IMPORT_FILES} files (413); .xlsx archives that unpack to more than 100 MiB or hold more than 10,000 entries are refused as problems.`,
    body: { required: true, description: 'The files and options, as multipart/form-data.', content: { 'multipart/form-data': { schema: ImportForm } } },
    responses: {
      200: { description: 'The merged review (not stored), what changed, and what was left out of the files', content: { 'application/json': { schema: ImportedSchema } } },
      403: problemRef('Not an editor, or not cleared for every item of the review merged into or of the files'),
      404: problemRef('No stored review with that id'),
      410: problemRef('The review merged into is soft-deleted'),
      413: problemRef('The body is larger than the import limit, or has too many files'),
      415: problemRef('The body is not multipart/form-data'),
      422: { description: 'Every problem of the files, located; nothing merged', content: { 'application/problem+json': { schema: InvalidImportSchema } } },
    },
  }, async (c) => {
    const { files, mapping, fields } = await readForm(c);
    const caller = c.get('caller');
    const sheets = await import('@polev/sheets');
    const options: ImportOptions = { limits: { maxFileBytes: maxImportBytes } };
    let basedOn: { id: string; revision: number; etag: string } | null = null;
    if (fields.review) {
      const head = await liveHead(s.repo, fields.review);
      const stored = await s.repo.getRevision(head.id, head.revision);
      if (!stored) throw notFound(`there is no review "${head.id}"`);
      const review = reviewOf(stored);
      requireClearanceFor(caller, review, `the review "${head.id}"`);
      options.review = review;
      options.reviewFile = `/v1/reviews/${head.id}`;
      basedOn = { id: head.id, revision: head.revision, etag: revisionEtag(head.revision, head.hash) };
    }
    if (mapping) {
      const m = sheets.parseMapping(mapping.text, mapping.name);
      if (!m.ok) throw invalidImport(m.problems, []);
      options.mapping = m.mapping;
    }
    if (fields.article !== undefined) options.article = fields.article;
    if (fields.period) {
      const [start, end] = fields.period.split('-').map(Number) as [number, number];
      if (start > end) throw badRequest(`form.period: ${fields.period} ends before it starts`, { problems: [{ path: 'form.period', message: 'ends before it starts' }] });
      options.period = { start, end };
    }
    if (fields.phase) options.detailPhase = fields.phase;

    const result = await sheets.importSheets(files, options);
    // The option's own problems are located by the CLI flag that gives it; here it is a form field.
    if (!result.ok) throw invalidImport(result.problems.map((p) => (p.file === '--article' ? { ...p, file: 'article' } : p)), result.notices);
    const top = highestIn(result.review);
    if (rank(top) > rank(caller.clearance))
      throw forbidden(`the files hold items classified ${top}, above the token's clearance (${caller.clearance}); a token cleared for ${top} must import and store them`);
    return c.json({ review: result.data, basedOn, report: result.report, notices: result.notices });
  });
}
