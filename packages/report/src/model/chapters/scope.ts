import { itemTable } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, txt, type Inline, type Section } from '../document.js';
import { formatSum } from '../format.js';

/** Chapter 1: the budget articles reviewed, the period, and what was left out of scope (and why). */
export function scopeChapter(ctx: ReportContext): Section {
  const { L, review: r, lang } = ctx;
  const s = ctx.section('scope', '1', L.scope.title, 1, { pageBreak: true });
  s.blocks.push(...ctx.questionList(['articles', 'exclusions']));
  if (r.centralQuestion) s.blocks.push({ kind: 'definitions', items: [{ term: L.scope.centralQuestion, value: txt(r.centralQuestion) }] });

  const art = ctx.section('scope-articles', '1.1', L.scope.articlesTitle, 2);
  art.blocks.push(
    itemTable('table-articles', L.scope.articlesTitle, [
      { label: L.scope.articleCol, width: 1, cell: (x) => x.number },
      { label: L.scope.titleCol, width: 3, cell: (x) => x.title ?? '' },
      { label: L.scope.partsCol, width: 3, cell: (x) => x.parts.join('; ') },
    ], r.budgetArticles),
  );
  const defs: { term: string; value: Inline }[] = [{ term: L.meta.ministry, value: txt(r.ministry.name) }];
  if (r.budgetChapter) defs.push({ term: L.meta.budgetChapter, value: txt(r.budgetChapter) });
  art.blocks.push({ kind: 'definitions', items: defs }, ...ctx.rpeAnswerNote('articles'));

  const period = ctx.section('scope-period', '1.2', L.scope.periodTitle, 2);
  period.blocks.push(para(L.scope.periodText(r.period?.start ?? null, r.period?.end ?? null)));

  const excl = ctx.section('scope-exclusions', '1.3', L.scope.exclusionsTitle, 2);
  if (r.scopeExclusions.length === 0) excl.blocks.push(para(L.scope.noExclusions));
  else {
    excl.blocks.push(
      itemTable('table-exclusions', L.scope.exclusionsTitle, [
        { label: L.scope.exclusionCol, width: 3, cell: (x) => x.description },
        { label: L.scope.reasonCol, width: 4, cell: (x) => x.reason },
      ], r.scopeExclusions),
    );
  }
  excl.blocks.push(...ctx.rpeAnswerNote('exclusions'));
  const out = ctx.assessment.expenditure.outOfScope;
  if (out.length > 0) {
    excl.blocks.push(
      itemTable('table-out-of-scope', L.scope.outOfScopeMoney, [
        { label: L.instruments.lineCol, width: 3, cell: (o) => o.name },
        { label: L.totalThousands, align: 'right', width: 1.5, cell: (o) => formatSum(o.total, lang) },
        { label: L.scope.reasonCol, width: 4, cell: (o) => o.reason },
      ], out),
    );
  }
  ctx.answers('articles', art.id);
  ctx.answers('exclusions', excl.id);
  s.sections.push(art, period, excl);
  return s;
}
