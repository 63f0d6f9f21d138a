import type { Assessment, CoverageRow, InstrumentEvidence, SmartCheck, SteppedVerdicts } from './types.js';

export type Explanation =
  | { kind: 'instrument'; id: string; label: string; evidence: InstrumentEvidence; coverage: CoverageRow; cost: Assessment['costAttribution']['instruments'][string]; notEvaluated: string[] | null }
  | { kind: 'objective' | 'domain' | 'article'; id: string; label: string; verdicts: SteppedVerdicts; smart: SmartCheck | null };

/** Why an instrument, objective or domain got its verdict, with the evidence; null for an unknown id. */
export function explain(a: Assessment, id: string): Explanation | null {
  const ev = a.evidence.instruments.find((e) => e.instrument === id);
  if (ev) {
    const label = a.gapMap.find((r) => r.kind === 'instrument' && r.id === id)?.label ?? id;
    return {
      kind: 'instrument',
      id,
      label,
      evidence: ev,
      coverage: a.coverage.instruments.find((r) => r.id === id)!,
      cost: a.costAttribution.instruments[id]!,
      notEvaluated: a.coverage.notEvaluated.find((n) => n.kind === 'instrument' && n.id === id)?.reasons ?? null,
    };
  }
  const v =
    a.verdicts.objectives.find((x) => x.scope.id === id) ??
    a.verdicts.domains.find((x) => x.scope.id === id) ??
    (a.verdicts.article.scope.id === id ? a.verdicts.article : undefined);
  if (!v) return null;
  return { kind: v.scope.kind, id, label: v.scope.label, verdicts: v, smart: a.smart.find((s) => s.objective === id) ?? null };
}
