import { ASPECTS, type Aspect, type EvidenceStrength, type Finding, type Instrument, type RealisationStatus } from '../model/review.js';
import { completenessOf } from '../model/completeness.js';
import { isJudgement, statesAspect, weigh } from './judgement.js';
import { maxStrength, strengthAt } from '../model/strength.js';
import type { Messages } from './messages/index.js';
import { listIds, sortIds as sorted } from './ids.js';
import { jointGroupsOf, type Attribution } from './attribution.js';
import { ratio, round, share } from './numbers.js';
import { Marks } from './marks.js';
import type { InstrumentNode, ReviewIndex } from './review-index.js';
import type {
  AspectEvidence,
  CoverageAnalysis,
  CoverageRow,
  CoverageSummary,
  EvaluationList,
  GapCell,
  GapRow,
  InstrumentEvidence,
  NotEvaluated,
  ScopeRef,
  Sum,
} from './types.js';

export { maxStrength, strengthRank } from '../model/strength.js';

// Most instruments have no finding on most aspects: they share one frozen empty value instead of
// allocating hundreds of thousands of identical objects in large reviews.
const EMPTY = Object.freeze([]) as unknown as string[];
const NO_EVIDENCE: AspectEvidence = Object.freeze({ strength: 'none', findings: EMPTY, sources: EMPTY, verdict: null, decisive: EMPTY });

/**
 * The evidence of findings on one aspect, weighed by the one rule of judgement.ts: its strength is
 * that of the strongest judging findings (those that say which way it points), its verdict what
 * they say together. Findings that judge nothing are listed but carry no strength, so the gap map,
 * coverage and verdicts never disagree about one subject. `ranks[j]` is the strength rank of
 * `findings[j]` (strength.ts).
 */
export function aspectEvidence(findings: readonly Finding[], ranks: ArrayLike<number>): AspectEvidence {
  if (findings.length === 0) return NO_EVIDENCE;
  const w = weigh(findings, (_f, j) => ranks[j]!);
  const sources: string[] = [];
  for (let j = 0; j < findings.length; j++) {
    const s = findings[j]!.sources;
    for (let k = 0; k < s.length; k++) sources.push(s[k]!.source);
  }
  return {
    strength: w.rank < 0 ? 'none' : strengthAt(w.rank),
    findings: findings.length === 1 ? [findings[0]!.id] : sorted(findings.map((f) => f.id)),
    sources: sources.length ? sorted(sources) : EMPTY,
    verdict: w.value === 'none' ? null : w.value,
    decisive: w.decisive.length ? sorted(w.decisive.map((f) => f.id)) : EMPTY,
  };
}

const NO_ASPECTS: Record<Aspect, AspectEvidence> = Object.freeze(
  Object.fromEntries(ASPECTS.map((a) => [a, NO_EVIDENCE])) as Record<Aspect, AspectEvidence>,
);

/**
 * The aspect as the model's own string. An aspect read from the file is an equal but separate
 * string, and as a property key it would cost a lookup in the engine's string table every time.
 */
const canonicalAspect = (aspect: Aspect): Aspect => ASPECTS[ASPECTS.indexOf(aspect)]!;

/** Evidence per aspect; `ranks[j]` is the strength rank of `findings[j]`. */
function aspectsOf(findings: readonly Finding[], ranks: ArrayLike<number>): Record<Aspect, AspectEvidence> {
  if (findings.length === 0) return NO_ASPECTS;
  if (findings.length === 1) {
    // The common case: one finding, one aspect with evidence.
    const aspects = { ...NO_ASPECTS };
    aspects[canonicalAspect(findings[0]!.aspect)] = aspectEvidence(findings, ranks);
    return aspects;
  }
  const byAspect: Partial<Record<Aspect, { findings: Finding[]; ranks: number[] }>> = {};
  for (let j = 0; j < findings.length; j++) {
    const group = (byAspect[canonicalAspect(findings[j]!.aspect)] ??= { findings: [], ranks: [] });
    group.findings.push(findings[j]!);
    group.ranks.push(ranks[j]!);
  }
  const of = (aspect: Aspect) => {
    const g = byAspect[aspect];
    return g ? aspectEvidence(g.findings, g.ranks) : NO_EVIDENCE;
  };
  return {
    'goal-achievement': of('goal-achievement'),
    realisation: of('realisation'),
    effectiveness: of('effectiveness'),
    efficiency: of('efficiency'),
    'side-effects': of('side-effects'),
  };
}

