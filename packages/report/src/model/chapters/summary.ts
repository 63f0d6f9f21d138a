import type { Row, Section } from '../document.js';
import { para, t, txt } from '../document.js';
import { formatSum } from '../format.js';
import { table, textCell, verdictCells, verdictColumns } from '../blocks.js';
import type { ReportContext } from '../context.js';

/** The summary: what was reviewed, the key figures, the verdicts per domain, the review's general conclusions and recommendations. */
export function summaryChapter(ctx: ReportContext): Section {
  const { L, review: r, assessment: a } = ctx;
  const s = ctx.section('summary', null, L.summary.title, 1, { pageBreak: true });
  const articles = r.budgetArticles.map((x) => `${x.number}${x.title ? ` (${x.title})` : ''}`).join(', ');
  const ministry = r.ministry.abbreviation ? `${r.ministry.name} (${r.ministry.abbreviation})` : r.ministry.name;
  s.blocks.push(
    para(L.summary.intro({ articles, chapter: r.budgetChapter ?? null, ministry, start: r.period?.start ?? null, end: r.period?.end ?? null }), 'lead'),
    para(L.summary.performed({ by: r.performedBy ?? null, method: r.method ? L.method[r.method] : null })),
  );
  if (ctx.classifiedOmitted) {
    s.blocks.push(para(L.summary.classifiedAnnexPublic, 'notice'));
    const leftOut = ctx.leftOut();
    if (leftOut.length > 0) s.blocks.push(para(L.summary.leftOut(L.leftOutList(leftOut.map((x) => x.text))), 'notice'));
  } else if (ctx.confidential && ctx.hasClassified()) s.blocks.push(para(L.summary.classifiedAnnexConfidential, 'classified'));

  const key = ctx.section('summary-key-figures', null, L.summary.keyFigures, 2);
  key.blocks.push({
    kind: 'definitions',
    items: [
      { term: L.summary.domains, value: txt(String(ctx.domains.length)) },
      { term: L.summary.objectives, value: txt(String(r.policyTree.objectives.length)) },
      { term: L.summary.instruments, value: txt(a.realisation.article.list.counted) },
      { term: L.summary.realised, value: txt(ctx.listShare(a.realisation.article.realised, ctx.instrumentList)) },
      // Unknown lists give unknown figures, not "0 of n": the file's silence is not the source's "none".
      { term: L.summary.evaluated, value: txt(ctx.listShare(a.coverage.article.evaluated, a.coverage.article.evaluationList.status)) },
      { term: L.summary.withCost, value: txt(ctx.listShare(a.costAttribution.withCost, a.expenditure.completeness.budgetLines)) },
      { term: L.summary.programmeTotal, value: txt(formatSum(a.expenditure.byKind.programme, ctx.lang)) },
    ],
  });

  const verdicts = ctx.section('summary-verdicts', null, L.summary.verdictsTitle, 2);
  const rows: Row[] = [];
  for (const d of ctx.domains) {
    const v = a.verdicts.domains.find((x) => x.scope.id === d.id);
    if (v) rows.push({ cells: [textCell(d.name), ...verdictCells(L, v)] });
  }
  rows.push({ cells: [textCell(L.effects.articleTitle), ...verdictCells(L, a.verdicts.article)], kind: 'total' });
  verdicts.blocks.push(table('table-summary-verdicts', L.summary.verdictsTitle, verdictColumns(L, L.research.domainCol, 3, 2), rows));
  s.sections.push(key, verdicts);

  const general = r.conclusions.filter((c) => ctx.conclusionDomain(c.subjects) === null);
  if (general.length > 0) {
    const cs = ctx.section('summary-conclusions', null, L.summary.conclusionsTitle, 2);
    cs.blocks.push({ kind: 'list', ordered: false, items: general.map((c) => ({ content: [...ctx.badge(c.classification), t(c.text)], level: 0 })), ...ctx.quote });
    s.sections.push(cs);
  }
  if (r.recommendations.length > 0) {
    const rs = ctx.section('summary-recommendations', null, L.summary.recommendationsTitle, 2);
    rs.blocks.push({ kind: 'list', ordered: true, items: r.recommendations.map((x) => ({ content: txt(x.text), level: 0 })), ...ctx.quote });
    s.sections.push(rs);
  }
  return s;
}
