import type { EvidenceStrength, Finding, Source, SourceType, StudyDesign } from './review.js';

/**
/**
 * How strong a finding is, decided once for every use (coverage, verdicts, gap map, explain,
 * savings, report). The scale is EVIDENCE_STRENGTHS, weakest first:
 *
 *   none < realisation < plausibility < process < effect
 *
 * Where a finding (or its source) records the design of the study behind it, the strength comes
 * from the design, on the Maryland Scientific Methods Scale: only a comparison with a control
 * (levels 3–5) can demonstrate a contribution.
 *
 *   randomised (SMS 5), quasi-experimental (4), controlled (3)  → effect
 *   uncontrolled before/after or cross-section (2)              → process
 *   qualitative: case study, interviews, expert judgement       → process
 *   monitoring or output data                                   → plausibility
 *   document or policy theory                                   → plausibility
 *
 * Without a design, the strength the file declares is used. Either way it is capped by what the
 * source can carry: a progress report or a policy document never yields more than plausibility.
 */

/** The place of a strength on the ordered scale. Compared, not looked up: see `strengthRank`. */
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
const BY_RANK: readonly EvidenceStrength[] = ['none', 'realisation', 'plausibility', 'process', 'effect'];
export const strengthAt = (rank: number): EvidenceStrength => BY_RANK[rank]!;
export const maxStrength = (a: EvidenceStrength, b: EvidenceStrength): EvidenceStrength => (strengthRank(a) >= strengthRank(b) ? a : b);
export const minStrength = (a: EvidenceStrength, b: EvidenceStrength): EvidenceStrength => (strengthRank(a) <= strengthRank(b) ? a : b);

/** The strength a study design supports. */
export function designStrength(d: StudyDesign): EvidenceStrength {
  switch (d) {
    case 'randomised':
    case 'quasi-experimental':
    case 'controlled':
      return 'effect';
    case 'uncontrolled':
    case 'qualitative':
      return 'process';
    case 'monitoring':
    case 'document':
      return 'plausibility';
  }
}

/**
 * The most a source of this type can carry. Effect, strategy and research evaluations may be of
 * any design; process evaluations, inspections, audits, incident evaluations and monitors have no
 * comparison group by their nature; an ex-ante study precedes the effects; a progress report, a
 * policy document or anything else reports intentions and output. A source of unknown type may be
 * an evaluation, but nothing says it compared.
 */
export function sourceCap(type: SourceType): EvidenceStrength {
  switch (type) {
    case 'effect':
    case 'strategy':
    case 'research':
      return 'effect';
    case 'process':
    case 'inspection':
    case 'audit':
    case 'incident':
    case 'monitor':
    case 'unknown':
      return 'process';
    case 'ex-ante':
    case 'progress-report':
    case 'policy-document':
    case 'other':
      return 'plausibility';
  }
}

/** The review's own judgement, or a finding of unknown origin, is expert judgement at most. */
export const UNSOURCED_CAP: EvidenceStrength = 'plausibility';

export interface FindingStrength {
  /** The strength the analysis uses. */
  strength: EvidenceStrength;
  /** The strength the file declares. */
  declared: EvidenceStrength;
  /** The design the strength was derived from (the finding's, else its strongest source's), or null. */
  design: StudyDesign | null;
  /** The most its sources can carry. */
  cap: EvidenceStrength;
  /** Whether the cap lowered the strength (from the design, or the declared one). */
  capped: boolean;
}

/**
 * The strength of one finding. `sourceOf` returns the finding's sources that exist (unknown ids
 * are the loader's problem). A finding with several sources can carry what its strongest can.
 */
export function findingStrength(f: Finding, sources: readonly (Source | undefined)[]): FindingStrength {
  let cap: EvidenceStrength | null = null;
  let sourceDesign: StudyDesign | null = null;
  for (const s of sources) {
    if (!s) continue;
    const c = sourceCap(s.type);
    cap = cap === null ? c : maxStrength(cap, c);
    if (s.design && (sourceDesign === null || strengthRank(designStrength(s.design)) > strengthRank(designStrength(sourceDesign)))) sourceDesign = s.design;
  }
  if (cap === null) cap = f.origin === 'source' && sources.length > 0 ? 'process' : UNSOURCED_CAP;
  const design = f.design ?? sourceDesign;
  const wanted = design ? designStrength(design) : f.strength;
  const strength = minStrength(wanted, cap);
  return { strength, declared: f.strength, design, cap, capped: strength !== wanted };
}

/**
 * Validation warnings for findings whose declared strength (or design) is more than their sources
 * can carry: the analysis caps them, and the file should say what its sources support.
 */
export function strengthWarnings(review: { findings: readonly Finding[]; sources: readonly Source[] }): { path: (string | number)[]; message: string; hint: string; code: 'inconsistent'; severity: 'warning' }[] {
  const sources = new Map(review.sources.map((s) => [s.id, s]));
  const out: { path: (string | number)[]; message: string; hint: string; code: 'inconsistent'; severity: 'warning' }[] = [];
  review.findings.forEach((f, i) => {
    const s = findingStrength(f, f.sources.map((x) => sources.get(x.source)));
    if (!s.capped) return;
    const what = s.design ? `the study design "${s.design}"` : `the declared strength "${f.strength}"`;
    out.push({
      path: ['findings', i, s.design && f.design ? 'design' : 'strength'],
      code: 'inconsistent',
      severity: 'warning',
      message: `${what} is more than ${f.sources.length ? 'its sources' : "the review's own judgement"} can carry (at most "${s.cap}"); the analysis uses "${s.strength}"`,
      hint: f.sources.length ? 'lower the strength, or correct the type of the source if it is an evaluation that can carry more' : 'lower the strength, or cite the study the judgement rests on',
    });
  });
  return out;
}