/** The strength ranks of a node's findings, parallel to `node.findings`. */
export const ranksOf = (ix: ReviewIndex, node: InstrumentNode): number[] => node.findingOrdinals.map((k) => ix.findingRank[k]!);

const hasRealisationEvidence = (i: Instrument) =>
  i.realisation.status !== 'unknown' && (/\S/.test(i.realisation.evidence ?? '') || i.realisation.citation !== undefined);

/** Evidence per instrument, by node index. */
export function instrumentEvidence(ix: ReviewIndex, M: Messages): InstrumentEvidence[] {
  const classified = (f: Finding) => f.classification !== 'public' || f.sources.some((s) => ix.sources.get(s.source)?.classification !== 'public');
  // One sentence per status, shared: most instruments have no finding and say the same.
  const onlyRealisation = new Map<RealisationStatus, string>();
  const onlyRealisationOf = (status: RealisationStatus) => {
    let sentence = onlyRealisation.get(status);
    if (sentence === undefined) onlyRealisation.set(status, (sentence = M.instrumentEvidence.onlyRealisation(status)));
    return sentence;
  };
  // So are their reasons, frozen: 100k instruments' two-line arrays no longer outlive the analysis
  // (with evaluationByOrdinal, 3–5% less CPU time for analyze at 100k instruments).
  const unevaluatedReasons = new Map<RealisationStatus | null, string[]>();
  const unevaluatedReasonsOf = (status: RealisationStatus | null) => {
    let reasons = unevaluatedReasons.get(status);
    if (reasons === undefined) {
      reasons = Object.freeze([status === null ? M.instrumentEvidence.nothing : onlyRealisationOf(status), M.instrumentEvidence.notEvaluated]) as string[];
      unevaluatedReasons.set(status, reasons);
    }
    return reasons;
  };
  return ix.nodes.map((node) => {
    const { instrument: ins, findings: about } = node;
    const realisation = hasRealisationEvidence(ins);
    if (about.length === 0) {
      return {
        instrument: ins.id,
        strength: realisation ? 'realisation' : 'none',
        aspects: NO_ASPECTS,
        evaluated: false,
        classifiedOnly: false,
        reasons: unevaluatedReasonsOf(realisation ? ins.realisation.status : null),
        evidence: EMPTY,
      };
    }
    const aspects = aspectsOf(about, ranksOf(ix, node));
    let strength: EvidenceStrength = realisation ? 'realisation' : 'none';
    for (const a of ASPECTS) strength = maxStrength(strength, aspects[a].strength);
    let evaluations = 0;
    let classifiedEvaluations = 0;
    const ordinals = node.findingOrdinals;
    for (let j = 0; j < about.length; j++) {
      if (!ix.evaluationByOrdinal[ordinals[j]!]) continue;
      evaluations++;
      if (classified(about[j]!)) classifiedEvaluations++;
    }
    const strongest = strength === 'none' ? [] : ASPECTS.filter((a) => aspects[a].strength === strength && aspects[a].findings.length);
    let reasons: string[];
    if (strongest.length === 0 && evaluations === 0) {
      // What an instrument without findings says, shared: its findings judge nothing (5k lists fewer at 100k).
      reasons = unevaluatedReasonsOf(strength === 'realisation' ? ins.realisation.status : null);
    } else {
      reasons = [];
      if (strongest.length) {
        reasons.push(M.instrumentEvidence.strongest(strength, strongest, listIds(strongest.flatMap((a) => aspects[a].findings), M)));
      } else if (strength === 'realisation') {
        reasons.push(onlyRealisationOf(ins.realisation.status));
      } else {
        reasons.push(M.instrumentEvidence.nothing);
      }
      if (evaluations === 0) reasons.push(M.instrumentEvidence.notEvaluated);
    }
    const evidence: string[] = [];
    for (let j = 0; j < about.length; j++) {
      evidence.push(about[j]!.id);
      for (const s of about[j]!.sources) evidence.push(s.source);
    }
    return {
      instrument: ins.id,
      strength,
      aspects,
      evaluated: evaluations > 0,
      classifiedOnly: evaluations > 0 && classifiedEvaluations === evaluations,
      reasons,
      evidence: sorted(evidence),
    };
  });
}

