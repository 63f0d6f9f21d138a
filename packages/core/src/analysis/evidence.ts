import { ASPECTS, type Aspect, type EvidenceStrength, type Finding, type Instrument, type RealisationStatus } from '../model/review.js';
import { completenessOf } from '../model/completeness.js';
import { isJudgement, statesAspect, weigh } from './judgement.js';
import { strengthAt, strengthRank } from '../model/strength.js';
import type { Messages } from './messages/index.js';
import { listIds, mergeIds, sortIds as sorted } from './ids.js';
import { jointGroupsIn, nodeIndices, type Attribution } from './attribution.js';
import { ratio, round, share } from './numbers.js';
import { flat } from './flat.js';
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
} from './types.js';

export { maxStrength, strengthRank } from '../model/strength.js';

const REALISATION_RANK = strengthRank('realisation');
// The gap map's aspects are the last three: effectiveness, efficiency, side effects.
const EFFECTIVENESS = ASPECTS.indexOf('effectiveness');

// Most instruments have no finding on most aspects: they share one frozen empty value instead of
// allocating hundreds of thousands of identical objects in large reviews.
const EMPTY = Object.freeze([]) as unknown as string[];
const NO_EVIDENCE: AspectEvidence = Object.freeze({ strength: 'none', findings: EMPTY, sources: EMPTY, verdict: null, decisive: EMPTY });

/**
 * What every evidence reader needs of each finding, worked out once per analysis and shared by the
 * instrument evidence, coverage, the gap map and the rolled-up strengths. Lists of ids are put in
 * natural order by sorting numbers: each id's place in the natural order of every finding and cited
 * source id (sorted once) instead of comparing ids as strings in every list. With the values of a
 * lone finding made once and shared, instrumentEvidence at 100k instruments went from 394 to 306 ms
 * (in one process, without garbage collection) and allocates 116 instead of 165 MB.
 */
interface FindingFacts {
  /**
   * Copies of the findings, made one after the other in the pass over them: weigh reads the
   * verdict of every finding of every group, and the findings themselves lie scattered over a heap
   * of hundreds of MB, a cache miss each (the four evidence phases at 100k, CPU median of 10 in one
   * process: 1151 -> 1108 ms; the whole analyze, ab.mjs medians of 6 and 8 rounds: 3% and 5% less CPU time).
   */
  findings: readonly Finding[];
  /** Per finding ordinal, the strength rank the analysis uses (ReviewIndex.findingRank). */
  rank: Uint8Array;
  /** Per finding ordinal, its aspect as a position in ASPECTS. */
  aspect: Uint8Array;
  /** Per finding ordinal, the coverage bit (STATES) of the aspect it states when it comes from an evaluation (statesAspect), else 0. */
  stated: Uint8Array;
  /** Per finding ordinal, the place of its id in the natural order. */
  place: Int32Array;
  /** The places of finding k's sources: sourcePlaces[sourceStart[k]] up to sourcePlaces[sourceStart[k + 1]]. */
  sourceStart: Int32Array;
  sourcePlaces: Int32Array;
  /** The ids by place. */
  idAt: readonly string[];
  /** Per finding ordinal, 1 when the finding or one of its sources is not public. */
  classified: Uint8Array;
  /** The findings of node i (by ordinal): nodeOrdinals[nodeStart[i]] up to nodeOrdinals[nodeStart[i + 1]]. */
  nodeStart: Int32Array;
  nodeOrdinals: Int32Array;
  /** See InstrumentFacts. */
  instruments: InstrumentFacts;
  /** Per finding ordinal, the evidence of that finding alone, made on first use and shared. */
  alone: (AspectEvidence | undefined)[];
  /** Per finding ordinal, the evidence per aspect of a node with only that finding, made on first use and shared. */
  aloneAspects: (Record<Aspect, AspectEvidence> | undefined)[];
  /** Per finding ordinal, the finding's id and its sources in natural order, made on first use and shared. */
  ownEvidence: (string[] | undefined)[];
  /** Per finding ordinal, the gap map's cell of that finding alone, made on first use and shared. */
  aloneCell: (GapCell | undefined)[];
  /** By position in ReviewIndex.objectiveOrder, the findings (by ordinal) about the objective or an objective below it. */
  subtrees?: number[][];
  /** See judgedRanks. */
  judged?: Map<string, number>;
  /** See Places. */
  places: Places;
}

const factsOf = new WeakMap<ReviewIndex, FindingFacts>();

