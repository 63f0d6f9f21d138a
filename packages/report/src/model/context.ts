import { effectiveRpe, indexReview, type Classification, type Domain, type Finding, type Instrument, type Objective, type Review, type ReviewIndex, type RpeQuestion, type RpeSubject } from '@polev/core';
import type { Assessment, LeftOutKind, Share } from '../assessment.js';
import { formatListCount, formatListNumber, labelsFor, type Labels, type Lang, type ListStatus } from '../labels/index.js';
import type { ResolvedReportOptions } from './options.js';
import { para, t, txt, type Block, type Inline, type ListItem, type Run, type Section } from './document.js';
import { formatDate, formatMoney } from './format.js';
import { References } from './references.js';

export interface ObjectiveEntry {
  objective: Objective;
  depth: number;
}

/**
 * What every chapter and appendix of one report reads and adds to: the (audience-filtered) review
 * and its assessment, core's index of the review, the labels, the numbered references, and the
 * registers of sections and of the RPE questions they answer (for the RPE index appendix).
 */
export class ReportContext {
  readonly L: Labels;
  readonly lang: Lang;
  readonly domains: Domain[];
  readonly confidential: boolean;
  /** core's lookups of the review, the ones the analysis reads. */
  readonly index: ReviewIndex;
  /** A domain's objectives in policy-tree order, with their depth below the domain. */
  readonly objectivesOfDomain = new Map<string, ObjectiveEntry[]>();
  /** A domain's instruments in policy-tree order: the order they are numbered in. */
  readonly instrumentsOfDomain = new Map<string, Instrument[]>();
  /** The questions of the review's RPE version; empty when polev bundles no question set for it. */
  readonly questions: readonly RpeQuestion[];
  /** Whether polev knows the questions of the review's RPE version (it then names them). */
  readonly rpeKnown: boolean;
  /** Numbered findings and sources, and the references that replace ids in running text. */
  readonly refs: References;
  /** Set on a list of the review's own words when the report is in another language. */
  readonly quote: { quote?: string };
  private readonly instrumentNumbers = new Map<string, string>();
  private readonly names = new Map<string, string>();
  /** RPE question number -> ids of the sections of this report that answer it. */
  private readonly answeredBy = new Map<number, string[]>();
  /** Questions whose recorded answer has been shown: one that asks about several subjects (2013's parts) shows it once. */
  private readonly notesShown = new Set<number>();
  private readonly sectionById = new Map<string, Section>();

  constructor(
    /** The review as the audience may see it. */
    readonly review: Review,
    readonly assessment: Assessment,
    readonly opts: ResolvedReportOptions,
    /** Whether the audience filter left anything out. */
    readonly classifiedOmitted: boolean,
    /** The review before filtering: its completeness statements and whether it has classified records. */
    readonly original: Review,
  ) {
    const r = review;
    this.lang = opts.lang;
    this.L = labelsFor(opts.lang);
    this.domains = r.policyTree.domains;
    this.confidential = opts.audience === 'confidential';
    // Never another version's questions: their numbers and texts differ between versions. The
    // review's own question set, where it gives one, is the one it answers.
    const rpe = effectiveRpe(r);
    this.rpeKnown = rpe.questions !== null;
    this.questions = rpe.questions ?? [];

    this.index = indexReview(r);
    for (const { objective, depth } of this.index.objectiveOrder) {
      const list = this.objectivesOfDomain.get(objective.domain) ?? [];
      list.push({ objective, depth });
      this.objectivesOfDomain.set(objective.domain, list);
    }
    for (const d of this.domains) {
      const ordered = (this.objectivesOfDomain.get(d.id) ?? []).flatMap(({ objective }) => this.instrumentsOf(objective.id));
      ordered.forEach((ins, idx) => this.instrumentNumbers.set(ins.id, ins.number ?? String(idx + 1)));
      this.instrumentsOfDomain.set(d.id, ordered);
    }
    for (const d of this.domains) this.names.set(d.id, d.name);
    for (const o of r.policyTree.objectives) this.names.set(o.id, o.text);
    for (const i of r.instruments) this.names.set(i.id, i.name);
    for (const l of r.budgetLines) this.names.set(l.id, l.name);
    for (const s of r.sources) this.names.set(s.id, s.title);
    this.refs = new References(r, this.lang, (id) => this.instrumentNumbers.get(id));
    this.quote = r.language !== this.lang ? { quote: r.language } : {};
  }

  // ---- sections and the RPE questions they answer -------------------------------------------------

  section(id: string, number: string | null, title: string, level: 1 | 2 | 3, extra: Partial<Section> = {}): Section {
    const s: Section = { id, number, title, level, blocks: [], sections: [], ...extra };
    this.sectionById.set(id, s);
    return s;
  }

  sectionOf(id: string): Section | undefined {
    return this.sectionById.get(id);
  }

  /** Records the sections that answer the questions about a subject, whatever the version numbers them. */
  answers(subject: RpeSubject, ...sectionIds: string[]): void {
    for (const q of this.questionsAbout(subject)) {
      const list = this.answeredBy.get(q.number) ?? [];
      for (const id of sectionIds) if (!list.includes(id)) list.push(id);
      this.answeredBy.set(q.number, list);
    }
  }

  /** The sections recorded as answering a question, in the order they were recorded. */
  sectionsAnswering(question: number): Section[] {
    return (this.answeredBy.get(question) ?? []).map((id) => this.sectionById.get(id)).filter((x): x is Section => x !== undefined);
  }

