import type { ArticleContext, Domain } from '@polev/core';
import type { Sum } from '../../assessment.js';
import { renderExpenditureChart } from '../../figures/expenditure.js';
import { formatAmount, formatNumber, formatShare } from '../../labels/index.js';
import { classifiedRow, figure, indent, itemTable, parasCell, table, textCell, type ItemColumn } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, t, txt, type Row, type Section, type TableBlock } from '../document.js';
import { expenditurePanel } from '../expenditure-panel.js';
import { formatSum } from '../format.js';

/** Chapter 3: the instruments per domain, and the expenditure (per kind and year, budget against realisation, cost per instrument). */
export function instrumentsChapter(ctx: ReportContext): Section {
  const { L, assessment: a } = ctx;
  const s = ctx.section('instruments', '3', L.instruments.title, 1, { pageBreak: true });
  s.blocks.push(...ctx.questionList(['instruments', 'expenditure']));
  s.blocks.push(...ctx.rpeAnswerNote('instruments'));
  // Every count below is of the instruments in the data; say how many that is of all.
  if (a.realisation.article.list.note) s.blocks.push(para(a.realisation.article.list.note, 'note'));
  ctx.domains.forEach((d, di) => {
    s.sections.push(domainInstruments(ctx, d, di + 1));
  });
  s.sections.push(expenditure(ctx, ctx.domains.length + 1));
  return s;
}

function domainInstruments(ctx: ReportContext, d: Domain, n: number): Section {
  const { L, assessment: a } = ctx;
  const ds = ctx.section(`instruments-${d.id}`, `3.${n}`, L.instruments.domainTitle(d.name), 2);
  const ins = ctx.instrumentsOfDomain.get(d.id) ?? [];
  if (ins.length === 0) {
    ds.blocks.push(para(L.instruments.noInstruments));
  } else {
    const withInstruments = new Set(ins.map((i) => i.objective)).size;
    ds.blocks.push(para(L.instruments.count(ctx.instrumentCount(ins.length), ins.length, ctx.instrumentCount(withInstruments), withInstruments)));
    const rs = a.realisation.domains.find((x) => x.scope.id === d.id);
    if (rs) {
      ds.blocks.push(para(L.instruments.realisationSummary(ctx.listShare(rs.realised, ctx.instrumentList), ctx.listShare(rs.deployed, ctx.instrumentList))));
      if (rs.realisedAfterPeriod.length > 0) ds.blocks.push(para(L.instruments.afterPeriod(ctx.instrumentCount(rs.realisedAfterPeriod.length), rs.realisedAfterPeriod.length)));
    }
    const rows: Row[] = [];
    for (const { objective, depth } of ctx.objectivesOfDomain.get(d.id) ?? []) {
      const own = ctx.instrumentsOf(objective.id);
      if (own.length === 0) continue;
      rows.push({ kind: 'group', cells: [{ content: [txt(`${indent(depth)}${objective.text}`)], colSpan: 5 }] });
      for (const i of own) {
        rows.push({
          ...classifiedRow(i.classification),
          cells: [
            textCell(ctx.instrumentNumber(i.id) ?? ''),
            // The id becomes the instrument's (short) name, linked to its row in the appendix.
            textCell([...ctx.badge(i.classification), t(i.id)]),
            textCell(L.instrumentKind[i.kind]),
            textCell(i.role ? L.role[i.role] : ''),
            textCell(L.realisationStatus[i.realisation.status], i.realisation.status === 'unknown' ? 'muted' : undefined),
          ],
        });
      }
    }
    ds.blocks.push(
      table(`table-instruments-${d.id}`, L.instruments.overviewCaption(d.name), [
        { label: L.instruments.numberCol, width: 0.6, align: 'right' },
        { label: L.instruments.instrumentCol, width: 5 },
        { label: L.instruments.kindCol, width: 1.5 },
        { label: L.instruments.roleCol, width: 1.5 },
        { label: L.instruments.realisationCol, width: 1.8 },
      ], rows),
    );
  }
  ctx.answers('instruments', ds.id);
  return ds;
}