function findingFacts(ix: ReviewIndex): FindingFacts {
  let facts = factsOf.get(ix);
  if (facts) return facts;
  const findings = ix.review.findings;
  const n = findings.length;
  const aspect = new Uint8Array(n);
  const stated = new Uint8Array(n);
  const sourceStart = new Int32Array(n + 1);
  const ids: string[] = new Array<string>(n);
  const cited: string[] = [];
  const classified = new Uint8Array(n);
  const copies = new Array<Finding>(n);
  // One pass over the findings, scattered over the heap: nothing after it reads them again.
  for (let k = 0; k < n; k++) {
    const f = findings[k]!;
    copies[k] = { ...f };
    aspect[k] = ASPECTS.indexOf(f.aspect);
    if (statesAspect(f, ASPECTS[aspect[k]!]!, ix.evaluationByOrdinal[k] === 1)) stated[k] = STATES[aspect[k]!]!;
    ids[k] = f.id;
    const sources = f.sources;
    sourceStart[k + 1] = sourceStart[k]! + sources.length;
    for (let j = 0; j < sources.length; j++) cited.push(sources[j]!.source);
    // Its sources' classification is added below.
    classified[k] = f.classification !== 'public' ? 1 : 0;
  }
  // Both lists are mostly in order already, and the findings' ids mostly all before the sources'.
  let idAt = mergeIds(sorted(ids), sorted(ix.review.sources.map((s) => s.id)));
  let places = placesIn(idAt, ids);
  let sourcePlaces = placesOfAll(cited, places.of);
  if (sourcePlaces === null) {
    // Sources cited but not in the review's list.
    const unlisted = cited.filter((id) => places.of(id) === undefined);
    places = placesIn((idAt = mergeIds(idAt, sorted(unlisted))), ids);
    sourcePlaces = placesOfAll(cited, places.of)!;
  }
  const { place, of: placeOfId } = places;
  const publicSource = new Uint8Array(idAt.length);
  for (const s of ix.review.sources) {
    const q = placeOfId(s.id);
    if (q !== undefined) publicSource[q] = s.classification === 'public' ? 1 : 0;
  }
  for (let k = 0; k < n; k++) {
    for (let i = sourceStart[k]!; i < sourceStart[k + 1]! && classified[k] === 0; i++) if (publicSource[sourcePlaces[i]!] === 0) classified[k] = 1;
  }
  // The nodes' findings as one typed list, read by scopes without touching the nodes again; in
  // one pass over the nodes, with what the passes read of their instruments.
  const nodeStart = new Int32Array(ix.nodes.length + 1);
  let nodeOrdinals = new Int32Array(2 * n + 16);
  const instruments = instrumentFacts(ix.nodes.length);
  for (let i = 0; i < ix.nodes.length; i++) {
    const node = ix.nodes[i]!;
    const ordinals = node.findingOrdinals;
    const start = nodeStart[i]!;
    if (start + ordinals.length > nodeOrdinals.length) {
      const more = new Int32Array(2 * (start + ordinals.length));
      more.set(nodeOrdinals);
      nodeOrdinals = more;
    }
    for (let j = 0; j < ordinals.length; j++) nodeOrdinals[start + j] = ordinals[j]!;
    nodeStart[i + 1] = start + ordinals.length;
    addInstrument(instruments, node);
  }
  facts = {
    findings: copies,
    rank: ix.findingRank,
    aspect,
    stated,
    place,
    sourceStart,
    sourcePlaces,
    idAt,
    classified,
    nodeStart,
    nodeOrdinals,
    instruments,
    alone: new Array(n).fill(undefined),
    aloneAspects: new Array(n).fill(undefined),
    ownEvidence: new Array(n).fill(undefined),
    aloneCell: new Array(n).fill(undefined),
    places: new Places(idAt, sourceStart, sourcePlaces),
  };
  factsOf.set(ix, facts);
  return facts;
}

/**
 * What the evidence passes read of each instrument, by node index, gathered in the one pass over
 * the nodes that findingFacts makes anyway: the instruments lie scattered over the heap, and each
 * pass that read them again (the gap map in objective order) paid a cache miss per instrument.
 * With the single passes over findings and nodes, the four evidence phases at 100k (CPU median of
 * 10 in one process, beside main) went from 954 to 841 ms.
 */
interface InstrumentFacts {
  id: string[];
  name: string[];
  status: RealisationStatus[];
  /** 1 when the instrument has evidence of its realisation (hasRealisationEvidence). */
  realisation: Uint8Array;
  /** 1 when a budget line finances it. */
  financed: Uint8Array;
}

const instrumentFacts = (n: number): InstrumentFacts => ({
  id: new Array<string>(n),
  name: new Array<string>(n),
  status: new Array<RealisationStatus>(n),
  realisation: new Uint8Array(n),
  financed: new Uint8Array(n),
});

// trim() strips exactly what \s matches, and is cheaper than a regular expression per instrument.
const hasRealisationEvidence = (i: Instrument) =>
  i.realisation.status !== 'unknown' && ((i.realisation.evidence ?? '').trim() !== '' || i.realisation.citation !== undefined);

function addInstrument(I: InstrumentFacts, node: InstrumentNode): void {
  const { instrument: ins, index } = node;
  I.id[index] = ins.id;
  I.name[index] = ins.name;
  I.status[index] = ins.realisation.status;
  I.realisation[index] = hasRealisationEvidence(ins) ? 1 : 0;
  I.financed[index] = node.lines.length > 0 ? 1 : 0;
}

/**
 * The findings about each objective's subtree (the objective and every objective below it), each
 * once: what the gap map rolls up and what tells coverage whether an objective is evaluated directly.
 */
