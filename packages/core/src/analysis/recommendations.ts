import { completenessOf } from '../model/completeness.js';
import type { Messages } from './messages/index.js';
import { listIds, sortIds } from './ids.js';
import { countOver } from './numbers.js';
import type { ReviewIndex } from './review-index.js';
import type { Assessment, DerivedRecommendation, RecommendationRule } from './types.js';

/**
 * The ids of instruments listed in input order, in natural order without repeats (what sortIds
 * gives). Where the review's own ids are in that order, the list is copied as it is: sorting the
 * lists of 100k instruments scanned every id again (with the indexed loops, deriveRecommendations
 * at 100k 91 -> 64 ms, fastest of 10 runs each, loaded machine).
 */
const inInputOrder = (ix: ReviewIndex, ids: string[]): string[] => (ix.instrumentIdsInOrder ? ids.slice() : sortIds(ids));

/** Recommendations derived from the gaps, each citing what triggered it; most important first. */
export function deriveRecommendations(ix: ReviewIndex, a: Omit<Assessment, 'recommendations'>, M: Messages): DerivedRecommendation[] {
  const out: DerivedRecommendation[] = [];
  // Rules that fire once per domain get the domain in their id, so ids stay stable between runs.
  // Each rule gives its evidence in natural order (sortIds, or inInputOrder for instruments listed in input order).
  const add = (rule: RecommendationRule, priority: 1 | 2 | 3, text: string, subjects: string[], reasons: string[], evidence: string[], key?: string) =>
    out.push({ id: key ? `rec-${rule}-${key}` : `rec-${rule}`, rule, priority, text, subjects, reasons, evidence });

  const notMeasurable = a.smart.filter((s) => s.criteria.measurable.result === 'fail' || s.criteria.timeBound.result === 'fail');
  if (notMeasurable.length) {
    const ids = notMeasurable.map((s) => s.objective);
    add('objective-not-measurable', 1, M.recommendations.smart, ids, [M.recommendations.smartReason(ids.length, a.smart.length, listIds(ids, M))], sortIds(ids));
  }

  for (const v of a.verdicts.domains) {
    if (v.efficiency.value === 'not-determinable') {
      add('domain-without-efficiency-evidence', 1, M.recommendations.domainEfficiency(v.scope.label), [v.scope.id], v.efficiency.reasons, sortIds([v.scope.id].concat(v.efficiency.evidence)), v.scope.id);
    }
  }

  // Wherever instruments are counted, a list known to miss rows says so.
  const list = a.realisation.article.list;
  const countedOver = list.stated && list.status !== 'complete' ? [M.lists.countedOver(list.counted)] : [];

  const instruments = countOver(ix.review, 'instruments');
  const withoutCost = a.costAttribution.withoutCost;
  if (withoutCost.length) {
    // Without any budget line in the data, "no attributed cost" would read as a finding about the
    // instruments; it is the data that say nothing.
    const noLines = ix.review.budgetLines.length === 0 && completenessOf(ix.review, 'budgetLines').status !== 'complete';
    const reason = noLines
      ? M.recommendations.registerCostNoLines(a.costAttribution.withCost.total, instruments)
      : M.recommendations.registerCostReason(withoutCost.length, a.costAttribution.withCost.total, instruments, countOver(ix.review, 'budgetLines', 'expenditure'));
    add('instrument-without-cost', 2, M.recommendations.registerCost, withoutCost, [reason, ...countedOver], inInputOrder(ix, withoutCost));
  }

  // Which instruments no evaluation covers is known only as far as the evaluations are: with none
  // known, nothing can be said; with a partial list, the reason says so.
  // The lists of 100k instruments are read by index, as are the others below: run once, a for-of
  // loop allocates a result object per element (deriveRecommendations allocates 11.3 instead of 18.0 MB at 100k, sampled).
  const evaluations = completenessOf(ix.review, 'evaluations');
  const notEvaluated: string[] = [];
  const missing = a.coverage.notEvaluated;
  for (let k = 0; k < missing.length; k++) if (missing[k]!.kind === 'instrument') notEvaluated.push(missing[k]!.id);
  if (notEvaluated.length && !(evaluations.known === 0 && evaluations.status !== 'complete')) {
    const total = ix.review.instruments.length;
    const reason = evaluations.status === 'complete' ? M.recommendations.planEvaluationsReason(notEvaluated.length, total, instruments) : M.recommendations.planEvaluationsPartial(notEvaluated.length, total, instruments);
    add('instrument-not-evaluated', 2, M.recommendations.planEvaluations, notEvaluated, [reason, ...countedOver], sortIds(notEvaluated));
  }

  const plausibleOnly: string[] = [];
  const evidence = a.evidence.instruments;
  for (let k = 0; k < evidence.length; k++) {
    const strength = evidence[k]!.aspects.effectiveness.strength;
    if (strength === 'plausibility' || strength === 'process') plausibleOnly.push(evidence[k]!.instrument);
  }
  if (plausibleOnly.length) {
    add('effectiveness-plausibility-only', 3, M.recommendations.policyTheory, plausibleOnly, [M.recommendations.policyTheoryReason(plausibleOnly.length, listIds(plausibleOnly, M))], inInputOrder(ix, plausibleOnly));
  }

  const dominant = a.expenditure.dominantLine;
  if (dominant) {
    const line = ix.lines.get(dominant.line);
    const effect = (line?.instruments ?? []).some((id) => {
      const node = ix.nodeOf.get(id);
      return node !== undefined && a.evidence.instruments[node.index]!.aspects.effectiveness.strength === 'effect';
    });
    if (!effect) {
      add('dominant-line-without-effect-evaluation', 1, M.recommendations.evaluateDominant(dominant.name), [dominant.line], [
        ...dominant.reasons,
        line?.instruments.length ? M.recommendations.dominantNoEffect : M.recommendations.dominantNoInstruments,
      ], sortIds([dominant.line, ...(line?.instruments ?? [])]));
    }
  }

  const orphans = ix.objectiveOrder.filter(({ objective }) => (ix.instrumentsUnder.get(objective.id) ?? []).length === 0).map(({ objective }) => objective.id);
  if (orphans.length) {
    // A missing row could hold an orphan's instruments: then the finding is about the data, and
    // the advice is to check them first.
    if (list.status === 'complete') add('objective-without-instruments', 2, M.recommendations.linkObjectives, orphans, [M.recommendations.linkObjectivesReason(orphans.length, listIds(orphans, M))], sortIds(orphans));
    else add('objective-without-instruments', 3, M.recommendations.checkObjectives, orphans, [M.recommendations.linkObjectivesPartial(orphans.length, listIds(orphans, M), list.counted), ...(list.note ? [list.note] : [])], sortIds(orphans));
  }

  // Only questions known to be unanswered: one without a recorded answer may well be answered.
  const open = a.rpe.items.filter((i) => i.status === 'not-answered');
  if (open.length) {
    const labels = open.map((i) => i.label);
    add('rpe-question-missing', 2, M.recommendations.answerRpe(a.rpe.version, a.rpe.questionNoun, labels), open.map((i) => `rpe-${i.question}`), [M.recommendations.answerRpeReason(a.rpe.questionNoun, labels)], []);
  }

  return out.sort((x, y) => x.priority - y.priority);
}
