import { compare, type AnalysisLang, type ReviewComparison, type ReviewPeriod } from '@polev/core';
import { inertDeep } from '../inert.js';
import { EXIT, plainStyle, style, type Io, type Style } from '../io.js';
import { loadValidReview } from '../input.js';
import { markdownLine } from '../markdown.js';
import { steppedWord, type SteppedValue } from '../summary.js';

export interface DiffCommandOptions {
  format: 'text' | 'json' | 'md';
  /** Language of the labels and of compare's warnings; default `en`. */
  lang?: AnalysisLang;
}

export async function diffCommand(io: Io, before: string, after: string, opts: DiffCommandOptions): Promise<number> {
  const a = await loadValidReview(io, before);
  const b = await loadValidReview(io, after);
  const lang = opts.lang ?? 'en';
  const c = compare(a, b, { lang });
  if (opts.format === 'json') io.stdout(`${JSON.stringify(c, null, 2)}\n`);
  else io.stdout(renderDiff(inertDeep(c), opts.format, opts.format === 'md' ? plainStyle : style(io, 'stdout'), DIFF_WORDS[lang], lang));
  return EXIT.ok;
}

/** The fixed words of the diff, per language; the warnings come from compare in the same language. */
interface DiffWords {
  na: string;
  unknown: string;
  none: string;
  /** Amounts in euro x 1,000. */
  amount: (x: number) => string;
  warning: string;
  objectives: string;
  instruments: string;
  expenditure: string;
  coverage: string;
  added: string;
  removed: string;
  changed: string;
  status: string;
  linesAdded: string;
  linesRemoved: string;
  noChanges: string;
  evaluated: string;
  stated: (effectiveness: string, efficiency: string) => string;
  newly: (newly: string, noLonger: string) => string;
  domain: (id: string, effectiveness: string, efficiency: string) => string;
}

const DIFF_WORDS: Record<AnalysisLang, DiffWords> = {
  en: {
    na: 'n/a',
    unknown: 'unknown',
    none: 'none',
    amount: (x) => x.toLocaleString('en-GB'),
    warning: 'warning',
    objectives: 'Objectives',
    instruments: 'Instruments',
    expenditure: 'Expenditure (€ x1,000)',
    coverage: 'Evaluation coverage',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    status: 'status',
    linesAdded: 'lines added',
    linesRemoved: 'lines removed',
    noChanges: 'no changes',
    evaluated: 'evaluated instruments',
    stated: (effectiveness, efficiency) => `effectiveness stated: ${effectiveness}; efficiency stated: ${efficiency}`,
    newly: (newly, noLonger) => `newly evaluated: ${newly}; no longer evaluated: ${noLonger}`,
    domain: (id, effectiveness, efficiency) => `${id}: effectiveness ${effectiveness}; efficiency ${efficiency}`,
  },
  nl: {
    na: 'n.v.t.',
    unknown: 'onbekend',
    none: 'geen',
    amount: (x) => x.toLocaleString('nl-NL'),
    warning: 'waarschuwing',
    objectives: 'Doelstellingen',
    instruments: 'Instrumenten',
    expenditure: 'Uitgaven (x € 1.000)',
    coverage: 'Dekking door evaluaties',
    added: 'toegevoegd',
    removed: 'verwijderd',
    changed: 'gewijzigd',
    status: 'status',
    linesAdded: 'regels toegevoegd',
    linesRemoved: 'regels verwijderd',
    noChanges: 'geen wijzigingen',
    evaluated: 'geëvalueerde instrumenten',
    stated: (effectiveness, efficiency) => `doeltreffendheid beoordeeld: ${effectiveness}; doelmatigheid beoordeeld: ${efficiency}`,
    newly: (newly, noLonger) => `nieuw geëvalueerd: ${newly}; niet langer geëvalueerd: ${noLonger}`,
    domain: (id, effectiveness, efficiency) => `${id}: doeltreffendheid ${effectiveness}; doelmatigheid ${efficiency}`,
  },
};

