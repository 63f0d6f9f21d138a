import { filterReviewForAudience } from '../audience/index.js';
import type { Review, StudyDesign, EvidenceStrength, Aspect, Verdict, SourceType, Classification, BudgetKind } from '../model/review.js';
import { nearest } from '../util/nearest.js';
import { findingStrength, sourceCap } from './strength.js';
import type { Assessment, CoverageRow, Explained, InstrumentEvidence, InstrumentVerdicts, SmartCheck, SteppedVerdicts, Sum } from './types.js';
import { sum } from './numbers.js';

/** A verdict an item feeds: the subject, the step, and the value it has. */
export interface Feed {
  kind: 'instrument' | 'objective' | 'domain' | 'article';
  id: string;
  step: 'goalAchievement' | 'realisation' | 'effectiveness' | 'plausibility' | 'contribution' | 'efficiency';
  value: string;
}

interface Base {
  id: string;
  label: string;
  /** Every verdict whose evidence includes this item (for a source: or one of its findings). */
  feeds: Feed[];
}

export type Explanation =
  | (Base & {
      kind: 'instrument';
      /** Every step's value, with its reasons and evidence. */
      steps: InstrumentVerdicts;
      evidence: InstrumentEvidence;
      coverage: CoverageRow;
      cost: Assessment['costAttribution']['instruments'][string];
      notEvaluated: string[] | null;
    })
  | (Base & { kind: 'objective' | 'domain' | 'article'; verdicts: SteppedVerdicts; smart: SmartCheck | null })
  | (Base & {
      kind: 'finding';
      aspect: Aspect;
      verdict: Verdict;
      subjects: string[];
      sources: string[];
      origin: 'source' | 'review' | 'unknown';
      /** The strength the file declares, the one polev uses, the design behind it and the sources' cap. */
      strength: { declared: EvidenceStrength; used: EvidenceStrength; design: StudyDesign | null; cap: EvidenceStrength; capped: boolean };
    })
  | (Base & { kind: 'source'; type: SourceType; design: StudyDesign | null; classification: Classification; cap: EvidenceStrength; findings: string[] })
  | (Base & { kind: 'budget-line'; lineKind: BudgetKind; instruments: string[]; total: Sum })
  | (Base & { kind: 'indicator'; value: number | null; unit: string | null; referenceDate: string | null; subjects: string[] })
  | (Base & { kind: 'conclusion'; subjects: string[]; findings: string[] })
  | (Base & { kind: 'recommendation'; addresses: string[] });

/** An id the review does not have, with the nearest ids it does. */
export interface UnknownId {
  kind: 'unknown';
  id: string;
  didYouMean: string[];
}

/**
 * What an item is and which verdicts it feeds, for every kind of id: instrument (every step's
 * value), objective, domain, the article, finding, source, budget line, indicator, conclusion,
 * recommendation. `review` is the reviewed file; it is filtered for the assessment's audience
 * first, so an explanation of a public view cannot show what that view left out. An unknown id
 * gives the nearest ids ("did you mean").
 */
