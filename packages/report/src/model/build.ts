import {
  analyze,
  completenessOf,
  effectiveRpe,
  EVALUATION_TYPES,
  type Classification,
  type Domain,
  type EvidenceStrength,
  type Finding,
  type Instrument,
  type Objective,
  type Review,
  type RpeQuestion,
  type RpeSubject,
  type SavingsOptions,
  type Source,
} from '@polev/core';
import type { AnalyzeOptions, Assessment, CoverageSummary, Share, SteppedVerdicts, Sum } from '../assessment.js';
import { layoutPolicyTree, paginatePolicyTree, renderTreeSvg, type PolicyTreeNode } from '../figures/tree.js';
import { renderExpenditureChart } from '../figures/expenditure.js';
import { paginateGapRows, renderGapMap, type GapMapRowInput } from '../figures/gapmap.js';
import { formatAmount, formatCount, formatNumber, formatShare, labelsFor, type Labels, type Lang } from '../labels/index.js';
import { audienceLevel, filterReviewForAudience } from './audience.js';
import {
  para,
  t,
  txt,
  type Audience,
  type Block,
  type Cell,
  type CellTone,
  type Column,
  type FigureBlock,
  type Inline,
  type ListItem,
  type ReportDocument,
  type Row,
  type Run,
  type Section,
  type TableBlock,
} from './document.js';
import { formatDate, formatMoney, formatSum } from './format.js';
import { findingsAppendix } from './appendix-findings.js';
import { sourcesAppendix } from './appendix-sources.js';
import type { AppendixContext } from './blocks.js';
import { expenditurePanel } from './expenditure-panel.js';
import { captionReasonTables, condenseReasonTables } from './reason-tables.js';
import { anchorOf, plainLostText, References, resolveReferences } from './references.js';

export interface ReportOptions {
  /** Language of every label and heading; the review's own text stays as written. Default: the review's language. */
  lang?: Lang;
  /**
   * `public` (default) leaves out everything classified and states that a classified annex
   * exists; `confidential` includes it, visibly marked.
   */
  audience?: Audience;
  /** A generation date to print (the package reads no clock). Default: none printed. */
  generatedOn?: string | null;
  /**
   * Options for `analyze` when the report (re-)analyses the review. Their `lang` is always the
   * report's: every reason and recommendation is written in the language of the headings.
   */
  analyzeOptions?: AnalyzeOptions;
}

export interface ResolvedReportOptions {
  lang: Lang;
  audience: Audience;
  generatedOn: string | null;
  analyzeOptions: AnalyzeOptions;
}

/** The options with their defaults; without `lang`, the review's own language (Dutch without a review). */
export function resolveOptions(options: ReportOptions = {}, review?: Pick<Review, 'language'>): ResolvedReportOptions {
  const lang = options.lang ?? review?.language ?? 'nl';
  const audience = options.audience ?? 'public';
  if (lang !== 'nl' && lang !== 'en') throw new TypeError(`lang must be "nl" or "en", not ${JSON.stringify(lang)}`);
  if (audience !== 'public' && audience !== 'confidential') throw new TypeError(`audience must be "public" or "confidential", not ${JSON.stringify(audience)}`);
  return { lang, audience, generatedOn: options.generatedOn ?? null, analyzeOptions: { ...options.analyzeOptions, lang } };
}

/** Maximum heights of one printed figure part, in px (96 dpi). */
export const TREE_PAGE_HEIGHT = 520; // A4 landscape, 2 cm margins, less heading and caption
export const GAP_PAGE_HEIGHT = 860; // A4 portrait

/**
 * Builds the format-neutral report document. For the public audience the review is filtered
 * first and analysed again, so no verdict, reason or evidence list can mention a classified
 * record. The assessment passed in is used as is only when nothing was left out and it is written
 * in the report's language; otherwise the review is analysed again in that language, with the
 * savings options the assessment was made with unless `analyzeOptions` gives others.
 */
export function buildReport(review: Review, assessment?: Assessment | null, options: ReportOptions = {}): ReportDocument {
  const opts = resolveOptions(options, review);
  const level = audienceLevel(opts.audience);
  const filter = filterReviewForAudience(review, opts.audience);
  // The options of every re-analysis: the report's language, and the caller's savings options or
  // else those the assessment passed in was made with (the same variant in every version).
  const analyzeOptions: AnalyzeOptions =
    assessment && !opts.analyzeOptions.savings ? { ...opts.analyzeOptions, savings: savingsOptionsOf(assessment) } : opts.analyzeOptions;
  let a: Assessment;
  if (filter.dropped.length > 0) {
    // The same function as `polev analyze --audience public`: verdicts from the visible evidence only.
    a = analyze(review, { ...analyzeOptions, audience: level });
  } else if (assessment && (assessment.lang ?? 'en') === opts.lang) {
    // (An assessment serialised before it recorded its language is English.)
    a = assessment;
  } else {
    a = analyze(review, analyzeOptions);
  }
  return new Builder(filter.review, a, opts, filter.dropped.length > 0, review).build();
}

/** The savings options an assessment was made with: analysing again with them gives the same variant. */
function savingsOptionsOf(a: Assessment): SavingsOptions {
  return {
    percent: a.savings.percent,
    protect: a.savings.protectedLines,
    ...(a.savings.includesApparatus ? { includeApparatus: true } : {}),
    ...(a.savings.baseYear !== null && a.savings.base !== null ? { baseYear: a.savings.baseYear } : {}),
  };
}

// ------------------------------------------------------------------------------------------------

const STRENGTHS: EvidenceStrength[] = ['none', 'realisation', 'plausibility', 'process', 'effect'];

interface ObjectiveEntry {
  objective: Objective;
  depth: number;
}

class Builder {
  private readonly L: Labels;
  private readonly lang: Lang;
  private readonly domains: Domain[];
  private readonly objectivesOfDomain = new Map<string, ObjectiveEntry[]>();
  private readonly childrenOf = new Map<string, Objective[]>();
  private readonly instrumentsOf = new Map<string, Instrument[]>();
  private readonly instrumentsOfDomain = new Map<string, Instrument[]>();
  private readonly domainOfInstrument = new Map<string, string>();
  private readonly domainOfObjective = new Map<string, string>();
  private readonly instrumentNumber = new Map<string, string>();
  private readonly sources = new Map<string, Source>();
  private readonly findingsAbout = new Map<string, Finding[]>();
  private readonly names = new Map<string, string>();
  /** RPE question number -> ids of the sections of this report that answer it. */
  private readonly answeredBy = new Map<number, string[]>();
  /** Questions whose recorded answer has been shown: one that asks about several subjects (2013's parts) shows it once. */
  private readonly notesShown = new Set<number>();
  private readonly sectionById = new Map<string, Section>();
  /** The questions of the review's RPE version; empty when polev bundles no question set for it. */
  private readonly questions: readonly RpeQuestion[];
  /** Whether polev knows the questions of the review's RPE version (it then names them). */
  private readonly rpeKnown: boolean;
  /** Numbered findings and sources, and the references that replace ids in running text. */
  private readonly refs: References;
  /** Set on a list of the review's own words when the report is in another language. */
  private readonly quote: { quote?: string };

  constructor(
    private readonly r: Review,
    private readonly a: Assessment,
    private readonly opts: ResolvedReportOptions,
    private readonly classifiedOmitted: boolean,
    private readonly original: Review,
  ) {
    this.lang = opts.lang;
    this.L = labelsFor(opts.lang);
    this.domains = r.policyTree.domains;
    // Never another version's questions: their numbers and texts differ between versions. The
    // review's own question set, where it gives one, is the one it answers.
    const rpe = effectiveRpe(r);
    this.rpeKnown = rpe.questions !== null;
    this.questions = rpe.questions ?? [];

    const byId = new Map(r.policyTree.objectives.map((o) => [o.id, o]));
    const roots: Objective[] = [];
    for (const o of r.policyTree.objectives) {
      if (o.parent && byId.has(o.parent) && o.parent !== o.id) {
        const list = this.childrenOf.get(o.parent) ?? [];
        list.push(o);
        this.childrenOf.set(o.parent, list);
      } else roots.push(o);
    }
    const seen = new Set<string>();
    const visit = (o: Objective, depth: number, domain: string) => {
      if (seen.has(o.id)) return;
      seen.add(o.id);
      const list = this.objectivesOfDomain.get(domain) ?? [];
      list.push({ objective: o, depth });
      this.objectivesOfDomain.set(domain, list);
      this.domainOfObjective.set(o.id, domain);
      for (const c of this.childrenOf.get(o.id) ?? []) visit(c, depth + 1, domain);
    };
    for (const d of this.domains) for (const o of roots) if (o.domain === d.id) visit(o, 0, d.id);
    for (const o of roots) visit(o, 0, o.domain);

    for (const i of r.instruments) {
      const list = this.instrumentsOf.get(i.objective) ?? [];
      list.push(i);
      this.instrumentsOf.set(i.objective, list);
    }
    for (const d of this.domains) {
      const ordered: Instrument[] = [];
      for (const { objective } of this.objectivesOfDomain.get(d.id) ?? []) ordered.push(...(this.instrumentsOf.get(objective.id) ?? []));
      ordered.forEach((ins, idx) => {
        this.domainOfInstrument.set(ins.id, d.id);
        this.instrumentNumber.set(ins.id, ins.number ?? String(idx + 1));
      });
      this.instrumentsOfDomain.set(d.id, ordered);
    }
    for (const s of r.sources) this.sources.set(s.id, s);
    for (const f of r.findings) {
      for (const subject of new Set(f.subjects)) {
        const list = this.findingsAbout.get(subject) ?? [];
        list.push(f);
        this.findingsAbout.set(subject, list);
      }
    }
    for (const d of this.domains) this.names.set(d.id, d.name);
    for (const o of r.policyTree.objectives) this.names.set(o.id, o.text);
    for (const i of r.instruments) this.names.set(i.id, i.name);
    for (const l of r.budgetLines) this.names.set(l.id, l.name);
    for (const s of r.sources) this.names.set(s.id, s.title);
    this.refs = new References(r, this.lang, (id) => this.instrumentNumber.get(id));
    this.quote = r.language !== this.lang ? { quote: r.language } : {};
  }

