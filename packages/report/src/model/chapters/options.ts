import { formatAmount, formatNumber } from '../../labels/index.js';
import { itemTable, parasCell, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, txt, type Block, type CellTone, type Section } from '../document.js';
import { formatSum } from '../format.js';

/** Chapter 6: the review's recommendations, those polev derives, and the savings variant (polev's and the review's own). */
export function optionsChapter(ctx: ReportContext): Section {
  const { L, assessment: a, review: r } = ctx;
  const s = ctx.section('options', '6', L.options.title, 1, { pageBreak: true });
  s.blocks.push(...ctx.questionList(['measures', 'savings']));

  const own = ctx.section('options-recommendations', '6.1', L.options.reviewRecommendations, 2);
  own.blocks.push(...ctx.rpeAnswerNote('measures'));
  if (r.recommendations.length === 0) own.blocks.push(para(L.options.noRecommendations));
  else own.blocks.push({ kind: 'list', ordered: true, items: r.recommendations.map((x) => ({ content: txt(x.text), level: 0 })), ...ctx.quote });

  const derived = ctx.section('options-derived', '6.2', L.options.derivedTitle, 2);
  derived.blocks.push(para(L.options.derivedIntro));
  if (a.recommendations.length > 0) {
    derived.blocks.push(
      itemTable('table-derived-recommendations', L.options.derivedTitle, [
        { label: L.options.priorityCol, width: 1, align: 'center', cell: (x) => String(x.priority) },
        { label: L.options.recommendationCol, width: 4, cell: (x) => x.text },
        { label: L.effects.reasonsCol, width: 5, cell: (x) => parasCell(x.reasons) },
      ], a.recommendations),
    );
  }

  const sv = ctx.section('options-savings', '6.3', L.options.savingsTitle, 2);
  sv.blocks.push(...ctx.rpeAnswerNote('savings'), ...savings(ctx));
  ctx.answers('measures', own.id, derived.id);
  ctx.answers('savings', sv.id);
  s.sections.push(own, derived, sv);
  return s;
}

function savings(ctx: ReportContext): Block[] {
  const { L, lang } = ctx;
  const out: Block[] = [];
  const v = ctx.assessment.savings;
  const money = (x: number | null) => (x === null ? L.unknown : formatAmount(x, lang));
  const unknownTone = (x: number | null): CellTone | undefined => (x === null ? 'unknown' : undefined);
  const defs = (term: string, ids: string[]): Block[] => (ids.length ? [{ kind: 'definitions', items: [{ term, value: txt(ids.map((l) => ctx.name(l)).join('; ')) }] }] : []);
  if (v.baseYear === null) out.push(para(L.options.savingsNoBase));
  else if (v.base === null) out.push(para(L.options.savingsUnknownBase(v.percent, String(v.baseYear)), 'notice'));
  else out.push(para(L.options.savingsIntro({ percent: v.percent, baseYear: String(v.baseYear), base: formatAmount(v.base, lang), target: money(v.target), lowerBound: v.baseLowerBound, apparatus: v.includesApparatus })));
  out.push({ kind: 'list', ordered: false, items: v.reasons.map((x) => ({ content: txt(x), level: 0 })) });
  out.push(...defs(L.options.protectedLines, v.protectedLines), ...defs(L.options.fixedLines, v.fixedLines.map((f) => f.line)), ...defs(L.options.unknownLines, v.unknownLines));
  if (v.base !== null) {
    for (const option of v.options) {
      const method = L.options.savingsMethod[option.method];
      out.push(
        itemTable(`table-savings-${option.method}`, L.options.savingsCaption(method), [
          { label: L.instruments.lineCol, width: 3.2, cell: (c) => c.name },
          { label: L.options.baseCol, align: 'right', width: 1.1, cell: (c) => formatAmount(c.base, lang) },
          { label: L.options.cutCol, align: 'right', width: 1.1, cell: (c) => formatAmount(c.cut, lang) },
          { label: L.options.remainingCol, align: 'right', width: 1.1, cell: (c) => formatAmount(c.remaining, lang) },
          { label: L.options.verdictCol, width: 1.6, cell: (c) => L.options.rank[c.verdict] },
          { label: L.options.strengthCol, width: 1.4, cell: (c) => textCell(L.strength[c.strength], `strength-${c.strength}` as CellTone) },
        ], option.cuts, { after: [{ kind: 'total', cells: [L.total, '', money(option.saved), '', '', ''].map((x) => textCell(x)) }] }),
        para(L.options.saved(money(option.saved), money(option.shortfall))),
      );
      if (option.reasons.length > 0) out.push({ kind: 'list', ordered: false, items: option.reasons.map((x) => ({ content: txt(x), level: 0 })) });
    }
  }
  const chapter = v.review;
  // Without a chapter in the file the reasons above say so.
  if (chapter) {
    out.push(para(L.options.reviewChapterIntro(chapter.percent === null ? null : `${formatNumber(chapter.percent, lang)}%`, chapter.base === null ? null : `${formatAmount(chapter.base, lang)} x ${lang === 'nl' ? '€1.000' : '€1,000'}`, chapter.author)));
    if (chapter.text) out.push(para(chapter.text));
    if (chapter.options.length > 0) {
      out.push(
        itemTable('table-savings-review', L.options.reviewChapterTitle, [
          { label: L.options.optionCol, width: 4, cell: (o) => o.text },
          { label: L.options.amountCol, align: 'right', width: 1.2, cell: (o) => textCell(money(o.amount), unknownTone(o.amount)) },
          { label: L.options.affectsCol, width: 3, cell: (o) => (o.instruments.length ? `${o.instruments.map((i) => ctx.name(i)).join('; ')}${o.verdict ? ` (${L.options.rank[o.verdict]})` : ''}` : '') },
        ], chapter.options, { after: [{ kind: 'total', cells: [L.total, formatSum(chapter.total, lang), ''].map((x) => textCell(x)) }] }),
      );
    }
    out.push({ kind: 'list', ordered: false, items: chapter.reasons.map((x) => ({ content: txt(x), level: 0 })) });
  }
  if (v.comparison.length > 0) {
    out.push(
      itemTable('table-savings-comparison', L.options.comparisonCaption, [
        { label: L.options.methodCol, width: 4, cell: (c) => L.options.savingsMethod[c.method] },
        { label: L.options.targetCol, align: 'right', width: 1.3, cell: (c) => textCell(money(c.target), unknownTone(c.target)) },
        { label: L.options.savedCol, align: 'right', width: 1.3, cell: (c) => textCell(money(c.saved), unknownTone(c.saved)) },
        { label: L.options.shortfallCol, align: 'right', width: 1.3, cell: (c) => textCell(money(c.shortfall), unknownTone(c.shortfall)) },
      ], v.comparison),
    );
  }
  return out;
}
