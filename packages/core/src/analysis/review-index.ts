import { EVALUATION_SOURCE_TYPES, type Aspect, type BudgetLine, type Finding, type Instrument, type Objective, type Review, type Source, type SourceType } from '../model/review.js';

/** Source types that count as an evaluation (RPE question 8). */
import { findingStrength, strengthRank, type FindingStrength } from '../model/strength.js';
import { compareIds } from './ids.js';

export const EVALUATION_TYPES: ReadonlySet<SourceType> = new Set<SourceType>(EVALUATION_SOURCE_TYPES);

/**
 * An instrument with what the analysis reads of it. Scopes hold these and per-instrument results
 * live in arrays by `index`: at 100,000 instruments, looking instruments up by id in maps cost more
 * than the analysis itself (each lookup a cache miss in a large table). Loops over the instruments
 * of a scope are indexed rather than `for…of`, which allocates a result object per element until
 * the optimising compiler takes the loop over: the scopes meet every instrument several times.
 */
export interface InstrumentNode {
  instrument: Instrument;
  /** Its position in `review.instruments`. */
  index: number;
  /** The findings about it, each once, in input order. */
  findings: readonly Finding[];
  /** Their positions in `review.findings` (see `ReviewIndex.findingOrdinal`). */
  findingOrdinals: readonly number[];
  /** The ids of the budget lines (of any kind) financing it. */
  lines: readonly string[];
}

/**
 * Lookups built once per analysis so that every rule runs in linear time: by id, children per
 * objective, instruments per objective subtree, findings per subject.
 */
export interface ReviewIndex {
  review: Review;
  objectives: Map<string, Objective>;
  /** One node per instrument, in input order (`nodes[i].index === i`). */
  nodes: InstrumentNode[];
  /**
   * The instruments' ids by node index, read once: a pass over them reads this list instead of
   * each node and its instrument, scattered over the heap (the realisation table shares it).
   */
  instrumentIds: readonly string[];
  nodeOf: Map<string, InstrumentNode>;
  /**
   * Whether the instruments' ids, in input order, are in natural order without repeats (compareIds),
   * as a review's mostly are: then the ids of instruments listed in input order are in natural order
   * too, and need no sorting (sortIds would scan each id again only to copy the list).
   */
  instrumentIdsInOrder: boolean;
  sources: Map<string, Source>;
  lines: Map<string, BudgetLine>;
  /** Objectives in policy-tree order (parents before children), with depth. */
  objectiveOrder: { objective: Objective; depth: number }[];
  childrenOf: Map<string, Objective[]>;
  /** The ids of every objective below an objective in the policy tree. */
  descendantsOf: (id: string) => string[];
  /** Instruments serving exactly this objective, in input order. */
  instrumentsOf: Map<string, InstrumentNode[]>;
  /** Instruments serving an objective or any of its descendants, in input order. */
  instrumentsUnder: Map<string, InstrumentNode[]>;
  /** Instruments of a domain (through their objective), in input order. */
  instrumentsOfDomain: Map<string, InstrumentNode[]>;
  objectivesOfDomain: Map<string, Objective[]>;
  /** Findings per subject other than an instrument (those are on its node). */
  findingsAbout: Map<string, Finding[]>;
  /**
   * The ordinals of the findings on one aspect about a subject other than an instrument, each
   * once, in input order. Every objective reads its domain's findings on goal achievement: at
   * 100k instruments, passing over all of a domain's findings (about 350) for each of 10,000
   * objectives to pick that aspect was a twentieth of the analysis.
   */
  findingsOn: (aspect: Aspect, subject: string) => readonly number[];
  /**
   * A finding's position in `review.findings`: numbers findings for `Marks`. Made on first read:
   * for rules that hold findings rather than their ordinals (`findingOrdinals`, `findingsOn`); keyed by 50k findings at 100k instruments, it cost a fifth of findingsBySubject.
   */
  readonly findingOrdinal: Map<Finding, number>;
  /** Per finding ordinal, the strength the analysis uses (strength.ts) and how it was derived. */
  findingStrength: FindingStrength[];
  /** The rank of that strength (strengthRank), per finding ordinal. */
  findingRank: Uint8Array;
  /** Whether a finding counts as evaluation evidence (its source is an evaluation). */
  isEvaluationFinding: (f: Finding) => boolean;
  /**
   * The same, per finding ordinal (1: evaluation evidence), for loops over a node's
   * `findingOrdinals`: looking a finding up in a set by object was a sixth of instrumentEvidence at
   * 100k instruments (with its shared reasons, 3–5% less CPU time for analyze).
   */
  evaluationByOrdinal: Uint8Array;
  /** Indicators with a known value, per subject. */
  indicatorsAbout: Map<string, string[]>;
  /**
   * The instrument's id as a one-element list, made once and shared (frozen) by every verdict and
   * entry whose evidence is the instrument alone: not applicable, not determinable, not evaluated.
   * With the other shared, frozen parts of verdicts (gates, reasons, headlines, shares), the output
   * at 100k instruments went from 2.57M to 1.95M objects, 264 to 218 MB.
   */
  idList: (node: InstrumentNode) => string[];
}