  private questionsAbout(subject: RpeSubject): RpeQuestion[] {
    return this.questions.filter((q) => q.subjects.includes(subject));
  }

  /** The RPE questions a chapter answers, listed at its start. */
  questionList(subjects: RpeSubject[]): Block[] {
    if (!this.rpeKnown) return [];
    const items = this.questions.filter((q) => q.subjects.some((x) => subjects.includes(x))).map((q): ListItem => ({ content: txt(`${q.label}. ${q[this.lang]}`), level: 0 }));
    if (items.length === 0) return [];
    return [para(this.assessment.rpe.questionNoun === 'part' ? this.L.rpeIntroParts : this.L.rpeIntro, 'note'), { kind: 'list', ordered: false, items }];
  }

  /** The review's own answer to an RPE question (where it answers it), as a note paragraph. */
  rpeAnswerNote(subject: RpeSubject): Block[] {
    if (!this.rpeKnown) return [];
    const item = this.assessment.rpe.items.find((i) => i.subjects.includes(subject) && !this.notesShown.has(i.question));
    if (!item) return [];
    this.notesShown.add(item.question);
    const out: Run[] = [];
    if (item.location) out.push(t(this.L.policy.answeredIn(item.location)));
    // An answer's note is the encoder's; only its remarks are written for readers.
    const remarks = this.review.rpeAnswers.find((x) => x.question === item.question)?.remarks;
    if (remarks) out.push(t(`${out.length ? ' ' : ''}${remarks}`));
    return out.length ? [para(out, 'note')] : [];
  }

  // ---- the review's records as the report names them ---------------------------------------------

  /** The classification marking of a record, in the confidential version; nothing for public records. */
  readonly badge = (c: Classification | undefined | null): Run[] => {
    if (!c || c === 'public') return [];
    return [t(this.L.classification[c], { classified: c }), t(' ')];
  };

  /** Instruments serving exactly this objective, in input order. */
  instrumentsOf(objectiveId: string): Instrument[] {
    return (this.index.instrumentsOf.get(objectiveId) ?? []).map((n) => n.instrument);
  }

  /** The findings about a subject (any record id), in input order. */
  findingsAbout(id: string): readonly Finding[] {
    return this.index.nodeOf.get(id)?.findings ?? this.index.findingsAbout.get(id) ?? [];
  }

  instrumentNumber(id: string): string | undefined {
    return this.instrumentNumbers.get(id);
  }

  instrumentLabel(i: Instrument): string {
    return `${this.instrumentNumbers.get(i.id) ?? ''}. ${i.name}`.replace(/^\. /, '');
  }

  /** The name of a domain, objective, instrument, budget line or source; the id for anything else. */
  name(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** How complete the review's instrument list is: every count of instruments follows it. */
  get instrumentList(): ListStatus {
    return this.assessment.realisation.article.list.status;
  }

  /**
   * A share of the instruments, counted over one of the review's lists (`over`: the instruments
   * themselves, the evaluations, the budget lines): unknown when a list is, "at least" when partial.
   */
  listShare(s: Share, over: ListStatus): string {
    return formatListCount(s.count, s.total, s.share, over, this.lang, this.instrumentList);
  }

  /** A number of instruments, or of something counted over them: "at least n" unless their list is complete. */
  instrumentCount(n: number): string {
    return formatListNumber(n, this.instrumentList, this.lang);
  }

  money(v: number | null | undefined): string {
    return formatMoney(v, this.lang);
  }

  /** The domain a set of subject ids belongs to, when they all point into one domain. */
  conclusionDomain(subjects: string[]): string | null {
    const found = new Set<string>();
    for (const s of subjects) {
      const d = this.domains.some((x) => x.id === s) ? s : this.domainOf(s);
      if (d) found.add(d);
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  private domainOf(id: string): string | undefined {
    const objective = this.index.objectives.get(id) ?? this.index.objectives.get(this.index.nodeOf.get(id)?.instrument.objective ?? '');
    return objective && this.domains.some((d) => d.id === objective.domain) ? objective.domain : undefined;
  }

  /**
   * What the audience filter left out, per kind of record, in the analysis' own counts (those of
   * `polev analyze --audience`): counts only, never a name or id. Empty when nothing was left out.
   */
  leftOut(): { kind: LeftOutKind; count: number; text: string }[] {
    if (!this.classifiedOmitted) return [];
    const counts = this.assessment.audience.leftOut;
    return (Object.keys(this.L.leftOutKind) as LeftOutKind[])
      .filter((kind) => counts[kind] > 0)
      .map((kind) => ({ kind, count: counts[kind], text: `${counts[kind]} ${this.L.leftOutKind[kind][counts[kind] === 1 ? 0 : 1]}` }));
  }

  /** Whether the review (before filtering) has any classified record. */
  hasClassified(): boolean {
    const r = this.original;
    const cl = (x: { classification?: Classification }) => x.classification !== undefined && x.classification !== 'public';
    return r.sources.some(cl) || r.instruments.some(cl) || r.findings.some(cl) || r.indicators.some(cl) || r.conclusions.some(cl);
  }

  /** A finding in running text: statement, verdict and strength, its first source, and its id (made a reference later). */
  findingInline(f: Finding): Inline {
    const L = this.L;
    const src = f.sources[0] ? this.index.sources.get(f.sources[0].source) : undefined;
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
}