function subtreeFindings(ix: ReviewIndex, F: FindingFacts): number[][] {
  if (F.subtrees) return F.subtrees;
  const seen = new Marks(F.findings.length);
  F.subtrees = ix.objectiveOrder.map(({ objective }) => {
    const ordinals: number[] = [];
    seen.reset();
    // By aspect, as ordinals: looking each finding up by object read every one of them again
    // (scattered over the heap), and no reader depends on the order.
    const add = (id: string) => {
      for (let a = 0; a < ASPECTS.length; a++) {
        const on = ix.findingsOn(ASPECTS[a]!, id);
        for (let j = 0; j < on.length; j++) if (seen.add(on[j]!)) ordinals.push(on[j]!);
      }
    };
    add(objective.id);
    const below = ix.descendantsOf(objective.id);
    for (let i = 0; i < below.length; i++) add(below[i]!);
    return ordinals.length ? ordinals : NO_ORDINALS;
  });
  return F.subtrees;
}
const NO_ORDINALS = Object.freeze([]) as unknown as number[];
const NO_NODES: readonly InstrumentNode[] = Object.freeze([]);

/** The place of every finding (by its id) in `idAt`, and a lookup of the place of any id. */
function placesIn(idAt: readonly string[], ids: readonly string[]): { place: Int32Array; of: (id: string) => number | undefined } {
  const n = ids.length;
  const place = new Int32Array(n);
  const placeOf = new Map<string, number>();
  let p = 0;
  // Finding ids in order and before every source id (as reviews number them): their places need no lookups.
  for (; p < n && idAt[p] === ids[p]; p++) place[p] = p;
  let first = p < n ? 0 : n;
  for (let q = first; q < idAt.length; q++) placeOf.set(idAt[q]!, q);
  const of = (id: string): number | undefined => {
    const q = placeOf.get(id);
    if (q !== undefined || first === 0) return q;
    // A source id that is also a finding's.
    for (; first > 0; first--) placeOf.set(idAt[first - 1]!, first - 1);
    return placeOf.get(id);
  };
  for (let k = p; k < n; k++) place[k] = of(ids[k]!)!;
  return { place, of };
}

/** The places of ids; null when one has none. */
function placesOfAll(ids: readonly string[], of: (id: string) => number | undefined): Int32Array | null {
  const places = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const q = of(ids[i]!);
    if (q === undefined) return null;
    places[i] = q;
  }
  return places;
}

/**
 * The places of one list of ids while it is gathered: one buffer, reused for every list, instead of
 * an array per list that is dropped once its ids are taken. With the lists made at their size, the
 * output at 20k instruments went from 41.7 to 37.9 MB, and analyze at 100k allocates 679 -> 623 MB.
 */
class Places {
  at = new Int32Array(64);
  length = 0;

  constructor(
    private readonly idAt: readonly string[],
    private readonly sourceStart: Int32Array,
    private readonly sourcePlaces: Int32Array,
  ) {}

  add(p: number): void {
    if (this.length === this.at.length) {
      const at = new Int32Array(this.at.length * 2);
      at.set(this.at);
      this.at = at;
    }
    this.at[this.length++] = p;
  }

  /** Adds the places of finding k's sources. */
  addSources(k: number): void {
    for (let i = this.sourceStart[k]!; i < this.sourceStart[k + 1]!; i++) this.add(this.sourcePlaces[i]!);
  }

  /**
   * The ids at the gathered places, in natural order and each once, as a list of exactly their
   * number (one pushed to would keep 17 slots for its 1–3 ids); empties the buffer.
   */
  take(): string[] {
    const { at, length: n, idAt } = this;
    this.length = 0;
    if (n > 16) at.subarray(0, n).sort();
    else {
      for (let i = 1; i < n; i++) {
        const p = at[i]!;
        let j = i;
        for (; j > 0 && at[j - 1]! > p; j--) at[j] = at[j - 1]!;
        at[j] = p;
      }
    }
    let count = 0;
    for (let i = 0; i < n; i++) if (i === 0 || at[i] !== at[i - 1]) count++;
    const ids = new Array<string>(count);
    for (let i = 0, c = 0; i < n; i++) if (i === 0 || at[i] !== at[i - 1]) ids[c++] = idAt[at[i]!]!;
    return ids;
  }
}

/**
 * The evidence of the first `count` findings (by ordinal) of a list, on one aspect, weighed by the
 * one rule of judgement.ts: its strength is that of the strongest judging findings (those that say
 * which way it points), its verdict what they say together. Findings that judge nothing are listed but carry no strength, so
 * the gap map, coverage and verdicts never disagree about one subject.
 */
function weighed(F: FindingFacts, ordinals: readonly number[], count = ordinals.length, withDecisive = true): AspectEvidence {
  const findings = new Array<Finding>(count);
  for (let j = 0; j < count; j++) findings[j] = F.findings[ordinals[j]!]!;
  const w = weigh(findings, (_f, j) => F.rank[ordinals[j]!]!);
  for (let j = 0; j < count; j++) F.places.add(F.place[ordinals[j]!]!);
  const ids = F.places.take();
  for (let j = 0; j < count; j++) F.places.addSources(ordinals[j]!);
  const sources = F.places.length ? F.places.take() : EMPTY;
  return {
    strength: w.rank < 0 ? 'none' : strengthAt(w.rank),
    findings: ids,
    sources,
    verdict: w.value === 'none' ? null : w.value,
    // Mostly every finding is decisive: then they are the same list.
    decisive: !withDecisive || w.decisive.length === 0 ? EMPTY : w.decisive.length === findings.length ? ids : sorted(w.decisive.map((f) => f.id)),
  };
}