  private appendixContext(): AppendixContext {
    return { review: this.r, L: this.L, lang: this.lang, refs: this.refs, confidential: this.opts.audience === 'confidential', badge: (c) => this.badge(c) };
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private section(id: string, number: string | null, title: string, level: 1 | 2 | 3, extra: Partial<Section> = {}): Section {
    const s: Section = { id, number, title, level, blocks: [], sections: [], ...extra };
    this.sectionById.set(id, s);
    return s;
  }

  /** The sections that answer the questions about a subject, whatever the version numbers them. */
  private answers(subject: RpeSubject, ...sectionIds: string[]) {
    for (const q of this.questionsAbout(subject)) {
      const list = this.answeredBy.get(q.number) ?? [];
      for (const id of sectionIds) if (!list.includes(id)) list.push(id);
      this.answeredBy.set(q.number, list);
    }
  }

  private questionsAbout(subject: RpeSubject): RpeQuestion[] {
    return this.questions.filter((q) => q.subjects.includes(subject));
  }

  /** The classification marking of a record, in the confidential version; nothing for public records. */
  private badge(c: Classification | undefined | null): Run[] {
    if (!c || c === 'public') return [];
    return [t(this.L.classification[c], { classified: c }), t(' ')];
  }

  private table(id: string, caption: string, columns: Column[], rows: Row[], note?: string): TableBlock {
    return { kind: 'table', id, number: 0, caption, columns, rows, ...(note ? { note } : {}) };
  }

  private figure(
    figure: FigureBlock['figure'],
    id: string,
    caption: string,
    svg: string,
    width: number,
    height: number,
    alt: string,
    extra: { landscape?: boolean; fallback?: FigureBlock['fallback'] } = {},
  ): FigureBlock {
    return { kind: 'figure', figure, id, number: 0, caption, svg, width, height, alt, ...extra };
  }

  private c(content: Inline | string, tone?: CellTone): Cell {
    return { content: [typeof content === 'string' ? txt(content) : content], ...(tone ? { tone } : {}) };
  }

  private cParas(paragraphs: (Inline | string)[], tone?: CellTone): Cell {
    return { content: paragraphs.map((p) => (typeof p === 'string' ? txt(p) : p)), ...(tone ? { tone } : {}) };
  }

  private share(s: Share): string {
    return formatCount(s.count, s.total, s.share, this.lang);
  }

  private money(v: number | null | undefined): string {
    return formatMoney(v, this.lang);
  }

  private name(id: string): string {
    return this.names.get(id) ?? id;
  }

  private instrumentLabel(i: Instrument): string {
    return `${this.instrumentNumber.get(i.id) ?? ''}. ${i.name}`.replace(/^\. /, '');
  }

  private questionList(subjects: RpeSubject[]): Block[] {
    if (!this.rpeKnown) return [];
    const items = this.questions.filter((q) => q.subjects.some((x) => subjects.includes(x))).map((q): ListItem => ({ content: txt(`${q.label}. ${q[this.lang]}`), level: 0 }));
    if (items.length === 0) return [];
    return [para(this.a.rpe.questionNoun === 'part' ? this.L.rpeIntroParts : this.L.rpeIntro, 'note'), { kind: 'list', ordered: false, items }];
  }

  /** The review's own answer to an RPE question (where it answers it), as a note paragraph. */
  private rpeAnswerNote(subject: RpeSubject): Block[] {
    if (!this.rpeKnown) return [];
    const item = this.a.rpe.items.find((i) => i.subjects.includes(subject) && !this.notesShown.has(i.question));
    if (!item) return [];
    this.notesShown.add(item.question);
    const out: Run[] = [];
    if (item.location) out.push(t(this.L.policy.answeredIn(item.location)));
    // An answer's note is the encoder's; only its remarks are written for readers.
    const remarks = this.r.rpeAnswers.find((x) => x.question === item.question)?.remarks;
    if (remarks) out.push(t(`${out.length ? ' ' : ''}${remarks}`));
    return out.length ? [para(out, 'note')] : [];
  }

  private verdictCells(v: SteppedVerdicts): { goal: string; realisation: string; effectiveness: string; efficiency: string } {
    return {
      goal: this.L.goalAchievement[v.goalAchievement.value],
      realisation: this.L.realisationValue[v.realisation.value],
      effectiveness: this.L.effectivenessValue[v.effectiveness.value],
      efficiency: this.L.efficiencyValue[v.efficiency.value],
    };
  }

  private verdictTone(kind: 'effectiveness' | 'efficiency' | 'goal' | 'realisation', value: string): CellTone | undefined {
    if (value === 'not-determinable' || value === 'unknown' || value === 'no-instruments') return 'muted';
    if (kind === 'effectiveness') return value === 'demonstrated' ? 'strength-effect' : value === 'plausible' ? 'strength-plausibility' : undefined;
    if (kind === 'efficiency') return value === 'determinable' ? 'strength-effect' : undefined;
    return undefined;
  }

  // ---- the document ----------------------------------------------------------------------------

  build(): ReportDocument {
    const L = this.L;
    const r = this.r;
    const confidential = this.opts.audience === 'confidential';
    const sections: Section[] = [
      this.summary(),
      this.scope(),
      this.policy(),
      this.instruments(),
      this.research(),
      this.effects(),
      this.options(),
      this.accountability(),
      ...this.appendices(),
    ];
    this.rpeIndexFill();
    const condensed = condenseReasonTables(sections, L, this.refs.labels);
    numberBlocks(sections);
    captionReasonTables(condensed, L, this.refs.labels);
    resolveReferences(sections, this.refs);

    const articles = r.budgetArticles.map((x) => `${x.number}${x.title ? ` ${x.title}` : ''}`).join('; ');
    const meta: { term: string; value: string }[] = [
      { term: L.meta.ministry, value: r.ministry.abbreviation ? `${r.ministry.name} (${r.ministry.abbreviation})` : r.ministry.name },
    ];
    if (r.budgetChapter) meta.push({ term: L.meta.budgetChapter, value: r.budgetChapter });
    meta.push({ term: L.meta.budgetArticles, value: articles });
    meta.push({ term: L.meta.period, value: r.period?.start == null && r.period?.end == null ? L.unknown : `${r.period?.start ?? L.unknown}–${r.period?.end ?? L.unknown}` });
    if (r.performedBy) meta.push({ term: L.meta.performedBy, value: r.performedBy });
    meta.push({ term: L.meta.method, value: r.method ? L.method[r.method] : L.unknown });
    meta.push({ term: L.meta.rpeVersion, value: `RPE ${r.rpeVersion}` });
    if (r.dates.completed) meta.push({ term: L.meta.completed, value: formatDate(r.dates.completed, this.lang) });
    if (r.dates.sentToParliament) meta.push({ term: L.meta.sentToParliament, value: formatDate(r.dates.sentToParliament, this.lang) });

    return {
      lang: this.lang,
      audience: this.opts.audience,
      labels: L,
      title: r.title,
      subtitle: confidential ? L.confidentialVersion : L.publicVersion,
      meta,
      banner: confidential ? { tone: 'confidential', text: L.confidentialBanner } : { tone: 'public', text: L.publicBanner },
      sections,
      classifiedOmitted: this.classifiedOmitted,
      generatedOn: this.opts.generatedOn,
      properties: {
        author: r.performedBy ?? null,
        subject: [L.docType, articles, `${r.period?.start ?? L.unknown}–${r.period?.end ?? L.unknown}`].join(' · '),
        date: r.dates.completed ?? r.dates.sentToParliament ?? null,
        keywords: [r.ministry.abbreviation ?? r.ministry.name, ...r.budgetArticles.map((x) => x.number), `RPE ${r.rpeVersion}`],
      },
    };
  }

  // ---- Summary -----------------------------------------------------------------------------------

  private summary(): Section {
    const L = this.L;
    const r = this.r;
    const a = this.a;
    const s = this.section('summary', null, L.summary.title, 1, { pageBreak: true });
    const articles = r.budgetArticles.map((x) => `${x.number}${x.title ? ` (${x.title})` : ''}`).join(', ');
    const ministry = r.ministry.abbreviation ? `${r.ministry.name} (${r.ministry.abbreviation})` : r.ministry.name;
    s.blocks.push(
      para(L.summary.intro({ articles, chapter: r.budgetChapter ?? null, ministry, start: r.period?.start ?? null, end: r.period?.end ?? null }), 'lead'),
      para(L.summary.performed({ by: r.performedBy ?? null, method: r.method ? L.method[r.method] : null })),
    );
    if (this.classifiedOmitted) s.blocks.push(para(L.summary.classifiedAnnexPublic, 'notice'));
    else if (this.opts.audience === 'confidential' && this.hasClassified()) s.blocks.push(para(L.summary.classifiedAnnexConfidential, 'classified'));

    const key = this.section('summary-key-figures', null, L.summary.keyFigures, 2);
    key.blocks.push({
      kind: 'definitions',
      items: [
        { term: L.summary.domains, value: txt(String(this.domains.length)) },
        { term: L.summary.objectives, value: txt(String(r.policyTree.objectives.length)) },
        { term: L.summary.instruments, value: txt(a.realisation.article.list.counted) },
        { term: L.summary.realised, value: txt(this.share(a.realisation.article.realised)) },
        // Unknown lists give unknown figures, not "0 of n": the file's silence is not the source's "none".
        { term: L.summary.evaluated, value: txt(a.coverage.article.evaluationList.status === 'unknown' ? L.unknown : this.share(a.coverage.article.evaluated)) },
        { term: L.summary.withCost, value: txt(a.expenditure.completeness.budgetLines === 'unknown' && r.budgetLines.length === 0 ? L.unknown : this.share(a.costAttribution.withCost)) },
        { term: L.summary.programmeTotal, value: txt(formatSum(a.expenditure.byKind.programme, this.lang)) },
      ],
    });

    const verdicts = this.section('summary-verdicts', null, L.summary.verdictsTitle, 2);
    const rows: Row[] = [];
    for (const d of this.domains) {
      const v = a.verdicts.domains.find((x) => x.scope.id === d.id);
      if (!v) continue;
      rows.push(this.verdictRow(d.name, v));
    }
    rows.push({ ...this.verdictRow(L.effects.articleTitle, a.verdicts.article), kind: 'total' });
    verdicts.blocks.push(
      this.table('table-summary-verdicts', L.summary.verdictsTitle, [
        { label: L.research.domainCol, width: 3 },
        { label: L.steps.goalAchievement, width: 2 },
        { label: L.steps.realisation, width: 2 },
        { label: L.steps.effectiveness, width: 2 },
        { label: L.steps.efficiency, width: 2 },
      ], rows),
    );

    const general = r.conclusions.filter((c) => this.conclusionDomain(c.subjects) === null);
    if (general.length > 0) {
      const cs = this.section('summary-conclusions', null, L.summary.conclusionsTitle, 2);
      cs.blocks.push({ kind: 'list', ordered: false, items: general.map((c) => ({ content: [...this.badge(c.classification), t(c.text)], level: 0 })), ...this.quote });
    }
    if (r.recommendations.length > 0) {
      const rs = this.section('summary-recommendations', null, L.summary.recommendationsTitle, 2);
      rs.blocks.push({ kind: 'list', ordered: true, items: r.recommendations.map((x) => ({ content: txt(x.text), level: 0 })), ...this.quote });
    }
    s.sections.push(...[key, verdicts, this.sectionById.get('summary-conclusions'), this.sectionById.get('summary-recommendations')].filter((x): x is Section => x !== undefined));
    return s;
  }

  /** An objective with its structured SMART fields, where the review gives them. */
  private objectiveInline(o: Objective): Inline {
    const fields = (['indicator', 'baseline', 'target', 'deadline'] as const)
      .map((k) => (o.smart?.[k] ? `${this.L.policy.smartFields[k]}: ${o.smart[k]}` : null))
      .filter((x): x is string => x !== null);
    return fields.length ? [t(o.text), t(` (${fields.join('; ')})`, { italic: true })] : txt(o.text);
  }

  private verdictRow(label: string, v: SteppedVerdicts): Row {
    const cells = this.verdictCells(v);
    return {
      cells: [
        this.c(label),
        this.c(cells.goal, this.verdictTone('goal', v.goalAchievement.value)),
        this.c(cells.realisation, this.verdictTone('realisation', v.realisation.value)),
        this.c(cells.effectiveness, this.verdictTone('effectiveness', v.effectiveness.value)),
        this.c(cells.efficiency, this.verdictTone('efficiency', v.efficiency.value)),
      ],
    };
  }

  private hasClassified(): boolean {
    const r = this.original;
    const cl = (x: { classification?: Classification }) => x.classification !== undefined && x.classification !== 'public';
    return r.sources.some(cl) || r.instruments.some(cl) || r.findings.some(cl) || r.indicators.some(cl) || r.conclusions.some(cl);
  }

  /** The domain a set of subject ids belongs to, when they all point into one domain. */
  private conclusionDomain(subjects: string[]): string | null {
    const found = new Set<string>();
    for (const s of subjects) {
      const d = this.domains.some((x) => x.id === s) ? s : (this.domainOfObjective.get(s) ?? this.domainOfInstrument.get(s));
      if (d) found.add(d);
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  // ---- 1 Scope -----------------------------------------------------------------------------------

  private scope(): Section {
    const L = this.L;
    const r = this.r;
    const s = this.section('scope', '1', L.scope.title, 1, { pageBreak: true });
    s.blocks.push(...this.questionList(['articles', 'exclusions']));
    if (r.centralQuestion) s.blocks.push({ kind: 'definitions', items: [{ term: L.scope.centralQuestion, value: txt(r.centralQuestion) }] });

    const art = this.section('scope-articles', '1.1', L.scope.articlesTitle, 2);
    art.blocks.push(
      this.table('table-articles', L.scope.articlesTitle, [
        { label: L.scope.articleCol, width: 1 },
        { label: L.scope.titleCol, width: 3 },
        { label: L.scope.partsCol, width: 3 },
      ], r.budgetArticles.map((x) => ({ cells: [this.c(x.number), this.c(x.title ?? ''), this.c(x.parts.join('; '))] }))),
    );
    const defs: { term: string; value: Inline }[] = [{ term: L.meta.ministry, value: txt(r.ministry.name) }];
    if (r.budgetChapter) defs.push({ term: L.meta.budgetChapter, value: txt(r.budgetChapter) });
    art.blocks.push({ kind: 'definitions', items: defs }, ...this.rpeAnswerNote('articles'));

    const period = this.section('scope-period', '1.2', L.scope.periodTitle, 2);
    period.blocks.push(para(L.scope.periodText(r.period?.start ?? null, r.period?.end ?? null)));

    const excl = this.section('scope-exclusions', '1.3', L.scope.exclusionsTitle, 2);
    if (r.scopeExclusions.length === 0) excl.blocks.push(para(L.scope.noExclusions));
    else {
      excl.blocks.push(
        this.table('table-exclusions', L.scope.exclusionsTitle, [
          { label: L.scope.exclusionCol, width: 3 },
          { label: L.scope.reasonCol, width: 4 },
        ], r.scopeExclusions.map((x) => ({ cells: [this.c(x.description), this.c(x.reason)] }))),
      );
    }
    excl.blocks.push(...this.rpeAnswerNote('exclusions'));
    const out = this.a.expenditure.outOfScope;
    if (out.length > 0) {
      excl.blocks.push(
        this.table('table-out-of-scope', L.scope.outOfScopeMoney, [
          { label: L.instruments.lineCol, width: 3 },
          { label: L.totalThousands, align: 'right', width: 1.5 },
          { label: L.scope.reasonCol, width: 4 },
        ], out.map((o) => ({ cells: [this.c(o.name), this.c(formatSum(o.total, this.lang)), this.c(o.reason)] }))),
      );
    }
    this.answers('articles', art.id);
    this.answers('exclusions', excl.id);
    s.sections.push(art, period, excl);
    return s;
  }

  // ---- 2 Motivation and objectives --------------------------------------------------------------

  private policy(): Section {
    const L = this.L;
    const r = this.r;
    const s = this.section('policy', '2', L.policy.title, 1, { pageBreak: true });
    s.blocks.push(...this.questionList(['reason', 'responsibility', 'objectives']));

    const reason = this.section('policy-reason', '2.1', L.policy.reasonTitle, 2);
    reason.blocks.push({ kind: 'definitions', items: [{ term: L.policy.mainGoal, value: txt(r.policyTree.mainGoal.text ?? L.unknown) }] });
    const q3 = this.rpeAnswerNote('reason');
    reason.blocks.push(...(q3.length || !this.rpeKnown ? q3 : [para(L.policy.notRecorded, 'note')]));

    const resp = this.section('policy-responsibility', '2.2', L.policy.responsibilityTitle, 2);
    resp.blocks.push(...this.rpeAnswerNote('responsibility'));
    const roleRows: Row[] = this.domains.map((d) => {
      const ins = this.instrumentsOfDomain.get(d.id) ?? [];
      const count = (role: string | null) => ins.filter((i) => (i.role ?? null) === role).length;
      return { cells: [this.c(d.name), this.c(String(count('directing'))), this.c(String(count('guiding'))), this.c(String(count('facilitating'))), this.c(String(count(null))), this.c(String(ins.length))] };
    });
    resp.blocks.push(
      para(L.policy.rolesIntro),
      this.table('table-roles', L.policy.rolesTableCaption, [
        { label: L.research.domainCol, width: 3 },
        { label: L.role.directing, align: 'right', width: 1 },
        { label: L.role.guiding, align: 'right', width: 1 },
        { label: L.role.facilitating, align: 'right', width: 1 },
        { label: L.unknown, align: 'right', width: 1 },
        { label: L.total, align: 'right', width: 1 },
      ], roleRows),
    );

    const obj = this.section('policy-objectives', '2.3', L.policy.objectivesTitle, 2);
    obj.blocks.push(...this.rpeAnswerNote('objectives'));
    this.domains.forEach((d, di) => {
      const ds = this.section(`policy-objectives-${d.id}`, `2.3.${di + 1}`, L.policy.objectivesOf(d.name), 3);
      if (d.goal) ds.blocks.push({ kind: 'definitions', items: [{ term: L.policy.domainGoal, value: txt(d.goal) }] });
      const entries = this.objectivesOfDomain.get(d.id) ?? [];
      if (entries.length === 0) ds.blocks.push(para(L.policy.noObjectives));
      else {
        ds.blocks.push({ kind: 'list', ordered: false, items: entries.map((e) => ({ content: this.objectiveInline(e.objective), level: e.depth })) });
        const rows: Row[] = [];
        for (const e of entries) {
          const check = this.a.smart.find((x) => x.objective === e.objective.id);
          if (!check) continue;
          const crit = (['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const).map((k) => {
            const res = check.criteria[k].result;
            return this.c(L.smartResult[res], res === 'pass' ? 'strength-plausibility' : res === 'fail' ? 'unknown' : 'muted');
          });
          const reasons = check.failed.map((k) => `${L.smartCriterion[k]}: ${check.criteria[k].reason}`);
          rows.push({ cells: [this.c(e.objective.text), ...crit, this.cParas(reasons.length ? reasons : [''])] });
        }
        if (rows.length > 0) {
          ds.blocks.push(
            this.table(`table-smart-${d.id}`, L.policy.smartCaption(d.name), [
              { label: L.policy.smartObjectiveCol, width: 4 },
              ...(['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const).map((k): Column => ({ label: L.smartCriterion[k].slice(0, 1), align: 'center', width: 0.5 })),
              { label: L.effects.reasonsCol, width: 4 },
            ], rows, `S = ${L.smartCriterion.specific}, M = ${L.smartCriterion.measurable}, A = ${L.smartCriterion.achievable}, R = ${L.smartCriterion.relevant}, T = ${L.smartCriterion.timeBound}.`),
          );
        }
      }
      obj.sections.push(ds);
    });
    this.answers('reason', reason.id);
    this.answers('responsibility', resp.id);
    this.answers('objectives', obj.id);
    s.sections.push(reason, resp, obj);
    return s;
  }

  // ---- 3 Instruments and expenditure ------------------------------------------------------------

  private instruments(): Section {
    const L = this.L;
    const a = this.a;
    const s = this.section('instruments', '3', L.instruments.title, 1, { pageBreak: true });
    s.blocks.push(...this.questionList(['instruments', 'expenditure']));
    s.blocks.push(...this.rpeAnswerNote('instruments'));
    // Every count below is of the instruments in the data; say how many that is of all.
    if (a.realisation.article.list.note) s.blocks.push(para(a.realisation.article.list.note, 'note'));

    this.domains.forEach((d, di) => {
      const ds = this.section(`instruments-${d.id}`, `3.${di + 1}`, L.instruments.domainTitle(d.name), 2);
      const ins = this.instrumentsOfDomain.get(d.id) ?? [];
      const entries = this.objectivesOfDomain.get(d.id) ?? [];
      if (ins.length === 0) {
        ds.blocks.push(para(L.instruments.noInstruments));
      } else {
        const withInstruments = new Set(ins.map((i) => i.objective)).size;
        ds.blocks.push(para(L.instruments.count(ins.length, withInstruments)));
        const rs = a.realisation.domains.find((x) => x.scope.id === d.id);
        if (rs) {
          ds.blocks.push(para(L.instruments.realisationSummary(this.share(rs.realised), this.share(rs.deployed))));
          if (rs.realisedAfterPeriod.length > 0) ds.blocks.push(para(L.instruments.afterPeriod(rs.realisedAfterPeriod.length)));
        }
        const rows: Row[] = [];
        for (const { objective, depth } of entries) {
          const own = this.instrumentsOf.get(objective.id) ?? [];
          if (own.length === 0) continue;
          rows.push({ kind: 'group', cells: [{ content: [txt(`${'\u2003'.repeat(depth)}${objective.text}`)], colSpan: 5 }] });
          for (const i of own) {
            rows.push({
              ...(i.classification !== 'public' ? { classified: i.classification } : {}),
              cells: [
                this.c(this.instrumentNumber.get(i.id) ?? ''),
                // The id becomes the instrument's (short) name, linked to its row in the appendix.
                this.c([...this.badge(i.classification), t(i.id)]),
                this.c(L.instrumentKind[i.kind]),
                this.c(i.role ? L.role[i.role] : ''),
                this.c(L.realisationStatus[i.realisation.status], i.realisation.status === 'unknown' ? 'muted' : undefined),
              ],
            });
          }
        }
        ds.blocks.push(
          this.table(`table-instruments-${d.id}`, L.instruments.overviewCaption(d.name), [
            { label: L.instruments.numberCol, width: 0.6, align: 'right' },
            { label: L.instruments.instrumentCol, width: 5 },
            { label: L.instruments.kindCol, width: 1.5 },
            { label: L.instruments.roleCol, width: 1.5 },
            { label: L.instruments.realisationCol, width: 1.8 },
          ], rows),
        );
      }
      s.sections.push(ds);
      this.answers('instruments', ds.id);
    });

    const n = this.domains.length + 1;
    const ex = this.section('expenditure', `3.${n}`, L.instruments.expenditureTitle, 2);
    ex.blocks.push(...this.rpeAnswerNote('expenditure'));
    const overview = this.section('expenditure-overview', `3.${n}.1`, L.instruments.expenditureOverview, 3);
    const exp = a.expenditure;
    if (exp.lines.length === 0) overview.blocks.push(para(exp.completeness.budgetLines === 'complete' ? L.instruments.noExpenditure : L.instruments.expenditureUnknown));
    if (exp.completeness.missing && exp.completeness.expenditure !== 'complete') overview.blocks.push(para(L.instruments.expenditureMissing(exp.completeness.missing), 'note'));
    const kinds = (['programme', 'apparatus', 'receipts'] as const).filter((k) => exp.lines.some((l) => l.kind === k));
    for (const kind of kinds) {
      const lines = exp.lines.filter((l) => l.kind === kind);
      const years = exp.years.filter((y) => lines.some((l) => l.years.some((x) => x.year === y)));
      const kindLabel = L.budgetKind[kind];
      const rows: Row[] = lines.map((l) => ({
        cells: [
          this.c(l.name),
          ...years.map((y) => {
            const e = l.years.find((x) => x.year === y);
            if (!e) return this.c('');
            return this.c(this.money(e.amount), e.amount === null ? 'unknown' : undefined);
          }),
          this.c(formatSum(l.total, this.lang)),
        ],
      }));
      const totals = years.map((y) => exp.byKindAndYear.find((k) => k.kind === kind && k.year === y)?.total);
      rows.push({
        kind: 'total',
        cells: [this.c(L.total), ...totals.map((x) => this.c(x ? formatSum(x, this.lang) : '')), this.c(formatSum(exp.byKind[kind], this.lang))],
      });
      overview.blocks.push(
        this.table(`table-expenditure-${kind}`, L.instruments.expenditureCaption(kindLabel), [
          { label: L.instruments.lineCol, width: 3 },
          ...years.map((y): Column => ({ label: String(y), align: 'right', width: 1 })),
          { label: L.total, align: 'right', width: 1.2 },
        ], rows, L.amountsNote),
      );
      const panel = expenditurePanel(this.r, lines.flatMap((l) => l.years.map((y) => y.amount)), kindLabel, this.refs.labels);
      if (panel) overview.blocks.push(panel);
      else if (lines.some((l) => l.years.length > 0)) {
        const figId = `figure-expenditure-${kind}`;
        const chart = renderExpenditureChart({
          idPrefix: figId,
          title: L.instruments.expenditureFigure(kindLabel),
          description: L.figure.expenditureDesc(kindLabel),
          years,
          series: lines.map((l) => ({ id: l.line, name: l.name, values: l.years.map((y) => ({ year: y.year, amount: y.amount })) })),
          unknownLegend: L.figure.unknownLegend,
          axisLabel: L.figure.amountAxis,
          formatAmount: (v) => formatNumber(v, this.lang, 1),
        });
        overview.blocks.push(this.figure('chart', figId, L.instruments.expenditureFigure(kindLabel), chart.svg, chart.width, chart.height, L.figure.expenditureDesc(kindLabel)));
      }
    }
    const dominant = this.dominantLineText();
    if (dominant) overview.blocks.push(para(dominant));
    if (exp.unknownAmounts.length > 0) overview.blocks.push(para(L.instruments.unknownAmounts(exp.unknownAmounts.length), 'note'));
    ex.sections.push(overview);
    this.budgetAgainstRealisation(ex, n);
    if (exp.outsideArticle.length > 0) {
      const other = this.section('expenditure-other-articles', `3.${n}.${ex.sections.length + 1}`, L.instruments.outsideArticleTitle, 3);
      other.blocks.push(
        para(L.instruments.outsideArticleText(exp.outsideArticle.length, this.r.budgetArticles.map((x) => x.number).join(', ')), 'notice'),
        this.table('table-expenditure-other-articles', L.instruments.outsideArticleTitle, [
          { label: L.instruments.lineCol, width: 3 },
          { label: L.instruments.kindCol, width: 1.4 },
          { label: L.instruments.articleCol, width: 1 },
          { label: L.total, align: 'right', width: 1.5 },
        ], exp.outsideArticle.map((o) => ({ cells: [this.c(o.name), this.c(L.budgetKind[o.kind]), this.c(o.article), this.c(formatSum(o.total, this.lang))] }))),
      );
      ex.sections.push(other);
    }

    if (exp.outOfScope.length > 0) {
      const oos = this.section('expenditure-out-of-scope', `3.${n}.${ex.sections.length + 1}`, L.instruments.outOfScopeTitle, 3);
      oos.blocks.push(
        this.table('table-expenditure-out-of-scope', L.instruments.outOfScopeTitle, [
          { label: L.instruments.lineCol, width: 3 },
          { label: L.total, align: 'right', width: 1.5 },
          { label: L.scope.reasonCol, width: 4 },
        ], exp.outOfScope.map((o) => ({ cells: [this.c(o.name), this.c(formatSum(o.total, this.lang)), this.c(o.reason)] }))),
      );
      ex.sections.push(oos);
    }

    const cost = this.section('expenditure-cost', `3.${n}.${ex.sections.length + 1}`, L.instruments.costTitle, 3);
    const ca = a.costAttribution;
    const am = ca.attributableMoney;
    cost.blocks.push(
      para(
        am.share === null && am.total === 0
          ? L.instruments.costTextAllUnknown(this.share(ca.withCost), am.unknownParts)
          : am.share === null && am.unknownParts > 0
          ? L.instruments.costTextUnknown(this.share(ca.withCost), formatAmount(am.attributable, this.lang), formatAmount(am.total, this.lang), am.unknownParts)
          : L.instruments.costText(this.share(ca.withCost), formatShare(am.share, this.lang)),
      ),
    );
    const st = ca.staffTime;
    cost.blocks.push(para(st.attributable !== 0 ? L.instruments.staffTimeText(formatAmount(st.attributable, this.lang), formatAmount(st.total, this.lang), formatShare(st.share, this.lang)) : L.instruments.staffTimeNone));
    if (ca.withoutCost.length > 0) cost.blocks.push(para(L.instruments.withoutCostList(ca.withoutCost.length)));
    if (ca.jointOnly.length > 0) cost.blocks.push(para(L.instruments.jointText(ca.jointOnly.length)));
    const withCost = this.r.instruments.filter((i) => (ca.instruments[i.id]?.status ?? 'none') !== 'none');
    if (withCost.length > 0) {
      cost.blocks.push(
        this.table('table-cost', L.summary.withCost, [
          { label: L.instruments.instrumentCol, width: 4 },
          { label: L.instruments.lineCol, width: 3 },
          { label: L.instruments.ownCostCol, align: 'right', width: 1.5 },
          { label: L.instruments.jointCol, width: 3 },
        ], withCost.map((i) => {
          const x = ca.instruments[i.id]!;
          const joint = x.joint.map((j) => L.instruments.jointWith(formatSum(j.amount, this.lang), this.name(j.line), j.with.filter((w) => w !== i.id).map((w) => this.name(w)).join(', ')));
          return {
            cells: [
              this.c([...this.badge(i.classification), t(this.instrumentLabel(i))]),
              this.c(x.lines.map((l) => this.name(l)).join('; ')),
              this.c(x.amount ? formatSum(x.amount, this.lang) : this.L.unknown, x.amount && x.amount.amount !== null ? undefined : 'unknown'),
              this.cParas(joint.length ? joint : ['']),
            ],
          };
        })),
      );
    }
    // A part no line contributes to is left blank: nothing is linked, which is not a cost of 0.
    const part = (x: Sum | null) => (x === null ? '' : formatSum(x, this.lang));
    const domainCosts = ca.scopes.domains.filter((d) => d.attributed.known > 0 || d.attributed.unknownParts > 0 || d.sharedWithOtherScopes.lines.length > 0);
    if (domainCosts.length > 0) {
      cost.blocks.push(
        this.table('table-cost-domains', L.instruments.scopeCostCaption, [
          { label: L.instruments.scopeCol, width: 3 },
          { label: L.instruments.attributedCol, align: 'right', width: 1.4 },
          { label: L.instruments.staffCol, align: 'right', width: 1.4 },
          { label: L.instruments.jointInsideCol, align: 'right', width: 1.4 },
          { label: L.instruments.sharedCol, align: 'right', width: 1.8 },
        ], [
          ...domainCosts.map((d): Row => ({
            cells: [this.c(this.name(d.scope)), this.c(formatSum(d.attributed, this.lang)), this.c(part(d.apparatus)), this.c(part(d.joint)), this.c(d.sharedWithOtherScopes.lines.length ? formatSum(d.sharedWithOtherScopes.amount, this.lang) : '')],
          })),
          {
            kind: 'total',
            cells: [this.c(L.total), this.c(formatSum(ca.scopes.article.attributed, this.lang)), this.c(part(ca.scopes.article.apparatus)), this.c(part(ca.scopes.article.joint)), this.c('')],
          },
        ]),
      );
    }
    ex.sections.push(cost);
    s.sections.push(ex);
    this.answers('expenditure', ex.id);
    return s;
  }

  /** Budget against realisation per kind and year, where the review gives budgets (the open data's phases). */
  private budgetAgainstRealisation(ex: Section, n: number): void {
    const L = this.L;
    const rows = this.a.expenditure.budgetAgainstRealisation;
    if (rows.length === 0) return;
    const sec = this.section('expenditure-budget', `3.${n}.${ex.sections.length + 1}`, L.instruments.budgetTitle, 3);
    for (const kind of ['programme', 'apparatus', 'receipts', 'unknown'] as const) {
      const of = rows.filter((r) => r.kind === kind);
      if (of.length === 0) continue;
      sec.blocks.push(
        this.table(`table-budget-${kind}`, L.instruments.budgetCaption(L.budgetKind[kind]), [
          { label: L.instruments.yearCol, width: 0.8 },
          { label: L.instruments.phaseCol, width: 2 },
          { label: L.instruments.budgetCol, align: 'right', width: 1.3 },
          { label: L.instruments.realisedCol, align: 'right', width: 1.3 },
          { label: L.instruments.differenceCol, align: 'right', width: 1.6 },
        ], of.map((r) => ({
          cells: [
            this.c(String(r.year)),
            this.c(L.instruments.budgetPhase[r.phase]),
            this.c(formatSum(r.budget, this.lang), r.budget.amount === null ? 'unknown' : undefined),
            this.c(formatSum(r.realisation, this.lang), r.realisation.amount === null ? 'unknown' : undefined),
            this.c(r.difference === null ? L.unknown : `${r.difference > 0 ? '+' : ''}${formatAmount(r.difference, this.lang)} (${formatShare(r.differenceShare, this.lang)})`, r.difference === null ? 'unknown' : undefined),
          ],
        })), L.amountsNote),
      );
    }
    ex.sections.push(sec);
  }

  /**
   * The largest programme line, as far as it is known: its share when every amount is known; its
   * known amount, with the share unknown, when some are not; what the review's text says when the
   * source gives no amounts at all.
   */
  private dominantLineText(): string | null {
    const L = this.L;
    const exp = this.a.expenditure;
    const d = exp.dominantLine;
    if (!d) return null;
    if (d.amount === null) {
      const stated = this.r.budgetLines.find((l) => l.id === d.line)?.statedShare;
      return L.instruments.dominantStated(d.name, stated?.text ?? '', d.share === null ? null : formatShare(d.share, this.lang));
    }
    const programme = exp.byKind.programme;
    if (d.share !== null || programme.unknownParts === 0) return L.instruments.dominant(d.name, formatShare(d.share, this.lang));
    return L.instruments.dominantKnownOnly(d.name, formatAmount(d.amount, this.lang), formatAmount(programme.known, this.lang), programme.unknownParts);
  }

  // ---- 4 Evaluations and coverage ---------------------------------------------------------------

  private research(): Section {
    const L = this.L;
    const a = this.a;
    const r = this.r;
    const s = this.section('research', '4', L.research.title, 1, { pageBreak: true });
    s.blocks.push(...this.questionList(['evaluations', 'not-evaluated', 'research-use']));

    const ev = this.section('research-evaluations', '4.1', L.research.evaluationsTitle, 2);
    ev.blocks.push(...this.rpeAnswerNote('evaluations'));
    const evaluations = r.sources.filter((x) => EVALUATION_TYPES.has(x.type));
    const listed = completenessOf(this.original, 'evaluations');
    if (evaluations.length === 0) ev.blocks.push(para(listed.status === 'complete' ? L.research.noEvaluations : L.research.evaluationsUnknown, listed.status === 'complete' ? undefined : 'note'));
    else {
      if (listed.stated && listed.status === 'partial') ev.blocks.push(para(L.research.evaluationsPartial(listed.missing ?? null), 'note'));
      ev.blocks.push(
        this.table('table-evaluations', L.research.evaluationsCaption, [
          { label: L.research.sourceCol, width: 5 },
          { label: L.research.typeCol, width: 1.8 },
          { label: L.research.authorCol, width: 2 },
          { label: L.research.dateCol, width: 1.4 },
          { label: L.research.subjectsCol, align: 'right', width: 1 },
        ], evaluations.map((x) => ({
          ...(x.classification !== 'public' ? { classified: x.classification } : {}),
          cells: [
            this.c([...this.badge(x.classification), t(x.title)]),
            this.c(L.sourceType[x.type]),
            this.c(x.author ?? ''),
            this.c(formatDate(x.date, this.lang)),
            this.c(String(r.findings.filter((f) => f.sources.some((s) => s.source === x.id)).length)),
          ],
        }))),
      );
    }
    // A source whose type is not known may be an evaluation: named apart, never silently dropped.
    const untyped = r.sources.filter((x) => x.type === 'unknown');
    if (untyped.length > 0) ev.blocks.push(para(L.research.unknownTypeSources(untyped.length, untyped.map((x) => x.title).join('; ')), 'notice'));
    const others = r.sources.length - evaluations.length - untyped.length;
    if (others > 0) ev.blocks.push(para(L.research.otherSources(others), 'note'));

    const cov = this.section('research-coverage', '4.2', L.research.coverageTitle, 2);
    const covRow = (label: string, c: CoverageSummary, total = false): Row => ({
      ...(total ? { kind: 'total' as const } : {}),
      cells: [
        this.c(label),
        this.c(String(c.instruments)),
        this.c(this.share(c.evaluated)),
        this.c(this.share(c.effectiveness)),
        this.c(this.share(c.efficiency)),
        this.c(this.share(c.sideEffects)),
        this.c(
          c.money.evaluatedShare === null && c.money.unknownParts > 0 ? L.research.moneyUnknown(c.money.unknownParts) : formatShare(c.money.evaluatedShare, this.lang),
          c.money.evaluatedShare === null ? 'muted' : undefined,
        ),
      ],
    });
    cov.blocks.push(
      this.table('table-coverage', L.research.coverageCaption, [
        { label: L.research.scopeCol, width: 3 },
        { label: L.research.instrumentsCol, align: 'right', width: 1 },
        { label: L.research.evaluatedCol, align: 'right', width: 1.6 },
        { label: L.research.effectivenessCol, align: 'right', width: 1.6 },
        { label: L.research.efficiencyCol, align: 'right', width: 1.6 },
        { label: L.research.sideEffectsCol, align: 'right', width: 1.6 },
        { label: L.research.moneyEvaluatedCol, align: 'right', width: 1.3 },
      ], [
        ...this.domains.flatMap((d) => {
          const c = a.coverage.domains.find((x) => x.scope.id === d.id);
          return c ? [covRow(d.name, c)] : [];
        }),
        covRow(L.effects.articleTitle, a.coverage.article, true),
      ]),
      para(L.research.gapMapIntro),
    );
    // The gap maps are reference material: they have an appendix of their own.
    cov.blocks.push(para([t(this.refs.labels.gapMapsIn), t(this.refs.labels.gapMapsTitle, { ref: 'appendix-gap-map' }), t('.')]));

    const ne = this.section('research-not-evaluated', '4.3', L.research.notEvaluatedTitle, 2);
    ne.blocks.push(...this.rpeAnswerNote('not-evaluated'));
    const notEvaluated = a.coverage.notEvaluated;
    if (notEvaluated.length === 0) ne.blocks.push(para(L.research.notEvaluatedNone));
    else {
      ne.blocks.push(
        this.table('table-not-evaluated', L.research.notEvaluatedTitle, [
          { label: L.appendix.itemCol, width: 4 },
          { label: L.effects.reasonsCol, width: 5 },
        ], notEvaluated.map((x) => {
          const ins = x.kind === 'instrument' ? r.instruments.find((i) => i.id === x.id) : undefined;
          const kindLabel = x.kind === 'instrument' ? L.appendix.instrumentLabel : L.appendix.objectiveLabel;
          return { cells: [this.c([t(`${kindLabel}: `, { italic: true }), ...this.badge(ins?.classification), ...(ins?.number ? [t(`${ins.number}. `)] : []), t(this.refs.target(x.id) ? x.id : x.label)]), this.cParas(x.reasons.length ? x.reasons : [''])] };
        })),
      );
    }

    const use = this.section('research-usefulness', '4.4', L.research.usefulnessTitle, 2);
    use.blocks.push(...this.rpeAnswerNote('research-use'), para(L.research.usefulnessIntro));
    const strengthRows: Row[] = [];
    const countStrength = (ids: Set<string>) => {
      const counts = Object.fromEntries(STRENGTHS.map((x) => [x, 0])) as Record<EvidenceStrength, number>;
      for (const e of a.evidence.instruments) if (ids.has(e.instrument)) counts[e.strength]++;
      return counts;
    };
    for (const d of this.domains) {
      const counts = countStrength(new Set((this.instrumentsOfDomain.get(d.id) ?? []).map((i) => i.id)));
      strengthRows.push({ cells: [this.c(d.name), ...STRENGTHS.map((x) => this.c(String(counts[x]), counts[x] > 0 ? (`strength-${x}` as CellTone) : undefined))] });
    }
    const all = countStrength(new Set(r.instruments.map((i) => i.id)));
    strengthRows.push({ kind: 'total', cells: [this.c(L.effects.articleTitle), ...STRENGTHS.map((x) => this.c(String(all[x])))] });
    use.blocks.push(
      this.table('table-strength', L.research.strengthCaption, [
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

    this.answers('evaluations', ev.id);
    this.answers('not-evaluated', ne.id);
    this.answers('research-use', use.id, cov.id);
    s.sections.push(ev, cov, ne, use);
    return s;
  }

  private gapMapFigures(d: Domain): FigureBlock[] {
    const L = this.L;
    const rows: GapMapRowInput[] = this.a.gapMap
      .filter((g) => g.domain === d.id)
      .map((g) => {
        const ins = g.kind === 'instrument' ? this.r.instruments.find((i) => i.id === g.id) : undefined;
        const marker = ins && ins.classification !== 'public' ? L.classification[ins.classification] : null;
        return {
          id: g.id,
          classification: ins?.classification ?? null,
          kind: g.kind,
          label: plainLostText(ins ? this.instrumentLabel(ins) : g.label, this.refs.labels),
          depth: g.depth,
          cells: [g.effectiveness.strength, g.efficiency.strength, g.sideEffects.strength],
          marker,
        };
      });
    if (rows.length === 0) return [];
    const columns = [L.research.effectivenessCol, L.research.efficiencyCol, L.research.sideEffectsCol];
    const pages = paginateGapRows(rows, columns, GAP_PAGE_HEIGHT);
    return pages.map((page, pi) => {
      const caption = `${L.research.gapMapFigure(d.name)}${pages.length > 1 ? ` (${pi + 1}/${pages.length})` : ''}`;
      const fig = renderGapMap({ title: caption, description: L.figure.gapDesc(d.name), columns, rows: page, strengthLabels: L.strength, legendTitle: L.figure.strengthLegend });
      const fallback = this.table(`table-gap-${d.id}-${pi + 1}`, caption, [
        { label: L.appendix.itemCol, width: 4 },
        ...columns.map((c): Column => ({ label: c, width: 1.5 })),
      ], page.map((row) => ({
        cells: [
          this.c([...(row.marker ? [t(row.marker, { classified: row.classification as Classification }), t(' ')] : []), t(`${'\u2003'.repeat(row.depth)}${row.label}`, row.kind === 'objective' ? { bold: true } : {})]),
          ...row.cells.map((x) => this.c(L.strength[x], `strength-${x}` as CellTone)),
        ],
      })));
      return this.figure('gap-map', `figure-gap-${d.id}-${pi + 1}`, caption, fig.svg, fig.width, fig.height, L.figure.gapDesc(d.name), { fallback: [fallback] });
    });
  }

  // ---- 5 Effectiveness and efficiency ------------------------------------------------------------

  private effects(): Section {
    const L = this.L;
    const a = this.a;
    const r = this.r;
    const s = this.section('effects', '5', L.effects.title, 1, { pageBreak: true });
    s.blocks.push(...this.questionList(['effects', 'effectiveness', 'efficiency']));
    for (const q of ['effects', 'effectiveness', 'efficiency'] as const) s.blocks.push(...this.rpeAnswerNote(q));

    this.domains.forEach((d, di) => {
      const ds = this.section(`effects-${d.id}`, `5.${di + 1}`, L.effects.domainTitle(d.name), 2);
      const v = a.verdicts.domains.find((x) => x.scope.id === d.id);
      if (v) ds.blocks.push(this.steppedTable(`table-stepped-${d.id}`, d.name, v));

      const objectiveRows: Row[] = [];
      for (const { objective, depth } of this.objectivesOfDomain.get(d.id) ?? []) {
        const ov = a.verdicts.objectives.find((x) => x.scope.id === objective.id);
        if (!ov) continue;
        const cells = this.verdictCells(ov);
        objectiveRows.push({
          cells: [
            this.c(`${'\u2003'.repeat(depth)}${objective.text}`),
            this.c(cells.goal, this.verdictTone('goal', ov.goalAchievement.value)),
            this.c(cells.realisation, this.verdictTone('realisation', ov.realisation.value)),
            this.c(cells.effectiveness, this.verdictTone('effectiveness', ov.effectiveness.value)),
            this.c(cells.efficiency, this.verdictTone('efficiency', ov.efficiency.value)),
          ],
        });
      }
      if (objectiveRows.length > 0) {
        ds.blocks.push(
          this.table(`table-objective-verdicts-${d.id}`, L.effects.objectivesCaption(d.name), [
            { label: L.effects.objectiveCol, width: 5 },
            { label: L.steps.goalAchievement, width: 1.6 },
            { label: L.steps.realisation, width: 1.6 },
            { label: L.steps.effectiveness, width: 1.6 },
            { label: L.steps.efficiency, width: 1.6 },
          ], objectiveRows),
        );
      }

      // Findings of the evaluations on effectiveness, efficiency and side effects in this domain.
      const ids = new Set<string>([d.id, ...(this.objectivesOfDomain.get(d.id) ?? []).map((e) => e.objective.id), ...(this.instrumentsOfDomain.get(d.id) ?? []).map((i) => i.id)]);
      const findings = r.findings.filter((f) => (f.aspect === 'effectiveness' || f.aspect === 'efficiency' || f.aspect === 'side-effects') && f.subjects.some((x) => ids.has(x)));
      // The findings one by one are detail (the findings appendix has them all): folded on screen.
      const fs = this.section(`effects-${d.id}-findings`, null, L.effects.findingsTitle, 3, { folded: true });
      if (findings.length === 0) fs.blocks.push(para(L.effects.findingsNone));
      else {
        for (const aspect of ['effectiveness', 'efficiency', 'side-effects'] as const) {
          const list = findings.filter((f) => f.aspect === aspect);
          if (list.length === 0) continue;
          fs.blocks.push(para([t(capitalise(L.aspect[aspect]), { bold: true })]));
          fs.blocks.push({ kind: 'list', ordered: false, items: list.map((f) => ({ content: this.findingInline(f), level: 0 })) });
        }
      }
      ds.sections.push(fs);

      const conclusions = r.conclusions.filter((c) => this.conclusionDomain(c.subjects) === d.id);
      if (conclusions.length > 0) {
        const cs = this.section(`effects-${d.id}-conclusions`, null, L.effects.conclusionsTitle, 3);
        cs.blocks.push({ kind: 'list', ordered: false, items: conclusions.map((c) => ({ content: [...this.badge(c.classification), t(`${capitalise(L.aspect[c.aspect])}: `, { italic: true }), t(c.text)], level: 0 })), ...this.quote });
        ds.sections.push(cs);
      }
      s.sections.push(ds);
    });

    const art = this.section('effects-article', `5.${this.domains.length + 1}`, L.effects.articleTitle, 2);
    art.blocks.push(this.steppedTable('table-stepped-article', L.effects.articleTitle, a.verdicts.article));
    const general = r.conclusions.filter((c) => this.conclusionDomain(c.subjects) === null);
    if (general.length > 0) {
      art.blocks.push(para([t(L.effects.conclusionsTitle, { bold: true })]));
      art.blocks.push({ kind: 'list', ordered: false, items: general.map((c) => ({ content: [...this.badge(c.classification), t(`${capitalise(L.aspect[c.aspect])}: `, { italic: true }), t(c.text)], level: 0 })), ...this.quote });
    }
    s.sections.push(art);
    this.answers('effects', s.id);
    this.answers('effectiveness', s.id);
    this.answers('efficiency', s.id);
    return s;
  }

  private findingInline(f: Finding): Inline {
    const L = this.L;
    const src = f.sources[0] ? this.sources.get(f.sources[0].source) : undefined;
    const origin = src ? `${src.title}${src.date ? `, ${formatDate(src.date, this.lang)}` : ''}` : L.effects.ownJudgement;
    return [
      ...this.badge(f.classification),
      ...(src ? this.badge(src.classification) : []),
      t(f.statement),
      t(` (${L.verdict[f.verdict]}; ${L.strength[f.strength]}) — `, { italic: true }),
      t(origin, { italic: true }),
      // The finding's id: the last pass makes it a reference to its row in the findings appendix.
      t(` (${f.id})`),
    ];
  }

  private steppedTable(id: string, scope: string, v: SteppedVerdicts): TableBlock {
    const L = this.L;
    const cells = this.verdictCells(v);
    const row = (label: string, value: string, tone: CellTone | undefined, reasons: string[]): Row => ({
      cells: [this.c(label), this.c(value, tone), this.cParas(reasons.length ? reasons : [''])],
    });
    return this.table(id, L.effects.steppedCaption(scope), [
      { label: L.effects.stepCol, width: 2 },
      { label: L.effects.verdictCol, width: 1.6 },
      { label: L.effects.reasonsCol, width: 6 },
    ], [
      row(L.steps.goalAchievement, cells.goal, this.verdictTone('goal', v.goalAchievement.value), v.goalAchievement.reasons),
      row(L.steps.realisation, cells.realisation, this.verdictTone('realisation', v.realisation.value), v.realisation.reasons),
      row(L.steps.effectiveness, cells.effectiveness, this.verdictTone('effectiveness', v.effectiveness.value), v.effectiveness.reasons),
      row(L.steps.efficiency, cells.efficiency, this.verdictTone('efficiency', v.efficiency.value), v.efficiency.reasons),
    ]);
  }

  // ---- 6 Recommendations and savings ------------------------------------------------------------

  private options(): Section {
    const L = this.L;
    const a = this.a;
    const r = this.r;
    const s = this.section('options', '6', L.options.title, 1, { pageBreak: true });
    s.blocks.push(...this.questionList(['measures', 'savings']));

    const own = this.section('options-recommendations', '6.1', L.options.reviewRecommendations, 2);
    own.blocks.push(...this.rpeAnswerNote('measures'));
    if (r.recommendations.length === 0) own.blocks.push(para(L.options.noRecommendations));
    else own.blocks.push({ kind: 'list', ordered: true, items: r.recommendations.map((x) => ({ content: txt(x.text), level: 0 })), ...this.quote });

    const derived = this.section('options-derived', '6.2', L.options.derivedTitle, 2);
    derived.blocks.push(para(L.options.derivedIntro));
    if (a.recommendations.length > 0) {
      derived.blocks.push(
        this.table('table-derived-recommendations', L.options.derivedTitle, [
          { label: L.options.priorityCol, width: 1, align: 'center' },
          { label: L.options.recommendationCol, width: 4 },
          { label: L.effects.reasonsCol, width: 5 },
        ], a.recommendations.map((x) => ({ cells: [this.c(String(x.priority)), this.c(x.text), this.cParas(x.reasons.length ? x.reasons : [''])] }))),
      );
    }

    const sv = this.section('options-savings', '6.3', L.options.savingsTitle, 2);
    sv.blocks.push(...this.rpeAnswerNote('savings'));
    const v = a.savings;
    const money = (x: number | null) => (x === null ? L.unknown : formatAmount(x, this.lang));
    const defs = (term: string, ids: string[]) => (ids.length ? [{ kind: 'definitions' as const, items: [{ term, value: txt(ids.map((l) => this.name(l)).join('; ')) }] }] : []);
    if (v.baseYear === null) sv.blocks.push(para(L.options.savingsNoBase));
    else if (v.base === null) sv.blocks.push(para(L.options.savingsUnknownBase(v.percent, String(v.baseYear)), 'notice'));
    else sv.blocks.push(para(L.options.savingsIntro({ percent: v.percent, baseYear: String(v.baseYear), base: formatAmount(v.base, this.lang), target: money(v.target), lowerBound: v.baseLowerBound, apparatus: v.includesApparatus })));
    sv.blocks.push({ kind: 'list', ordered: false, items: v.reasons.map((x) => ({ content: txt(x), level: 0 })) });
    sv.blocks.push(...defs(L.options.protectedLines, v.protectedLines), ...defs(L.options.fixedLines, v.fixedLines.map((f) => f.line)), ...defs(L.options.unknownLines, v.unknownLines));
    if (v.base !== null) {
      for (const option of v.options) {
        const method = L.options.savingsMethod[option.method];
        sv.blocks.push(
          this.table(`table-savings-${option.method}`, L.options.savingsCaption(method), [
            { label: L.instruments.lineCol, width: 3.2 },
            { label: L.options.baseCol, align: 'right', width: 1.1 },
            { label: L.options.cutCol, align: 'right', width: 1.1 },
            { label: L.options.remainingCol, align: 'right', width: 1.1 },
            { label: L.options.verdictCol, width: 1.6 },
            { label: L.options.strengthCol, width: 1.4 },
          ], [
            ...option.cuts.map((c): Row => ({
              cells: [
                this.c(c.name),
                this.c(formatAmount(c.base, this.lang)),
                this.c(formatAmount(c.cut, this.lang)),
                this.c(formatAmount(c.remaining, this.lang)),
                this.c(L.options.rank[c.verdict]),
                this.c(L.strength[c.strength], `strength-${c.strength}` as CellTone),
              ],
            })),
            { kind: 'total', cells: [this.c(L.total), this.c(''), this.c(money(option.saved)), this.c(''), this.c(''), this.c('')] },
          ]),
          para(L.options.saved(money(option.saved), money(option.shortfall))),
        );
        if (option.reasons.length > 0) sv.blocks.push({ kind: 'list', ordered: false, items: option.reasons.map((x) => ({ content: txt(x), level: 0 })) });
      }
    }
    const chapter = v.review;
    // Without a chapter in the file the reasons above say so.
    if (chapter) {
      sv.blocks.push(para(L.options.reviewChapterIntro(chapter.percent === null ? null : `${formatNumber(chapter.percent, this.lang)}%`, chapter.base === null ? null : `${formatAmount(chapter.base, this.lang)} x ${this.lang === 'nl' ? '€1.000' : '€1,000'}`, chapter.author)));
      if (chapter.text) sv.blocks.push(para(chapter.text));
      if (chapter.options.length > 0) {
        sv.blocks.push(
          this.table('table-savings-review', L.options.reviewChapterTitle, [
            { label: L.options.optionCol, width: 4 },
            { label: L.options.amountCol, align: 'right', width: 1.2 },
            { label: L.options.affectsCol, width: 3 },
          ], [
            ...chapter.options.map((o): Row => ({
              cells: [
                this.c(o.text),
                this.c(money(o.amount), o.amount === null ? 'unknown' : undefined),
                this.c(o.instruments.length ? `${o.instruments.map((i) => this.name(i)).join('; ')}${o.verdict ? ` (${L.options.rank[o.verdict]})` : ''}` : ''),
              ],
            })),
            { kind: 'total', cells: [this.c(L.total), this.c(formatSum(chapter.total, this.lang)), this.c('')] },
          ]),
        );
      }
      sv.blocks.push({ kind: 'list', ordered: false, items: chapter.reasons.map((x) => ({ content: txt(x), level: 0 })) });
    }
    if (v.comparison.length > 0) {
      sv.blocks.push(
        this.table('table-savings-comparison', L.options.comparisonCaption, [
          { label: L.options.methodCol, width: 4 },
          { label: L.options.targetCol, align: 'right', width: 1.3 },
          { label: L.options.savedCol, align: 'right', width: 1.3 },
          { label: L.options.shortfallCol, align: 'right', width: 1.3 },
        ], v.comparison.map((c) => ({
          cells: [this.c(L.options.savingsMethod[c.method]), this.c(money(c.target), c.target === null ? 'unknown' : undefined), this.c(money(c.saved), c.saved === null ? 'unknown' : undefined), this.c(money(c.shortfall), c.shortfall === null ? 'unknown' : undefined)],
        }))),
      );
    }
    this.answers('measures', own.id, derived.id);
    this.answers('savings', sv.id);
    s.sections.push(own, derived, sv);
    return s;
  }

  // ---- 7 Accountability ---------------------------------------------------------------------------

  private accountability(): Section {
    const L = this.L;
    const r = this.r;
    const s = this.section('accountability', '7', L.accountability.title, 1, { pageBreak: true });
    if (r.performedBy) s.blocks.push(para(L.accountability.performedBy(r.performedBy)));
    s.blocks.push(para(L.accountability.methodText[r.method ?? 'unknown']));
    const meta: { term: string; value: Inline }[] = [{ term: L.meta.rpeVersion, value: txt(`RPE ${r.rpeVersion}`) }];
    if (r.dates.completed) meta.push({ term: L.meta.completed, value: txt(formatDate(r.dates.completed, this.lang)) });
    if (r.dates.sentToParliament) meta.push({ term: L.meta.sentToParliament, value: txt(formatDate(r.dates.sentToParliament, this.lang)) });
    s.blocks.push({ kind: 'definitions', items: meta });

    const com = this.section('accountability-committee', '7.1', L.accountability.committeeTitle, 2);
    if (r.supervisoryCommittee.length === 0) com.blocks.push(para(completenessOf(this.original, 'supervisoryCommittee').status === 'complete' ? L.accountability.committeeNone : L.accountability.committeeUnknown));
    else {
      com.blocks.push(
        this.table('table-committee', L.accountability.committeeTitle, [
          { label: L.accountability.organisationCol, width: 4 },
          { label: L.accountability.nameCol, width: 2 },
          { label: L.accountability.roleCol, width: 2 },
        ], r.supervisoryCommittee.map((m) => ({ cells: [this.c(m.organisation), this.c(m.name ?? ''), this.c(m.role ?? '')] }))),
      );
    }
    const exp = this.section('accountability-expert', '7.2', L.accountability.expertTitle, 2);
    // "No expert" only where the review says so; an empty list it does not state complete is unknown.
    const experts = completenessOf(this.original, 'independentExperts');
    if (r.independentExperts.length === 0) {
      if (experts.status !== 'complete') exp.blocks.push(para(L.accountability.expertUnknown, 'note'));
      else {
        const rule = effectiveRpe(r).rules.independentExpertRequired;
        const version = effectiveRpe(r).version;
        exp.blocks.push(
          rule.value === true
            ? para(L.accountability.expertNone(version, rule.origin ?? ''), 'notice')
            : para(rule.value === false ? L.accountability.expertNoneNotRequired(version) : L.accountability.expertNoneRuleUnknown(version)),
        );
      }
    } else {
      if (experts.stated && experts.status === 'partial') exp.blocks.push(para(L.accountability.expertsPartial(experts.missing ?? null), 'note'));
      exp.blocks.push(
        this.table('table-experts', L.accountability.expertTitle, [
          { label: L.accountability.nameCol, width: 2 },
          { label: L.accountability.affiliationCol, width: 3 },
          { label: L.accountability.verdictCol, width: 3 },
          // An expert's note is the encoder's: the verdict is what readers read.
        ], r.independentExperts.map((m) => ({ cells: [this.c(m.name ?? ''), this.c(m.affiliation ?? ''), this.c(m.verdict ?? '')] }))),
      );
    }
    const ap = this.section('accountability-approach', '7.3', L.accountability.approachTitle, 2);
    ap.blocks.push(
      para(L.accountability.approachIntro),
      { kind: 'list', ordered: true, items: (['goalAchievement', 'realisation', 'effectiveness', 'plausibility', 'efficiency'] as const).map((k) => ({ content: txt(L.stepsExplained[k]), level: 0 })) },
      para([t(L.accountability.strengthScaleTitle, { bold: true })]),
      { kind: 'list', ordered: true, items: STRENGTHS.map((x) => ({ content: txt(L.strength[x]), level: 0 })) },
    );
    const cl = this.section('accountability-classified', '7.4', L.accountability.classifiedTitle, 2);
    if (this.classifiedOmitted) cl.blocks.push(para(L.accountability.classifiedPublic, 'notice'));
    else if (this.opts.audience === 'confidential' && this.hasClassified()) cl.blocks.push(para(L.accountability.classifiedConfidential, 'classified'));
    else cl.blocks.push(para(L.accountability.noClassified));
    s.sections.push(com, exp, ap, cl);
    // Only what the review data record: no list of follow-up is no statement that there was none.
    if (r.followUp.length > 0) {
      const fu = this.section('accountability-follow-up', '7.5', L.accountability.followUpTitle, 2);
      fu.blocks.push(
        this.table('table-follow-up', L.accountability.followUpTitle, [
          { label: L.accountability.followUpTypeCol, width: 2 },
          { label: L.accountability.followUpDateCol, width: 1.4 },
          { label: L.accountability.followUpReferenceCol, width: 2.5 },
          { label: L.accountability.followUpSubjectCol, width: 4 },
        ], r.followUp.map((x) => ({ cells: [this.c(L.accountability.followUpType[x.type]), this.c(formatDate(x.date, this.lang)), this.c(x.reference ?? ''), this.c(x.title ?? '')] }))),
      );
      s.sections.push(fu);
    }
    // The review's notes are its encoders' and never printed; its remarks are for readers.
    if (r.remarks.length > 0 || this.opts.generatedOn) {
      const notes = this.section('accountability-notes', r.followUp.length > 0 ? '7.6' : '7.5', this.refs.labels.remarksTitle, 2);
      if (r.remarks.length > 0) notes.blocks.push({ kind: 'list', ordered: false, items: r.remarks.map((x) => ({ content: txt(x), level: 0 })) });
      notes.blocks.push(para(`${L.generatedBy}${this.opts.generatedOn ? ` ${L.generatedOn(this.opts.generatedOn)}` : ''}`, 'note'));
      s.sections.push(notes);
    }
    return s;
  }

  // ---- Appendices -----------------------------------------------------------------------------------

  private appendices(): Section[] {
    const L = this.L;
    const r = this.r;
    const out: Section[] = [];
    let n = 0;
    const appendix = (id: string, title: string, extra: Partial<Section> = {}) => {
      n++;
      return this.section(id, `${L.appendixLabel} ${n}`, title, 1, { appendix: true, pageBreak: true, ...extra });
    };

    // Policy tree overview: main goal, domains, objectives.
    const overview = appendix('appendix-tree', L.appendix.treeOverviewTitle, { landscape: true, folded: true });
    const objNode = (o: Objective, depth: number, withInstruments: boolean): PolicyTreeNode => ({
      id: o.id,
      kind: depth === 0 ? 'objective' : 'sub-objective',
      label: o.text,
      // The objective's own instruments first, then its sub-objectives with theirs.
      children: [
        ...(withInstruments
          ? (this.instrumentsOf.get(o.id) ?? []).map((i): PolicyTreeNode => ({
              id: i.id,
              kind: 'instrument',
              label: i.name,
              number: this.instrumentNumber.get(i.id) ?? null,
              marker: i.classification !== 'public' ? L.classification[i.classification] : null,
              classification: i.classification,
            }))
          : []),
        ...(this.childrenOf.get(o.id) ?? []).map((c) => objNode(c, depth + 1, withInstruments)),
      ],
    });
    const rootsOf = (d: Domain) => (this.objectivesOfDomain.get(d.id) ?? []).filter((e) => e.depth === 0).map((e) => e.objective);
    const overviewTree: PolicyTreeNode = {
      id: 'main-goal',
      kind: 'goal',
      label: r.policyTree.mainGoal.text ?? L.unknown,
      children: this.domains.map((d) => ({ id: `domain-${d.id}`, kind: 'domain', label: d.name, children: rootsOf(d).map((o) => objNode(o, 0, false)) })),
    };
    overview.blocks.push(...this.treeFigures('figure-tree-overview', overviewTree, r.policyTree.mainGoal.text ?? r.title, L.appendix.treeOverviewTitle, null));
    out.push(overview);

    for (const d of this.domains) {
      const sec = appendix(`appendix-tree-${d.id}`, L.appendix.treeTitle(d.name), { landscape: true, folded: true });
      const tree: PolicyTreeNode = { id: `domain-${d.id}`, kind: 'domain', label: d.name, children: rootsOf(d).map((o) => objNode(o, 0, true)) };
      sec.blocks.push(...this.treeFigures(`figure-tree-${d.id}`, tree, d.name, L.appendix.treeTitle(d.name), (this.instrumentsOfDomain.get(d.id) ?? []).length));
      out.push(sec);
    }

    const gaps = appendix('appendix-gap-map', this.refs.labels.gapMapsTitle, { folded: true });
    gaps.blocks.push(para(L.research.gapMapIntro));
    for (const d of this.domains) gaps.blocks.push(...this.gapMapFigures(d));
    out.push(gaps);
    this.answers('research-use', gaps.id);

    for (const d of this.domains) {
      const sec = appendix(`appendix-instruments-${d.id}`, L.appendix.instrumentTableTitle(d.name), { folded: true });
      sec.blocks.push(this.instrumentAppendixTable(d));
      out.push(sec);
      this.answers('instruments', sec.id);
    }

    if (r.indicators.length > 0) {
      const sec = appendix('appendix-indicators', L.appendix.indicatorsTitle, { folded: true });
      sec.blocks.push(
        this.table('table-indicators', L.appendix.indicatorsCaption, [
          { label: L.appendix.indicatorCol, width: 4 },
          { label: L.appendix.valueCol, width: 2.5 },
          { label: L.appendix.referenceDateCol, width: 1.6 },
          { label: L.research.sourceCol, width: 3 },
        ], r.indicators.map((x) => ({
          ...(x.classification !== 'public' ? { classified: x.classification } : {}),
          cells: [
            this.c([...this.badge(x.classification), t(x.name)]),
            this.cParas([this.indicatorValue(x), ...(x.text ? [x.text] : [])]),
            this.c(formatDate(x.referenceDate, this.lang)),
            this.c(x.source ? this.name(x.source) : ''),
          ],
        }))),
      );
      out.push(sec);
    }

    const findings = appendix('appendix-findings', this.refs.labels.findingsTitle, { folded: true });
    findings.blocks.push(...findingsAppendix(this.appendixContext()));
    out.push(findings);

    const src = appendix('appendix-sources', L.appendix.sourcesTitle, { folded: true });
    src.blocks.push(...sourcesAppendix(this.appendixContext()));
    out.push(src);
    const confidential = this.opts.audience === 'confidential';

    const idx = appendix('appendix-rpe-index', L.appendix.rpeIndexTitle, { folded: true });
    out.push(idx);

    if (this.classifiedOmitted) {
      const sec = appendix('appendix-classified', L.appendix.classifiedAnnexTitle);
      sec.blocks.push(para(L.appendix.classifiedAnnexPublic, 'notice'));
      out.push(sec);
    } else if (confidential && this.hasClassified()) {
      const sec = appendix('appendix-classified', L.appendix.classifiedAnnexTitle);
      sec.blocks.push(para(L.appendix.classifiedAnnexIntro, 'classified'));
      const rows: Row[] = [];
      const add = (kind: string, c: Classification, text: string) => rows.push({ classified: c, cells: [this.c(kind), this.c(text), this.c([t(L.classification[c], { classified: c })])] });
      for (const x of r.sources) if (x.classification !== 'public') add(L.appendix.sourceLabel, x.classification, x.title);
      for (const x of r.instruments) if (x.classification !== 'public') add(L.appendix.instrumentLabel, x.classification, this.instrumentLabel(x));
      for (const x of r.findings) if (x.classification !== 'public') add(L.appendix.findingLabel, x.classification, x.statement);
      for (const x of r.indicators) if (x.classification !== 'public') add(L.appendix.indicatorLabel, x.classification, x.name);
      for (const x of r.conclusions) if (x.classification !== 'public') add(L.appendix.conclusionLabel, x.classification, x.text);
      sec.blocks.push(
        this.table('table-classified', L.appendix.classifiedItemsCaption, [
          { label: L.research.typeCol, width: 1.5 },
          { label: L.appendix.itemCol, width: 6 },
          { label: L.appendix.classificationCol, width: 2 },
        ], rows),
      );
      out.push(sec);
    }
    return out;
  }

  private indicatorValue(x: Review['indicators'][number]): string {
    if (x.value === null) return this.L.unknown;
    return `${formatNumber(x.value, this.lang, 2)}${x.unit ? ` ${x.unit}` : ''}`;
  }

  /** `instruments` null: the tree shows no instruments (the overview of domains and objectives). */
  private treeFigures(idBase: string, tree: PolicyTreeNode, scopeName: string, captionBase: string, instruments: number | null): FigureBlock[] {
    const L = this.L;
    // Figures hold plain text: the source's lost-text markers are written as such, translated.
    const relabel = (node: PolicyTreeNode): PolicyTreeNode => ({ ...node, label: plainLostText(node.label, this.refs.labels), ...(node.children ? { children: node.children.map(relabel) } : {}) });
    const parts = paginatePolicyTree(relabel(tree), TREE_PAGE_HEIGHT);
    return parts.map((part, pi) => {
      const layout = layoutPolicyTree(part);
      const caption = parts.length > 1 ? `${captionBase} (${this.lang === 'nl' ? 'deel' : 'part'} ${pi + 1}/${parts.length})` : captionBase;
      const desc = L.figure.treeDesc(scopeName, instruments);
      const svg = renderTreeSvg(layout, { title: caption, description: desc });
      const items: ListItem[] = [];
      const walk = (node: PolicyTreeNode, level: number) => {
        items.push({
          content: [
            ...(node.marker ? [t(node.marker, { classified: node.classification as Classification }), t(' ')] : []),
            t(node.number ? `${node.number}. ${node.label}` : node.label, node.kind === 'instrument' ? {} : { bold: true }),
          ],
          level,
        });
        for (const c of node.children ?? []) walk(c, level + 1);
      };
      walk(part, 0);
      return this.figure('tree', `${idBase}-${pi + 1}`, caption, svg, layout.width, layout.height, desc, { landscape: true, fallback: [{ kind: 'list', ordered: false, items }] });
    });
  }

  private instrumentAppendixTable(d: Domain): TableBlock {
    const L = this.L;
    const rows: Row[] = [];
    for (const { objective, depth } of this.objectivesOfDomain.get(d.id) ?? []) {
      const own = this.instrumentsOf.get(objective.id) ?? [];
      rows.push({ kind: 'group', anchor: anchorOf.objective(objective.id), cells: [{ content: [[t(`${depth === 0 ? L.appendix.objectiveLabel : '–'} `, { italic: true }), t(objective.text, { bold: depth === 0 })]], colSpan: 3 }] });
      for (const i of own) {
        const first: Inline[] = [[...this.badge(i.classification), t(this.instrumentLabel(i), { bold: true })]];
        if (i.intent) first.push(txt(i.intent));
        const meta = [L.instrumentKind[i.kind], i.role ? L.role[i.role] : null].filter(Boolean).join(' · ');
        first.push([t(meta, { italic: true })]);

        const second: Inline[] = [
          [t(capitalise(L.realisationStatus[i.realisation.status]), { bold: true }), ...(i.realisation.date ? [t(` ${L.appendix.realisedOn(formatDate(i.realisation.date, this.lang))}`)] : [])],
        ];
        if (i.realisation.evidence) second.push(txt(i.realisation.evidence));
        for (const x of this.r.indicators.filter((ind) => ind.subjects.includes(i.id))) {
          second.push([...this.badge(x.classification), t(`${x.name}: ${this.indicatorValue(x)}${x.referenceDate ? ` (${L.appendix.referenceDateCol.toLowerCase()} ${formatDate(x.referenceDate, this.lang)})` : ''}`)]);
        }

        const findings = (this.findingsAbout.get(i.id) ?? []).filter((f) => f.aspect !== 'realisation');
        const third: Inline[] = findings.length
          ? findings.map((f) => [t(`${capitalise(L.aspect[f.aspect])}: `, { bold: true }), ...this.findingInline(f)])
          : [[t(L.appendix.noEvaluation, { italic: true })]];
        rows.push({ anchor: anchorOf.instrument(i.id), ...(i.classification !== 'public' ? { classified: i.classification } : {}), cells: [this.cParas(first), this.cParas(second), this.cParas(third, findings.length ? undefined : 'muted')] });
      }
    }
    return this.table(`table-appendix-instruments-${d.id}`, L.appendix.instrumentTableCaption(d.name), [
      { label: L.appendix.colObjectiveInstrument, width: 3 },
      { label: L.appendix.colRealisation, width: 3 },
      { label: L.appendix.colEvaluations, width: 3 },
    ], rows);
  }

  /** Fills the RPE index appendix now that every section exists. */
  private rpeIndexFill() {
    const L = this.L;
    const idx = this.sectionById.get('appendix-rpe-index');
    if (!idx) return;
    if (!this.rpeKnown) {
      this.rpeAnswersByNumber(idx);
      return;
    }
    const items = new Map(this.a.rpe.items.map((i) => [i.question, i]));
    const rows: Row[] = this.questions.map((q) => {
      const where = (this.answeredBy.get(q.number) ?? [])
        .map((id) => this.sectionById.get(id))
        .filter((x): x is Section => x !== undefined)
        .map((x) => (x.number ? `${x.number.startsWith(L.appendixLabel) ? x.number : `§${x.number}`} ${x.title}` : x.title));
      const item = items.get(q.number);
      const status = item ? L.rpeStatus[item.status] : L.rpeStatus['not-recorded'];
      return {
        cells: [
          this.c(`${q.label}. ${q[this.lang]}`),
          this.cParas(where.length ? where : ['']),
          this.c(status, !item || item.status === 'not-recorded' || item.status === 'not-answered' ? 'unknown' : undefined),
          // An answer's note is the encoder's; its remarks are for readers.
          this.cParas([item?.location ?? '', ...this.r.rpeAnswers.filter((x) => x.question === q.number && x.remarks).map((x) => x.remarks!)]),
        ],
      };
    });
    idx.blocks.push(
      this.table('table-rpe-index', L.appendix.rpeIndexCaption, [
        { label: L.appendix.rpeQuestionCol, width: 5 },
        { label: L.appendix.rpeSectionCol, width: 3.5 },
        { label: L.appendix.rpeStatusCol, width: 1.8 },
        { label: L.appendix.rpeLocationCol, width: 2 },
      ], rows),
    );
  }

  /**
   * For an RPE version whose questions polev does not bundle: no question texts and no mapping
   * to this report's sections (both would be another version's), only the answers the review
   * records, by question number.
   */
  private rpeAnswersByNumber(idx: Section) {
    const L = this.L;
    const version = this.r.rpeVersion;
    idx.blocks.push(para(L.appendix.rpeUnknownVersion(version), 'note'));
    const answers = [...this.r.rpeAnswers].sort((x, y) => x.question - y.question);
    if (answers.length === 0) {
      idx.blocks.push(para(L.appendix.rpeNoAnswers));
      return;
    }
    idx.blocks.push(
      this.table('table-rpe-answers', L.appendix.rpeAnswersCaption(version), [
        { label: L.appendix.rpeQuestionCol, width: 1, align: 'right' },
        { label: L.appendix.rpeStatusCol, width: 2.5 },
        { label: L.appendix.rpeLocationCol, width: 5 },
      ], answers.map((x) => ({
        cells: [
          this.c(String(x.question)),
          this.c(L.rpeStatus[x.status], x.status === 'not-answered' ? 'unknown' : undefined),
          this.cParas([x.location ?? '', ...(x.remarks ? [x.remarks] : [])]),
        ],
      }))),
    );
  }
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * Numbers tables and figures in reading order ("Tabel 1", "Figuur 1"), and makes every anchor id
 * unique (ids built from review ids could meet, e.g. domain "ct" with its findings and a domain
 * "ct-findings").
 */
function numberBlocks(sections: Section[]) {
  let table = 0;
  let figure = 0;
  const ids = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let i = 2; ids.has(candidate); i++) candidate = `${id}-${i}`;
    ids.add(candidate);
    return candidate;
  };
  const visit = (s: Section) => {
    s.id = unique(s.id);
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        b.number = ++table;
        b.id = unique(b.id);
      } else if (b.kind === 'figure') {
        b.number = ++figure;
        b.id = unique(b.id);
      }
    }
    for (const c of s.sections) visit(c);
  };
  for (const s of sections) visit(s);
}
