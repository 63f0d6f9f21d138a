import type { Finding, Objective } from '../../model/review.js';
import { listIds, sortIds } from '../ids.js';
import { weigh, type Weighing } from '../judgement.js';
import { share } from '../numbers.js';
import type { GoalAchievementValue, Spread, SteppedVerdicts } from '../types.js';
import { listOrdered, type ScopeInput, type StepContext } from './context.js';
import { deepFreeze, headlineAt, SpreadBuilder, type Candidate, type Fields } from './roll-up.js';

/**
 * Step 1, goal achievement: how far was the objective reached? It reads the findings on goal
 * achievement about the objective, its sub-objectives (to any depth) and its domain, weighed
 * like all evidence (judgement.ts): positive — reached; partly — partly; negative or no effect —
 * not reached; contested at the same strength — mixed; nothing that judges — not determinable.
 * Indicators on those are listed as information but, without a finding that holds them against
 * a target, do not decide. Beside the value stands whether the objective is SMART enough to judge
 * (its "measurable" criterion, smart.ts).
 */

export interface ObjectiveGoal {
  objective: string;
  value: GoalAchievementValue;
  judgeable: boolean;
  /** The ids of the decisive findings, in natural order: the evidence of its value. */
  decisive: string[];
  indicators: string[];
  /** The goal-achievement findings read, judging or not. */
  findings: string[];
}

const fromWeighed = (w: Weighing): GoalAchievementValue => {
  switch (w.value) {
    case 'positive':
      return 'reached';
    case 'partly':
      return 'partly';
    case 'negative':
    case 'no-effect':
      return 'not-reached';
    case 'mixed':
      return 'mixed';
    case 'none':
      return 'not-determinable';
  }
};

export function objectiveGoal(ctx: StepContext, o: Objective): ObjectiveGoal {
  const known = ctx.goals.get(o.id);
  if (known) return known;
  const goal = readGoal(ctx, o);
  ctx.goals.set(o.id, goal);
  return goal;
}

/** The ids of an objective that no finding or indicator speaks to, shared (frozen). */
const NO_IDS = Object.freeze([]) as unknown as string[];

function readGoal(ctx: StepContext, o: Objective): ObjectiveGoal {
  const { ix } = ctx;
  // Lists begun only when there is something to hold: most objectives have no finding or
  // indicator on their achievement (readGoal allocates 9.7 instead of 12.3 MB at 100k instruments, sampled).
  let findings: Finding[] | undefined;
  let ranks: number[] | undefined;
  let indicators: string[] | undefined;
  const [seen] = ctx.marks;
  seen.reset();
  // The ids whose findings and indicators speak to an objective's achievement: the objective, its
  // sub-objectives (to any depth) and its domain, read in place rather than gathered in a list.
  const below = ix.descendantsOf(o.id);
  for (let s = -1; s <= below.length; s++) {
    const id = s < 0 ? o.id : s < below.length ? below[s]! : o.domain;
    const on = ix.findingsOn('goal-achievement', id);
    for (let j = 0; j < on.length; j++) {
      const k = on[j]!;
      if (seen.add(k)) {
        (findings ??= []).push(ix.review.findings[k]!);
        (ranks ??= []).push(ix.findingRank[k]!);
      }
    }
    const about = ix.indicatorsAbout.get(id);
    if (about) for (const ind of about) (indicators ??= []).push(ind);
  }
  const judgeable = ctx.measurable.has(o.id);
  const said = indicators ? sortIds(indicators) : NO_IDS;
  if (!findings) return { objective: o.id, value: 'not-determinable', judgeable, decisive: NO_IDS, indicators: said, findings: NO_IDS };
  const weighing = weigh(findings, (_f, j) => ranks![j]!);
  return { objective: o.id, value: fromWeighed(weighing), judgeable, decisive: sortIds(weighing.decisive.map((f) => f.id)), indicators: said, findings: findings.map((f) => f.id) };
}

const VALUES: readonly GoalAchievementValue[] = ['reached', 'partly', 'not-reached', 'mixed', 'not-determinable'];
const CANDIDATES: readonly Candidate<GoalAchievementValue>[] = [
  { value: 'reached', members: ['reached'] },
  { value: 'partly', members: ['reached', 'partly'] },
  { value: 'not-reached', members: ['not-reached'] },
  { value: 'mixed', members: ['reached', 'partly', 'not-reached', 'mixed'] },
];
/** The members that support each headline. */
const SUPPORTERS = new Map(CANDIDATES.map((c) => [c.value, c.members]));