/** Evidence of an objective or domain: its own findings and those of every instrument under it. */
export function rolledUpStrength(ix: ReviewIndex, ownIds: readonly string[], instruments: readonly InstrumentNode[], evidence: readonly InstrumentEvidence[]): EvidenceStrength {
  let s: EvidenceStrength = 'none';
  // By ordinal (ReviewIndex.findingsOn), not by looking each finding's ordinal up: with the gap
  // map's the same, 9% less CPU time for analyze at 100k instruments (min of 5, 6141 → 5579 ms).
  const findings = ix.review.findings;
  for (let i = 0; i < ownIds.length; i++) {
    for (const aspect of ASPECTS) {
      const on = ix.findingsOn(aspect, ownIds[i]!);
      for (let j = 0; j < on.length; j++) if (isJudgement(findings[on[j]!]!.verdict)) s = maxStrength(s, strengthAt(ix.findingRank[on[j]!]!));
    }
  }
  for (let k = 0; k < instruments.length; k++) s = maxStrength(s, evidence[instruments[k]!.index]!.strength);
  return s;
}

/** Coverage per instrument, by node index. */
export function coverageRows(ix: ReviewIndex): CoverageRow[] {
  return ix.nodes.map(({ instrument, findings, findingOrdinals }) => {
    const row = { id: instrument.id, evaluated: false, effectiveness: false, efficiency: false, sideEffects: false };
    for (let j = 0; j < findings.length; j++) {
      const f = findings[j]!;
      if (!ix.evaluationByOrdinal[findingOrdinals[j]!]) continue;
      row.evaluated = true;
      if (statesAspect(f, 'effectiveness', true)) row.effectiveness = true;
      else if (statesAspect(f, 'efficiency', true)) row.efficiency = true;
      else if (statesAspect(f, 'side-effects', true)) row.sideEffects = true;
    }
    return row;
  });
}

type CoverageKey = 'evaluated' | 'effectiveness' | 'efficiency';
/** Coverage by money before its shares are taken. */
type MoneyParts = Omit<CoverageSummary['money'], `${CoverageKey}Share`>;

/**
 * Coverage by money: the programme money of a scope as the cost attribution splits it
 * (attribution.ts), so that no euro counts twice and none from another article counts at all.
 * An instrument's own share counts as covered when the instrument is; a joint cost counts once,
 * for a scope that holds its whole group, and as covered when every member of the group is; a
 * joint cost that crosses the scope's border is no part of the scope's money. The article also
 * holds the programme money no instrument is named for, which no evaluation covers.
 */
function moneyCoverage(at: Attribution, groupsOf: ReturnType<typeof jointGroupsOf>, scope: ScopeRef, instruments: readonly InstrumentNode[], rows: readonly CoverageRow[]): MoneyParts {
  const money = { evaluated: 0, effectiveness: 0, efficiency: 0, total: 0, unknownParts: 0 };
  const add = (s: Sum, covered: (key: CoverageKey) => boolean) => {
    money.total += s.known;
    money.unknownParts += s.unknownParts;
    if (covered('evaluated')) money.evaluated += s.known;
    if (covered('effectiveness')) money.effectiveness += s.known;
    if (covered('efficiency')) money.efficiency += s.known;
  };
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    const own = at.costs[index]!.programme;
    if (own) add(own, (key) => rows[index]![key]);
  }
  for (const g of groupsOf(instruments).inside) {
    const group = at.groups[g]!;
    if (group.kind === 'programme') add(group.amount, (key) => group.members.every((m) => rows[m]![key]));
  }
  if (scope.kind === 'article') for (const l of at.lines) if (l.kind === 'programme') add(l.unattributed, () => false);
  return { ...money, evaluated: round(money.evaluated), effectiveness: round(money.effectiveness), efficiency: round(money.efficiency), total: round(money.total) };
}

