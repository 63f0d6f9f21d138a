import type { Lang } from './types.js';

/**
 * Labels of the report's reference apparatus: the findings and sources appendices, the references
 * that replace ids in running text, the marker for text the source did not preserve, quotes in
 * the review's language, the condensed reason tables and the expenditure panel without figures.
 * Kept apart from the main dictionary so the chapters' labels and these can change independently.
 */
export interface ReferenceLabels {
  /** "finding 12" / "bevinding 12": how running text refers to a numbered finding. */
  finding: (n: number) => string;
  source: (n: number) => string;
  findingsTitle: string;
  findingsIntro: string;
  findingsCaption: string;
  findingsNone: string;
  numberCol: string;
  statementCol: string;
  sourceCol: string;
  strengthCol: string;
  subjectsCol: string;
  ownJudgement: string;
  originUnknown: string;
  designUnknown: string;
  design: Record<'randomised' | 'quasi-experimental' | 'controlled' | 'uncontrolled' | 'qualitative' | 'monitoring' | 'document', string>;
  sourcesIntro: string;
  findingsOfSource: string;
  /** The styled marker for text the source did not preserve; `part` is the translated part (heading, name, …) or null. */
  lost: (part: string | null) => string;
  /** What the Dutch encoder's markers name, translated: "Kop" → "heading". */
  lostParts: Record<string, string>;
  /** The note over a quote in another language than the report's. */
  quoted: (language: string) => string;
  languageName: Record<string, string>;
  /** The condensed reason table under a table whose rows share reasons. */
  reasonsCaption: (table: string) => string;
  reasonCol: string;
  appliesToCol: string;
  reasonsIntro: string;
  rowNumberCol: string;
  /** The panel that replaces a chart when the source gives no amounts at all. */
  noFigures: (kind: string) => string;
  noFiguresWhy: (why: string) => string;
  noFiguresUnstated: string;
  /** Remarks for readers (the review's own, never the encoder's notes). */
  remarksTitle: string;
  gapMapsTitle: string;
  gapMapsIn: string;
}

const DESIGN_EN: ReferenceLabels['design'] = {
  randomised: 'randomised trial (SMS 5)',
  'quasi-experimental': 'quasi-experimental (SMS 4)',
  controlled: 'with control group (SMS 3)',
  uncontrolled: 'before/after without control (SMS 2)',
  qualitative: 'qualitative (case study, interviews)',
  monitoring: 'monitoring or output data',
  document: 'document or policy theory',
};

const DESIGN_NL: ReferenceLabels['design'] = {
  randomised: 'gerandomiseerd experiment (SMS 5)',
  'quasi-experimental': 'quasi-experimenteel (SMS 4)',
  controlled: 'met controlegroep (SMS 3)',
  uncontrolled: 'voor/na zonder controle (SMS 2)',
  qualitative: 'kwalitatief (casestudy, interviews)',
  monitoring: 'monitoring- of outputgegevens',
  document: 'document of beleidstheorie',
};