/**
 * The spread of a single objective, one per value, shared (frozen) by the objectives' own scopes
 * (10k at 100k instruments).
 */
const ONE_GOAL = new Map<GoalAchievementValue, Spread<GoalAchievementValue>>();
/** A record of this step's values (roll-up.ts `Fields`). */
const fields: Fields<GoalAchievementValue> = (at) => ({ reached: at[0]!, partly: at[1]!, 'not-reached': at[2]!, mixed: at[3]!, 'not-determinable': at[4]! });
/** The spread builder of this step, begun anew for each scope (roll-up.ts). */
const SPREADS = new SpreadBuilder(VALUES, null, fields, CANDIDATES);
/** The spread of the objectives' goals, left in `SPREADS` for its headline. */
function spreadOf(goals: readonly ObjectiveGoal[]): Spread<GoalAchievementValue> {
  const b = SPREADS.begin();
  for (let k = 0; k < goals.length; k++) b.add(goals[k]!.value, null);
  if (goals.length !== 1) return b.spread();
  let one = ONE_GOAL.get(goals[0]!.value);
  if (!one) ONE_GOAL.set(goals[0]!.value, (one = deepFreeze(b.spread())));
  return one;
}

/** Whether a single objective is judgeable, as a share: shared (frozen) by the objectives' own scopes (10k at 100k instruments). */
const ONE_JUDGEABLE = [Object.freeze(share(0, 1)), Object.freeze(share(1, 1))];

/** Step 1 for a scope: its objectives' values, rolled up by the one rule (roll-up.ts). */
export function scopeGoalAchievement(ctx: StepContext, { objectives, scope }: ScopeInput): SteppedVerdicts['goalAchievement'] {
  const { M, threshold } = ctx;
  const goals = objectives.map((o) => objectiveGoal(ctx, o));
  const spread = spreadOf(goals);
  let judged = 0;
  for (let k = 0; k < goals.length; k++) if (goals[k]!.judgeable) judged++;
  const judgeable = goals.length === 1 ? ONE_JUDGEABLE[judged]! : share(judged, goals.length);
  if (goals.length === 0) {
    return { value: 'not-determinable', judgeable, spread, headline: headlineAt(threshold, false), reasons: [M.goal.noObjectives], evidence: [] };
  }
  const held = SPREADS.headline(threshold);
  const value = held ?? 'not-determinable';
  const headline = headlineAt(threshold, held !== null);
  const said = ctx.reasons.begin();
  if (goals.length === 1) {
    const g = goals[0]!;
    said.add(g.decisive.length ? M.goal.value(g.value, listOrdered(g.decisive, M)) : g.findings.length ? M.goal.noJudgement(listIds(g.findings, M)) : M.goal.noFinding);
    if (g.indicators.length && g.value === 'not-determinable') said.add(M.goal.indicatorsOnly(listIds(g.indicators, M)));
  } else {
    said.add(M.goal.spread(goals.length, spread.counts));
    said.add(headline.asAWhole ? M.goal.headline(value, threshold) : M.goal.notAsAWhole(threshold));
  }
  if (judged < goals.length) {
    const notJudgeable = goals.filter((g) => !g.judgeable).map((g) => g.objective);
    said.add(M.goal.notMeasurable(notJudgeable.length, goals.length, listIds(notJudgeable, M)));
  }
  const reasons = said.list();
  // Evidence: the decisive findings of the objectives whose value supports the headline.
  const members = SUPPORTERS.get(value);
  // One objective's evidence is its decisive findings, already in order.
  if (goals.length === 1 && members?.includes(goals[0]!.value)) return { value, judgeable, spread, headline, reasons, evidence: goals[0]!.decisive };
  const evidence: string[] = [];
  for (const g of goals) {
    if (members?.includes(g.value)) for (const id of g.decisive) evidence.push(id);
    else if (value === 'not-determinable' && g.value === 'not-determinable') evidence.push(g.objective);
  }
  if (scope.kind === 'objective' && value === 'not-determinable') evidence.push(...goals[0]!.indicators);
  return { value, judgeable, spread, headline, reasons, evidence: sortIds(evidence) };
}