function coverageSummary(scope: ScopeRef, instruments: readonly InstrumentNode[], rows: readonly CoverageRow[], money: MoneyParts, list: EvaluationList): CoverageSummary {
  let evaluated = 0;
  let effectiveness = 0;
  let efficiency = 0;
  let sideEffects = 0;
  for (let k = 0; k < instruments.length; k++) {
    const r = rows[instruments[k]!.index]!;
    if (r.evaluated) evaluated++;
    if (r.effectiveness) effectiveness++;
    if (r.efficiency) efficiency++;
    if (r.sideEffects) sideEffects++;
  }
  const n = instruments.length;

  // When the review does not say which evaluations there are, coverage is unknown, not 0%: the
  // counts are what the file holds (a lower bound), the shares null.
  const unknown = list.status === 'unknown';
  const of = (count: number) => (unknown ? { count, total: n, share: null } : share(count, n));
  const moneyShare = (part: number) => (unknown || money.unknownParts ? null : ratio(part, money.total));
  return {
    scope,
    instruments: n,
    evaluationList: list,
    evaluated: of(evaluated),
    effectiveness: of(effectiveness),
    efficiency: of(efficiency),
    sideEffects: of(sideEffects),
    money: {
      ...money,
      // Shares of money are only known when every amount is: otherwise null, with the parts kept.
      evaluatedShare: moneyShare(money.evaluated),
      effectivenessShare: moneyShare(money.effectiveness),
      efficiencyShare: moneyShare(money.efficiency),
    },
  };
}

export function analyseCoverage(ix: ReviewIndex, at: Attribution, scopes: { article: ScopeRef; domains: ScopeRef[]; objectives: ScopeRef[] }, M: Messages): CoverageAnalysis {
  const rows = coverageRows(ix);
  const c = completenessOf(ix.review, 'evaluations');
  const list: EvaluationList = { status: c.status, stated: c.stated, known: c.known };
  const groupsOf = jointGroupsOf(at);
  const summary = (scope: ScopeRef, instruments: readonly InstrumentNode[]) => coverageSummary(scope, instruments, rows, moneyCoverage(at, groupsOf, scope, instruments, rows), list);
  const notEvaluated: NotEvaluated[] = [];

  // The reasons of an instrument without findings depend only on its status and whether money is
  // linked to it: one frozen list per pair, shared (48k lists fewer at 100k instruments).
  const sharedReasons = [new Map<RealisationStatus, string[]>(), new Map<RealisationStatus, string[]>()] as const;
  const reasonsFor = (status: RealisationStatus, other: readonly string[], financed: boolean): string[] => {
    const reasons = [M.notEvaluated.instrument];
    if (status === 'not-realised' || status === 'pilot' || status === 'realised-after-period') reasons.push(M.notEvaluated.status(status));
    // Not evaluated: none of its findings is evaluation evidence.
    if (other.length) reasons.push(M.notEvaluated.nonEvaluative(listIds(other, M)));
    if (!financed) reasons.push(M.notEvaluated.noExpenditure);
    return reasons;
  };
  for (let index = 0; index < ix.nodes.length; index++) {
    if (rows[index]!.evaluated) continue;
    const node = ix.nodes[index]!;
    const { instrument: ins, findings, lines: financing } = node;
    const status = ins.realisation.status;
    if (findings.length === 0) {
      const byStatus = sharedReasons[financing.length ? 1 : 0];
      let reasons = byStatus.get(status);
      if (!reasons) byStatus.set(status, (reasons = Object.freeze(reasonsFor(status, EMPTY, financing.length > 0)) as string[]));
      notEvaluated.push({ kind: 'instrument', id: ins.id, label: ins.name, reasons, evidence: ix.idList(node) });
      continue;
    }
    const other = findings.map((f) => f.id);
    notEvaluated.push({ kind: 'instrument', id: ins.id, label: ins.name, reasons: reasonsFor(status, other, financing.length > 0), evidence: sorted([ins.id, ...other]) });
  }

  for (const { objective } of ix.objectiveOrder) {
    const instruments = ix.instrumentsUnder.get(objective.id) ?? [];
    const direct = [objective.id, ...ix.descendantsOf(objective.id)].some((id) => (ix.findingsAbout.get(id) ?? []).some(ix.isEvaluationFinding));
    if (direct || instruments.some((i) => rows[i.index]!.evaluated)) continue;
    notEvaluated.push({
      kind: 'objective',
      id: objective.id,
      label: objective.text,
      reasons: [instruments.length === 0 ? M.notEvaluated.objectiveWithoutInstruments : M.notEvaluated.objective(instruments.length)],
      evidence: sorted([objective.id, ...instruments.map((i) => i.instrument.id)]),
    });
  }

  // Small scopes first (see analyze).
  const objectives = scopes.objectives.map((o) => summary(o, ix.instrumentsUnder.get(o.id) ?? []));
  const domains = scopes.domains.map((d) => summary(d, ix.instrumentsOfDomain.get(d.id) ?? []));
  return { instruments: rows, evaluationList: list, article: summary(scopes.article, ix.nodes), domains, objectives, notEvaluated };
}

