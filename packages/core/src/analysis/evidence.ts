import { ASPECTS, EVIDENCE_STRENGTHS, VERDICTS, type Aspect, type EvidenceStrength, type Finding, type Instrument } from '../model/review.js';
import type { Messages } from './messages/index.js';
import { listIds, ratio, share, sortIds as sorted, sum } from './numbers.js';
import type { ReviewIndex } from './review-index.js';
import type {
  AspectEvidence,
  CoverageAnalysis,
  CoverageRow,
  CoverageSummary,
  GapCell,
  GapRow,
  InstrumentEvidence,
  NotEvaluated,
  ScopeRef,
} from './types.js';

export const strengthRank = (s: EvidenceStrength): number => EVIDENCE_STRENGTHS.indexOf(s);
export const maxStrength = (a: EvidenceStrength, b: EvidenceStrength): EvidenceStrength =>
  strengthRank(a) >= strengthRank(b) ? a : b;


/**
 * The strongest evidence among findings. Ties are broken by a fixed verdict order, never by input
 * order, so that reordering a review changes no result.
 */
// Most instruments have no finding on most aspects: they share one frozen empty value instead of
// allocating hundreds of thousands of identical objects in large reviews.
const NO_EVIDENCE: AspectEvidence = Object.freeze({ strength: 'none', findings: Object.freeze([]) as unknown as string[], sources: Object.freeze([]) as unknown as string[], verdict: null });

export function aspectEvidence(findings: readonly Finding[]): AspectEvidence {
  if (findings.length === 0) return NO_EVIDENCE;
  let best: Finding | undefined;
  for (const f of findings) {
    if (
      !best ||
      strengthRank(f.strength) > strengthRank(best.strength) ||
      (f.strength === best.strength && VERDICTS.indexOf(f.verdict) < VERDICTS.indexOf(best.verdict))
    ) {
      best = f;
    }
  }
  return {
    strength: best?.strength ?? 'none',
    findings: sorted(findings.map((f) => f.id)),
    sources: sorted(findings.flatMap((f) => (f.source ? [f.source] : []))),
    verdict: best?.verdict ?? null,
  };
}

const NO_ASPECTS: Record<Aspect, AspectEvidence> = Object.freeze(
  Object.fromEntries(ASPECTS.map((a) => [a, NO_EVIDENCE])) as Record<Aspect, AspectEvidence>,
);

/** Evidence per aspect, from one pass over the findings. */
function aspectsOf(findings: readonly Finding[]): Record<Aspect, AspectEvidence> {
  if (findings.length === 0) return NO_ASPECTS;
  const byAspect: Record<Aspect, Finding[]> = { 'goal-achievement': [], realisation: [], effectiveness: [], efficiency: [], 'side-effects': [] };
  for (const f of findings) byAspect[f.aspect].push(f);
  return {
    'goal-achievement': aspectEvidence(byAspect['goal-achievement']),
    realisation: aspectEvidence(byAspect.realisation),
    effectiveness: aspectEvidence(byAspect.effectiveness),
    efficiency: aspectEvidence(byAspect.efficiency),
    'side-effects': aspectEvidence(byAspect['side-effects']),
  };
}

const hasRealisationEvidence = (i: Instrument) =>
  i.realisation.status !== 'unknown' && (/\S/.test(i.realisation.evidence ?? '') || i.realisation.citation !== undefined);

export function instrumentEvidence(ix: ReviewIndex, M: Messages): InstrumentEvidence[] {
  return ix.review.instruments.map((ins) => {
    const about = ix.findingsAbout.get(ins.id) ?? [];
    const aspects = aspectsOf(about);
    let strength: EvidenceStrength = hasRealisationEvidence(ins) ? 'realisation' : 'none';
    for (const a of ASPECTS) strength = maxStrength(strength, aspects[a].strength);
    const evaluations = about.filter(ix.isEvaluationFinding);
    const classified = (f: Finding) => f.classification !== 'public' || ix.sources.get(f.source ?? '')?.classification !== 'public';
    const reasons: string[] = [];
    const strongest = ASPECTS.filter((a) => aspects[a].strength === strength && strength !== 'none' && aspects[a].findings.length);
    if (strongest.length) {
      reasons.push(M.instrumentEvidence.strongest(strength, strongest, listIds(strongest.flatMap((a) => aspects[a].findings), M)));
    } else if (strength === 'realisation') {
      reasons.push(M.instrumentEvidence.onlyRealisation(ins.realisation.status));
    } else {
      reasons.push(M.instrumentEvidence.nothing);
    }
    if (evaluations.length === 0) reasons.push(M.instrumentEvidence.notEvaluated);
    return {
      instrument: ins.id,
      strength,
      aspects,
      evaluated: evaluations.length > 0,
      classifiedOnly: evaluations.length > 0 && evaluations.every(classified),
      reasons,
      evidence: sorted(about.flatMap((f) => [f.id, ...(f.source ? [f.source] : [])])),
    };
  });
}