/** A node while the index is built; shared empty lists until a first entry. */
type MutableNode = { -readonly [K in keyof InstrumentNode]: InstrumentNode[K] extends readonly (infer T)[] ? T[] : InstrumentNode[K] };
const NONE = Object.freeze([]) as unknown as never[];

const listIn = <K, V>(map: Map<K, V[]>, key: K): V[] => {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
};

/*
 * The index is built by one function per part, each a loop of its own: in one long function, the
 * engine compiled the first loop over 100k instruments on the spot (on-stack replacement) without
 * knowing the code after it, and fell back out of it when it got there, several times over; the
 * later loops ran uncompiled. Apart, each is compiled with all it runs seen: built alone and
 * repeatedly, 11% fewer instructions at 20k instruments (callgrind), at 100k 328 -> 255 ms (min of 12).
 */
export function indexReview(review: Review): ReviewIndex {
  const objectives = byId(review.policyTree.objectives);
  const sources = byId(review.sources);
  const { childrenOf, objectiveOrder } = policyTree(review, objectives);
  const { nodes, instrumentIds, nodeOf, instrumentIdsInOrder, instrumentsOf, instrumentsUnder, instrumentsOfDomain } = instrumentNodes(review, objectives);
  const { findingsAbout, byAspect } = findingsBySubject(review, nodeOf);
  linkLines(review, nodeOf);
  const { evaluationByOrdinal, findingStrengths, findingRank } = judgeFindings(review, sources);

  let findingOrdinal: Map<Finding, number> | undefined;
  const ordinalOf = () => (findingOrdinal ??= ordinalsOf(review.findings));
  const objectivesOfDomain = new Map<string, Objective[]>();
  for (let k = 0; k < objectiveOrder.length; k++) listIn(objectivesOfDomain, objectiveOrder[k]!.objective.domain).push(objectiveOrder[k]!.objective);

  const indicatorsAbout = new Map<string, string[]>();
  for (let k = 0; k < review.indicators.length; k++) {
    const { value, subjects, id } = review.indicators[k]!;
    if (value !== null) for (let j = 0; j < subjects.length; j++) if (subjects.indexOf(subjects[j]!) === j) listIn(indicatorsAbout, subjects[j]!).push(id);
  }

  const idLists: (string[] | undefined)[] = new Array(nodes.length);
  const idList = (node: InstrumentNode) => (idLists[node.index] ??= Object.freeze([node.instrument.id]) as string[]);

  return {
    review,
    idList,
    descendantsOf: descendantLists(childrenOf),
    objectives,
    nodes,
    instrumentIds,
    nodeOf,
    instrumentIdsInOrder,
    sources,
    lines: byId(review.budgetLines),
    objectiveOrder,
    childrenOf,
    instrumentsOf,
    instrumentsUnder,
    instrumentsOfDomain,
    objectivesOfDomain,
    findingsAbout,
    findingsOn: (aspect, subject) => byAspect.get(aspect)?.get(subject) ?? NONE,
    get findingOrdinal() {
      return ordinalOf();
    },
    findingStrength: findingStrengths,
    findingRank,
    // By ordinal, not from a set of its own: with a set of the 50k findings, judgeFindings took 39 instead of 18 ms at 100k.
    isEvaluationFinding: (f) => evaluationByOrdinal[ordinalOf().get(f) ?? -1] === 1,
    evaluationByOrdinal,
    indicatorsAbout,
  };
}

/** Records by id (the last of a repeated id, as the loader reports repeats). */
function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (let k = 0; k < records.length; k++) out.set(records[k]!.id, records[k]!);
  return out;
}