function expenditure(ctx: ReportContext, n: number): Section {
  const { L, assessment: a, lang } = ctx;
  const ex = ctx.section('expenditure', `3.${n}`, L.instruments.expenditureTitle, 2);
  ex.blocks.push(...ctx.rpeAnswerNote('expenditure'));
  const next = () => `3.${n}.${ex.sections.length + 1}`;
  const overview = ctx.section('expenditure-overview', next(), L.instruments.expenditureOverview, 3);
  const exp = a.expenditure;
  if (exp.lines.length === 0) overview.blocks.push(para(exp.completeness.budgetLines === 'complete' ? L.instruments.noExpenditure : L.instruments.expenditureUnknown));
  if (exp.completeness.missing && exp.completeness.expenditure !== 'complete') overview.blocks.push(para(L.instruments.expenditureMissing(exp.completeness.missing), 'note'));
  const kinds = (['programme', 'apparatus', 'receipts'] as const).filter((k) => exp.lines.some((l) => l.kind === k));
  for (const kind of kinds) {
    const lines = exp.lines.filter((l) => l.kind === kind);
    const years = exp.years.filter((y) => lines.some((l) => l.years.some((x) => x.year === y)));
    const kindLabel = L.budgetKind[kind];
    const totals = years.map((y) => exp.byKindAndYear.find((k) => k.kind === kind && k.year === y)?.total);
    overview.blocks.push(
      itemTable(`table-expenditure-${kind}`, L.instruments.expenditureCaption(kindLabel), [
        { label: L.instruments.lineCol, width: 3, cell: (l) => l.name },
        ...years.map((y) => ({
          label: String(y),
          align: 'right' as const,
          width: 1,
          cell: (l: (typeof lines)[number]) => {
            const e = l.years.find((x) => x.year === y);
            return e ? textCell(ctx.money(e.amount), e.amount === null ? 'unknown' : undefined) : '';
          },
        })),
        { label: L.total, align: 'right', width: 1.2, cell: (l) => formatSum(l.total, lang) },
      ], lines, {
        after: [{ kind: 'total', cells: [L.total, ...totals.map((x) => (x ? formatSum(x, lang) : '')), formatSum(exp.byKind[kind], lang)].map((x) => textCell(x)) }],
        note: L.amountsNote,
      }),
    );
    const panel = expenditurePanel(ctx.review, lines.flatMap((l) => l.years.map((y) => y.amount)), kindLabel, ctx.refs.labels);
    if (panel) overview.blocks.push(panel);
    else if (lines.some((l) => l.years.length > 0)) {
      const figId = `figure-expenditure-${kind}`;
      const chart = renderExpenditureChart({
        idPrefix: figId,
        title: L.instruments.expenditureFigure(kindLabel),
        description: L.figure.expenditureDesc(kindLabel),
        years,
        series: lines.map((l) => ({ id: l.line, name: l.name, values: l.years.map((y) => ({ year: y.year, amount: y.amount })) })),
        unknownLegend: L.figure.unknownLegend,
        axisLabel: L.figure.amountAxis,
        formatAmount: (v) => formatNumber(v, lang, 1),
      });
      overview.blocks.push(figure('chart', figId, L.instruments.expenditureFigure(kindLabel), chart.svg, chart.width, chart.height, L.figure.expenditureDesc(kindLabel)));
    }
    const commitments = commitmentsTable(ctx, kind, lines);
    if (commitments) overview.blocks.push(commitments);
  }
  const dominant = dominantLineText(ctx);
  if (dominant) overview.blocks.push(para(dominant));
  if (exp.unknownAmounts.length > 0) overview.blocks.push(para(L.instruments.unknownAmounts(exp.unknownAmounts.length), 'note'));
  ex.sections.push(overview);

  for (const c of ctx.review.articleContext ?? []) ex.sections.push(articleContext(ctx, c, next()));

  const budget = budgetAgainstRealisation(ctx, next);
  if (budget) ex.sections.push(budget);

  if (exp.outsideArticle.length > 0) {
    const other = ctx.section('expenditure-other-articles', next(), L.instruments.outsideArticleTitle, 3);
    other.blocks.push(
      para(L.instruments.outsideArticleText(exp.outsideArticle.length, ctx.review.budgetArticles.map((x) => x.number).join(', ')), 'notice'),
      itemTable('table-expenditure-other-articles', L.instruments.outsideArticleTitle, [
        { label: L.instruments.lineCol, width: 3, cell: (o) => o.name },
        { label: L.instruments.kindCol, width: 1.4, cell: (o) => L.budgetKind[o.kind] },
        { label: L.instruments.articleCol, width: 1, cell: (o) => o.article },
        { label: L.total, align: 'right', width: 1.5, cell: (o) => formatSum(o.total, lang) },
      ], exp.outsideArticle),
    );
    ex.sections.push(other);
  }

  if (exp.outOfScope.length > 0) {
    const oos = ctx.section('expenditure-out-of-scope', next(), L.instruments.outOfScopeTitle, 3);
    oos.blocks.push(
      itemTable('table-expenditure-out-of-scope', L.instruments.outOfScopeTitle, [
        { label: L.instruments.lineCol, width: 3, cell: (o) => o.name },
        { label: L.total, align: 'right', width: 1.5, cell: (o) => formatSum(o.total, lang) },
        { label: L.scope.reasonCol, width: 4, cell: (o) => o.reason },
      ], exp.outOfScope),
    );
    ex.sections.push(oos);
  }

  ex.sections.push(costPerInstrument(ctx, next()));
  ctx.answers('expenditure', ex.id);
  return ex;
}

