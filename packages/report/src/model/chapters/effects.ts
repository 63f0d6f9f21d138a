import type { Conclusion } from '@polev/core';
import type { SteppedVerdicts } from '../../assessment.js';
import { capitalise, indent, parasCell, table, textCell, verdictCells, verdictColumns } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, t, type Block, type Row, type Section, type TableBlock } from '../document.js';

/** Chapter 5: the stepped verdicts per domain, objective and for the article, with the findings and the review's conclusions. */
export function effectsChapter(ctx: ReportContext): Section {
  const { L, assessment: a, review: r } = ctx;
  const s = ctx.section('effects', '5', L.effects.title, 1, { pageBreak: true });
  s.blocks.push(...ctx.questionList(['effects', 'effectiveness', 'efficiency']));
  for (const q of ['effects', 'effectiveness', 'efficiency'] as const) s.blocks.push(...ctx.rpeAnswerNote(q));

  ctx.domains.forEach((d, di) => {
    const ds = ctx.section(`effects-${d.id}`, `5.${di + 1}`, L.effects.domainTitle(d.name), 2);
    const v = a.verdicts.domains.find((x) => x.scope.id === d.id);
    if (v) ds.blocks.push(steppedTable(ctx, `table-stepped-${d.id}`, d.name, v));

    const objectiveRows: Row[] = [];
    for (const { objective, depth } of ctx.objectivesOfDomain.get(d.id) ?? []) {
      const ov = a.verdicts.objectives.find((x) => x.scope.id === objective.id);
      if (ov) objectiveRows.push({ cells: [textCell(`${indent(depth)}${objective.text}`), ...verdictCells(L, ov)] });
    }
    if (objectiveRows.length > 0) ds.blocks.push(table(`table-objective-verdicts-${d.id}`, L.effects.objectivesCaption(d.name), verdictColumns(L, L.effects.objectiveCol, 5, 1.6), objectiveRows));

    // Findings of the evaluations on effectiveness, efficiency and side effects in this domain.
    const ids = new Set<string>([d.id, ...(ctx.objectivesOfDomain.get(d.id) ?? []).map((e) => e.objective.id), ...(ctx.instrumentsOfDomain.get(d.id) ?? []).map((i) => i.id)]);
    const findings = r.findings.filter((f) => (f.aspect === 'effectiveness' || f.aspect === 'efficiency' || f.aspect === 'side-effects') && f.subjects.some((x) => ids.has(x)));
    // The findings one by one are detail (the findings appendix has them all): folded on screen.
    const fs = ctx.section(`effects-${d.id}-findings`, null, L.effects.findingsTitle, 3, { folded: true });
    if (findings.length === 0) fs.blocks.push(para(L.effects.findingsNone));
    else {
      for (const aspect of ['effectiveness', 'efficiency', 'side-effects'] as const) {
        const list = findings.filter((f) => f.aspect === aspect);
        if (list.length === 0) continue;
        fs.blocks.push(para([t(capitalise(L.aspect[aspect]), { bold: true })]));
        fs.blocks.push({ kind: 'list', ordered: false, items: list.map((f) => ({ content: ctx.findingInline(f), level: 0 })) });
      }
    }
    ds.sections.push(fs);

    const conclusions = r.conclusions.filter((c) => ctx.conclusionDomain(c.subjects) === d.id);
    if (conclusions.length > 0) {
      const cs = ctx.section(`effects-${d.id}-conclusions`, null, L.effects.conclusionsTitle, 3);
      cs.blocks.push(conclusionList(ctx, conclusions));
      ds.sections.push(cs);
    }
    s.sections.push(ds);
  });

  const art = ctx.section('effects-article', `5.${ctx.domains.length + 1}`, L.effects.articleTitle, 2);
  art.blocks.push(steppedTable(ctx, 'table-stepped-article', L.effects.articleTitle, a.verdicts.article));
  const general = r.conclusions.filter((c) => ctx.conclusionDomain(c.subjects) === null);
  if (general.length > 0) art.blocks.push(para([t(L.effects.conclusionsTitle, { bold: true })]), conclusionList(ctx, general));
  s.sections.push(art);
  ctx.answers('effects', s.id);
  ctx.answers('effectiveness', s.id);
  ctx.answers('efficiency', s.id);
  return s;
}

/** The review's conclusions, each with its aspect, quoted in the review's language. */
function conclusionList(ctx: ReportContext, conclusions: Conclusion[]): Block {
  return {
    kind: 'list',
    ordered: false,
    items: conclusions.map((c) => ({ content: [...ctx.badge(c.classification), t(`${capitalise(ctx.L.aspect[c.aspect])}: `, { italic: true }), t(c.text)], level: 0 })),
    ...ctx.quote,
  };
}

/** A scope's four steps with their verdicts and reasons. */
function steppedTable(ctx: ReportContext, id: string, scope: string, v: SteppedVerdicts): TableBlock {
  const L = ctx.L;
  const cells = verdictCells(L, v);
  const steps: [string, string[]][] = [
    [L.steps.goalAchievement, v.goalAchievement.reasons],
    [L.steps.realisation, v.realisation.reasons],
    [L.steps.effectiveness, v.effectiveness.reasons],
    [L.steps.efficiency, v.efficiency.reasons],
  ];
  return table(id, L.effects.steppedCaption(scope), [
    { label: L.effects.stepCol, width: 2 },
    { label: L.effects.verdictCol, width: 1.6 },
    { label: L.effects.reasonsCol, width: 6 },
  ], steps.map(([label, reasons], k): Row => ({ cells: [textCell(label), cells[k]!, parasCell(reasons)] })));
}
