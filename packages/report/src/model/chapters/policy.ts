import type { Objective } from '@polev/core';
import { parasCell, table, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, t, txt, type Column, type Inline, type Row, type Section } from '../document.js';

const SMART = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;

/** Chapter 2: the reason for the policy, who is responsible for what (roles), and the objectives with their SMART check. */
export function policyChapter(ctx: ReportContext): Section {
  const { L, review: r } = ctx;
  const s = ctx.section('policy', '2', L.policy.title, 1, { pageBreak: true });
  s.blocks.push(...ctx.questionList(['reason', 'responsibility', 'objectives']));

  const reason = ctx.section('policy-reason', '2.1', L.policy.reasonTitle, 2);
  reason.blocks.push({ kind: 'definitions', items: [{ term: L.policy.mainGoal, value: txt(r.policyTree.mainGoal.text ?? L.unknown) }] });
  const answer = ctx.rpeAnswerNote('reason');
  reason.blocks.push(...(answer.length || !ctx.rpeKnown ? answer : [para(L.policy.notRecorded, 'note')]));

  const resp = ctx.section('policy-responsibility', '2.2', L.policy.responsibilityTitle, 2);
  resp.blocks.push(...ctx.rpeAnswerNote('responsibility'));
  const roleRows: Row[] = ctx.domains.map((d) => {
    const ins = ctx.instrumentsOfDomain.get(d.id) ?? [];
    // Counted over the instruments in the data: "at least" where their list is not complete.
    const count = (role: string | null) => ctx.instrumentCount(ins.filter((i) => (i.role ?? null) === role).length);
    return { cells: [d.name, count('directing'), count('guiding'), count('facilitating'), count(null), ctx.instrumentCount(ins.length)].map((x) => textCell(x)) };
  });
  resp.blocks.push(
    para(L.policy.rolesIntro),
    table('table-roles', L.policy.rolesTableCaption, [
      { label: L.research.domainCol, width: 3 },
      { label: L.role.directing, align: 'right', width: 1 },
      { label: L.role.guiding, align: 'right', width: 1 },
      { label: L.role.facilitating, align: 'right', width: 1 },
      { label: L.unknown, align: 'right', width: 1 },
      { label: L.total, align: 'right', width: 1 },
    ], roleRows),
  );

  const obj = ctx.section('policy-objectives', '2.3', L.policy.objectivesTitle, 2);
  obj.blocks.push(...ctx.rpeAnswerNote('objectives'));
  ctx.domains.forEach((d, di) => {
    const ds = ctx.section(`policy-objectives-${d.id}`, `2.3.${di + 1}`, L.policy.objectivesOf(d.name), 3);
    if (d.goal) ds.blocks.push({ kind: 'definitions', items: [{ term: L.policy.domainGoal, value: txt(d.goal) }] });
    const entries = ctx.objectivesOfDomain.get(d.id) ?? [];
    if (entries.length === 0) ds.blocks.push(para(L.policy.noObjectives));
    else {
      ds.blocks.push({ kind: 'list', ordered: false, items: entries.map((e) => ({ content: objectiveInline(ctx, e.objective), level: e.depth })) });
      const rows: Row[] = [];
      for (const e of entries) {
        const check = ctx.assessment.smart.find((x) => x.objective === e.objective.id);
        if (!check) continue;
        const criteria = SMART.map((k) => {
          const res = check.criteria[k].result;
          return textCell(L.smartResult[res], res === 'pass' ? 'strength-plausibility' : res === 'fail' ? 'unknown' : 'muted');
        });
        const reasons = check.failed.map((k) => `${L.smartCriterion[k]}: ${check.criteria[k].reason}`);
        rows.push({ cells: [textCell(e.objective.text), ...criteria, parasCell(reasons)] });
      }
      if (rows.length > 0) {
        ds.blocks.push(
          table(`table-smart-${d.id}`, L.policy.smartCaption(d.name), [
            { label: L.policy.smartObjectiveCol, width: 4 },
            ...SMART.map((k): Column => ({ label: L.smartCriterion[k].slice(0, 1), align: 'center', width: 0.5 })),
            { label: L.effects.reasonsCol, width: 4 },
          ], rows, `S = ${L.smartCriterion.specific}, M = ${L.smartCriterion.measurable}, A = ${L.smartCriterion.achievable}, R = ${L.smartCriterion.relevant}, T = ${L.smartCriterion.timeBound}.`),
        );
      }
    }
    obj.sections.push(ds);
  });
  ctx.answers('reason', reason.id);
  ctx.answers('responsibility', resp.id);
  ctx.answers('objectives', obj.id);
  s.sections.push(reason, resp, obj);
  return s;
}

/** An objective with its structured SMART fields, where the review gives them. */
function objectiveInline(ctx: ReportContext, o: Objective): Inline {
  const fields = (['indicator', 'baseline', 'target', 'deadline'] as const)
    .map((k) => (o.smart?.[k] ? `${ctx.L.policy.smartFields[k]}: ${o.smart[k]}` : null))
    .filter((x): x is string => x !== null);
  return fields.length ? [t(o.text), t(` (${fields.join('; ')})`, { italic: true })] : txt(o.text);
}
