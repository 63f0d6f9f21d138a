import { findingSourceIds } from '../model/completeness.js';
import { ASPECTS, VERDICTS, type Aspect, type EvidenceStrength, type Finding, type Instrument, type RealisationStatus } from '../model/review.js';
import type { Messages } from './messages/index.js';
import { listIds, sortIds as sorted } from './ids.js';
import { ratio, share, sum } from './numbers.js';
import { Marks } from './marks.js';
import type { InstrumentNode, ReviewIndex } from './review-index.js';
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

/**
 * The place of a strength on the ordered scale (EVIDENCE_STRENGTHS). Compared, not looked up as
 * RANK[s]: strengths are strings read from the file, and a property key that is such a string costs
 * a lookup in the engine's string table every time.
 */
export function strengthRank(s: EvidenceStrength): number {
  switch (s) {
    case 'none':
      return 0;
    case 'realisation':
      return 1;
    case 'plausibility':
      return 2;
    case 'process':
      return 3;
    case 'effect':
      return 4;
  }
}
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
  if (findings.length === 1) {
    const [f] = findings as [Finding];
    return { strength: f.strength, findings: [f.id], sources: findingSourceIds(f), verdict: f.verdict };
  }
  let best: Finding | undefined;
  const sources: string[] = [];
  for (let j = 0; j < findings.length; j++) {
    const f = findings[j]!;
    for (const s of f.sources) sources.push(s.source);
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
    sources: sorted(sources),
    verdict: best?.verdict ?? null,
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

/** Evidence per aspect. */
function aspectsOf(findings: readonly Finding[]): Record<Aspect, AspectEvidence> {
  if (findings.length === 0) return NO_ASPECTS;
  if (findings.length === 1) {
    // The common case: one finding, one aspect with evidence.
    const aspects = { ...NO_ASPECTS };
    aspects[canonicalAspect(findings[0]!.aspect)] = aspectEvidence(findings);
    return aspects;
  }
  const byAspect: Partial<Record<Aspect, Finding[]>> = {};
  for (let j = 0; j < findings.length; j++) (byAspect[canonicalAspect(findings[j]!.aspect)] ??= []).push(findings[j]!);
  const of = (aspect: Aspect) => (byAspect[aspect] ? aspectEvidence(byAspect[aspect]) : NO_EVIDENCE);
  return {
    'goal-achievement': of('goal-achievement'),
    realisation: of('realisation'),
    effectiveness: of('effectiveness'),
    efficiency: of('efficiency'),
    'side-effects': of('side-effects'),
  };
}

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
  return ix.nodes.map(({ instrument: ins, findings: about }) => {
    const realisation = hasRealisationEvidence(ins);
    if (about.length === 0) {
      return {
        instrument: ins.id,
        strength: realisation ? 'realisation' : 'none',
        aspects: NO_ASPECTS,
        evaluated: false,
        classifiedOnly: false,
        reasons: [realisation ? onlyRealisationOf(ins.realisation.status) : M.instrumentEvidence.nothing, M.instrumentEvidence.notEvaluated],
        evidence: [],
      };
    }
    const aspects = aspectsOf(about);
    let strength: EvidenceStrength = realisation ? 'realisation' : 'none';
    for (const a of ASPECTS) strength = maxStrength(strength, aspects[a].strength);
    let evaluations = 0;
    let classifiedEvaluations = 0;
    for (let j = 0; j < about.length; j++) {
      if (!ix.isEvaluationFinding(about[j]!)) continue;
      evaluations++;
      if (classified(about[j]!)) classifiedEvaluations++;
    }
    const reasons: string[] = [];
    const strongest = strength === 'none' ? [] : ASPECTS.filter((a) => aspects[a].strength === strength && aspects[a].findings.length);
    if (strongest.length) {
      reasons.push(M.instrumentEvidence.strongest(strength, strongest, listIds(strongest.flatMap((a) => aspects[a].findings), M)));
    } else if (strength === 'realisation') {
      reasons.push(onlyRealisationOf(ins.realisation.status));
    } else {
      reasons.push(M.instrumentEvidence.nothing);
    }
    if (evaluations === 0) reasons.push(M.instrumentEvidence.notEvaluated);
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
  for (const id of ownIds) for (const f of ix.findingsAbout.get(id) ?? []) s = maxStrength(s, f.strength);
  for (let k = 0; k < instruments.length; k++) s = maxStrength(s, evidence[instruments[k]!.index]!.strength);
  return s;
}

/** Coverage per instrument, by node index. */
export function coverageRows(ix: ReviewIndex): CoverageRow[] {
  return ix.nodes.map(({ instrument, findings }) => {
    const row = { id: instrument.id, evaluated: false, effectiveness: false, efficiency: false, sideEffects: false };
    for (let j = 0; j < findings.length; j++) {
      const f = findings[j]!;
      if (!ix.isEvaluationFinding(f)) continue;
      row.evaluated = true;
      // An evaluation states an aspect when it gives a verdict on it.
      if (f.verdict === 'not-assessed') continue;
      if (f.aspect === 'effectiveness') row.effectiveness = true;
      else if (f.aspect === 'efficiency') row.efficiency = true;
      else if (f.aspect === 'side-effects') row.sideEffects = true;
    }
    return row;
  });
}

/** A programme line's known money, and whether every instrument it finances is covered. */
interface LineCoverage {
  known: number;
  unknownParts: number;
  evaluated: boolean;
  effectiveness: boolean;
  efficiency: boolean;
}

// A programme line counts as covered when every instrument it finances is.
function lineCoverage(ix: ReviewIndex, rows: readonly CoverageRow[]): Map<string, LineCoverage> {
  const out = new Map<string, LineCoverage>();
  for (const l of ix.review.budgetLines) {
    if (l.kind !== 'programme') continue;
    const s = sum(l.expenditures.map((e) => e.amount));
    const linked = l.instruments.flatMap((id) => {
      const node = ix.nodeOf.get(id);
      return node ? [rows[node.index]!] : [];
    });
    const all = (key: 'evaluated' | 'effectiveness' | 'efficiency') => linked.length > 0 && linked.every((r) => r[key]);
    out.set(l.id, { known: s.known, unknownParts: s.unknownParts, evaluated: all('evaluated'), effectiveness: all('effectiveness'), efficiency: all('efficiency') });
  }
  return out;
}

function coverageSummary(scope: ScopeRef, instruments: readonly InstrumentNode[], rows: readonly CoverageRow[], lines: Map<string, LineCoverage>): CoverageSummary {
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

  // Money: at article level every programme line counts, including those linked to no instrument
  // (never covered); below it, the programme lines financing the scope's instruments.
  let inScope: Iterable<LineCoverage> = lines.values();
  if (scope.kind !== 'article') {
    const ids = new Set<string>();
    for (let k = 0; k < instruments.length; k++) {
      const { lines: financing } = instruments[k]!;
      for (let j = 0; j < financing.length; j++) ids.add(financing[j]!);
    }
    inScope = [...ids].flatMap((id) => lines.get(id) ?? []);
  }
  const money = { evaluated: 0, effectiveness: 0, efficiency: 0, total: 0, unknownParts: 0 };
  for (const l of inScope) {
    money.total += l.known;
    money.unknownParts += l.unknownParts;
    if (l.evaluated) money.evaluated += l.known;
    if (l.effectiveness) money.effectiveness += l.known;
    if (l.efficiency) money.efficiency += l.known;
  }
  return {
    scope,
    instruments: n,
    evaluated: share(evaluated, n),
    effectiveness: share(effectiveness, n),
    efficiency: share(efficiency, n),
    sideEffects: share(sideEffects, n),
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
  const lines = lineCoverage(ix, rows);
  const notEvaluated: NotEvaluated[] = [];

  for (let index = 0; index < ix.nodes.length; index++) {
    if (rows[index]!.evaluated) continue;
    const { instrument: ins, findings, lines: financing } = ix.nodes[index]!;
    const reasons = [M.notEvaluated.instrument];
    const status = ins.realisation.status;
    if (status === 'not-realised' || status === 'pilot' || status === 'realised-after-period') reasons.push(M.notEvaluated.status(status));
    const other = findings.filter((f) => !ix.isEvaluationFinding(f));
    if (other.length) reasons.push(M.notEvaluated.nonEvaluative(listIds(other.map((f) => f.id), M)));
    if (financing.length === 0) reasons.push(M.notEvaluated.noExpenditure);
    notEvaluated.push({ kind: 'instrument', id: ins.id, label: ins.name, reasons, evidence: sorted([ins.id, ...other.map((f) => f.id)]) });
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
  const objectives = scopes.objectives.map((o) => coverageSummary(o, ix.instrumentsUnder.get(o.id) ?? [], rows, lines));
  const domains = scopes.domains.map((d) => coverageSummary(d, ix.instrumentsOfDomain.get(d.id) ?? [], rows, lines));
  return { instruments: rows, article: coverageSummary(scopes.article, ix.nodes, rows, lines), domains, objectives, notEvaluated };
}

const NO_CELL: GapCell = Object.freeze({ strength: 'none', sources: NO_EVIDENCE.sources, findings: NO_EVIDENCE.findings });
const cell = (e: AspectEvidence): GapCell => (e === NO_EVIDENCE ? NO_CELL : { strength: e.strength, sources: e.sources, findings: e.findings });

/** Objectives (rolled up over their subtree) and their instruments × effectiveness, efficiency, side effects. */
export function gapMap(ix: ReviewIndex, evidence: readonly InstrumentEvidence[]): GapRow[] {
  const rows: GapRow[] = [];
  const seen = new Marks(ix.review.findings.length);
  for (const { objective, depth } of ix.objectiveOrder) {
    // The findings on the objective's subtree, each once, for the three aspects of the map.
    const effectiveness: Finding[] = [];
    const efficiency: Finding[] = [];
    const sideEffects: Finding[] = [];
    const add = (f: Finding, k: number) => {
      if (f.aspect === 'effectiveness' || f.aspect === 'efficiency' || f.aspect === 'side-effects') {
        if (seen.add(k)) (f.aspect === 'effectiveness' ? effectiveness : f.aspect === 'efficiency' ? efficiency : sideEffects).push(f);
      }
    };
    seen.reset();
    for (const id of [objective.id, ...ix.descendantsOf(objective.id)]) for (const f of ix.findingsAbout.get(id) ?? []) add(f, ix.findingOrdinal.get(f)!);
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
      effectiveness: cell(aspectEvidence(effectiveness)),
      efficiency: cell(aspectEvidence(efficiency)),
      sideEffects: cell(aspectEvidence(sideEffects)),
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