/** Cost per instrument: what the budget lines attribute to each, and to each domain. */
function costPerInstrument(ctx: ReportContext, number: string): Section {
  const { L, assessment: a, lang } = ctx;
  const cost = ctx.section('expenditure-cost', number, L.instruments.costTitle, 3);
  const ca = a.costAttribution;
  const am = ca.attributableMoney;
  // Counted over the budget lines: unknown where their list is, a lower bound where it is partial.
  const withCost = ctx.listShare(ca.withCost, a.expenditure.completeness.budgetLines);
  cost.blocks.push(
    para(
      am.share === null && am.total === 0
        ? L.instruments.costTextAllUnknown(withCost, am.unknownParts)
        : am.share === null && am.unknownParts > 0
        ? L.instruments.costTextUnknown(withCost, formatAmount(am.attributable, lang), formatAmount(am.total, lang), am.unknownParts)
        : L.instruments.costText(withCost, formatShare(am.share, lang)),
    ),
  );
  const st = ca.staffTime;
  cost.blocks.push(para(st.attributable !== 0 ? L.instruments.staffTimeText(formatAmount(st.attributable, lang), formatAmount(st.total, lang), formatShare(st.share, lang)) : L.instruments.staffTimeNone));
  if (ca.withoutCost.length > 0) cost.blocks.push(para(L.instruments.withoutCostList(ctx.instrumentCount(ca.withoutCost.length), ca.withoutCost.length)));
  if (ca.jointOnly.length > 0) cost.blocks.push(para(L.instruments.jointText(ctx.instrumentCount(ca.jointOnly.length), ca.jointOnly.length)));
  const costed = ctx.review.instruments.filter((i) => (ca.instruments[i.id]?.status ?? 'none') !== 'none');
  if (costed.length > 0) {
    cost.blocks.push(
      itemTable('table-cost', L.summary.withCost, [
        { label: L.instruments.instrumentCol, width: 4, cell: (i) => textCell([...ctx.badge(i.classification), t(ctx.instrumentLabel(i))]) },
        { label: L.instruments.lineCol, width: 3, cell: (i) => ca.instruments[i.id]!.lines.map((l) => ctx.name(l)).join('; ') },
        {
          label: L.instruments.ownCostCol,
          align: 'right',
          width: 1.5,
          cell: (i) => {
            const { amount } = ca.instruments[i.id]!;
            return textCell(amount ? formatSum(amount, lang) : L.unknown, amount && amount.amount !== null ? undefined : 'unknown');
          },
        },
        {
          label: L.instruments.jointCol,
          width: 3,
          cell: (i) => parasCell(ca.instruments[i.id]!.joint.map((j) => L.instruments.jointWith(formatSum(j.amount, lang), ctx.name(j.line), j.with.filter((w) => w !== i.id).map((w) => ctx.name(w)).join(', ')))),
        },
      ], costed),
    );
  }
  // A part no line contributes to is left blank: nothing is linked, which is not a cost of 0.
  const part = (x: Sum | null) => (x === null ? '' : formatSum(x, lang));
  const domainCosts = ca.scopes.domains.filter((d) => d.attributed.known > 0 || d.attributed.unknownParts > 0 || d.sharedWithOtherScopes.lines.length > 0);
  if (domainCosts.length > 0) {
    const article = ca.scopes.article;
    cost.blocks.push(
      itemTable('table-cost-domains', L.instruments.scopeCostCaption, [
        { label: L.instruments.scopeCol, width: 3, cell: (d) => ctx.name(d.scope) },
        { label: L.instruments.attributedCol, align: 'right', width: 1.4, cell: (d) => formatSum(d.attributed, lang) },
        { label: L.instruments.staffCol, align: 'right', width: 1.4, cell: (d) => part(d.apparatus) },
        { label: L.instruments.jointInsideCol, align: 'right', width: 1.4, cell: (d) => part(d.joint) },
        { label: L.instruments.sharedCol, align: 'right', width: 1.8, cell: (d) => (d.sharedWithOtherScopes.lines.length ? formatSum(d.sharedWithOtherScopes.amount, lang) : '') },
      ], domainCosts, {
        after: [{ kind: 'total', cells: [L.total, formatSum(article.attributed, lang), part(article.apparatus), part(article.joint), ''].map((x) => textCell(x)) }],
      }),
    );
  }
  return cost;
}

