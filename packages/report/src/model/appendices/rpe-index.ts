import { itemTable, parasCell, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, type Block } from '../document.js';

/**
 * The RPE index: each question of the review's version, the sections of this report that answer
 * it, and the review's own answer. Built last, once every section has recorded what it answers.
 */
export function rpeIndex(ctx: ReportContext): Block[] {
  const L = ctx.L;
  if (!ctx.rpeKnown) return rpeAnswersByNumber(ctx);
  const items = new Map(ctx.assessment.rpe.items.map((i) => [i.question, i]));
  return [
    itemTable('table-rpe-index', L.appendix.rpeIndexCaption, [
      { label: L.appendix.rpeQuestionCol, width: 5, cell: (q) => `${q.label}. ${q[ctx.lang]}` },
      {
        label: L.appendix.rpeSectionCol,
        width: 3.5,
        cell: (q) => parasCell(ctx.sectionsAnswering(q.number).map((x) => (x.number ? `${x.number.startsWith(L.appendixLabel) ? x.number : `§${x.number}`} ${x.title}` : x.title))),
      },
      {
        label: L.appendix.rpeStatusCol,
        width: 1.8,
        cell: (q) => {
          const item = items.get(q.number);
          return textCell(item ? L.rpeStatus[item.status] : L.rpeStatus['not-recorded'], !item || item.status === 'not-recorded' || item.status === 'not-answered' ? 'unknown' : undefined);
        },
      },
      {
        label: L.appendix.rpeLocationCol,
        width: 2,
        // An answer's note is the encoder's; its remarks are for readers.
        cell: (q) => parasCell([items.get(q.number)?.location ?? '', ...ctx.review.rpeAnswers.filter((x) => x.question === q.number && x.remarks).map((x) => x.remarks!)]),
      },
    ], ctx.questions),
  ];
}

/**
 * For an RPE version whose questions polev does not bundle: no question texts and no mapping
 * to this report's sections (both would be another version's), only the answers the review
 * records, by question number.
 */
function rpeAnswersByNumber(ctx: ReportContext): Block[] {
  const L = ctx.L;
  const version = ctx.review.rpeVersion;
  const out: Block[] = [para(L.appendix.rpeUnknownVersion(version), 'note')];
  const answers = [...ctx.review.rpeAnswers].sort((x, y) => x.question - y.question);
  if (answers.length === 0) return [...out, para(L.appendix.rpeNoAnswers)];
  out.push(
    itemTable('table-rpe-answers', L.appendix.rpeAnswersCaption(version), [
      { label: L.appendix.rpeQuestionCol, width: 1, align: 'right', cell: (x) => String(x.question) },
      { label: L.appendix.rpeStatusCol, width: 2.5, cell: (x) => textCell(L.rpeStatus[x.status], x.status === 'not-answered' ? 'unknown' : undefined) },
      { label: L.appendix.rpeLocationCol, width: 5, cell: (x) => parasCell([x.location ?? '', ...(x.remarks ? [x.remarks] : [])]) },
    ], answers),
  );
  return out;
}
