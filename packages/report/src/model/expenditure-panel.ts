import { completenessOf, type Review } from '@polev/core';
import type { ReferenceLabels } from '../labels/references.js';
import { para, t, type ParagraphBlock } from './document.js';

/**
 * A chart of amounts the source does not give would be bars of nothing: where every amount of a
 * kind of expenditure is unknown, the report shows this panel instead, saying there are no figures
 * in the source and why, from the review's completeness statement on its expenditure.
 */
export function expenditurePanel(review: Review, amounts: (number | null)[], kindLabel: string, R: ReferenceLabels): ParagraphBlock | null {
  if (amounts.length === 0 || amounts.some((a) => a !== null)) return null;
  const c = completenessOf(review, 'expenditure');
  const why = c.stated && c.missing ? R.noFiguresWhy(c.missing) : R.noFiguresUnstated;
  return para([t(R.noFigures(kindLabel), { bold: true }), t(` ${why}`)], 'notice');
}
