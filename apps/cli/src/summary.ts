import type { Assessment, Explanation, Review, SteppedVerdicts, Sum } from '@polev/core';
import type { Style } from './io.js';

/** A small document of headings, lines and bullets, printed as terminal text or as Markdown. */
type Block = { kind: 'h'; level: 1 | 2; text: string } | { kind: 'p'; text: string } | { kind: 'li'; text: string; depth: number };

export type SummaryFormat = 'text' | 'md';

function render(blocks: Block[], format: SummaryFormat, s: Style): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'h') {
      if (format === 'md') out.push(`${'#'.repeat(b.level)} ${b.text}`, '');
      else out.push(b.level === 1 ? s.bold(b.text) : `\n${s.bold(b.text)}`);
    } else if (b.kind === 'p') out.push(format === 'md' ? `\n${b.text}\n` : `\n${b.text}`);
    else out.push(`${'  '.repeat(b.depth)}${format === 'md' ? '-' : '•'} ${b.text}`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const kEur = (x: number) => `€${Math.round(x).toLocaleString('en-GB')}k`;
function money(s: Sum): string {
  if (s.amount !== null) return kEur(s.amount);
  return s.known > 0 ? `≥ ${kEur(s.known)} (${s.unknownParts} unknown)` : 'unknown';
}

const verdictWord: Record<string, string> = {
  determinable: 'determinable',
  'partly-determinable': 'partly determinable',
  'not-determinable': 'not determinable',
  realised: 'realised',
  'mostly-realised': 'mostly realised',
  'partly-realised': 'partly realised',
  'not-realised': 'not realised',
  unknown: 'unknown',
  'no-instruments': 'no instruments',
  demonstrated: 'demonstrated',
  plausible: 'plausible',
  negative: 'negative',
};

function verdictBlocks(v: SteppedVerdicts, s: Style, withReasons: boolean): Block[] {
  const steps: [string, { value: string; reasons: string[]; evidence: string[] }][] = [
    ['Goal achievement', v.goalAchievement],
    ['Realisation', v.realisation],
    ['Effectiveness', v.effectiveness],
    ['Efficiency', v.efficiency],
  ];
  return steps.flatMap(([name, step]) => [
    { kind: 'li' as const, text: `${name}: ${s.bold(verdictWord[step.value] ?? step.value)}`, depth: 0 },
    ...(withReasons ? step.reasons.map((r) => ({ kind: 'li' as const, text: r, depth: 1 })) : []),
    ...(withReasons && step.evidence.length ? [{ kind: 'li' as const, text: s.dim(`evidence: ${list(step.evidence)}`), depth: 1 }] : []),
  ]);
}

const list = (ids: string[], max = 12) => (ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (+${ids.length - max})`);

/** The readable summary of `polev analyze`. */
export function summary(review: Review, a: Assessment, format: SummaryFormat, s: Style, top = 5): string {
  const b: Block[] = [];
  const art = a.realisation.article;
  b.push({ kind: 'h', level: 1, text: review.title });
  b.push({ kind: 'p', text: `Article ${review.budgetArticles.map((x) => x.number).join(', ')} · ${review.period.start}–${review.period.end} · RPE ${review.rpeVersion} · ${review.instruments.length} instruments, ${review.sources.length} sources, ${review.findings.length} findings` });

  b.push({ kind: 'h', level: 2, text: 'Realisation' });
  b.push({ kind: 'li', depth: 0, text: `Article: ${art.realised.count} of ${art.realised.total} instruments realised (${pct(art.realised.share)}), ${art.deployed.count} deployed at least in part${art.realisedAfterPeriod.length ? `, ${art.realisedAfterPeriod.length} only after the period` : ''}` });
  for (const d of a.realisation.domains) {
    b.push({ kind: 'li', depth: 1, text: `${d.scope.label}: ${d.realised.count} of ${d.realised.total} realised (${pct(d.realised.share)})` });
  }

  const e = a.expenditure;
  b.push({ kind: 'h', level: 2, text: 'Expenditure (€ x1,000)' });
  if (e.programmeByYear.length) b.push({ kind: 'li', depth: 0, text: `Programme: ${e.programmeByYear.map((y) => `${y.year} ${money(y.total)}`).join(' · ')}` });
  const apparatus = e.byKindAndYear.filter((k) => k.kind === 'apparatus');
  if (apparatus.length) b.push({ kind: 'li', depth: 0, text: `Apparatus: ${apparatus.map((y) => `${y.year} ${money(y.total)}`).join(' · ')}` });
  if (e.dominantLine) b.push({ kind: 'li', depth: 0, text: `Dominant line: ${e.dominantLine.name}${e.dominantLine.share !== null ? ` (${pct(e.dominantLine.share)})` : ''} — ${e.dominantLine.reasons[0]}` });
  for (const o of e.outOfScope) b.push({ kind: 'li', depth: 0, text: `Out of scope: ${o.name}, ${money(o.total)} — ${o.reason}` });
  if (e.unknownAmounts.length) b.push({ kind: 'li', depth: 0, text: `${e.unknownAmounts.length} line-year amounts are not given in the source (kept unknown, not 0)` });
  const c = a.costAttribution;
  b.push({ kind: 'li', depth: 0, text: `Cost attributed to ${c.withCost.count} of ${c.withCost.total} instruments (${pct(c.withCost.share)}); ${c.withoutCost.length} without cost` });

  b.push({ kind: 'h', level: 2, text: 'Evaluation coverage' });
  for (const cov of [a.coverage.article, ...a.coverage.domains]) {
    const m = cov.money;
    b.push({
      kind: 'li',
      depth: cov.scope.kind === 'article' ? 0 : 1,
      text: `${cov.scope.kind === 'article' ? 'Article' : cov.scope.label}: evaluated ${cov.evaluated.count}/${cov.instruments} (${pct(cov.evaluated.share)}), effectiveness ${cov.effectiveness.count}, efficiency ${cov.efficiency.count}, side effects ${cov.sideEffects.count}; by money ${m.total > 0 ? pct(m.evaluatedShare) : 'n/a (no known amounts)'}`,
    });
  }
  const ne = a.coverage.notEvaluated;
  b.push({ kind: 'li', depth: 0, text: `Not evaluated (RPE 9): ${ne.filter((n) => n.kind === 'instrument').length} instruments, ${ne.filter((n) => n.kind === 'objective').length} objectives` });

  b.push({ kind: 'h', level: 2, text: 'Verdicts per domain (stepped approach)' });
  for (const v of a.verdicts.domains) {
    b.push({ kind: 'p', text: s.bold(v.scope.label) });
    b.push(...verdictBlocks(v, s, true));
  }
  b.push({ kind: 'p', text: s.bold('Article') });
  b.push(...verdictBlocks(a.verdicts.article, s, false));

  if (a.rpe.known) {
    b.push({ kind: 'h', level: 2, text: `RPE ${a.rpe.version} checklist` });
    b.push({ kind: 'li', depth: 0, text: `Answered in the report: ${a.rpe.answeredInReport.join(', ') || 'none'}` });
    b.push({ kind: 'li', depth: 0, text: `Answered elsewhere: ${a.rpe.answeredElsewhere.join(', ') || 'none'}` });
    b.push({ kind: 'li', depth: 0, text: `Not answered: ${a.rpe.missing.join(', ') || 'none'}` });
  }

  b.push({ kind: 'h', level: 2, text: `Top recommendations (${Math.min(top, a.recommendations.length)} of ${a.recommendations.length})` });
  for (const r of a.recommendations.slice(0, top)) {
    b.push({ kind: 'li', depth: 0, text: `${r.text} ${s.dim(`[${r.id}]`)}` });
    for (const reason of r.reasons) b.push({ kind: 'li', depth: 1, text: reason });
  }
  b.push({ kind: 'p', text: s.dim('\nRun with --explain <id> for the reasons and evidence behind an objective, domain or instrument.') });
  return render(b, format, s);
}

/** `polev analyze --explain <id>`. */
export function explanation(x: Explanation, format: SummaryFormat, s: Style): string {
  const b: Block[] = [{ kind: 'h', level: 1, text: `${x.kind} ${x.id}: ${x.label}` }];
  if (x.kind === 'instrument') {
    b.push({ kind: 'h', level: 2, text: 'Evidence' });
    b.push({ kind: 'li', depth: 0, text: `Strength: ${s.bold(x.evidence.strength)}${x.evidence.classifiedOnly ? ' (classified evaluations only)' : ''}` });
    for (const r of x.evidence.reasons) b.push({ kind: 'li', depth: 1, text: r });
    for (const [aspect, ev] of Object.entries(x.evidence.aspects)) {
      if (ev.findings.length) b.push({ kind: 'li', depth: 0, text: `${aspect}: ${ev.strength}, verdict ${ev.verdict ?? 'none'} — findings ${list(ev.findings)}${ev.sources.length ? `; sources ${list(ev.sources)}` : ''}` });
    }
    b.push({ kind: 'h', level: 2, text: 'Coverage and cost' });
    b.push({ kind: 'li', depth: 0, text: `Evaluated: ${x.coverage.evaluated ? 'yes' : 'no'}; effectiveness ${x.coverage.effectiveness ? 'yes' : 'no'}; efficiency ${x.coverage.efficiency ? 'yes' : 'no'}; side effects ${x.coverage.sideEffects ? 'yes' : 'no'}` });
    b.push({ kind: 'li', depth: 0, text: `Cost: ${x.cost.status === 'none' ? 'no budget line linked' : x.cost.status === 'line-without-amount' ? `lines ${x.cost.lines.join(', ')} without amounts` : `${money(x.cost.amount)} on ${x.cost.lines.join(', ')}`}` });
    for (const r of x.notEvaluated ?? []) b.push({ kind: 'li', depth: 1, text: r });
  } else {
    b.push({ kind: 'h', level: 2, text: 'Stepped verdicts' });
    b.push(...verdictBlocks(x.verdicts, s, true));
    if (x.smart) {
      b.push({ kind: 'h', level: 2, text: `SMART (${x.smart.passed} of 5 pass)` });
      for (const [criterion, r] of Object.entries(x.smart.criteria)) b.push({ kind: 'li', depth: 0, text: `${criterion}: ${s.bold(r.result)} — ${r.reason}` });
    }
  }
  return render(b, format, s);
}
