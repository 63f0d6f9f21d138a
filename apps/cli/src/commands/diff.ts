import { compare, type ReviewComparison } from '@polev/core';
import { EXIT, plainStyle, style, type Io } from '../io.js';
import { loadValidReview } from '../input.js';

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const amount = (x: number | null) => (x === null ? 'unknown' : x.toLocaleString('en-GB'));

export async function diffCommand(io: Io, before: string, after: string, opts: { format: 'text' | 'json' | 'md' }): Promise<number> {
  const a = await loadValidReview(io, before);
  const b = await loadValidReview(io, after);
  const c = compare(a, b);
  if (opts.format === 'json') io.stdout(`${JSON.stringify(c, null, 2)}\n`);
  else io.stdout(renderDiff(c, opts.format, opts.format === 'md' ? plainStyle : style(io, 'stdout')));
  return EXIT.ok;
}

function renderDiff(c: ReviewComparison, format: 'text' | 'md', s: typeof plainStyle): string {
  const out: string[] = [];
  const h = (t: string) => out.push(format === 'md' ? `\n## ${t}\n` : `\n${s.bold(t)}`);
  const li = (t: string) => out.push(`${format === 'md' ? '-' : ' '} ${t}`);
  out.push(format === 'md' ? `# ${c.before.id} → ${c.after.id}` : s.bold(`${c.before.id} (${c.before.period.start}–${c.before.period.end}) → ${c.after.id} (${c.after.period.start}–${c.after.period.end})`));
  for (const w of c.warnings) out.push(s.yellow(`warning: ${w}`));
  const ids = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');

  h('Objectives');
  li(`${s.green('added')}: ${ids(c.objectives.added)}`);
  li(`${s.red('removed')}: ${ids(c.objectives.removed)}`);
  for (const x of c.objectives.changed) li(`${s.yellow('changed')} ${x.id}: ${x.fields.join(', ')}`);

  h('Instruments');
  li(`${s.green('added')}: ${ids(c.instruments.added)}`);
  li(`${s.red('removed')}: ${ids(c.instruments.removed)}`);
  for (const x of c.instruments.statusChanged) li(`${s.yellow('status')} ${x.id}: ${x.from} → ${x.to}`);
  for (const x of c.instruments.changed) li(`${s.yellow('changed')} ${x.id}: ${x.fields.join(', ')}`);

  h('Expenditure (€ x1,000)');
  if (c.expenditure.linesAdded.length) li(`lines added: ${ids(c.expenditure.linesAdded)}`);
  if (c.expenditure.linesRemoved.length) li(`lines removed: ${ids(c.expenditure.linesRemoved)}`);
  for (const x of c.expenditure.changes) li(`${x.line} ${x.year}: ${amount(x.before)} → ${amount(x.after)}${x.change !== null ? ` (${x.change > 0 ? '+' : ''}${amount(x.change)})` : ''}`);
  if (!c.expenditure.changes.length) li('no changes');

  h('Evaluation coverage');
  const cov = c.coverage;
  li(`evaluated instruments: ${cov.evaluated.before.count}/${cov.evaluated.before.total} (${pct(cov.evaluated.before.share)}) → ${cov.evaluated.after.count}/${cov.evaluated.after.total} (${pct(cov.evaluated.after.share)})`);
  li(`effectiveness stated: ${pct(cov.effectiveness.before.share)} → ${pct(cov.effectiveness.after.share)}; efficiency stated: ${pct(cov.efficiency.before.share)} → ${pct(cov.efficiency.after.share)}`);
  li(`newly evaluated: ${ids(cov.newlyEvaluated)}; no longer evaluated: ${ids(cov.noLongerEvaluated)}`);
  for (const d of cov.domains) li(`${d.id}: effectiveness ${d.effectiveness.before ?? '—'} → ${d.effectiveness.after ?? '—'}; efficiency ${d.efficiency.before ?? '—'} → ${d.efficiency.after ?? '—'}`);
  return `${out.join('\n')}\n`;
}