/** The children of each objective, and the objectives in tree order (each domain's in turn). */
function policyTree(review: Review, objectives: ReadonlyMap<string, Objective>) {
  const childrenOf = new Map<string, Objective[]>();
  const roots: Objective[] = [];
  // Indexed loops, as over the instruments (see InstrumentNode): for…of over the roots once per
  // domain allocated 3.7 MB of iterator results at 100k instruments (10,000 objectives, sampled).
  const all = review.policyTree.objectives;
  for (let k = 0; k < all.length; k++) {
    const o = all[k]!;
    if (o.parent && objectives.has(o.parent)) listIn(childrenOf, o.parent).push(o);
    else roots.push(o);
  }
  const objectiveOrder: { objective: Objective; depth: number }[] = [];
  const visit = (o: Objective, depth: number, seen: Set<string>) => {
    if (seen.has(o.id)) return;
    seen.add(o.id);
    objectiveOrder.push({ objective: o, depth });
    const children = childrenOf.get(o.id);
    if (children) for (let k = 0; k < children.length; k++) visit(children[k]!, depth + 1, seen);
  };
  const seen = new Set<string>();
  const { domains } = review.policyTree;
  for (let d = 0; d < domains.length; d++) for (let k = 0; k < roots.length; k++) if (roots[k]!.domain === domains[d]!.id) visit(roots[k]!, 0, seen);
  for (let k = 0; k < roots.length; k++) visit(roots[k]!, 0, seen);
  return { childrenOf, objectiveOrder };
}

/** One node per instrument, in the lists of its objective, of each objective above it and of its domain. */
function instrumentNodes(review: Review, objectives: ReadonlyMap<string, Objective>) {
  // Instruments are many and objectives few: the lists an instrument joins are found once per
  // objective, not once per instrument. The lists are counted first and made at their size: grown
  // by push, the 440k entries of the index's lists at 100k instruments were copied as they grew,
  // and the lists kept up to half their slots empty for the whole analysis (85 -> 70 ms at 100k).
  const under = new Map<string, Slot>();
  const own = new Map<string, Slot>();
  const ofDomain = new Map<string, Slot>();
  const slotIn = (slots: Map<string, Slot>, key: string): Slot => {
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { list: NONE, size: 0, filled: 0 }));
    return slot;
  };
  const groupOf = new Map<string, Group>();
  const groupFor = (objectiveId: string): Group => {
    let group = groupOf.get(objectiveId);
    if (group) return group;
    group = { slots: [slotIn(own, objectiveId)], size: 0 };
    const chain = new Set<string>();
    for (let o = objectives.get(objectiveId); o && !chain.has(o.id); o = o.parent ? objectives.get(o.parent) : undefined) {
      chain.add(o.id);
      group.slots.push(slotIn(under, o.id));
    }
    const domain = objectives.get(objectiveId)?.domain;
    if (domain) group.slots.push(slotIn(ofDomain, domain));
    groupOf.set(objectiveId, group);
    return group;
  };
  const n = review.instruments.length;
  const nodes = new Array<MutableNode>(n);
  const instrumentIds = new Array<string>(n);
  const groups = new Array<Group>(n);
  const nodeOf = new Map<string, MutableNode>();
  let instrumentIdsInOrder = true;
  for (let index = 0; index < n; index++) {
    const ins = review.instruments[index]!;
    const node: MutableNode = { instrument: ins, index, findings: NONE, findingOrdinals: NONE, lines: NONE };
    nodes[index] = node;
    instrumentIds[index] = ins.id;
    nodeOf.set(ins.id, node);
    if (instrumentIdsInOrder && index > 0 && compareIds(nodes[index - 1]!.instrument.id, ins.id) >= 0) instrumentIdsInOrder = false;
    (groups[index] = groupFor(ins.objective)).size++;
  }
  groupOf.forEach((group) => {
    for (let k = 0; k < group.slots.length; k++) group.slots[k]!.size += group.size;
  });
  const lists = (slots: Map<string, Slot>) => {
    const out = new Map<string, InstrumentNode[]>();
    slots.forEach((slot, key) => out.set(key, (slot.list = new Array<InstrumentNode>(slot.size))));
    return out;
  };
  const instrumentsOf = lists(own);
  const instrumentsUnder = lists(under);
  const instrumentsOfDomain = lists(ofDomain);
  fillLists(nodes, groups);
  return { nodes, instrumentIds, nodeOf, instrumentIdsInOrder, instrumentsOf, instrumentsUnder, instrumentsOfDomain };
}