/**
 * The commitments (verplichtingen) of a kind's lines, each year beside its realisation, where the
 * review records any; null when it says nothing of commitments. A year a line records without them
 * is unknown, not none. Never summed with the expenditure.
 */
function commitmentsTable(ctx: ReportContext, kind: string, lines: readonly { line: string; name: string }[]): TableBlock | null {
  const { L } = ctx;
  const rows = lines.flatMap((l) => {
    const exps = ctx.index.lines.get(l.line)?.expenditures ?? [];
    return exps.some((e) => e.commitments !== undefined) ? exps.map((e) => ({ name: l.name, e })) : [];
  });
  if (rows.length === 0) return null;
  const kindLabel = L.budgetKind[kind as keyof typeof L.budgetKind];
  return itemTable(`table-commitments-${kind}`, L.instruments.commitmentsCaption(kindLabel), [
    { label: L.instruments.lineCol, width: 3, cell: (r) => r.name },
    { label: L.instruments.yearCol, width: 0.8, cell: (r) => String(r.e.year) },
    { label: L.instruments.realisedCol, align: 'right', width: 1.3, cell: (r) => moneyCell(ctx, r.e.amount) },
    { label: L.instruments.commitmentsCol, align: 'right', width: 1.3, cell: (r) => moneyCell(ctx, r.e.commitments) },
  ], rows, { note: L.instruments.commitmentsNote });
}

/** An amount, or "unknown" (styled so) where the source gives none or says nothing. */
function moneyCell(ctx: ReportContext, v: number | null | undefined) {
  return textCell(ctx.money(v), v === null || v === undefined ? 'unknown' : undefined);
}

/**
 * A whole article's money, for a review of one part of it: labelled as the article's totals, never
 * the part's programme money, and counted in nothing. Only the columns the source gives are shown.
 */
