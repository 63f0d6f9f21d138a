import { completenessOf, effectiveRpe } from '@polev/core';
import { capitalise, itemTable, STRENGTHS } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { para, t, txt, type Inline, type Section } from '../document.js';
import { formatDate } from '../format.js';

/** Chapter 7: who performed the review and how, the supervisory committee, the independent expert, the approach, follow-up and remarks. */
export function accountabilityChapter(ctx: ReportContext): Section {
  const { L, review: r, lang } = ctx;
  const s = ctx.section('accountability', '7', L.accountability.title, 1, { pageBreak: true });
  if (r.performedBy) s.blocks.push(para(L.accountability.performedBy(r.performedBy)));
  s.blocks.push(para(L.accountability.methodText[r.method ?? 'unknown']));
  const meta: { term: string; value: Inline }[] = [{ term: L.meta.rpeVersion, value: txt(`RPE ${r.rpeVersion}`) }];
  if (r.dates.completed) meta.push({ term: L.meta.completed, value: txt(formatDate(r.dates.completed, lang)) });
  if (r.dates.sentToParliament) meta.push({ term: L.meta.sentToParliament, value: txt(formatDate(r.dates.sentToParliament, lang)) });
  s.blocks.push({ kind: 'definitions', items: meta });

  const com = ctx.section('accountability-committee', '7.1', L.accountability.committeeTitle, 2);
  if (r.supervisoryCommittee.length === 0) com.blocks.push(para(completenessOf(ctx.original, 'supervisoryCommittee').status === 'complete' ? L.accountability.committeeNone : L.accountability.committeeUnknown));
  else {
    com.blocks.push(
      itemTable('table-committee', L.accountability.committeeTitle, [
        { label: L.accountability.organisationCol, width: 4, cell: (m) => m.organisation },
        { label: L.accountability.nameCol, width: 2, cell: (m) => m.name ?? '' },
        { label: L.accountability.roleCol, width: 2, cell: (m) => m.role ?? '' },
      ], r.supervisoryCommittee),
    );
  }
  const exp = ctx.section('accountability-expert', '7.2', L.accountability.expertTitle, 2);
  // "No expert" only where the review says so; an empty list it does not state complete is unknown.
  const experts = completenessOf(ctx.original, 'independentExperts');
  if (r.independentExperts.length === 0) {
    if (experts.status !== 'complete') exp.blocks.push(para(L.accountability.expertUnknown, 'note'));
    else {
      const { rules, version } = effectiveRpe(r);
      const rule = rules.independentExpertRequired;
      exp.blocks.push(
        rule.value === true
          ? para(L.accountability.expertNone(version, rule.origin ?? ''), 'notice')
          : para(rule.value === false ? L.accountability.expertNoneNotRequired(version) : L.accountability.expertNoneRuleUnknown(version)),
      );
    }
  } else {
    if (experts.stated && experts.status === 'partial') exp.blocks.push(para(L.accountability.expertsPartial(experts.missing ?? null), 'note'));
    exp.blocks.push(
      // An expert's note is the encoder's: the verdict is what readers read.
      itemTable('table-experts', L.accountability.expertTitle, [
        { label: L.accountability.nameCol, width: 2, cell: (m) => m.name ?? '' },
        { label: L.accountability.affiliationCol, width: 3, cell: (m) => m.affiliation ?? '' },
        { label: L.accountability.verdictCol, width: 3, cell: (m) => m.verdict ?? '' },
      ], r.independentExperts),
    );
  }
  const ap = ctx.section('accountability-approach', '7.3', L.accountability.approachTitle, 2);
  ap.blocks.push(
    para(L.accountability.approachIntro),
    { kind: 'list', ordered: true, items: (['goalAchievement', 'realisation', 'effectiveness', 'plausibility', 'efficiency'] as const).map((k) => ({ content: txt(L.stepsExplained[k]), level: 0 })) },
    para([t(L.accountability.strengthScaleTitle, { bold: true })]),
    { kind: 'list', ordered: true, items: STRENGTHS.map((x) => ({ content: txt(L.strength[x]), level: 0 })) },
  );
  const cl = ctx.section('accountability-classified', '7.4', L.accountability.classifiedTitle, 2);
  if (ctx.classifiedOmitted) {
    cl.blocks.push(para(L.accountability.classifiedPublic, 'notice'));
    const leftOut = ctx.leftOut();
    if (leftOut.length > 0) {
      cl.blocks.push(
        itemTable('table-left-out', L.accountability.leftOutCaption, [
          { label: L.accountability.leftOutKindCol, width: 3, cell: (x) => capitalise(L.leftOutKind[x.kind][1]) },
          { label: L.accountability.leftOutCountCol, align: 'right', width: 1.5, cell: (x) => String(x.count) },
        ], leftOut),
      );
    }
  }
  else if (ctx.confidential && ctx.hasClassified()) cl.blocks.push(para(L.accountability.classifiedConfidential, 'classified'));
  else cl.blocks.push(para(L.accountability.noClassified));
  s.sections.push(com, exp, ap, cl);
  // Only what the review data record: no list of follow-up is no statement that there was none.
  if (r.followUp.length > 0) {
    const fu = ctx.section('accountability-follow-up', '7.5', L.accountability.followUpTitle, 2);
    fu.blocks.push(
      itemTable('table-follow-up', L.accountability.followUpTitle, [
        { label: L.accountability.followUpTypeCol, width: 2, cell: (x) => L.accountability.followUpType[x.type] },
        { label: L.accountability.followUpDateCol, width: 1.4, cell: (x) => formatDate(x.date, lang) },
        { label: L.accountability.followUpReferenceCol, width: 2.5, cell: (x) => x.reference ?? '' },
        { label: L.accountability.followUpSubjectCol, width: 4, cell: (x) => x.title ?? '' },
      ], r.followUp),
    );
    s.sections.push(fu);
  }
  // The review's notes are its encoders' and never printed; its remarks are for readers.
  if (r.remarks.length > 0 || ctx.opts.generatedOn) {
    const notes = ctx.section('accountability-notes', `7.${s.sections.length + 1}`, ctx.refs.labels.remarksTitle, 2);
    if (r.remarks.length > 0) notes.blocks.push({ kind: 'list', ordered: false, items: r.remarks.map((x) => ({ content: txt(x), level: 0 })) });
    notes.blocks.push(para(`${L.generatedBy}${ctx.opts.generatedOn ? ` ${L.generatedOn(ctx.opts.generatedOn)}` : ''}`, 'note'));
    s.sections.push(notes);
  }
  return s;
}
