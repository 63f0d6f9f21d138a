import { completenessOf, EVALUATION_TYPES, type EvidenceStrength } from '@polev/core';
import type { CoverageSummary } from '../../assessment.js';
import { formatListNumber, formatShare } from '../../labels/index.js';
import { classifiedRow, itemTable, parasCell, STRENGTHS, table, textCell } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, t, txt, type CellTone, type Column, type Row, type Section } from '../document.js';
import { formatDate } from '../format.js';

const COVERAGE_COLUMN = { evaluated: 'evaluatedCol', effectiveness: 'effectivenessCol', efficiency: 'efficiencyCol', sideEffects: 'sideEffectsCol' } as const;

/** Chapter 4: the evaluations, their coverage of the instruments, what was not evaluated, and how useful the research is. */
export function researchChapter(ctx: ReportContext): Section {
  const { L, assessment: a, review: r, lang } = ctx;
  const s = ctx.section('research', '4', L.research.title, 1, { pageBreak: true });
  s.blocks.push(...ctx.questionList(['evaluations', 'not-evaluated', 'research-use']));

  const ev = ctx.section('research-evaluations', '4.1', L.research.evaluationsTitle, 2);
  ev.blocks.push(...ctx.rpeAnswerNote('evaluations'));
  const evaluations = r.sources.filter((x) => EVALUATION_TYPES.has(x.type));
  const listed = completenessOf(ctx.original, 'evaluations');
  // The findings per evaluation are counted over the findings: "at least" where their list is not complete.
  const findingsList = completenessOf(ctx.original, 'findings').status;
  if (evaluations.length === 0) ev.blocks.push(para(listed.status === 'complete' ? L.research.noEvaluations : L.research.evaluationsUnknown, listed.status === 'complete' ? undefined : 'note'));
  else {
    if (listed.stated && listed.status === 'partial') ev.blocks.push(para(L.research.evaluationsPartial(listed.missing ?? null), 'note'));
    ev.blocks.push(
      itemTable('table-evaluations', L.research.evaluationsCaption, [
        { label: L.research.sourceCol, width: 5, cell: (x) => textCell([...ctx.badge(x.classification), t(x.title)]) },
        { label: L.research.typeCol, width: 1.8, cell: (x) => L.sourceType[x.type] },
        { label: L.research.authorCol, width: 2, cell: (x) => x.author ?? '' },
        { label: L.research.dateCol, width: 1.4, cell: (x) => formatDate(x.date, lang) },
        { label: L.research.subjectsCol, align: 'right', width: 1, cell: (x) => formatListNumber(r.findings.filter((f) => f.sources.some((s) => s.source === x.id)).length, findingsList, lang) },
      ], evaluations, { row: (x) => classifiedRow(x.classification) }),
    );
  }
  // A source whose type is not known may be an evaluation: named apart, never silently dropped.
  const untyped = r.sources.filter((x) => x.type === 'unknown');
  if (untyped.length > 0) ev.blocks.push(para(L.research.unknownTypeSources(untyped.length, untyped.map((x) => x.title).join('; ')), 'notice'));
  const others = r.sources.length - evaluations.length - untyped.length;
  if (others > 0) ev.blocks.push(para(L.research.otherSources(others), 'note'));

  const cov = ctx.section('research-coverage', '4.2', L.research.coverageTitle, 2);
  const scopes: { label: string; coverage: CoverageSummary; total?: boolean }[] = [
    ...ctx.domains.flatMap((d) => {
      const c = a.coverage.domains.find((x) => x.scope.id === d.id);
      return c ? [{ label: d.name, coverage: c }] : [];
    }),
    { label: L.effects.articleTitle, coverage: a.coverage.article, total: true },
  ];
  cov.blocks.push(
    itemTable('table-coverage', L.research.coverageCaption, [
      { label: L.research.scopeCol, width: 3, cell: (x) => x.label },
      { label: L.research.instrumentsCol, align: 'right', width: 1, cell: (x) => ctx.instrumentCount(x.coverage.instruments) },
      // Counted over the evaluations: unknown where their list is, a lower bound where it is partial.
      ...(['evaluated', 'effectiveness', 'efficiency', 'sideEffects'] as const).map((k) => ({
        label: L.research[COVERAGE_COLUMN[k]],
        align: 'right' as const,
        width: 1.6,
        cell: (x: (typeof scopes)[number]) => textCell(ctx.listShare(x.coverage[k], x.coverage.evaluationList.status), x.coverage.evaluationList.status === 'unknown' ? 'muted' : undefined),
      })),
      {
        label: L.research.moneyEvaluatedCol,
        align: 'right',
        width: 1.3,
        cell: ({ coverage: { money, evaluationList } }) =>
          textCell(
            evaluationList.status === 'unknown'
              ? L.unknown
              : money.evaluatedShare === null && money.unknownParts > 0
              ? L.research.moneyUnknown(money.unknownParts)
              : `${evaluationList.status === 'partial' && money.evaluatedShare !== null ? '≥ ' : ''}${formatShare(money.evaluatedShare, lang)}`,
            evaluationList.status === 'unknown' || money.evaluatedShare === null ? 'muted' : undefined,
          ),
      },
    ], scopes, { row: (x) => (x.total ? { kind: 'total' } : {}) }),
    para(L.research.gapMapIntro),
  );
  // The gap maps are reference material: they have an appendix of their own.
  cov.blocks.push(para([t(ctx.refs.labels.gapMapsIn), t(ctx.refs.labels.gapMapsTitle, { ref: 'appendix-gap-map' }), t('.')]));

  const ne = ctx.section('research-not-evaluated', '4.3', L.research.notEvaluatedTitle, 2);
  ne.blocks.push(...ctx.rpeAnswerNote('not-evaluated'));
  const notEvaluated = a.coverage.notEvaluated;
  if (notEvaluated.length === 0) ne.blocks.push(para(L.research.notEvaluatedNone));
  else {
    ne.blocks.push(
      itemTable('table-not-evaluated', L.research.notEvaluatedTitle, [
        {
          label: L.appendix.itemCol,
          width: 4,
          cell: (x) => {
            const ins = x.kind === 'instrument' ? ctx.index.nodeOf.get(x.id)?.instrument : undefined;
            const kindLabel = x.kind === 'instrument' ? L.appendix.instrumentLabel : L.appendix.objectiveLabel;
            return textCell([t(`${kindLabel}: `, { italic: true }), ...ctx.badge(ins?.classification), ...(ins?.number ? [t(`${ins.number}. `)] : []), t(ctx.refs.target(x.id) ? x.id : x.label)]);
          },
        },
        { label: L.effects.reasonsCol, width: 5, cell: (x) => parasCell(x.reasons) },
      ], notEvaluated),
    );
  }

  const use = ctx.section('research-usefulness', '4.4', L.research.usefulnessTitle, 2);
  use.blocks.push(...ctx.rpeAnswerNote('research-use'), para(L.research.usefulnessIntro));
  const countStrength = (ids: Set<string>) => {
    const counts = Object.fromEntries(STRENGTHS.map((x) => [x, 0])) as Record<EvidenceStrength, number>;
    for (const e of a.evidence.instruments) if (ids.has(e.instrument)) counts[e.strength]++;
    return counts;
  };
  const strengthRows: Row[] = ctx.domains.map((d) => {
    const counts = countStrength(new Set((ctx.instrumentsOfDomain.get(d.id) ?? []).map((i) => i.id)));
    return { cells: [textCell(d.name), ...STRENGTHS.map((x) => textCell(String(counts[x]), counts[x] > 0 ? (`strength-${x}` as CellTone) : undefined))] };
  });
  const all = countStrength(new Set(r.instruments.map((i) => i.id)));
  strengthRows.push({ kind: 'total', cells: [textCell(L.effects.articleTitle), ...STRENGTHS.map((x) => textCell(String(all[x])))] });
  use.blocks.push(
    table('table-strength', L.research.strengthCaption, [
      { label: L.research.domainCol, width: 3 },
      ...STRENGTHS.map((x): Column => ({ label: L.strength[x], align: 'right', width: 1.3 })),
    ], strengthRows),
  );
  const art = a.verdicts.article;
  use.blocks.push({
    kind: 'list',
    ordered: false,
    items: [
      { content: [t(`${L.aspect.effectiveness}: `, { bold: true }), t(L.effectivenessValue[art.effectiveness.value])], level: 0 },
      ...art.effectiveness.reasons.map((x) => ({ content: txt(x), level: 1 })),
      { content: [t(`${L.aspect.efficiency}: `, { bold: true }), t(L.efficiencyValue[art.efficiency.value])], level: 0 },
      ...art.efficiency.reasons.map((x) => ({ content: txt(x), level: 1 })),
    ],
  });

  ctx.answers('evaluations', ev.id);
  ctx.answers('not-evaluated', ne.id);
  ctx.answers('research-use', use.id, cov.id);
  s.sections.push(ev, cov, ne, use);
  return s;
}