function articleContext(ctx: ReportContext, c: ArticleContext, number: string): Section {
  const { L } = ctx;
  const article = [c.chapter, c.article].filter(Boolean).join('.') || c.article;
  const sec = ctx.section(`expenditure-article-context-${c.article}`, number, L.instruments.articleContextTitle(c.article), 3);
  const covered = ctx.review.budgetArticles.map((x) => x.number).join(', ');
  sec.blocks.push(para(L.instruments.articleContextText(c.article, c.name ?? null, covered), 'notice'));
  const years = [...new Set([...c.expenditures, ...c.receipts].map((e) => e.year))].sort((x, y) => x - y);
  if (years.length === 0) return sec;
  const spent = new Map(c.expenditures.map((e) => [e.year, e]));
  const received = new Map(c.receipts.map((e) => [e.year, e]));
  const phases = (['draft', 'adopted', 'firstSupplementary', 'secondSupplementary'] as const).filter((p) => c.expenditures.some((e) => e.budgeted?.[p] !== undefined));
  type Col = ItemColumn<number>;
  const columns: Col[] = [
    { label: L.instruments.yearCol, width: 0.8, cell: (y) => String(y) },
    ...(c.expenditures.length ? [{ label: L.instruments.realisedCol, align: 'right', width: 1.2, cell: (y) => moneyCell(ctx, spent.get(y)?.amount) } as Col] : []),
    ...phases.map((p): Col => ({ label: L.instruments.phaseCol4[p], align: 'right', width: 1.2, cell: (y) => moneyCell(ctx, spent.get(y)?.budgeted?.[p]) })),
    ...(c.expenditures.some((e) => e.commitments !== undefined) ? [{ label: L.instruments.commitmentsCol, align: 'right', width: 1.2, cell: (y) => moneyCell(ctx, spent.get(y)?.commitments) } as Col] : []),
    ...(c.receipts.length ? [{ label: L.instruments.receiptsCol, align: 'right', width: 1.2, cell: (y) => moneyCell(ctx, received.get(y)?.amount) } as Col] : []),
  ];
  sec.blocks.push(itemTable(`table-article-context-${c.article}`, L.instruments.articleContextCaption(article), columns, years, { note: L.amountsNote }));
  return sec;
}

/** Budget against realisation per kind and year, where the review gives budgets (the open data's phases). */
function budgetAgainstRealisation(ctx: ReportContext, next: () => string): Section | null {
  const { L, lang } = ctx;
  const rows = ctx.assessment.expenditure.budgetAgainstRealisation;
  if (rows.length === 0) return null;
  const sec = ctx.section('expenditure-budget', next(), L.instruments.budgetTitle, 3);
  for (const kind of ['programme', 'apparatus', 'receipts', 'unknown'] as const) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    sec.blocks.push(
      itemTable(`table-budget-${kind}`, L.instruments.budgetCaption(L.budgetKind[kind]), [
        { label: L.instruments.yearCol, width: 0.8, cell: (r) => String(r.year) },
        { label: L.instruments.phaseCol, width: 2, cell: (r) => L.instruments.budgetPhase[r.phase] },
        { label: L.instruments.budgetCol, align: 'right', width: 1.3, cell: (r) => textCell(formatSum(r.budget, lang), r.budget.amount === null ? 'unknown' : undefined) },
        { label: L.instruments.realisedCol, align: 'right', width: 1.3, cell: (r) => textCell(formatSum(r.realisation, lang), r.realisation.amount === null ? 'unknown' : undefined) },
        {
          label: L.instruments.differenceCol,
          align: 'right',
          width: 1.6,
          cell: (r) => textCell(r.difference === null ? L.unknown : `${r.difference > 0 ? '+' : ''}${formatAmount(r.difference, lang)} (${formatShare(r.differenceShare, lang)})`, r.difference === null ? 'unknown' : undefined),
        },
      ], of, { note: L.amountsNote }),
    );
  }
  return sec;
}

/**
 * The largest programme line, as far as it is known: its share when every amount is known; its
 * known amount, with the share unknown, when some are not; what the review's text says when the
 * source gives no amounts at all.
 */
function dominantLineText(ctx: ReportContext): string | null {
  const { L, lang } = ctx;
  const exp = ctx.assessment.expenditure;
  const d = exp.dominantLine;
  if (!d) return null;
  if (d.amount === null) {
    const stated = ctx.index.lines.get(d.line)?.statedShare;
    return L.instruments.dominantStated(d.name, stated?.text ?? '', d.share === null ? null : formatShare(d.share, lang));
  }
  const programme = exp.byKind.programme;
  if (d.share !== null || programme.unknownParts === 0) return L.instruments.dominant(d.name, formatShare(d.share, lang));
  return L.instruments.dominantKnownOnly(d.name, formatAmount(d.amount, lang), formatAmount(programme.known, lang), programme.unknownParts);
}
