import { analyze, type Review, type SavingsOptions } from '@polev/core';
import type { AnalyzeOptions, Assessment } from '../assessment.js';
import { appendices, RPE_INDEX_SECTION } from './appendices/index.js';
import { rpeIndex } from './appendices/rpe-index.js';
import { accountabilityChapter } from './chapters/accountability.js';
import { effectsChapter } from './chapters/effects.js';
import { instrumentsChapter } from './chapters/instruments.js';
import { optionsChapter } from './chapters/options.js';
import { policyChapter } from './chapters/policy.js';
import { researchChapter } from './chapters/research.js';
import { scopeChapter } from './chapters/scope.js';
import { summaryChapter } from './chapters/summary.js';
import { audienceLevel, filterReviewForAudience } from './audience.js';
import { ReportContext } from './context.js';
import type { ReportDocument, Section } from './document.js';
import { formatDate } from './format.js';
import { resolveOptions, type ReportOptions } from './options.js';
import { captionReasonTables, condenseReasonTables } from './reason-tables.js';
import { resolveReferences } from './references.js';

export { resolveOptions, type ReportOptions, type ResolvedReportOptions } from './options.js';
export { TREE_PAGE_HEIGHT } from './appendices/tree.js';
export { GAP_PAGE_HEIGHT } from './appendices/gap-map.js';

/**
 * Builds the format-neutral report document. For the public audience the review is filtered
 * first and analysed again, so no verdict, reason or evidence list can mention a classified
 * record. The assessment passed in is used as is only when nothing was left out and it is written
 * in the report's language; otherwise the review is analysed again in that language, with the
 * savings options the assessment was made with unless `analyzeOptions` gives others.
 */
export function buildReport(review: Review, assessment?: Assessment | null, options: ReportOptions = {}): ReportDocument {
  const opts = resolveOptions(options, review);
  const level = audienceLevel(opts.audience);
  const filter = filterReviewForAudience(review, opts.audience);
  // The options of every re-analysis: the report's language, and the caller's savings options or
  // else those the assessment passed in was made with (the same variant in every version).
  const analyzeOptions: AnalyzeOptions =
    assessment && !opts.analyzeOptions.savings ? { ...opts.analyzeOptions, savings: savingsOptionsOf(assessment) } : opts.analyzeOptions;
  let a: Assessment;
  if (filter.dropped.length > 0) {
    // The same function as `polev analyze --audience public`: verdicts from the visible evidence only.
    a = analyze(review, { ...analyzeOptions, audience: level });
  } else if (assessment && (assessment.lang ?? 'en') === opts.lang) {
    // (An assessment serialised before it recorded its language is English.)
    a = assessment;
  } else {
    a = analyze(review, analyzeOptions);
  }
  return assemble(new ReportContext(filter.review, a, opts, filter.dropped.length > 0, review));
}

/** The savings options an assessment was made with: analysing again with them gives the same variant. */
function savingsOptionsOf(a: Assessment): SavingsOptions {
  return {
    percent: a.savings.percent,
    protect: a.savings.protectedLines,
    ...(a.savings.includesApparatus ? { includeApparatus: true } : {}),
    ...(a.savings.baseYear !== null && a.savings.base !== null ? { baseYear: a.savings.baseYear } : {}),
  };
}


/** The chapters and appendices in reading order, then the passes over the whole: the RPE index, condensed reasons, numbers, references. */
function assemble(ctx: ReportContext): ReportDocument {
  const { L, review: r, lang, confidential } = ctx;
  const sections: Section[] = [
    summaryChapter(ctx),
    scopeChapter(ctx),
    policyChapter(ctx),
    instrumentsChapter(ctx),
    researchChapter(ctx),
    effectsChapter(ctx),
    optionsChapter(ctx),
    accountabilityChapter(ctx),
    ...appendices(ctx),
  ];
  ctx.sectionOf(RPE_INDEX_SECTION)?.blocks.push(...rpeIndex(ctx));
  const condensed = condenseReasonTables(sections, L, ctx.refs.labels);
  numberBlocks(sections);
  captionReasonTables(condensed, L, ctx.refs.labels);
  resolveReferences(sections, ctx.refs);
  const articles = r.budgetArticles.map((x) => `${x.number}${x.title ? ` ${x.title}` : ''}`).join('; ');
  const meta: { term: string; value: string }[] = [
    { term: L.meta.ministry, value: r.ministry.abbreviation ? `${r.ministry.name} (${r.ministry.abbreviation})` : r.ministry.name },
  ];
  if (r.budgetChapter) meta.push({ term: L.meta.budgetChapter, value: r.budgetChapter });
  meta.push({ term: L.meta.budgetArticles, value: articles });
  meta.push({ term: L.meta.period, value: r.period?.start == null && r.period?.end == null ? L.unknown : `${r.period?.start ?? L.unknown}–${r.period?.end ?? L.unknown}` });
  if (r.performedBy) meta.push({ term: L.meta.performedBy, value: r.performedBy });
  meta.push({ term: L.meta.method, value: r.method ? L.method[r.method] : L.unknown });
  meta.push({ term: L.meta.rpeVersion, value: `RPE ${r.rpeVersion}` });
  if (r.dates.completed) meta.push({ term: L.meta.completed, value: formatDate(r.dates.completed, lang) });
  if (r.dates.sentToParliament) meta.push({ term: L.meta.sentToParliament, value: formatDate(r.dates.sentToParliament, lang) });

  return {
    lang,
    audience: ctx.opts.audience,
    labels: L,
    title: r.title,
    subtitle: confidential ? L.confidentialVersion : L.publicVersion,
    meta,
    banner: confidential ? { tone: 'confidential', text: L.confidentialBanner } : { tone: 'public', text: L.publicBanner },
    sections,
    classifiedOmitted: ctx.classifiedOmitted,
    generatedOn: ctx.opts.generatedOn,
    properties: {
      author: r.performedBy ?? null,
      subject: [L.docType, articles, `${r.period?.start ?? L.unknown}–${r.period?.end ?? L.unknown}`].join(' · '),
      date: r.dates.completed ?? r.dates.sentToParliament ?? null,
      keywords: [r.ministry.abbreviation ?? r.ministry.name, ...r.budgetArticles.map((x) => x.number), `RPE ${r.rpeVersion}`],
    },
  };
}

/**
 * Numbers tables and figures in reading order ("Tabel 1", "Figuur 1"), and makes every anchor id
 * unique (ids built from review ids could meet, e.g. domain "ct" with its findings and a domain
 * "ct-findings").
 */
function numberBlocks(sections: Section[]) {
  let table = 0;
  let figure = 0;
  const ids = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let i = 2; ids.has(candidate); i++) candidate = `${id}-${i}`;
    ids.add(candidate);
    return candidate;
  };
  const visit = (s: Section) => {
    s.id = unique(s.id);
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        b.number = ++table;
        b.id = unique(b.id);
      } else if (b.kind === 'figure') {
        b.number = ++figure;
        b.id = unique(b.id);
      }
    }
    for (const c of s.sections) visit(c);
  };
  for (const s of sections) visit(s);
}
