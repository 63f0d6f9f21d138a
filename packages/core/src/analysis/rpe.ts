import { rpeQuestionSet } from '../rpe/questions.js';
import { plural } from './numbers.js';
import { EVALUATION_TYPES, type ReviewIndex } from './review-index.js';
import type { RpeChecklist, RpeChecklistItem } from './types.js';

/** Which RPE questions the review answers, and where; what the data could add where it does not. */
export function rpeChecklist(ix: ReviewIndex): RpeChecklist {
  const { review } = ix;
  const set = rpeQuestionSet(review.rpeVersion);
  if (!set) {
    return { version: review.rpeVersion, known: false, items: [], answeredInReport: [], answeredElsewhere: [], missing: [] };
  }
  const answers = new Map(review.rpeAnswers.map((a) => [a.question, a]));
  const evaluations = review.sources.filter((s) => EVALUATION_TYPES.has(s.type)).length;
  const hints: Record<number, string | null> = {
    1: `${plural(review.budgetArticles.length, 'budget article')}: ${review.budgetArticles.map((a) => a.number).join(', ')}.`,
    2: review.scopeExclusions.length ? `${plural(review.scopeExclusions.length, 'scope exclusion')} with reasons.` : null,
    5: `${plural(review.policyTree.objectives.length, 'objective')} in ${plural(review.policyTree.domains.length, 'domain')}.`,
    6: `${plural(review.instruments.length, 'instrument')}.`,
    7: review.budgetLines.length ? `${plural(review.budgetLines.length, 'budget line')}.` : null,
    8: evaluations ? `${plural(evaluations, 'evaluation')} listed.` : null,
    9: review.instruments.length ? 'polev lists the instruments without evaluation (coverage).' : null,
    10: review.findings.length ? `${plural(review.findings.length, 'finding')} on realisation, effectiveness and efficiency.` : null,
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
