import { completenessOf } from '../model/completeness.js';
import { moneyWarnings } from '../model/money-scope.js';
import { SCHEMA_VERSION, type Review } from '../model/review.js';
import { effectiveRpe, type RpeQuestion } from '../rpe/questions.js';
import type { PathSegment } from './problem.js';
import type { UnlocatedProblem } from './references.js';

/**
 * Things in a valid review that are probably not what its author meant, or that the review's RPE
 * version asks for and the file says it lacks. They never stop a file from loading: `polev
 * validate` prints them and exits 0, and the API returns them beside the review. Each names its
 * path, so the loader locates it at a line like any problem.
 */
export function reviewWarnings(review: Review): UnlocatedProblem[] {
  return [...unlocatedAnswers(review), ...missingExpert(review), ...moneyWarnings(review)];
}

/** A file of an older schema version, read as the current one in memory: say so, and how to upgrade. */
export function migrationWarning(from: number, changes: readonly string[]): UnlocatedProblem {
  return warning(
    ['schemaVersion'],
    'migrated',
    `schemaVersion ${from} is out of date; polev read the file as version ${SCHEMA_VERSION} in memory (${changes.join('; ')})`,
    `run \`polev migrate <file>\` to write it as version ${SCHEMA_VERSION}, keeping its comments`,
  );
}

/**
 * A version that requires an independent expert, and a review that says it had none: the expert
 * list is stated complete and is empty. An empty list the review does not state complete is
 * unknown, not "none", and gets no warning.
 */
function missingExpert(review: Review): UnlocatedProblem[] {
  const rpe = effectiveRpe(review);
  const rule = rpe.rules.independentExpertRequired;
  const experts = completenessOf(review, 'independentExperts');
  if (rule.value !== true || experts.status !== 'complete' || experts.known > 0) return [];
  return [
    warning(
      ['completeness', 'independentExperts'],
      'expert-required',
      `RPE ${rpe.version} requires at least one independent expert (${rule.origin ?? 'its rules'}), and the review states it had none`,
      'if the review names an expert, add it to independentExperts; otherwise this is a finding about the review',
    ),
  ];
}

const warning = (path: PathSegment[], code: UnlocatedProblem['code'], message: string, hint: string): UnlocatedProblem => ({ path, code, severity: 'warning', message, hint });

/** An answer "in this report" that does not say where: a reader cannot find it, nor check it. */
function unlocatedAnswers(review: Review): UnlocatedProblem[] {
  const rpe = effectiveRpe(review);
  const questions = new Map<number, RpeQuestion>((rpe.questions ?? []).map((q) => [q.number, q]));
  const out: UnlocatedProblem[] = [];
  review.rpeAnswers.forEach((a, i) => {
    if (a.status !== 'report' || (a.location ?? '').trim() !== '') return;
    const q = questions.get(a.question);
    const name = q ? `${rpe.questionNoun === 'part' ? 'part' : 'question'} ${q.label}` : `question ${a.question}`;
    out.push(
      warning(['rpeAnswers', i, 'location'], 'unlocated-answer', `RPE ${rpe.version} ${name} is answered in the report, but the answer gives no location`, 'add location: the chapter or section that answers it, e.g. "§3.1"'),
    );
  });
  return out;
}
