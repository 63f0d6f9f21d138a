import { cell, quoteRun, type AppendixContext } from '../blocks.js';
import { para, t, type Block, type Row } from '../document.js';
import { formatDate } from '../format.js';
import { anchorOf } from '../references.js';

/** The sources appendix: every source, numbered, with the findings taken from it. */
export function sourcesAppendix(ctx: AppendixContext): Block[] {
  const { review: r, L, refs, confidential } = ctx;
  const R = refs.labels;
  const findingsOf = new Map<string, string[]>();
  for (const f of r.findings) for (const s of new Set(f.sources.map((x) => x.source))) findingsOf.set(s, [...(findingsOf.get(s) ?? []), f.id]);
  const rows: Row[] = r.sources.map((x) => {
    const n = refs.sourceNumber.get(x.id)!;
    const findings = findingsOf.get(x.id) ?? [];
    return {
      anchor: anchorOf.source(n),
      ...(x.classification !== 'public' ? { classified: x.classification } : {}),
      cells: [
        cell([t(String(n))]),
        cell([...ctx.badge(x.classification), quoteRun(x.title, ctx)], ...(x.reference ? [[t(x.reference, { italic: true })]] : [])),
        cell([t(L.sourceType[x.type])]),
        cell([t(x.author ?? '')]),
        cell([t(formatDate(x.date, ctx.lang))]),
        cell(findings.length ? [t(findings.join(', '))] : []),
        ...(confidential ? [cell([t(L.classification[x.classification])])] : []),
      ],
    };
  });
  return [
    para(R.sourcesIntro),
    {
      kind: 'table',
      id: 'table-sources',
      number: 0,
      caption: L.appendix.sourcesCaption,
      columns: [
        { label: R.numberCol, align: 'right', width: 0.5 },
        { label: L.research.sourceCol, width: 5 },
        { label: L.research.typeCol, width: 1.6 },
        { label: L.research.authorCol, width: 1.8 },
        { label: L.research.dateCol, width: 1.3 },
        { label: R.findingsOfSource, width: 1.8 },
        ...(confidential ? [{ label: L.appendix.classificationCol, width: 1.4 }] : []),
      ],
      rows,
    },
  ];
}

