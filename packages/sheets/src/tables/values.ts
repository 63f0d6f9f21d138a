/**
 * The model's enumerated values with the Dutch and English words analysts write for them. The
 * first Dutch word is the label the export writes in Dutch; the model value itself is the English
 * label. Matching ignores case, accents and punctuation.
 */
export type ValueSet = Record<string, readonly string[]>;

export const INSTRUMENT_KIND_WORDS: ValueSet = {
  regulation: ['regelgeving', 'wet- en regelgeving', 'wetgeving', 'regulering'],
  financial: ['financieel', 'financiering', 'subsidie', 'bijdrage'],
  communication: ['communicatie', 'voorlichting', 'informatie'],
  organisation: ['organisatie', 'organisatorisch'],
  network: ['netwerk', 'samenwerking'],
  research: ['onderzoek', 'kennis'],
  other: ['overig', 'anders'],
};

export const ROLE_WORDS: ValueSet = {
  directing: ['sturend'],
  guiding: ['richtinggevend'],
  facilitating: ['faciliterend'],
};

export const REALISATION_WORDS: ValueSet = {
  realised: ['gerealiseerd', 'ja', 'yes', 'done'],
  partly: ['deels gerealiseerd', 'deels', 'gedeeltelijk', 'partly realised', 'partially'],
  'not-realised': ['niet gerealiseerd', 'nee', 'no', 'not realised'],
  'realised-after-period': ['gerealiseerd na de periode', 'na de periode', 'realised after the period'],
  pilot: ['pilot', 'proef'],
  ongoing: ['lopend', 'doorlopend', 'in uitvoering'],
  unknown: ['onbekend'],
};

export const BUDGET_KIND_WORDS: ValueSet = {
  programme: ['programma', 'programma-uitgaven', 'programmauitgaven', 'programme expenditure', 'program'],
  apparatus: ['apparaat', 'apparaatsuitgaven', 'apparatus expenditure', 'operating'],
  'out-of-scope': ['buiten scope', 'buiten de scope', 'out of scope'],
  receipts: ['ontvangsten', 'receipt', 'ontvangst'],
  unknown: ['onbekend'],
};

export const SOURCE_TYPE_WORDS: ValueSet = {
  effect: ['effectevaluatie', 'effectonderzoek', 'effect evaluation', 'ex post', 'ex-post', 'evaluatie ex post', 'ex post evaluatie'],
  process: ['procesevaluatie', 'process evaluation'],
  strategy: ['strategie-evaluatie', 'strategy evaluation', 'evaluatie strategie'],
  inspection: ['inspectie', 'inspectierapport', 'inspection report'],
  audit: ['audit', 'rekenkamer', 'rekenkamerrapport'],
  incident: ['incidentevaluatie', 'incident evaluation'],
  'ex-ante': ['ex ante', 'ex-ante evaluatie', 'ex ante evaluatie'],
  monitor: ['monitor', 'monitoring'],
  research: ['onderzoek', 'wetenschappelijk onderzoek', 'study'],
  'progress-report': ['voortgangsrapportage', 'voortgangsbrief', 'progress report'],
  'policy-document': ['beleidsdocument', 'beleidsnota', 'kamerbrief', 'policy document', 'policy paper'],
  other: ['overig', 'anders'],
  unknown: ['onbekend'],
};

export const DESIGN_WORDS: ValueSet = {
  randomised: ['gerandomiseerd', 'rct', 'randomized', 'experiment'],
  'quasi-experimental': ['quasi-experimenteel', 'quasi experimental'],
  controlled: ['met controlegroep', 'gecontroleerd'],
  uncontrolled: ['zonder controlegroep', 'voor- en nameting', 'before after'],
  qualitative: ['kwalitatief', 'casestudy', 'interviews'],
  monitoring: ['monitoring', 'monitor'],
  document: ['document', 'documentanalyse', 'beleidstheorie'],
};

export const ASPECT_WORDS: ValueSet = {
  'goal-achievement': ['doelbereik', 'goal achievement'],
  realisation: ['realisatie', 'realisation'],
  effectiveness: ['doeltreffendheid', 'effectiviteit', 'effectiveness'],
  efficiency: ['doelmatigheid', 'efficientie', 'efficiency'],
  'side-effects': ['neveneffecten', 'side effects'],
};

export const VERDICT_WORDS: ValueSet = {
  positive: ['positief'],
  partly: ['deels', 'deels positief', 'gedeeltelijk'],
  negative: ['negatief'],
  inconclusive: ['niet eenduidig', 'onbeslist', 'geen conclusie'],
  'not-assessed': ['niet beoordeeld', 'not assessed'],
  'no-effect': ['geen effect', 'no effect', 'geen significant effect'],
};

export const STRENGTH_WORDS: ValueSet = {
  none: ['geen'],
  realisation: ['realisatie'],
  plausibility: ['plausibiliteit', 'aannemelijkheid', 'plausibel'],
  process: ['proces'],
  effect: ['effect'],
};

export const CLASSIFICATION_WORDS: ValueSet = {
  public: ['openbaar'],
  restricted: ['departementaal vertrouwelijk', 'dep. vertrouwelijk', 'vertrouwelijk'],
  confidential: ['stg. confidentieel', 'stg confidentieel', 'confidentieel'],
  secret: ['stg. geheim', 'stg geheim', 'geheim', 'staatsgeheim'],
  'top-secret': ['stg. zeer geheim', 'stg zeer geheim', 'zeer geheim'],
};

export const ORIGIN_WORDS: ValueSet = {
  source: ['bron', 'uit bronnen'],
  review: ['doorlichting', 'eigen oordeel', 'oordeel doorlichting'],
  unknown: ['onbekend'],
};

export const LIST_WORDS: ValueSet = {
  instruments: ['instrumenten'],
  budgetLines: ['begrotingsregels', 'budget lines', 'regels'],
  expenditure: ['uitgaven'],
  sources: ['bronnen'],
  evaluations: ['evaluaties'],
  findings: ['bevindingen'],
  indicators: ['indicatoren', 'kengetallen'],
  rpeAnswers: ['rpe-antwoorden', 'antwoorden rpe', 'rpe answers'],
  independentExperts: ['onafhankelijk deskundigen', 'onafhankelijke deskundigen', 'independent experts'],
  supervisoryCommittee: ['begeleidingscommissie', 'supervisory committee'],
};

export const COMPLETENESS_WORDS: ValueSet = {
  complete: ['volledig', 'compleet'],
  partial: ['gedeeltelijk', 'onvolledig', 'deels'],
  unknown: ['onbekend'],
};

/** Lower case, accents off, punctuation as spaces: `Naam Begroting ` and `naam-begroting` match. */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9€%]+/g, ' ')
    .trim();
}

/** Looks a cell's text up in a value set: the model value itself, or one of its words. */
export function lookupValue(set: ValueSet, text: string): string | undefined {
  const n = normalise(text);
  for (const [value, words] of Object.entries(set)) {
    if (normalise(value) === n) return value;
    if (words.some((w) => normalise(w) === n)) return value;
  }
  return undefined;
}

/** The label the export writes: the model value in English, the first Dutch word in Dutch. */
export function labelOf(set: ValueSet, value: string, lang: 'nl' | 'en'): string {
  return lang === 'nl' ? (set[value]?.[0] ?? value) : value;
}
