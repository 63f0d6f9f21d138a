import type { Finding, Source } from '@polev/core';
import { capitalise, cell, quoteRun, type AppendixContext } from '../blocks.js';
import { para, t, type Block, type Inline, type Row, type Run, type TableBlock } from '../document.js';
import { formatDate } from '../format.js';
import { anchorOf, shortName } from '../references.js';

/**
 * The findings appendix: every finding, numbered as running text refers to it, with its statement,
 * verdict, source(s) and location, strength and study design, and the instruments, objectives and
 * domains it is about. Ids in the source and subject cells are resolved to references by the last
 * pass (`resolveReferences`).
 */
export function findingsAppendix(ctx: AppendixContext): Block[] {
  const { review: r, L, refs } = ctx;
  const R = refs.labels;
  if (r.findings.length === 0) return [para(R.findingsNone)];
  const sources = new Map(r.sources.map((s) => [s.id, s]));
  const rows: Row[] = r.findings.map((f) => {
    const n = refs.findingNumber.get(f.id)!;
    return {
      anchor: anchorOf.finding(n),
      ...(f.classification !== 'public' ? { classified: f.classification } : {}),
      cells: [
        cell([t(String(n))]),
        cell([...ctx.badge(f.classification), quoteRun(f.statement, ctx)], [t(`${capitalise(L.aspect[f.aspect])}: ${L.verdict[f.verdict]}`, { italic: true })]),
        cell(...originParagraphs(f, sources, ctx)),
        cell([t(L.strength[f.strength])], [t(designOf(f, sources, ctx), { italic: true })]),
        cell(subjectRuns(f.subjects)),
      ],
    };
  });
  const table: TableBlock = {
    kind: 'table',
    id: 'table-findings',
    number: 0,
    caption: R.findingsCaption,
    columns: [
      { label: R.numberCol, align: 'right', width: 0.5 },
      { label: R.statementCol, width: 6 },
      { label: R.sourceCol, width: 3 },
      { label: R.strengthCol, width: 1.8 },
      { label: R.subjectsCol, width: 2.4 },
    ],
    rows,
  };
  return [para(R.findingsIntro), table];
}

function originParagraphs(f: Finding, sources: Map<string, Source>, ctx: AppendixContext): Inline[] {
  const R = ctx.refs.labels;
  if (f.origin === 'review') return [[t(R.ownJudgement, { italic: true })]];
  if (f.origin === 'unknown' || f.sources.length === 0) return [[t(R.originUnknown, { italic: true })]];
  return f.sources.map((ref) => {
    const s = sources.get(ref.source);
    // The id becomes "source 3" (linked) in the last pass; the title follows it, shortened.
    const runs: Run[] = [t(ref.source)];
    if (s) runs.push(t(`: ${shortName(s.title)}${s.date ? `, ${formatDate(s.date, ctx.lang)}` : ''}`));
    if (ref.location) runs.push(t(` (${ref.location})`, { italic: true }));
    return runs;
  });
}

function designOf(f: Finding, sources: Map<string, Source>, ctx: AppendixContext): string {
  const R = ctx.refs.labels;
  const design = f.design ?? f.sources.map((x) => sources.get(x.source)?.design).find((d) => d) ?? null;
  return design ? R.design[design] : R.designUnknown;
}

/** Subject ids as one list ("ct-i49, ct-3"): the last pass turns each into a linked name. */
const subjectRuns = (subjects: string[]): Inline => (subjects.length ? [t([...new Set(subjects)].join(', '))] : []);
