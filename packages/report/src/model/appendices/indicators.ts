import type { Indicator } from '@polev/core';
import { formatNumber } from '../../labels/index.js';
import { classifiedRow, itemTable, parasCell, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { t, type TableBlock } from '../document.js';
import { formatDate } from '../format.js';

/** The review's indicators with their values, reference dates and sources. */
export function indicatorsTable(ctx: ReportContext): TableBlock {
  const { L, lang } = ctx;
  return itemTable('table-indicators', L.appendix.indicatorsCaption, [
    { label: L.appendix.indicatorCol, width: 4, cell: (x) => textCell([...ctx.badge(x.classification), t(x.name)]) },
    { label: L.appendix.valueCol, width: 2.5, cell: (x) => parasCell([indicatorValue(ctx, x), ...(x.text ? [x.text] : [])]) },
    { label: L.appendix.referenceDateCol, width: 1.6, cell: (x) => formatDate(x.referenceDate, lang) },
    { label: L.research.sourceCol, width: 3, cell: (x) => (x.source ? ctx.name(x.source) : '') },
  ], ctx.review.indicators, { row: (x) => classifiedRow(x.classification) });
}

/** An indicator's value with its unit; unknown (never 0) without one. */
export function indicatorValue(ctx: ReportContext, x: Indicator): string {
  if (x.value === null) return ctx.L.unknown;
  return `${formatNumber(x.value, ctx.lang, 2)}${x.unit ? ` ${x.unit}` : ''}`;
}