/** The evidence of finding k alone, made once and shared. */
function aloneEvidence(F: FindingFacts, k: number): AspectEvidence {
  let alone = F.alone[k];
  if (alone === undefined) {
    alone = weighed(F, [k]);
    Object.freeze(alone.findings);
    Object.freeze(alone.sources);
    F.alone[k] = alone = Object.freeze(alone);
  }
  return alone;
}

const NO_ASPECTS: Record<Aspect, AspectEvidence> = Object.freeze(
  Object.fromEntries(ASPECTS.map((a) => [a, NO_EVIDENCE])) as Record<Aspect, AspectEvidence>,
);

/** Evidence per aspect of node i's findings. */
function aspectsOf(F: FindingFacts, i: number): Record<Aspect, AspectEvidence> {
  const start = F.nodeStart[i]!;
  const end = F.nodeStart[i + 1]!;
  if (end === start) return NO_ASPECTS;
  if (end === start + 1) {
    // The common case: one finding, one aspect with evidence, alike for every node it is about.
    const k = F.nodeOrdinals[start]!;
    let aspects = F.aloneAspects[k];
    if (aspects === undefined) {
      aspects = { ...NO_ASPECTS };
      aspects[ASPECTS[F.aspect[k]!]!] = aloneEvidence(F, k);
      F.aloneAspects[k] = aspects = Object.freeze(aspects);
    }
    return aspects;
  }
  return {
    'goal-achievement': evidenceOn(F, start, end, 0),
    realisation: evidenceOn(F, start, end, 1),
    effectiveness: evidenceOn(F, start, end, 2),
    efficiency: evidenceOn(F, start, end, 3),
    'side-effects': evidenceOn(F, start, end, 4),
  };
}

/** The evidence of those findings (F.nodeOrdinals from start to end) that are on one aspect (by position in ASPECTS). */
function evidenceOn(F: FindingFacts, start: number, end: number, aspect: number): AspectEvidence {
  const ordinals = F.nodeOrdinals;
  // Counted first: most groups have one finding or none, and need no list (with the shared lists of strongest aspects, instrumentEvidence at 100k allocates 87 -> 74 MB).
  let count = 0;
  let last = -1;
  for (let j = start; j < end; j++) {
    if (F.aspect[ordinals[j]!] !== aspect) continue;
    count++;
    last = ordinals[j]!;
  }
  if (count <= 1) return count === 0 ? NO_EVIDENCE : aloneEvidence(F, last);
  const group = new Array<number>(count);
  for (let j = start, c = 0; j < end; j++) if (F.aspect[ordinals[j]!] === aspect) group[c++] = ordinals[j]!;
  return weighed(F, group);
}

/** The rank of the strongest of the aspects' evidence (named, not looped over: a fifth of instrumentEvidence's own time). */
const strongestRank = (aspects: Record<Aspect, AspectEvidence>): number =>
  Math.max(
    strengthRank(aspects['goal-achievement'].strength),
    strengthRank(aspects.realisation.strength),
    strengthRank(aspects.effectiveness.strength),
    strengthRank(aspects.efficiency.strength),
    strengthRank(aspects['side-effects'].strength),
  );

/** The ids of node i's findings and of their sources, in natural order. */
function evidenceIds(F: FindingFacts, i: number): string[] {
  const start = F.nodeStart[i]!;
  const end = F.nodeStart[i + 1]!;
  if (end === start + 1) {
    const k = F.nodeOrdinals[start]!;
    let own = F.ownEvidence[k];
    if (own === undefined) {
      F.places.add(F.place[k]!);
      F.places.addSources(k);
      F.ownEvidence[k] = own = Object.freeze(F.places.take()) as string[];
    }
    return own;
  }
  for (let j = start; j < end; j++) {
    F.places.add(F.place[F.nodeOrdinals[j]!]!);
    F.places.addSources(F.nodeOrdinals[j]!);
  }
  return F.places.take();
}

/** Every list of aspects (in the order of ASPECTS), by bit mask of their positions, made once and shared. */
const ASPECT_LISTS = Array.from({ length: 1 << ASPECTS.length }, (_, mask) => Object.freeze(ASPECTS.filter((_a, i) => mask & (1 << i))) as Aspect[]);
const NO_ASPECT_LIST = ASPECT_LISTS[0]!;

/** The aspects whose evidence is the strongest. */
function strongestAspects(aspects: Record<Aspect, AspectEvidence>, strength: EvidenceStrength): Aspect[] {
  let mask = 0;
  for (let i = 0; i < ASPECTS.length; i++) {
    const e = aspects[ASPECTS[i]!];
    if (e.strength === strength && e.findings.length) mask |= 1 << i;
  }
  return ASPECT_LISTS[mask]!;
}

/** What an instrument's findings that judge say. */
function judgedReasons(M: Messages, strength: EvidenceStrength, strongest: readonly Aspect[], aspects: Record<Aspect, AspectEvidence>, evaluations: number): string[] {
  const judged = flat(M.instrumentEvidence.strongest(strength, strongest, listIds(strongest.length === 1 ? aspects[strongest[0]!].findings : strongest.flatMap((a) => aspects[a].findings), M)));
  return evaluations === 0 ? [judged, M.instrumentEvidence.notEvaluated] : [judged];
}

