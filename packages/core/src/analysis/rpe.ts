import { completenessOf } from '../model/completeness.js';
import { effectiveRpe, type RpeSubject } from '../rpe/questions.js';
import { listIds } from './ids.js';
import type { Messages } from './messages/index.js';
import { instrumentList } from './realisation.js';
import type { ReviewIndex } from './review-index.js';
import type { RpeChecklist, RpeChecklistItem, RpeStatus } from './types.js';

/**
 * Which questions of the review's RPE version (or of its own question set) the review answers, and
 * where; what the data could add where it does not. A question the file records no answer for is
 * "not answered" only when the file says its answers are complete; otherwise it is not recorded.
 */
export function rpeChecklist(ix: ReviewIndex, M: Messages): RpeChecklist {
  const { review } = ix;
  const rpe = effectiveRpe(review);
  const answersStatus = completenessOf(review, 'rpeAnswers').status;
  const base = { version: rpe.version, title: rpe.title, basis: rpe.basis, questionNoun: rpe.questionNoun, answers: answersStatus, rules: rpe.rules } as const;
  if (!rpe.questions) {
    return { ...base, known: false, items: [], answeredInReport: [], answeredElsewhere: [], notAnswered: [], notRecorded: [], savingsQuestions: [] };
  }
  const answers = new Map(review.rpeAnswers.map((a) => [a.question, a]));
  const evaluations = completenessOf(review, 'evaluations');
  const unknownType = review.sources.filter((s) => s.type === 'unknown').map((s) => s.id);
  const evaluationHint = [
    evaluations.known ? (evaluations.stated && evaluations.status === 'partial' ? M.rpe.evaluationsPartial(evaluations.known) : M.rpe.evaluations(evaluations.known)) : null,
    unknownType.length ? M.lists.unknownTypeSources(unknownType.length, listIds(unknownType, M)) : null,
  ].filter((h): h is string => h !== null);
  const hints: Record<RpeSubject, string | null> = {
    articles: M.rpe.articles(review.budgetArticles.length, review.budgetArticles.map((a) => a.number).join(', ')),
    exclusions: review.scopeExclusions.length ? M.rpe.exclusions(review.scopeExclusions.length) : null,
    reason: null,
    responsibility: null,
    objectives: M.rpe.objectives(review.policyTree.objectives.length, review.policyTree.domains.length),
    instruments: review.instruments.length ? M.rpe.instruments(instrumentList(review, M).counted) : null,
    expenditure: review.budgetLines.length ? M.rpe.budgetLines(review.budgetLines.length) : null,
    evaluations: evaluationHint.length ? evaluationHint.join(' ') : null,
    'not-evaluated': review.instruments.length ? M.rpe.notEvaluated : null,
    'research-use': review.findings.length ? M.rpe.findings(review.findings.length) : null,
    effects: null,
    effectiveness: null,
    efficiency: null,
    measures: null,
    savings: null,
  };
  const items: RpeChecklistItem[] = rpe.questions.map((q) => {
    const a = answers.get(q.number);
    const status: RpeStatus = a?.status ?? (base.answers === 'complete' ? 'not-answered' : 'not-recorded');
    const dataHint = q.subjects.map((s) => hints[s]).filter((h): h is string => h !== null).join(' ');
    return {
      question: q.number,
      label: q.label,
      topic: q.topic,
      subjects: [...q.subjects],
      text: { nl: q.nl, en: q.en },
      origin: q.origin,
      status,
      location: a?.location ?? null,
      note: a?.note ?? null,
      dataHint: dataHint || null,
    };
  });
  const where = (...statuses: RpeStatus[]) => items.filter((i) => statuses.includes(i.status)).map((i) => i.question);
  return {
    ...base,
    known: true,
    items,
    answeredInReport: where('report'),
    answeredElsewhere: where('policy-response', 'elsewhere'),
    notAnswered: where('not-answered'),
    notRecorded: where('not-recorded'),
    savingsQuestions: items.filter((i) => i.subjects.includes('savings')).map((i) => i.question),
  };
}