/** Evidence of an objective or domain: its own findings and those of every instrument under it. */
export function rolledUpStrength(ix: ReviewIndex, ownIds: readonly string[], instruments: readonly Instrument[], byInstrument: Map<string, InstrumentEvidence>): EvidenceStrength {
  let s: EvidenceStrength = 'none';
  for (const id of ownIds) for (const f of ix.findingsAbout.get(id) ?? []) s = maxStrength(s, f.strength);
  for (const i of instruments) s = maxStrength(s, byInstrument.get(i.id)?.strength ?? 'none');
  return s;
}

const statesAspect = (ix: ReviewIndex, f: Finding, aspect: Aspect) =>
  f.aspect === aspect && f.verdict !== 'not-assessed' && ix.isEvaluationFinding(f);

export function coverageRows(ix: ReviewIndex): CoverageRow[] {
  return ix.review.instruments.map((ins) => {
    const about = ix.findingsAbout.get(ins.id) ?? [];
    return {
      id: ins.id,
      evaluated: about.some(ix.isEvaluationFinding),
      effectiveness: about.some((f) => statesAspect(ix, f, 'effectiveness')),
      efficiency: about.some((f) => statesAspect(ix, f, 'efficiency')),
      sideEffects: about.some((f) => statesAspect(ix, f, 'side-effects')),
    };
  });
}

function coverageSummary(ix: ReviewIndex, scope: ScopeRef, instruments: readonly Instrument[], rows: Map<string, CoverageRow>): CoverageSummary {
  const inScope = instruments.map((i) => rows.get(i.id)!);
  const count = (key: 'evaluated' | 'effectiveness' | 'efficiency' | 'sideEffects') => share(inScope.filter((r) => r[key]).length, inScope.length);

  // Money: a programme line counts as covered when every instrument it finances is. At article
  // level every programme line counts, including those linked to no instrument (never covered).
  const lineIds = scope.kind === 'article' ? null : new Set(instruments.flatMap((i) => ix.linesOf.get(i.id) ?? []));
  const lines = (lineIds ? [...lineIds].map((id) => ix.lines.get(id)!) : ix.review.budgetLines).filter((l) => l.kind === 'programme');
  const money = { evaluated: 0, effectiveness: 0, efficiency: 0, total: 0, unknownParts: 0 };
  for (const l of lines) {
    const s = sum(l.expenditures.map((e) => e.amount));
    money.total += s.known;
    money.unknownParts += s.unknownParts;
    const linked = l.instruments.map((i) => rows.get(i)).filter((r): r is CoverageRow => r !== undefined);
    const all = (key: 'evaluated' | 'effectiveness' | 'efficiency') => linked.length > 0 && linked.every((r) => r[key]);
    if (all('evaluated')) money.evaluated += s.known;
    if (all('effectiveness')) money.effectiveness += s.known;
    if (all('efficiency')) money.efficiency += s.known;
  }
  return {
    scope,
    instruments: inScope.length,
    evaluated: count('evaluated'),
    effectiveness: count('effectiveness'),
    efficiency: count('efficiency'),
    sideEffects: count('sideEffects'),
    money: {
      ...money,
      // Shares of money are only known when every amount is: otherwise null, with the parts kept.
      evaluatedShare: money.unknownParts ? null : ratio(money.evaluated, money.total),
      effectivenessShare: money.unknownParts ? null : ratio(money.effectiveness, money.total),
      efficiencyShare: money.unknownParts ? null : ratio(money.efficiency, money.total),
    },
  };
}

