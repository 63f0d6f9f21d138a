import { listIds, plural, sortIds } from './numbers.js';
import type { ReviewIndex } from './review-index.js';
import type { Assessment, DerivedRecommendation, RecommendationRule } from './types.js';


/** Recommendations derived from the gaps, each citing what triggered it; most important first. */
export function deriveRecommendations(ix: ReviewIndex, a: Omit<Assessment, 'recommendations'>): DerivedRecommendation[] {
  const out: DerivedRecommendation[] = [];
  // Rules that fire once per domain get the domain in their id, so ids stay stable between runs.
  const add = (rule: RecommendationRule, priority: 1 | 2 | 3, text: string, subjects: string[], reasons: string[], evidence: string[] = subjects, key?: string) =>
    out.push({ id: key ? `rec-${rule}-${key}` : `rec-${rule}`, rule, priority, text, subjects, reasons, evidence: sortIds(evidence) });

  const notMeasurable = a.smart.filter((s) => s.criteria.measurable.result === 'fail' || s.criteria.timeBound.result === 'fail');
  if (notMeasurable.length) {
    const ids = notMeasurable.map((s) => s.objective);
    add('objective-not-measurable', 1, 'Formulate the objectives SMART: give each an indicator, a baseline, a target value and a deadline, so that goal achievement can be determined.', ids, [
      `${plural(ids.length, 'objective')} of ${a.smart.length} lack a measurable target or a deadline (${listIds(ids)}).`,
    ]);
  }

  for (const v of a.verdicts.domains) {
    if (v.efficiency.value === 'not-determinable') {
      add('domain-without-efficiency-evidence', 1, `Make the efficiency of "${v.scope.label}" assessable: relate its expenditure to instruments and plan an evaluation that sets cost against effect.`, [v.scope.id], v.efficiency.reasons, [v.scope.id, ...v.efficiency.evidence], v.scope.id);
    }
  }

  const withoutCost = a.costAttribution.withoutCost;
  if (withoutCost.length) {
    add('instrument-without-cost', 2, 'Register expenditure (including staff time) per instrument, so that cost can be attributed and efficiency assessed.', withoutCost, [
      `${withoutCost.length} of ${plural(a.costAttribution.withCost.total, 'instrument')} have no attributed cost.`,
    ]);
  }

  const notEvaluated = a.coverage.notEvaluated.filter((n) => n.kind === 'instrument').map((n) => n.id);
  if (notEvaluated.length) {
    add('instrument-not-evaluated', 2, 'Plan which instruments will be evaluated, and when, in an evaluation programme (RPE question 9).', notEvaluated, [
      `${notEvaluated.length} of ${plural(ix.review.instruments.length, 'instrument')} are not covered by any evaluation.`,
    ]);
  }

  const plausibleOnly = a.evidence.instruments.filter((e) => e.aspects.effectiveness.strength === 'plausibility' || e.aspects.effectiveness.strength === 'process').map((e) => e.instrument);
  if (plausibleOnly.length) {
    add('effectiveness-plausibility-only', 3, 'Where effectiveness rests only on plausibility or process evaluations, make the policy theory explicit and consider effect studies or experiments for new initiatives.', plausibleOnly, [
      `For ${plural(plausibleOnly.length, 'instrument')} the strongest evidence of effectiveness is a plausibility indication or a process evaluation (${listIds(plausibleOnly)}).`,
    ]);
  }

  const dominant = a.expenditure.dominantLine;
  if (dominant) {
    const line = ix.lines.get(dominant.line);
    const byInstrument = new Map(a.evidence.instruments.map((e) => [e.instrument, e]));
    const effect = (line?.instruments ?? []).some((i) => byInstrument.get(i)?.aspects.effectiveness.strength === 'effect');
    if (!effect) {
      add('dominant-line-without-effect-evaluation', 1, `Evaluate the effect of "${dominant.name}", the largest programme line.`, [dominant.line], [
        ...dominant.reasons,
        line?.instruments.length ? 'None of the instruments it finances has an effect evaluation.' : 'It is linked to no instrument, so no evaluation can be attributed to it.',
      ], [dominant.line, ...(line?.instruments ?? [])]);
    }
  }

  const orphans = ix.objectiveOrder.filter(({ objective }) => (ix.instrumentsUnder.get(objective.id) ?? []).length === 0).map(({ objective }) => objective.id);
  if (orphans.length) {
    add('objective-without-instruments', 2, 'Link every objective to the instruments that serve it, or drop objectives that no instrument serves.', orphans, [
      `${plural(orphans.length, 'objective')} have no instrument (${listIds(orphans)}).`,
    ]);
  }

  if (a.rpe.known && a.rpe.missing.length) {
    add('rpe-question-missing', 2, `Answer the RPE ${a.rpe.version} questions the review leaves open: ${a.rpe.missing.join(', ')}.`, a.rpe.missing.map((q) => `rpe-${q}`), [
      `Questions ${a.rpe.missing.join(', ')} are not answered in the report nor elsewhere.`,
    ], []);
  }

  return out.sort((x, y) => x.priority - y.priority);
}