export function explain(a: Assessment, id: string, review: Review): Explanation | UnknownId {
  const r = a.audience && a.audience.level !== 'full' ? filterReviewForAudience(review, a.audience.level).review : review;
  const feeds = (ids: ReadonlySet<string>) => feedsOf(a, ids);
  const one = new Set([id]);

  const index = a.verdicts.instruments.findIndex((v) => v.instrument === id);
  if (index >= 0) {
    const ins = r.instruments.find((i) => i.id === id);
    return {
      kind: 'instrument',
      id,
      label: ins?.name ?? id,
      steps: a.verdicts.instruments[index]!,
      evidence: a.evidence.instruments.find((e) => e.instrument === id)!,
      coverage: a.coverage.instruments.find((c) => c.id === id)!,
      cost: a.costAttribution.instruments[id]!,
      notEvaluated: a.coverage.notEvaluated.find((n) => n.kind === 'instrument' && n.id === id)?.reasons ?? null,
      feeds: feeds(one).filter((f) => !(f.kind === 'instrument' && f.id === id)),
    };
  }
  const v =
    a.verdicts.objectives.find((x) => x.scope.id === id) ?? a.verdicts.domains.find((x) => x.scope.id === id) ?? (a.verdicts.article.scope.id === id ? a.verdicts.article : undefined);
  if (v) return { kind: v.scope.kind, id, label: v.scope.label, verdicts: v, smart: a.smart.find((s) => s.objective === id) ?? null, feeds: feeds(one).filter((f) => f.id !== id) };

  const f = r.findings.find((x) => x.id === id);
  if (f) {
    const sources = f.sources.map((s) => s.source);
    const s = findingStrength(f, sources.map((sid) => r.sources.find((x) => x.id === sid)));
    return {
      kind: 'finding',
      id,
      label: f.statement,
      aspect: f.aspect,
      verdict: f.verdict,
      subjects: f.subjects,
      sources,
      origin: f.origin,
      strength: { declared: f.strength, used: s.strength, design: s.design, cap: s.cap, capped: s.capped },
      feeds: feeds(one),
    };
  }
  const src = r.sources.find((x) => x.id === id);
  if (src) {
    const findings = r.findings.filter((x) => x.sources.some((s) => s.source === id)).map((x) => x.id);
    return { kind: 'source', id, label: src.title, type: src.type, design: src.design ?? null, classification: src.classification, cap: sourceCap(src.type), findings, feeds: feeds(new Set([id, ...findings])) };
  }
  const line = r.budgetLines.find((x) => x.id === id);
  if (line) {
    return { kind: 'budget-line', id, label: line.name, lineKind: line.kind, instruments: line.instruments, total: sum(line.expenditures.map((e) => e.amount)), feeds: feeds(one) };
  }
  const ind = r.indicators.find((x) => x.id === id);
  if (ind) return { kind: 'indicator', id, label: ind.name, value: ind.value, unit: ind.unit ?? null, referenceDate: ind.referenceDate ?? null, subjects: ind.subjects, feeds: feeds(one) };
  const con = r.conclusions.find((x) => x.id === id);
  if (con) return { kind: 'conclusion', id, label: con.text, subjects: con.subjects, findings: con.findings, feeds: feeds(new Set(con.findings)) };
  const rec = r.recommendations.find((x) => x.id === id);
  if (rec) return { kind: 'recommendation', id, label: rec.text, addresses: rec.addresses, feeds: [] };

  const near = nearest(id, allIds(r, a));
  return { kind: 'unknown', id, didYouMean: near === undefined ? [] : [near] };
}

function allIds(r: Review, a: Assessment): string[] {
  return [
    a.verdicts.article.scope.id,
    ...r.policyTree.domains.map((x) => x.id),
    ...r.policyTree.objectives.map((x) => x.id),
    ...r.instruments.map((x) => x.id),
    ...r.findings.map((x) => x.id),
    ...r.sources.map((x) => x.id),
    ...r.budgetLines.map((x) => x.id),
    ...r.indicators.map((x) => x.id),
    ...r.conclusions.map((x) => x.id),
    ...r.recommendations.map((x) => x.id),
  ];
}

/** The verdicts whose evidence includes any of `ids`. */
function feedsOf(a: Assessment, ids: ReadonlySet<string>): Feed[] {
  const out: Feed[] = [];
  const check = (kind: Feed['kind'], id: string, step: Feed['step'], v: Explained & { value: string }) => {
    if (v.evidence.some((e) => ids.has(e))) out.push({ kind, id, step, value: v.value });
  };
  for (const v of a.verdicts.instruments) {
    check('instrument', v.instrument, 'effectiveness', v.effectiveness);
    check('instrument', v.instrument, 'plausibility', v.plausibility);
    check('instrument', v.instrument, 'contribution', v.contribution);
    check('instrument', v.instrument, 'efficiency', v.efficiency);
  }
  for (const v of [...a.verdicts.objectives, ...a.verdicts.domains, a.verdicts.article]) {
    check(v.scope.kind, v.scope.id, 'goalAchievement', v.goalAchievement);
    check(v.scope.kind, v.scope.id, 'realisation', v.realisation);
    check(v.scope.kind, v.scope.id, 'effectiveness', v.effectiveness);
    check(v.scope.kind, v.scope.id, 'efficiency', v.efficiency);
  }
  return out;
}
