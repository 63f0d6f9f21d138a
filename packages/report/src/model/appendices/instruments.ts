import type { Domain } from '@polev/core';
import { capitalise, classifiedRow, parasCell, table } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { t, txt, type Inline, type Row, type TableBlock } from '../document.js';
import { formatDate } from '../format.js';
import { anchorOf } from '../references.js';
import { indicatorValue } from './indicators.js';

/** A domain's instruments under their objectives: what each is, its realisation and indicators, and the evaluations of it. */
export function instrumentAppendixTable(ctx: ReportContext, d: Domain): TableBlock {
  const { L, lang } = ctx;
  const rows: Row[] = [];
  for (const { objective, depth } of ctx.objectivesOfDomain.get(d.id) ?? []) {
    rows.push({ kind: 'group', anchor: anchorOf.objective(objective.id), cells: [{ content: [[t(`${depth === 0 ? L.appendix.objectiveLabel : '–'} `, { italic: true }), t(objective.text, { bold: depth === 0 })]], colSpan: 3 }] });
    for (const i of ctx.instrumentsOf(objective.id)) {
      const first: Inline[] = [[...ctx.badge(i.classification), t(ctx.instrumentLabel(i), { bold: true })]];
      if (i.intent) first.push(txt(i.intent));
      const meta = [L.instrumentKind[i.kind], i.role ? L.role[i.role] : null].filter(Boolean).join(' · ');
      first.push([t(meta, { italic: true })]);

      const second: Inline[] = [
        [t(capitalise(L.realisationStatus[i.realisation.status]), { bold: true }), ...(i.realisation.date ? [t(` ${L.appendix.realisedOn(formatDate(i.realisation.date, lang))}`)] : [])],
      ];
      if (i.realisation.evidence) second.push(txt(i.realisation.evidence));
      for (const x of ctx.review.indicators.filter((ind) => ind.subjects.includes(i.id))) {
        second.push([...ctx.badge(x.classification), t(`${x.name}: ${indicatorValue(ctx, x)}${x.referenceDate ? ` (${L.appendix.referenceDateCol.toLowerCase()} ${formatDate(x.referenceDate, lang)})` : ''}`)]);
      }

      const findings = ctx.findingsAbout(i.id).filter((f) => f.aspect !== 'realisation');
      const third: Inline[] = findings.length
        ? findings.map((f) => [t(`${capitalise(L.aspect[f.aspect])}: `, { bold: true }), ...ctx.findingInline(f)])
        : [[t(L.appendix.noEvaluation, { italic: true })]];
      rows.push({ anchor: anchorOf.instrument(i.id), ...classifiedRow(i.classification), cells: [parasCell(first), parasCell(second), parasCell(third, findings.length ? undefined : 'muted')] });
    }
  }
  return table(`table-appendix-instruments-${d.id}`, L.appendix.instrumentTableCaption(d.name), [
    { label: L.appendix.colObjectiveInstrument, width: 3 },
    { label: L.appendix.colRealisation, width: 3 },
    { label: L.appendix.colEvaluations, width: 3 },
  ], rows);
}
