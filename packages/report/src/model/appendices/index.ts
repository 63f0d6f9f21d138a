import type { ReportContext } from '../context.js';
import { para, type Section } from '../document.js';
import { classifiedAnnex } from './classified.js';
import { findingsAppendix } from './findings.js';
import { gapMapFigures } from './gap-map.js';
import { indicatorsTable } from './indicators.js';
import { instrumentAppendixTable } from './instruments.js';
import { sourcesAppendix } from './sources.js';
import { domainTreeFigures, treeOverviewFigures } from './tree.js';

export const RPE_INDEX_SECTION = 'appendix-rpe-index';

/**
 * The appendices, numbered in order: the policy trees, the gap maps, the instruments per domain,
 * the indicators, findings and sources, the RPE index (left empty: it is filled once every
 * section has recorded which questions it answers) and the classified annex.
 */
export function appendices(ctx: ReportContext): Section[] {
  const { L, review: r } = ctx;
  const out: Section[] = [];
  const appendix = (id: string, title: string, extra: Partial<Section> = {}) => {
    const sec = ctx.section(id, `${L.appendixLabel} ${out.length + 1}`, title, 1, { appendix: true, pageBreak: true, ...extra });
    out.push(sec);
    return sec;
  };

  appendix('appendix-tree', L.appendix.treeOverviewTitle, { landscape: true, folded: true }).blocks.push(...treeOverviewFigures(ctx));
  for (const d of ctx.domains) appendix(`appendix-tree-${d.id}`, L.appendix.treeTitle(d.name), { landscape: true, folded: true }).blocks.push(...domainTreeFigures(ctx, d));

  const gaps = appendix('appendix-gap-map', ctx.refs.labels.gapMapsTitle, { folded: true });
  gaps.blocks.push(para(L.research.gapMapIntro), ...ctx.domains.flatMap((d) => gapMapFigures(ctx, d)));
  ctx.answers('research-use', gaps.id);

  for (const d of ctx.domains) {
    const sec = appendix(`appendix-instruments-${d.id}`, L.appendix.instrumentTableTitle(d.name), { folded: true });
    sec.blocks.push(instrumentAppendixTable(ctx, d));
    ctx.answers('instruments', sec.id);
  }
  if (r.indicators.length > 0) appendix('appendix-indicators', L.appendix.indicatorsTitle, { folded: true }).blocks.push(indicatorsTable(ctx));
  appendix('appendix-findings', ctx.refs.labels.findingsTitle, { folded: true }).blocks.push(...findingsAppendix(ctx));
  appendix('appendix-sources', L.appendix.sourcesTitle, { folded: true }).blocks.push(...sourcesAppendix(ctx));
  appendix(RPE_INDEX_SECTION, L.appendix.rpeIndexTitle, { folded: true });
  const classified = classifiedAnnex(ctx);
  if (classified) appendix('appendix-classified', L.appendix.classifiedAnnexTitle).blocks.push(...classified);
  return out;
}