/** Evidence per instrument, by node index. */
export function instrumentEvidence(ix: ReviewIndex, M: Messages): InstrumentEvidence[] {
  const F = findingFacts(ix);
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
  const aloneReasons: (string[] | undefined)[] = new Array<string[] | undefined>(F.findings.length).fill(undefined);
  const I = F.instruments;
  const n = ix.nodes.length;
  const ranks = new Uint8Array(n);
  const evidence = new Array<InstrumentEvidence>(n);
  for (let index = 0; index < n; index++) evidence[index] = evidenceOfInstrument(index);
  // The evidence of node `index`; it reads what findingFacts gathered, not the node.
  function evidenceOfInstrument(index: number): InstrumentEvidence {
    const realisation = I.realisation[index] === 1;
    const start = F.nodeStart[index]!;
    const end = F.nodeStart[index + 1]!;
    if (end === start) {
      ranks[index] = realisation ? REALISATION_RANK : 0;
      return {
        instrument: I.id[index]!,
        strength: realisation ? 'realisation' : 'none',
        aspects: NO_ASPECTS,
        evaluated: false,
        classifiedOnly: false,
        reasons: unevaluatedReasonsOf(realisation ? I.status[index]! : null),
        evidence: EMPTY,
      };
    }
    const aspects = aspectsOf(F, index);
    const rank = Math.max(realisation ? REALISATION_RANK : 0, strongestRank(aspects));
    ranks[index] = rank;
    const strength = strengthAt(rank);
    let evaluations = 0;
    let classifiedEvaluations = 0;
    for (let j = start; j < end; j++) {
      const k = F.nodeOrdinals[j]!;
      if (!ix.evaluationByOrdinal[k]) continue;
      evaluations++;
      classifiedEvaluations += F.classified[k]!;
    }
    let reasons: string[];
    // A lone finding that judges says the same for every instrument it is about (whether it judges
    // does not depend on the instrument): its reasons are made once.
    const alone = end === start + 1 ? F.nodeOrdinals[start]! : -1;
    const cached = alone >= 0 ? aloneReasons[alone] : undefined;
    const strongest = cached || strength === 'none' ? NO_ASPECT_LIST : strongestAspects(aspects, strength);
    if (cached) {
      reasons = cached;
    } else if (strongest.length === 0 && evaluations === 0) {
      // What an instrument without findings says, shared: its findings judge nothing (5k lists fewer at 100k).
      reasons = unevaluatedReasonsOf(strength === 'realisation' ? I.status[index]! : null);
    } else if (strongest.length === 0) {
      reasons = [strength === 'realisation' ? onlyRealisationOf(I.status[index]!) : M.instrumentEvidence.nothing];
    } else if (alone >= 0) {
      reasons = aloneReasons[alone] = Object.freeze(judgedReasons(M, strength, strongest, aspects, evaluations)) as string[];
    } else {
      reasons = judgedReasons(M, strength, strongest, aspects, evaluations);
    }
    return {
      instrument: I.id[index]!,
      strength,
      aspects,
      evaluated: evaluations > 0,
      classifiedOnly: evaluations > 0 && classifiedEvaluations === evaluations,
      reasons,
      evidence: evidenceIds(F, index),
    };
  }
  strengthRanks.set(evidence, ranks);
  return evidence;
}

/** Evidence of an objective or domain: its own findings and those of every instrument under it. */
export function rolledUpStrength(ix: ReviewIndex, ownIds: readonly string[], instruments: readonly InstrumentNode[], evidence: readonly InstrumentEvidence[]): EvidenceStrength {
  const judged = judgedRanks(ix);
  let rank = 0;
  for (let i = 0; i < ownIds.length; i++) rank = Math.max(rank, judged.get(ownIds[i]!) ?? 0);
  const ranks = strengthRanks.get(evidence) ?? Uint8Array.from(evidence, (e) => strengthRank(e.strength));
  const indices = nodeIndices(instruments);
  for (let k = 0; k < indices.length; k++) rank = Math.max(rank, ranks[indices[k]!]!);
  return strengthAt(rank);
}

/** The strength ranks of instrumentEvidence's results, by node index, for the roll-ups. */
const strengthRanks = new WeakMap<readonly InstrumentEvidence[], Uint8Array>();

/**
 * Per subject other than an instrument, the strength rank of its strongest judging finding, worked
 * out once: every domain reads those of all its objectives again (with the typed ranks, the
 * roll-ups at 100k went from 105 to 50 ms).
 */
function judgedRanks(ix: ReviewIndex): Map<string, number> {
  const F = findingFacts(ix);
  if (F.judged) return F.judged;
  const judged = (F.judged = new Map());
  // forEach, not for-of: no [subject, about] pair per entry (judgedRanks at 100k allocates 1.7 -> 0.4 MB).
  ix.findingsAbout.forEach((about, subject) => {
    let rank = -1;
    for (let j = 0; j < about.length; j++) if (isJudgement(about[j]!.verdict)) rank = Math.max(rank, ix.findingRank[ix.findingOrdinal.get(about[j]!)!]!);
    if (rank >= 0) judged.set(subject, rank);
  });
  return judged;
}

