import type { Classification, Domain } from '@polev/core';
import { paginateGapRows, renderGapMap, type GapMapRowInput } from '../../figures/gapmap.js';
import { figure, indent, table, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { t, type CellTone, type Column, type FigureBlock } from '../document.js';
import { plainLostText } from '../references.js';

/** Maximum height of one printed part of a gap map, in px (96 dpi): A4 portrait. */
export const GAP_PAGE_HEIGHT = 860;

/** A domain's gap map (evidence strength per objective and instrument and aspect), paginated, each part with a table as its text. */
export function gapMapFigures(ctx: ReportContext, d: Domain): FigureBlock[] {
  const L = ctx.L;
  const rows: GapMapRowInput[] = ctx.assessment.gapMap
    .filter((g) => g.domain === d.id)
    .map((g) => {
      const ins = g.kind === 'instrument' ? ctx.index.nodeOf.get(g.id)?.instrument : undefined;
      const marker = ins && ins.classification !== 'public' ? L.classification[ins.classification] : null;
      return {
        id: g.id,
        classification: ins?.classification ?? null,
        kind: g.kind,
        label: plainLostText(ins ? ctx.instrumentLabel(ins) : g.label, ctx.refs.labels),
        depth: g.depth,
        cells: [g.effectiveness.strength, g.efficiency.strength, g.sideEffects.strength],
        marker,
      };
    });
  if (rows.length === 0) return [];
  const columns = [L.research.effectivenessCol, L.research.efficiencyCol, L.research.sideEffectsCol];
  const pages = paginateGapRows(rows, columns, GAP_PAGE_HEIGHT);
  return pages.map((page, pi) => {
    const caption = `${L.research.gapMapFigure(d.name)}${pages.length > 1 ? ` (${pi + 1}/${pages.length})` : ''}`;
    const fig = renderGapMap({ title: caption, description: L.figure.gapDesc(d.name), columns, rows: page, strengthLabels: L.strength, legendTitle: L.figure.strengthLegend });
    const fallback = table(`table-gap-${d.id}-${pi + 1}`, caption, [
      { label: L.appendix.itemCol, width: 4 },
      ...columns.map((c): Column => ({ label: c, width: 1.5 })),
    ], page.map((row) => ({
      cells: [
        textCell([...(row.marker ? [t(row.marker, { classified: row.classification as Classification }), t(' ')] : []), t(`${indent(row.depth)}${row.label}`, row.kind === 'objective' ? { bold: true } : {})]),
        ...row.cells.map((x) => textCell(L.strength[x], `strength-${x}` as CellTone)),
      ],
    })));
    return figure('gap-map', `figure-gap-${d.id}-${pi + 1}`, caption, fig.svg, fig.width, fig.height, L.figure.gapDesc(d.name), { fallback: [fallback] });
  });
}