export const REFERENCE_LABELS: Record<Lang, ReferenceLabels> = {
  en: {
    finding: (n) => `finding ${n}`,
    source: (n) => `source ${n}`,
    findingsTitle: 'Findings',
    findingsIntro:
      'Every finding the verdicts and reasons of this report rest on, numbered as the text refers to them ("finding 12"): what it states, where it comes from, how strong it is and what it is about.',
    findingsCaption: 'Findings, with their source, strength, study design and subjects',
    findingsNone: 'The review records no findings.',
    numberCol: 'No.',
    statementCol: 'Finding',
    sourceCol: 'Source',
    strengthCol: 'Strength · design',
    subjectsCol: 'About',
    ownJudgement: "the review's own judgement",
    originUnknown: 'origin not stated',
    designUnknown: 'design not stated',
    design: DESIGN_EN,
    sourcesIntro: 'The sources the review draws on, numbered as the text refers to them ("source 3").',
    findingsOfSource: 'Findings',
    lost: (part) => `${part ? `${part[0]!.toUpperCase()}${part.slice(1)}` : 'Text'} not preserved in the source`,
    lostParts: {
      kop: 'heading',
      naam: 'name',
      begin: 'beginning',
      rest: 'rest',
      titel: 'title',
      'begin van de rij': 'beginning of the row',
      'begin van het citaat': 'beginning of the quotation',
      'vervolg van de opsomming': 'rest of the list',
    },
    quoted: (language) => `Quoted from the review in its original language (${language}).`,
    languageName: { nl: 'Dutch', en: 'English' },
    reasonsCaption: (table) => `Reasons in ${table}, each once with the rows it applies to`,
    reasonCol: 'Reason',
    appliesToCol: 'Applies to rows',
    reasonsIntro: 'Each distinct reason is listed once, below the table, with the numbers of the rows it applies to.',
    rowNumberCol: 'No.',
    noFigures: (kind) => `No figures in the source: the review gives no amounts of ${kind.toLowerCase()} for any year, so there is nothing to chart.`,
    noFiguresWhy: (why) => `Why: ${why}`,
    noFiguresUnstated: 'The review does not say why the amounts are missing.',
    remarksTitle: 'Remarks',
    gapMapsTitle: 'Gap maps',
    gapMapsIn: 'The gap maps, one per domain, are in the appendix ',
  },
  nl: {
    finding: (n) => `bevinding ${n}`,
    source: (n) => `bron ${n}`,
    findingsTitle: 'Bevindingen',
    findingsIntro:
      'Elke bevinding waarop de oordelen en redenen in dit rapport steunen, genummerd zoals de tekst ernaar verwijst ("bevinding 12"): wat zij inhoudt, waar zij vandaan komt, hoe sterk zij is en waarover zij gaat.',
    findingsCaption: 'Bevindingen, met bron, sterkte, onderzoeksopzet en onderwerp',
    findingsNone: 'De doorlichting legt geen bevindingen vast.',
    numberCol: 'Nr.',
    statementCol: 'Bevinding',
    sourceCol: 'Bron',
    strengthCol: 'Sterkte · opzet',
    subjectsCol: 'Over',
    ownJudgement: 'eigen oordeel van de doorlichting',
    originUnknown: 'herkomst niet vermeld',
    designUnknown: 'opzet niet vermeld',
    design: DESIGN_NL,
    sourcesIntro: 'De bronnen waarop de doorlichting steunt, genummerd zoals de tekst ernaar verwijst ("bron 3").',
    findingsOfSource: 'Bevindingen',
    lost: (part) => `${part ? `${part[0]!.toUpperCase()}${part.slice(1)}` : 'Tekst'} niet bewaard in de bron`,
    lostParts: {
      kop: 'kop',
      naam: 'naam',
      begin: 'begin',
      rest: 'rest',
      titel: 'titel',
      'begin van de rij': 'begin van de rij',
      'begin van het citaat': 'begin van het citaat',
      'vervolg van de opsomming': 'vervolg van de opsomming',
    },
    quoted: (language) => `Geciteerd uit de doorlichting, in de oorspronkelijke taal (${language}).`,
    languageName: { nl: 'Nederlands', en: 'Engels' },
    reasonsCaption: (table) => `Redenen bij ${table}, elk eenmaal met de rijen waarvoor zij gelden`,
    reasonCol: 'Reden',
    appliesToCol: 'Geldt voor rijen',
    reasonsIntro: 'Elke afzonderlijke reden staat eenmaal onder de tabel, met de nummers van de rijen waarvoor zij geldt.',
    rowNumberCol: 'Nr.',
    noFigures: (kind) => `Geen cijfers in de bron: de doorlichting geeft voor geen enkel jaar bedragen van de ${kind.toLowerCase()}, dus er valt niets in beeld te brengen.`,
    noFiguresWhy: (why) => `Waarom: ${why}`,
    noFiguresUnstated: 'De doorlichting zegt niet waarom de bedragen ontbreken.',
    remarksTitle: 'Opmerkingen',
    gapMapsTitle: 'Lacunekaarten',
    gapMapsIn: 'De lacunekaarten, één per taakveld, staan in de bijlage ',
  },
};

export function referenceLabels(lang: Lang): ReferenceLabels {
  return REFERENCE_LABELS[lang];
}