export function analyseCoverage(ix: ReviewIndex, scopes: { article: ScopeRef; domains: ScopeRef[]; objectives: ScopeRef[] }, M: Messages): CoverageAnalysis {
  const rows = coverageRows(ix);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const notEvaluated: NotEvaluated[] = [];

  for (const ins of ix.review.instruments) {
    if (byId.get(ins.id)!.evaluated) continue;
    const about = ix.findingsAbout.get(ins.id) ?? [];
    const reasons = [M.notEvaluated.instrument];
    const status = ins.realisation.status;
    if (status === 'not-realised' || status === 'pilot' || status === 'realised-after-period') reasons.push(M.notEvaluated.status(status));
    const other = about.filter((f) => !ix.isEvaluationFinding(f));
    if (other.length) reasons.push(M.notEvaluated.nonEvaluative(listIds(other.map((f) => f.id), M)));
    if ((ix.linesOf.get(ins.id) ?? []).length === 0) reasons.push(M.notEvaluated.noExpenditure);
    notEvaluated.push({ kind: 'instrument', id: ins.id, label: ins.name, reasons, evidence: sorted([ins.id, ...other.map((f) => f.id)]) });
  }

  for (const { objective } of ix.objectiveOrder) {
    const instruments = ix.instrumentsUnder.get(objective.id) ?? [];
    const direct = [objective.id, ...ix.descendantsOf(objective.id)].flatMap((id) => (ix.findingsAbout.get(id) ?? []).filter(ix.isEvaluationFinding));
    const evaluated = instruments.filter((i) => byId.get(i.id)!.evaluated);
    if (direct.length > 0 || evaluated.length > 0) continue;
    notEvaluated.push({
      kind: 'objective',
      id: objective.id,
      label: objective.text,
      reasons: [instruments.length === 0 ? M.notEvaluated.objectiveWithoutInstruments : M.notEvaluated.objective(instruments.length)],
      evidence: sorted([objective.id, ...instruments.map((i) => i.id)]),
    });
  }

  return {
    instruments: rows,
    article: coverageSummary(ix, scopes.article, ix.review.instruments, byId),
    domains: scopes.domains.map((d) => coverageSummary(ix, d, ix.instrumentsOfDomain.get(d.id) ?? [], byId)),
    objectives: scopes.objectives.map((o) => coverageSummary(ix, o, ix.instrumentsUnder.get(o.id) ?? [], byId)),
    notEvaluated,
  };
}

const NO_CELL: GapCell = Object.freeze({ strength: 'none', sources: NO_EVIDENCE.sources, findings: NO_EVIDENCE.findings });
const cell = (e: AspectEvidence): GapCell => (e === NO_EVIDENCE ? NO_CELL : { strength: e.strength, sources: e.sources, findings: e.findings });

/** Objectives (rolled up over their subtree) and their instruments × effectiveness, efficiency, side effects. */
export function gapMap(ix: ReviewIndex, evidence: Map<string, InstrumentEvidence>): GapRow[] {
  const rows: GapRow[] = [];
  const cells = (a: Record<Aspect, AspectEvidence>) => ({
    effectiveness: cell(a.effectiveness),
    efficiency: cell(a.efficiency),
    sideEffects: cell(a['side-effects']),
  });
  for (const { objective, depth } of ix.objectiveOrder) {
    const subtree = [objective.id, ...(ix.instrumentsUnder.get(objective.id) ?? []).map((i) => i.id)];
    const findings = [...new Set([...subtree, ...ix.descendantsOf(objective.id)].flatMap((id) => ix.findingsAbout.get(id) ?? []))];
    rows.push({
      kind: 'objective',
      id: objective.id,
      label: objective.text,
      depth,
      domain: objective.domain,
      effectiveness: cell(aspectEvidence(findings.filter((f) => f.aspect === 'effectiveness'))),
      efficiency: cell(aspectEvidence(findings.filter((f) => f.aspect === 'efficiency'))),
      sideEffects: cell(aspectEvidence(findings.filter((f) => f.aspect === 'side-effects'))),
    });
    for (const ins of ix.instrumentsOf.get(objective.id) ?? []) {
      rows.push({ kind: 'instrument', id: ins.id, label: ins.name, depth: depth + 1, domain: objective.domain, ...cells(evidence.get(ins.id)!.aspects) });
    }
  }
  return rows;
}

