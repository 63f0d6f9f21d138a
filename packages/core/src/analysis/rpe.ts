import { rpeQuestionSet } from '../rpe/questions.js';
import type { Messages } from './messages/index.js';
import { EVALUATION_TYPES, type ReviewIndex } from './review-index.js';
import type { RpeChecklist, RpeChecklistItem } from './types.js';

/** Which RPE questions the review answers, and where; what the data could add where it does not. */
export function rpeChecklist(ix: ReviewIndex, M: Messages): RpeChecklist {
  const { review } = ix;
  const set = rpeQuestionSet(review.rpeVersion);
  if (!set) {
    return { version: review.rpeVersion, known: false, items: [], answeredInReport: [], answeredElsewhere: [], missing: [] };
  }
  const answers = new Map(review.rpeAnswers.map((a) => [a.question, a]));
  const evaluations = review.sources.filter((s) => EVALUATION_TYPES.has(s.type)).length;
  const hints: Record<number, string | null> = {
    1: M.rpe.articles(review.budgetArticles.length, review.budgetArticles.map((a) => a.number).join(', ')),
    2: review.scopeExclusions.length ? M.rpe.exclusions(review.scopeExclusions.length) : null,
    5: M.rpe.objectives(review.policyTree.objectives.length, review.policyTree.domains.length),
    6: M.rpe.instruments(review.instruments.length),
    7: review.budgetLines.length ? M.rpe.budgetLines(review.budgetLines.length) : null,
    8: evaluations ? M.rpe.evaluations(evaluations) : null,
    9: review.instruments.length ? M.rpe.notEvaluated : null,
    10: review.findings.length ? M.rpe.findings(review.findings.length) : null,
  };
  const items: RpeChecklistItem[] = set.questions.map((q) => {
    const a = answers.get(q.number);
    return {
      question: q.number,
      topic: q.topic,
      text: { nl: q.nl, en: q.en },
      status: a?.status ?? 'missing',
      location: a?.location ?? null,
      note: a?.note ?? null,
      dataHint: hints[q.number] ?? null,
    };
  });
  return {
    version: set.version,
    known: true,
    items,
    answeredInReport: items.filter((i) => i.status === 'report').map((i) => i.question),
    answeredElsewhere: items.filter((i) => i.status === 'policy-response' || i.status === 'elsewhere').map((i) => i.question),
    missing: items.filter((i) => i.status === 'missing' || i.status === 'not-answered').map((i) => i.question),
  };
}
