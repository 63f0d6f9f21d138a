import type { Classification } from '@polev/core';
import { table, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, t, type Block, type Row } from '../document.js';

/**
 * The classified annex: in the public version a notice that it exists; in the confidential
 * version every classified record with its marking. Nothing where there is nothing classified.
 */
export function classifiedAnnex(ctx: ReportContext): Block[] | null {
  const { L, review: r } = ctx;
  if (ctx.classifiedOmitted) return [para(L.appendix.classifiedAnnexPublic, 'notice')];
  if (!ctx.confidential || !ctx.hasClassified()) return null;
  const rows: Row[] = [];
  const add = (kind: string, c: Classification, text: string) => rows.push({ classified: c, cells: [textCell(kind), textCell(text), textCell([t(L.classification[c], { classified: c })])] });
  for (const x of r.sources) if (x.classification !== 'public') add(L.appendix.sourceLabel, x.classification, x.title);
  for (const x of r.instruments) if (x.classification !== 'public') add(L.appendix.instrumentLabel, x.classification, ctx.instrumentLabel(x));
  for (const x of r.findings) if (x.classification !== 'public') add(L.appendix.findingLabel, x.classification, x.statement);
  for (const x of r.indicators) if (x.classification !== 'public') add(L.appendix.indicatorLabel, x.classification, x.name);
  for (const x of r.conclusions) if (x.classification !== 'public') add(L.appendix.conclusionLabel, x.classification, x.text);
  return [
    para(L.appendix.classifiedAnnexIntro, 'classified'),
    table('table-classified', L.appendix.classifiedItemsCaption, [
      { label: L.research.typeCol, width: 1.5 },
      { label: L.appendix.itemCol, width: 6 },
      { label: L.appendix.classificationCol, width: 2 },
    ], rows),
  ];
}