function renderDiff(c: ReviewComparison, format: 'text' | 'md', s: Style, w: DiffWords, lang: AnalysisLang): string {
  const out: string[] = [];
  // In Markdown each line's text is escaped whole: ids, field names and warnings come from the reviews.
  const md = format === 'md';
  const h = (t: string) => out.push(md ? `\n## ${markdownLine(t)}\n` : `\n${s.bold(t)}`);
  const li = (t: string) => out.push(md ? `- ${markdownLine(t)}` : `  ${t}`);
  const pct = (x: number | null) => (x === null ? w.na : `${Math.round(x * 100)}%`);
  const amount = (x: number | null) => (x === null ? w.unknown : w.amount(x));
  const ids = (xs: string[]) => (xs.length ? xs.join(', ') : w.none);
  const step = (x: { before: SteppedValue | null; after: SteppedValue | null }) =>
    `${x.before === null ? '—' : steppedWord(x.before, lang)} → ${x.after === null ? '—' : steppedWord(x.after, lang)}`;

  const period = (p: ReviewPeriod) => `${p.start ?? w.unknown}–${p.end ?? w.unknown}`;
  out.push(
    md
      ? `# ${markdownLine(`${c.before.id} → ${c.after.id}`)}`
      : s.bold(`${c.before.id} (${period(c.before.period)}) → ${c.after.id} (${period(c.after.period)})`),
  );
  for (const warning of c.warnings) out.push(md ? `\n${markdownLine(`${w.warning}: ${warning}`)}` : s.yellow(`${w.warning}: ${warning}`));

  h(w.objectives);
  li(`${s.green(w.added)}: ${ids(c.objectives.added)}`);
  li(`${s.red(w.removed)}: ${ids(c.objectives.removed)}`);
  for (const x of c.objectives.changed) li(`${s.yellow(w.changed)} ${x.id}: ${x.fields.join(', ')}`);

  h(w.instruments);
  li(`${s.green(w.added)}: ${ids(c.instruments.added)}`);
  li(`${s.red(w.removed)}: ${ids(c.instruments.removed)}`);
  for (const x of c.instruments.statusChanged) li(`${s.yellow(w.status)} ${x.id}: ${x.from} → ${x.to}`);
  for (const x of c.instruments.changed) li(`${s.yellow(w.changed)} ${x.id}: ${x.fields.join(', ')}`);

  h(w.expenditure);
  if (c.expenditure.linesAdded.length) li(`${w.linesAdded}: ${ids(c.expenditure.linesAdded)}`);
  if (c.expenditure.linesRemoved.length) li(`${w.linesRemoved}: ${ids(c.expenditure.linesRemoved)}`);
  for (const x of c.expenditure.changes) li(`${x.line} ${x.year}: ${amount(x.before)} → ${amount(x.after)}${x.change !== null ? ` (${x.change > 0 ? '+' : ''}${amount(x.change)})` : ''}`);
  if (!c.expenditure.changes.length) li(w.noChanges);

  h(w.coverage);
  const cov = c.coverage;
  li(`${w.evaluated}: ${cov.evaluated.before.count}/${cov.evaluated.before.total} (${pct(cov.evaluated.before.share)}) → ${cov.evaluated.after.count}/${cov.evaluated.after.total} (${pct(cov.evaluated.after.share)})`);
  li(w.stated(`${pct(cov.effectiveness.before.share)} → ${pct(cov.effectiveness.after.share)}`, `${pct(cov.efficiency.before.share)} → ${pct(cov.efficiency.after.share)}`));
  li(w.newly(ids(cov.newlyEvaluated), ids(cov.noLongerEvaluated)));
  for (const d of cov.domains) li(w.domain(d.id, step(d.effectiveness), step(d.efficiency)));
  return `${out.join('\n')}\n`;
}