/** The aspects of the gap map. */
const GAP_ASPECTS = ['effectiveness', 'efficiency', 'side-effects'] as const satisfies readonly Aspect[];

const NO_CELL: GapCell = Object.freeze({ strength: 'none', verdict: null, sources: EMPTY, findings: EMPTY });
const cell = (e: AspectEvidence): GapCell => (e === NO_EVIDENCE ? NO_CELL : { strength: e.strength, verdict: e.verdict, sources: e.sources, findings: e.findings });

/** Objectives (rolled up over their subtree) and their instruments × effectiveness, efficiency, side effects. */
export function gapMap(ix: ReviewIndex, evidence: readonly InstrumentEvidence[]): GapRow[] {
  const rows: GapRow[] = [];
  const seen = new Marks(ix.review.findings.length);
  for (const { objective, depth } of ix.objectiveOrder) {
    // The findings on the objective's subtree, each once, for the three aspects of the map.
    const effectiveness = { findings: [] as Finding[], ranks: [] as number[] };
    const efficiency = { findings: [] as Finding[], ranks: [] as number[] };
    const sideEffects = { findings: [] as Finding[], ranks: [] as number[] };
    const add = (f: Finding, k: number) => {
      if (f.aspect === 'effectiveness' || f.aspect === 'efficiency' || f.aspect === 'side-effects') {
        if (!seen.add(k)) return;
        const group = f.aspect === 'effectiveness' ? effectiveness : f.aspect === 'efficiency' ? efficiency : sideEffects;
        group.findings.push(f);
        group.ranks.push(ix.findingRank[k]!);
      }
    };
    seen.reset();
    // Only the map's aspects, by ordinal (ReviewIndex.findingsOn): most findings on an objective's
    // subtree are on goal achievement, and looking up each one's ordinal by object cost more (with
    // rolledUpStrength, 9% of analyze at 100k instruments).
    const subtree = [objective.id, ...ix.descendantsOf(objective.id)];
    for (const aspect of GAP_ASPECTS) {
      for (let s = 0; s < subtree.length; s++) {
        const on = ix.findingsOn(aspect, subtree[s]!);
        for (let j = 0; j < on.length; j++) add(ix.review.findings[on[j]!]!, on[j]!);
      }
    }
    const under = ix.instrumentsUnder.get(objective.id) ?? [];
    for (let k = 0; k < under.length; k++) {
      const { findings, findingOrdinals } = under[k]!;
      for (let j = 0; j < findings.length; j++) add(findings[j]!, findingOrdinals[j]!);
    }
    rows.push({
      kind: 'objective',
      id: objective.id,
      label: objective.text,
      depth,
      domain: objective.domain,
      effectiveness: cell(aspectEvidence(effectiveness.findings, effectiveness.ranks)),
      efficiency: cell(aspectEvidence(efficiency.findings, efficiency.ranks)),
      sideEffects: cell(aspectEvidence(sideEffects.findings, sideEffects.ranks)),
    });
    for (const { instrument: ins, index } of ix.instrumentsOf.get(objective.id) ?? []) {
      const a = evidence[index]!.aspects;
      rows.push({
        kind: 'instrument',
        id: ins.id,
        label: ins.name,
        depth: depth + 1,
        domain: objective.domain,
        effectiveness: cell(a.effectiveness),
        efficiency: cell(a.efficiency),
        sideEffects: cell(a['side-effects']),
      });
    }
  }
  return rows;
}