// Coverage of an instrument as bits, for the sums of scopes: reading 100k row objects again for
// every scope cost more than the sums themselves (with nodeIndices, analyseCoverage 278 -> 192 ms at 100k).
const EVALUATED = 1;
const STATES = [0, 0, 2, 4, 8] as const; // by position in ASPECTS: effectiveness, efficiency, side effects

/** Coverage per instrument, by node index, and the same as bits. */
function coverageRows(ix: ReviewIndex, F: FindingFacts): { rows: CoverageRow[]; covered: Uint8Array } {
  const n = ix.nodes.length;
  const covered = new Uint8Array(n);
  const rows = new Array<CoverageRow>(n);
  for (let index = 0; index < n; index++) {
    let bits = 0;
    for (let j = F.nodeStart[index]!; j < F.nodeStart[index + 1]!; j++) {
      const k = F.nodeOrdinals[j]!;
      if (ix.evaluationByOrdinal[k]) bits |= EVALUATED | F.stated[k]!;
    }
    covered[index] = bits;
    rows[index] = { id: F.instruments.id[index]!, evaluated: bits !== 0, effectiveness: (bits & STATES[2]) !== 0, efficiency: (bits & STATES[3]) !== 0, sideEffects: (bits & STATES[4]) !== 0 };
  }
  return { rows, covered };
}

/** Coverage by money before its shares are taken. */
type MoneyParts = { evaluated: number; effectiveness: number; efficiency: number; total: number; unknownParts: number };

function addMoney(money: MoneyParts, known: number, unknownParts: number, covered: number): void {
  money.total += known;
  money.unknownParts += unknownParts;
  if (covered & EVALUATED) money.evaluated += known;
  if (covered & STATES[2]) money.effectiveness += known;
  if (covered & STATES[3]) money.efficiency += known;
}

/**
 * Each instrument's own programme money (InstrumentCost.programme), by node index, read once for
 * every scope's sum: the scopes met each instrument's cost three or four times, in scattered order
 * (with the subtrees' findings as ordinals, coverage at 100k: 223 -> 215 ms, CPU median of 12).
 */
interface OwnProgramme {
  /** 1 when the instrument has programme money of its own. */
  has: Uint8Array;
  known: Float64Array;
  unknownParts: Int32Array;
}

function ownProgramme(at: Attribution): OwnProgramme {
  const n = at.costs.length;
  const own: OwnProgramme = { has: new Uint8Array(n), known: new Float64Array(n), unknownParts: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const s = at.costs[i]!.programme;
    if (!s) continue;
    own.has[i] = 1;
    own.known[i] = s.known;
    own.unknownParts[i] = s.unknownParts;
  }
  return own;
}

/**
 * The coverage of a scope, by count and by money. Coverage by money: the programme money of a
 * scope as the cost attribution splits it (attribution.ts), so that no euro counts twice and none
 * from another article counts at all. An instrument's own share counts as covered when the
 * instrument is; a joint cost counts once, for a scope that holds its whole group, and as covered
 * when every member of the group is; a joint cost that crosses the scope's border is no part of
 * the scope's money. The article also holds the programme money no instrument is named for, which
 * no evaluation covers.
 */
function coverageSummary(at: Attribution, own: OwnProgramme, scope: ScopeRef, instruments: readonly InstrumentNode[], covered: Uint8Array, list: EvaluationList): CoverageSummary {
  let evaluated = 0;
  let effectiveness = 0;
  let efficiency = 0;
  let sideEffects = 0;
  const money: MoneyParts = { evaluated: 0, effectiveness: 0, efficiency: 0, total: 0, unknownParts: 0 };
  const indices = nodeIndices(instruments);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k]!;
    const bits = covered[index]!;
    if (bits & EVALUATED) evaluated++;
    if (bits & STATES[2]) effectiveness++;
    if (bits & STATES[3]) efficiency++;
    if (bits & STATES[4]) sideEffects++;
    if (own.has[index]) addMoney(money, own.known[index]!, own.unknownParts[index]!, bits);
  }
  for (const g of jointGroupsIn(at, instruments).inside) {
    const group = at.groups[g]!;
    if (group.kind !== 'programme') continue;
    let bits = EVALUATED | STATES[2] | STATES[3];
    for (const m of group.members) bits &= covered[m]!;
    addMoney(money, group.amount.known, group.amount.unknownParts, bits);
  }
  if (scope.kind === 'article') for (const l of at.lines) if (l.kind === 'programme') addMoney(money, l.unattributed.known, l.unattributed.unknownParts, 0);
  const n = instruments.length;
  // Figures as locals and no closures per scope: the scopes' summaries at 100k allocate 7.0 -> 4.6 MB.
  const evaluatedMoney = round(money.evaluated);
  const effectivenessMoney = round(money.effectiveness);
  const efficiencyMoney = round(money.efficiency);
  const total = round(money.total);

  // When the review does not say which evaluations there are, coverage is unknown, not 0%: the
  // counts are what the file holds (a lower bound), the shares null.
  const unknown = list.status === 'unknown';
  // Shares of money are only known when every amount is: otherwise null, with the parts kept.
  const moneyKnown = !unknown && money.unknownParts === 0;
  return {
    scope,
    instruments: n,
    evaluationList: list,
    evaluated: countShare(evaluated, n, unknown),
    effectiveness: countShare(effectiveness, n, unknown),
    efficiency: countShare(efficiency, n, unknown),
    sideEffects: countShare(sideEffects, n, unknown),
    money: {
      evaluated: evaluatedMoney,
      effectiveness: effectivenessMoney,
      efficiency: efficiencyMoney,
      total,
      unknownParts: money.unknownParts,
      evaluatedShare: moneyKnown ? ratio(evaluatedMoney, total) : null,
      effectivenessShare: moneyKnown ? ratio(effectivenessMoney, total) : null,
      efficiencyShare: moneyKnown ? ratio(efficiencyMoney, total) : null,
    },
  };
}

