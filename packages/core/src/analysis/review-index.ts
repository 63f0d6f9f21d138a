import { EVALUATION_SOURCE_TYPES, type Aspect, type BudgetLine, type Finding, type Instrument, type Objective, type Review, type Source, type SourceType } from '../model/review.js';

/** Source types that count as an evaluation (RPE question 8). */
import { findingStrength, strengthRank, type FindingStrength } from '../model/strength.js';

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
  nodeOf: Map<string, InstrumentNode>;
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
  /** A finding's position in `review.findings`: numbers findings for `Marks`. */
  findingOrdinal: Map<Finding, number>;
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

export function indexReview(review: Review): ReviewIndex {
  const objectives = new Map(review.policyTree.objectives.map((o) => [o.id, o]));
  const sources = new Map(review.sources.map((s) => [s.id, s]));

  const childrenOf = new Map<string, Objective[]>();
  const roots: Objective[] = [];
  for (const o of review.policyTree.objectives) {
    if (o.parent && objectives.has(o.parent)) listIn(childrenOf, o.parent).push(o);
    else roots.push(o);
  }
  const objectiveOrder: { objective: Objective; depth: number }[] = [];
  const visit = (o: Objective, depth: number, seen: Set<string>) => {
    if (seen.has(o.id)) return;
    seen.add(o.id);
    objectiveOrder.push({ objective: o, depth });
    for (const c of childrenOf.get(o.id) ?? []) visit(c, depth + 1, seen);
  };
  const seen = new Set<string>();
  for (const d of review.policyTree.domains) for (const o of roots) if (o.domain === d.id) visit(o, 0, seen);
  for (const o of roots) visit(o, 0, seen);

  // Instruments are many and objectives few: the lists an instrument joins (its objective's, its
  // ancestors' and its domain's) are found once per objective, not once per instrument.
  const instrumentsUnder = new Map<string, InstrumentNode[]>();
  const instrumentsOf = new Map<string, InstrumentNode[]>();
  const instrumentsOfDomain = new Map<string, InstrumentNode[]>();
  const listsOf = new Map<string, InstrumentNode[][]>();
  const listsFor = (objectiveId: string): InstrumentNode[][] => {
    let lists = listsOf.get(objectiveId);
    if (lists) return lists;
    lists = [listIn(instrumentsOf, objectiveId)];
    const chain = new Set<string>();
    for (let o = objectives.get(objectiveId); o && !chain.has(o.id); o = o.parent ? objectives.get(o.parent) : undefined) {
      chain.add(o.id);
      lists.push(listIn(instrumentsUnder, o.id));
    }
    const domain = objectives.get(objectiveId)?.domain;
    if (domain) lists.push(listIn(instrumentsOfDomain, domain));
    listsOf.set(objectiveId, lists);
    return lists;
  };
  const nodes: MutableNode[] = [];
  const nodeOf = new Map<string, MutableNode>();
  for (let index = 0; index < review.instruments.length; index++) {
    const ins = review.instruments[index]!;
    const node: MutableNode = { instrument: ins, index, findings: NONE, findingOrdinals: NONE, lines: NONE };
    nodes.push(node);
    nodeOf.set(ins.id, node);
    const lists = listsFor(ins.objective);
    for (let k = 0; k < lists.length; k++) lists[k]!.push(node);
  }

  // Findings and lines about an instrument go to its node; the rest by subject.
  const findingsAbout = new Map<string, Finding[]>();
  const byAspect = new Map<Aspect, Map<string, number[]>>();
  const findingOrdinal = new Map<Finding, number>();
  review.findings.forEach((f, k) => {
    findingOrdinal.set(f, k);
    f.subjects.forEach((subject, j) => {
      if (f.subjects.indexOf(subject) !== j) return;
      const node = nodeOf.get(subject);
      if (!node) {
        listIn(findingsAbout, subject).push(f);
        let onAspect = byAspect.get(f.aspect);
        if (!onAspect) byAspect.set(f.aspect, (onAspect = new Map()));
        listIn(onAspect, subject).push(k);
        return;
      }
      if (node.findings === NONE) {
        node.findings = [f];
        node.findingOrdinals = [k];
      } else {
        node.findings.push(f);
        node.findingOrdinals.push(k);
      }
    });
  });
  for (const line of review.budgetLines) {
    line.instruments.forEach((id, j) => {
      const node = nodeOf.get(id);
      if (!node || line.instruments.indexOf(id) !== j) return;
      if (node.lines === NONE) node.lines = [line.id];
      else node.lines.push(line.id);
    });
  }

  const objectivesOfDomain = new Map<string, Objective[]>();
  for (const { objective } of objectiveOrder) listIn(objectivesOfDomain, objective.domain).push(objective);

  const evaluationFindings = new Set<Finding>();
  const evaluationByOrdinal = new Uint8Array(review.findings.length);
  review.findings.forEach((f, k) => {
    if (!f.sources.some((r) => EVALUATION_TYPES.has(sources.get(r.source)?.type ?? 'unknown'))) return;
    evaluationFindings.add(f);
    evaluationByOrdinal[k] = 1;
  });

  const findingStrengths = review.findings.map((f) => findingStrength(f, f.sources.map((s) => sources.get(s.source))));
  const findingRank = Uint8Array.from(findingStrengths, (x) => strengthRank(x.strength));

  const indicatorsAbout = new Map<string, string[]>();
  for (const ind of review.indicators) if (ind.value !== null) for (const s of new Set(ind.subjects)) listIn(indicatorsAbout, s).push(ind.id);

  const descendantsOf = (id: string): string[] => {
    const out: string[] = [];
    const stack = [...(childrenOf.get(id) ?? [])];
    while (stack.length) {
      const o = stack.pop()!;
      out.push(o.id);
      stack.push(...(childrenOf.get(o.id) ?? []));
    }
    return out;
  };

  const idLists: (string[] | undefined)[] = new Array(nodes.length);
  const idList = (node: InstrumentNode) => (idLists[node.index] ??= Object.freeze([node.instrument.id]) as string[]);

  return {
    review,
    idList,
    descendantsOf,
    objectives,
    nodes,
    nodeOf,
    sources,
    lines: new Map(review.budgetLines.map((l) => [l.id, l])),
    objectiveOrder,
    childrenOf,
    instrumentsOf,
    instrumentsUnder,
    instrumentsOfDomain,
    objectivesOfDomain,
    findingsAbout,
    findingsOn: (aspect, subject) => byAspect.get(aspect)?.get(subject) ?? NONE,
    findingOrdinal,
    findingStrength: findingStrengths,
    findingRank,
    isEvaluationFinding: (f) => evaluationFindings.has(f),
    evaluationByOrdinal,
    indicatorsAbout,
  };
}