type Slot = { list: InstrumentNode[]; size: number; filled: number };
type Group = { slots: Slot[]; size: number };

/** Each node into the lists of its group, in input order: a loop of its own (see indexReview). */
function fillLists(nodes: readonly InstrumentNode[], groups: readonly Group[]): void {
  for (let index = 0; index < nodes.length; index++) {
    const slots = groups[index]!.slots;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      slot.list[slot.filled++] = nodes[index]!;
    }
  }
}

/** Findings about an instrument go to its node (each once); the rest by subject, and by aspect and subject. */
function findingsBySubject(review: Review, nodeOf: ReadonlyMap<string, MutableNode>) {
  const findingsAbout = new Map<string, Finding[]>();
  const byAspect = new Map<Aspect, Map<string, number[]>>();
  const { findings } = review;
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    const subjects = f.subjects;
    for (let j = 0; j < subjects.length; j++) {
      const subject = subjects[j]!;
      if (j > 0 && subjects.indexOf(subject) !== j) continue;
      const node = nodeOf.get(subject);
      if (!node) {
        listIn(findingsAbout, subject).push(f);
        let onAspect = byAspect.get(f.aspect);
        if (!onAspect) byAspect.set(f.aspect, (onAspect = new Map()));
        listIn(onAspect, subject).push(k);
      } else if (node.findings === NONE) {
        node.findings = [f];
        node.findingOrdinals = [k];
      } else {
        node.findings.push(f);
        node.findingOrdinals.push(k);
      }
    }
  }
  return { findingsAbout, byAspect };
}

/** Each finding's position (the last, should a finding be listed twice). */
function ordinalsOf(findings: readonly Finding[]): Map<Finding, number> {
  const out = new Map<Finding, number>();
  for (let k = 0; k < findings.length; k++) out.set(findings[k]!, k);
  return out;
}

/** The budget lines financing each instrument, on its node (each once). */
function linkLines(review: Review, nodeOf: ReadonlyMap<string, MutableNode>): void {
  for (const line of review.budgetLines) {
    const ids = line.instruments;
    for (let j = 0; j < ids.length; j++) {
      const node = nodeOf.get(ids[j]!);
      if (!node || (j > 0 && ids.indexOf(ids[j]!) !== j)) continue;
      if (node.lines === NONE) node.lines = [line.id];
      else node.lines.push(line.id);
    }
  }
}

/** Per finding, in one pass over its sources: whether it is evaluation evidence, and its strength. */
function judgeFindings(review: Review, sources: ReadonlyMap<string, Source>) {
  const { findings } = review;
  const evaluationByOrdinal = new Uint8Array(findings.length);
  const findingStrengths: FindingStrength[] = [];
  const findingRank = new Uint8Array(findings.length);
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    const itsSources = new Array<Source | undefined>(f.sources.length);
    let evaluation = false;
    for (let j = 0; j < f.sources.length; j++) {
      const s = (itsSources[j] = sources.get(f.sources[j]!.source));
      if (EVALUATION_TYPES.has(s?.type ?? 'unknown')) evaluation = true;
    }
    if (evaluation) evaluationByOrdinal[k] = 1;
    const strength = findingStrength(f, itsSources);
    findingStrengths.push(strength);
    findingRank[k] = strengthRank(strength.strength);
  }
  return { evaluationByOrdinal, findingStrengths, findingRank };
}

/**
 * The descendants of an objective, in the order of a depth-first walk taking the last child
 * first, as they always were. Every objective asks for them three or four times (its own ids,
 * coverage, goal achievement): each list is made once, from its children's, and shared (frozen).
 */
function descendantLists(childrenOf: ReadonlyMap<string, Objective[]>): (id: string) => string[] {
  const descendants = new Map<string, string[]>();
  const descendantsOf = (id: string): string[] => {
    let out = descendants.get(id);
    if (out) return out;
    // Only objectives with children get an entry: most have none, and the map stays small.
    const children = childrenOf.get(id);
    if (!children) return NONE;
    descendants.set(id, NONE); // a cycle (the loader refuses them) ends here
    out = [];
    for (let k = children.length - 1; k >= 0; k--) {
      const c = children[k]!;
      out.push(c.id);
      const below = descendantsOf(c.id);
      for (let j = 0; j < below.length; j++) out.push(below[j]!);
    }
    descendants.set(id, Object.freeze(out) as string[]);
    return out;
  };
  return descendantsOf;
}