/** A count of a scope's instruments as a share of them; without its share when the list of evaluations is unknown. */
const countShare = (count: number, n: number, unknown: boolean) => (unknown ? { count, total: n, share: null } : share(count, n));

export function analyseCoverage(ix: ReviewIndex, at: Attribution, scopes: { article: ScopeRef; domains: ScopeRef[]; objectives: ScopeRef[] }, M: Messages): CoverageAnalysis {
  const F = findingFacts(ix);
  const { rows, covered } = coverageRows(ix, F);
  const c = completenessOf(ix.review, 'evaluations');
  const list: EvaluationList = { status: c.status, stated: c.stated, known: c.known };
  const own = ownProgramme(at);
  const summary = (scope: ScopeRef, instruments: readonly InstrumentNode[]) => coverageSummary(at, own, scope, instruments, covered, list);
  const notEvaluated: NotEvaluated[] = [];

  // The reasons of an instrument without findings depend only on its status and whether money is
  // linked to it: one frozen list per pair, shared (48k lists fewer at 100k instruments).
  const sharedReasons = [new Map<RealisationStatus, string[]>(), new Map<RealisationStatus, string[]>()] as const;
  const reasonsFor = (status: RealisationStatus, other: readonly string[], financed: boolean): string[] => {
    const byStatus = status === 'not-realised' || status === 'pilot' || status === 'realised-after-period';
    // Made at its size (one pushed to would keep 17 slots for its 2–4 reasons).
    const reasons = new Array<string>(1 + (byStatus ? 1 : 0) + (other.length ? 1 : 0) + (financed ? 0 : 1));
    let r = 0;
    reasons[r++] = M.notEvaluated.instrument;
    if (byStatus) reasons[r++] = flat(M.notEvaluated.status(status));
    // Not evaluated: none of its findings is evaluation evidence.
    if (other.length) reasons[r++] = flat(M.notEvaluated.nonEvaluative(listIds(other, M)));
    if (!financed) reasons[r++] = M.notEvaluated.noExpenditure;
    return reasons;
  };
  const I = F.instruments;
  for (let index = 0; index < ix.nodes.length; index++) {
    if (covered[index]) continue;
    const id = I.id[index]!;
    const status = I.status[index]!;
    const financed = I.financed[index] === 1;
    if (F.nodeStart[index] === F.nodeStart[index + 1]) {
      const byStatus = sharedReasons[financed ? 1 : 0];
      let reasons = byStatus.get(status);
      if (!reasons) byStatus.set(status, (reasons = Object.freeze(reasonsFor(status, EMPTY, financed)) as string[]));
      notEvaluated.push({ kind: 'instrument', id, label: I.name[index]!, reasons, evidence: ix.idList(ix.nodes[index]!) });
      continue;
    }
    for (let j = F.nodeStart[index]!; j < F.nodeStart[index + 1]!; j++) F.places.add(F.place[F.nodeOrdinals[j]!]!);
    const other = F.places.take();
    notEvaluated.push({ kind: 'instrument', id, label: I.name[index]!, reasons: reasonsFor(status, other, financed), evidence: mergeIds([id], other) });
  }

  const subtrees = subtreeFindings(ix, F);
  for (let o = 0; o < ix.objectiveOrder.length; o++) {
    const { objective } = ix.objectiveOrder[o]!;
    const instruments = ix.instrumentsUnder.get(objective.id) ?? [];
    const direct = subtrees[o]!.some((k) => ix.evaluationByOrdinal[k] === 1);
    if (direct || nodeIndices(instruments).some((i) => covered[i] !== 0)) continue;
    notEvaluated.push({
      kind: 'objective',
      id: objective.id,
      label: objective.text,
      reasons: [instruments.length === 0 ? M.notEvaluated.objectiveWithoutInstruments : flat(M.notEvaluated.objective(instruments.length))],
      evidence: sorted([objective.id, ...instruments.map((i) => i.instrument.id)]),
    });
  }

  // Small scopes first (see analyze).
  const objectives = scopes.objectives.map((o) => summary(o, ix.instrumentsUnder.get(o.id) ?? []));
  const domains = scopes.domains.map((d) => summary(d, ix.instrumentsOfDomain.get(d.id) ?? []));
  return { instruments: rows, evaluationList: list, article: summary(scopes.article, ix.nodes), domains, objectives, notEvaluated };
}

const NO_CELL: GapCell = Object.freeze({ strength: 'none', verdict: null, sources: EMPTY, findings: EMPTY });
const cell = (e: AspectEvidence): GapCell => (e === NO_EVIDENCE ? NO_CELL : { strength: e.strength, verdict: e.verdict, sources: e.sources, findings: e.findings });

/** The cell of finding k alone, made once and shared by every row with only that finding on the aspect. */
const aloneCell = (F: FindingFacts, k: number): GapCell => (F.aloneCell[k] ??= Object.freeze(cell(aloneEvidence(F, k))));

/** The cell of an aspect's evidence on node i; that of one finding alone is made once and shared. */
function gapCell(F: FindingFacts, e: AspectEvidence, i: number): GapCell {
  if (e === NO_EVIDENCE) return NO_CELL;
  if (e.findings.length === 1) {
    for (let j = F.nodeStart[i]!; j < F.nodeStart[i + 1]!; j++) if (F.alone[F.nodeOrdinals[j]!] === e) return aloneCell(F, F.nodeOrdinals[j]!);
  }
  return cell(e);
}

/**
 * The cell of the first `count` findings (by ordinal) of a list: their evidence, less the decisive
 * findings the map does not show (gap map at 100k: 337 -> 293 ms).
 */
function groupCell(F: FindingFacts, ordinals: readonly number[], count: number): GapCell {
  if (count <= 1) return count === 0 ? NO_CELL : aloneCell(F, ordinals[0]!);
  const { strength, verdict, sources, findings } = weighed(F, ordinals, count, false);
  return { strength, verdict, sources, findings };
}

/**
 * The findings of one objective's row, per aspect of the map (effectiveness, efficiency, side
 * effects): lists reused from row to row, each filled up to its count.
 */
interface MapGroups {
  ordinals: [number[], number[], number[]];
  counts: Int32Array;
}

/** Finding k into its group of the map, once. */
function addToMap(F: FindingFacts, seen: Marks, groups: MapGroups, k: number): void {
  const a = F.aspect[k]! - EFFECTIVENESS;
  if (a >= 0 && seen.add(k)) groups.ordinals[a]![groups.counts[a]!++] = k;
}

/** Objectives (rolled up over their subtree) and their instruments × effectiveness, efficiency, side effects. */
export function gapMap(ix: ReviewIndex, evidence: readonly InstrumentEvidence[]): GapRow[] {
  const F = findingFacts(ix);
  const subtrees = subtreeFindings(ix, F);
  const order = ix.objectiveOrder;
  // Made at its size, and the groups reused: gapMap at 100k allocates 45 -> 38 MB.
  let size = order.length;
  for (let o = 0; o < order.length; o++) size += ix.instrumentsOf.get(order[o]!.objective.id)?.length ?? 0;
  const rows = new Array<GapRow>(size);
  let r = 0;
  const seen = new Marks(F.findings.length);
  const groups: MapGroups = { ordinals: [[], [], []], counts: new Int32Array(3) };
  for (let o = 0; o < order.length; o++) {
    const { objective, depth } = order[o]!;
    // The findings on the objective's subtree and its instruments, each once, for the three aspects of the map.
    groups.counts.fill(0);
    seen.reset();
    const own = subtrees[o]!;
    for (let j = 0; j < own.length; j++) addToMap(F, seen, groups, own[j]!);
    const under = nodeIndices(ix.instrumentsUnder.get(objective.id) ?? []);
    for (let k = 0; k < under.length; k++) {
      for (let j = F.nodeStart[under[k]!]!; j < F.nodeStart[under[k]! + 1]!; j++) addToMap(F, seen, groups, F.nodeOrdinals[j]!);
    }
    const { ordinals, counts } = groups;
    rows[r++] = {
      kind: 'objective',
      id: objective.id,
      label: objective.text,
      depth,
      domain: objective.domain,
      effectiveness: groupCell(F, ordinals[0], counts[0]!),
      efficiency: groupCell(F, ordinals[1], counts[1]!),
      sideEffects: groupCell(F, ordinals[2], counts[2]!),
    };
    // An objective without objectives below it serves exactly the instruments under it: their
    // indices are at hand, without reading each node again in scattered order (8% of the gap map's profile at 100k).
    const members = ix.childrenOf.has(objective.id) ? nodeIndices(ix.instrumentsOf.get(objective.id) ?? NO_NODES) : under;
    for (let m = 0; m < members.length; m++) {
      const index = members[m]!;
      const count = F.nodeStart[index + 1]! - F.nodeStart[index]!;
      let effectiveness = NO_CELL;
      let efficiency = NO_CELL;
      let sideEffects = NO_CELL;
      if (count === 1) {
        // One finding: its shared cell, without reading the instrument's evidence (gap map at 100k, in-process min of 15: 399 -> 337 ms).
        const k = F.nodeOrdinals[F.nodeStart[index]!]!;
        const a = F.aspect[k]! - EFFECTIVENESS;
        if (a === 0) effectiveness = aloneCell(F, k);
        else if (a === 1) efficiency = aloneCell(F, k);
        else if (a === 2) sideEffects = aloneCell(F, k);
      } else if (count > 1) {
        const aspects = evidence[index]!.aspects;
        effectiveness = gapCell(F, aspects.effectiveness, index);
        efficiency = gapCell(F, aspects.efficiency, index);
        sideEffects = gapCell(F, aspects['side-effects'], index);
      }
      const { id, name } = F.instruments;
      rows[r++] = { kind: 'instrument', id: id[index]!, label: name[index]!, depth: depth + 1, domain: objective.domain, effectiveness, efficiency, sideEffects };
    }
  }
  return rows;
}
