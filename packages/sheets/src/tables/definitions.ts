import {
  ASPECT_WORDS,
  BUDGET_KIND_WORDS,
  CLASSIFICATION_WORDS,
  COMPLETENESS_WORDS,
  DESIGN_WORDS,
  INSTRUMENT_KIND_WORDS,
  LIST_WORDS,
  ORIGIN_WORDS,
  REALISATION_WORDS,
  ROLE_WORDS,
  SOURCE_TYPE_WORDS,
  STRENGTH_WORDS,
  VERDICT_WORDS,
  type ValueSet,
} from './values.js';

/** The tables an import reads. `review` is the key/value sheet the export writes for the metadata. */
export const TABLE_KINDS = ['review', 'completeness', 'domains', 'objectives', 'instruments', 'sources', 'findings', 'expenditure', 'articleContext', 'register'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export type FieldType = 'text' | 'id' | 'ids' | 'amount' | 'year' | 'count' | 'date' | 'enum' | 'sources';

export interface FieldDef {
  /** The field's name in mapping files, and its path in the model entity (dotted for nested fields). */
  key: string;
  type: FieldType;
  /** The export's header, English and Dutch; both are also recognised on import. */
  en: string;
  nl: string;
  /** Further headers recognised on import. */
  aliases?: readonly string[];
  values?: ValueSet;
  /** A new entry cannot be made without it. */
  required?: boolean;
}

export interface TableDef {
  kind: TableKind;
  en: string;
  nl: string;
  /** Sheet or file names that say which table it is. */
  names: readonly string[];
  fields: readonly FieldDef[];
  /** Fields whose presence tells this table from the others; a sheet needs two of them, or one and its name. */
  signature: readonly string[];
}

const f = (key: string, type: FieldType, en: string, nl: string, extra: Partial<FieldDef> = {}): FieldDef => ({ key, type, en, nl, ...extra });

const CLASSIFICATION = f('classification', 'enum', 'Classification', 'Rubricering', { values: CLASSIFICATION_WORDS, aliases: ['classificatie'] });
const NOTES = f('notes', 'text', 'Notes', 'Opmerkingen', { aliases: ['notities', 'note', 'remarks'] });

export const TABLES: Record<TableKind, TableDef> = {
  review: {
    kind: 'review',
    en: 'Review',
    nl: 'Doorlichting',
    names: ['review', 'doorlichting', 'beleidsdoorlichting'],
    fields: [],
    signature: [],
  },
  completeness: {
    kind: 'completeness',
    en: 'Completeness',
    nl: 'Volledigheid',
    names: ['completeness', 'volledigheid'],
    fields: [
      f('list', 'enum', 'List', 'Lijst', { required: true, values: LIST_WORDS }),
      f('status', 'enum', 'Completeness', 'Volledigheid', { required: true, values: COMPLETENESS_WORDS, aliases: ['status', 'volledig'] }),
      f('missing', 'text', 'Known to be missing', 'Bekend ontbrekend', { aliases: ['missing', 'ontbreekt', 'ontbrekend'] }),
      f('expectedAtLeast', 'count', 'At least', 'Ten minste', { aliases: ['expected at least', 'minimaal', 'ten minste aantal'] }),
      f('citation.source', 'id', 'Citation: source id', 'Vindplaats: bron-id'),
      f('citation.location', 'text', 'Citation: location', 'Vindplaats'),
    ],
    signature: ['list', 'status', 'missing', 'expectedAtLeast'],
  },
  domains: {
    kind: 'domains',
    en: 'Domains',
    nl: 'Taakvelden',
    names: ['domains', 'taakvelden', 'domeinen'],
    fields: [
      f('id', 'id', 'Domain id', 'Taakveld-id', { required: true, aliases: ['id'] }),
      f('name', 'text', 'Domain', 'Taakveld', { required: true, aliases: ['name', 'naam', 'domein'] }),
      f('goal', 'text', 'Goal', 'Doel', { aliases: ['doelstelling taakveld'] }),
      f('classification', 'enum', CLASSIFICATION.en, CLASSIFICATION.nl, { values: CLASSIFICATION_WORDS }),
      NOTES,
    ],
    signature: ['id', 'name', 'goal'],
  },
  objectives: {
    kind: 'objectives',
    en: 'Objectives',
    nl: 'Doelstellingen',
    names: ['objectives', 'doelstellingen', 'beleidsdoelstellingen', 'doelen'],
    fields: [
      f('id', 'id', 'Objective id', 'Doelstelling-id', { required: true, aliases: ['id'] }),
      f('domain', 'id', 'Domain id', 'Taakveld-id', { required: true, aliases: ['domain', 'taakveld', 'domein'] }),
      f('parent', 'id', 'Parent objective', 'Bovenliggende doelstelling', { aliases: ['parent', 'hoofddoelstelling'] }),
      f('text', 'text', 'Objective', 'Doelstelling', { required: true, aliases: ['text', 'tekst', 'beleidsdoelstelling', 'omschrijving'] }),
      f('smart.indicator', 'text', 'Indicator', 'Indicator'),
      f('smart.baseline', 'text', 'Baseline', 'Nulmeting', { aliases: ['uitgangssituatie'] }),
      f('smart.target', 'text', 'Target', 'Streefwaarde', { aliases: ['doelwaarde'] }),
      f('smart.deadline', 'text', 'Deadline', 'Termijn', { aliases: ['einddatum', 'streefdatum'] }),
      CLASSIFICATION,
      NOTES,
    ],
    signature: ['domain', 'text', 'parent', 'smart.indicator', 'smart.target'],
  },
  instruments: {
    kind: 'instruments',
    en: 'Instruments',
    nl: 'Instrumenten',
    names: ['instruments', 'instrumenten', 'beleidsinstrumenten', 'bijlage'],
    fields: [
      f('id', 'id', 'Instrument id', 'Instrument-id', { required: true, aliases: ['id', 'code'] }),
      f('number', 'text', 'Number', 'Nummer', { aliases: ['nr', 'no', 'instrumentnummer'] }),
      f('name', 'text', 'Instrument', 'Instrument', { required: true, aliases: ['name', 'naam', 'beleidsinstrument', 'naam instrument', 'instrument name'] }),
      f('intent', 'text', 'Intent', 'Beoogde werking', { aliases: ['beoogd', 'doel van het instrument', 'purpose'] }),
      f('objective', 'id', 'Objective id', 'Doelstelling-id', { required: true, aliases: ['objective', 'doelstelling', 'beleidsdoelstelling'] }),
      f('role', 'enum', 'Role', 'Rol', { values: ROLE_WORDS }),
      f('kind', 'enum', 'Kind', 'Soort', { values: INSTRUMENT_KIND_WORDS, aliases: ['type', 'type instrument', 'soort instrument', 'instrument type'] }),
      f('realisation.status', 'enum', 'Realisation', 'Realisatie', { values: REALISATION_WORDS, aliases: ['realisation status', 'realisatiestatus', 'status', 'gerealiseerd'] }),
      f('realisation.evidence', 'text', 'Realisation evidence', 'Realisatie en werkbaarheid', { aliases: ['toelichting realisatie', 'realisation and workability', 'werkbaarheid'] }),
      f('realisation.date', 'date', 'Realisation date', 'Datum realisatie', { aliases: ['realisatiedatum'] }),
      CLASSIFICATION,
      NOTES,
    ],
    signature: ['objective', 'role', 'kind', 'realisation.status', 'realisation.evidence', 'intent', 'number'],
  },
  sources: {
    kind: 'sources',
    en: 'Sources',
    nl: 'Bronnen',
    names: ['sources', 'bronnen', 'evaluaties', 'evaluations', 'onderzoeken'],
    fields: [
      f('id', 'id', 'Source id', 'Bron-id', { required: true, aliases: ['id'] }),
      f('title', 'text', 'Title', 'Titel', { required: true, aliases: ['naam', 'onderzoek', 'titel onderzoek'] }),
      f('type', 'enum', 'Type', 'Type', { values: SOURCE_TYPE_WORDS, aliases: ['soort', 'type onderzoek', 'soort onderzoek'] }),
      f('design', 'enum', 'Study design', 'Onderzoeksopzet', { values: DESIGN_WORDS, aliases: ['design', 'opzet'] }),
      f('author', 'text', 'Author', 'Auteur', { aliases: ['uitvoerder', 'opsteller', 'organisation', 'organisatie'] }),
      f('date', 'date', 'Date', 'Datum', { aliases: ['jaar', 'year', 'publicatiedatum'] }),
      CLASSIFICATION,
      f('reference', 'text', 'Reference', 'Vindplaats', { aliases: ['referentie', 'link', 'url', 'kamerstuk'] }),
      NOTES,
    ],
    signature: ['title', 'type', 'author', 'reference', 'design'],
  },
  findings: {
    kind: 'findings',
    en: 'Findings',
    nl: 'Bevindingen',
    names: ['findings', 'bevindingen'],
    fields: [
      f('id', 'id', 'Finding id', 'Bevinding-id', { required: true, aliases: ['id'] }),
      f('origin', 'enum', 'Origin', 'Herkomst', { values: ORIGIN_WORDS }),
      f('sources', 'sources', 'Sources', 'Bronnen', { aliases: ['source', 'bron', 'bron-id', 'source id'] }),
      f('subjects', 'ids', 'Subjects', 'Onderwerpen', { required: true, aliases: ['subject', 'onderwerp', 'instrumenten', 'instruments'] }),
      f('aspect', 'enum', 'Aspect', 'Aspect', { required: true, values: ASPECT_WORDS }),
      f('verdict', 'enum', 'Verdict', 'Oordeel', { required: true, values: VERDICT_WORDS, aliases: ['conclusie'] }),
      f('strength', 'enum', 'Evidence strength', 'Bewijskracht', { required: true, values: STRENGTH_WORDS, aliases: ['strength', 'sterkte'] }),
      f('design', 'enum', 'Study design', 'Onderzoeksopzet', { values: DESIGN_WORDS, aliases: ['design', 'opzet'] }),
      f('statement', 'text', 'Statement', 'Bevinding', { required: true, aliases: ['uitspraak', 'tekst', 'text', 'finding'] }),
      CLASSIFICATION,
      NOTES,
    ],
    signature: ['subjects', 'aspect', 'verdict', 'strength', 'statement'],
  },
  expenditure: {
    kind: 'expenditure',
    en: 'Expenditure',
    nl: 'Uitgaven',
    names: ['expenditure', 'uitgaven', 'budget', 'begroting', 'financien', 'programma uitgaven'],
    fields: [
      f('line', 'id', 'Line id', 'Regel-id', { required: true, aliases: ['line', 'budget line', 'begrotingsregel id', 'id'] }),
      f('name', 'text', 'Budget line', 'Begrotingsregel', { required: true, aliases: ['name', 'naam', 'omschrijving', 'regeling', 'post'] }),
      f('kind', 'enum', 'Kind', 'Soort', { values: BUDGET_KIND_WORDS, aliases: ['soort uitgaven', 'type'] }),
      f('article', 'text', 'Article', 'Artikel', { aliases: ['artikelnummer', 'begrotingsartikel'] }),
      f('index', 'text', 'Open-data index', 'Index open data', { aliases: ['index', 'nr onderverdeling', 'artikelonderdeel'] }),
      f('instruments', 'ids', 'Instruments', 'Instrumenten', { aliases: ['instrument ids'] }),
      f('outOfScopeReason', 'text', 'Out-of-scope reason', 'Reden buiten scope'),
      f('year', 'year', 'Year', 'Jaar', { aliases: ['begrotingsjaar'] }),
      f('amount', 'amount', 'Realisation (x €1,000)', 'Realisatie (x € 1.000)', { aliases: ['amount', 'bedrag', 'realisatie', 'realisation', 'uitgaven'] }),
      f('budgeted.draft', 'amount', 'Draft budget', 'Ontwerpbegroting', { aliases: ['stand ontwerpbegroting', 'draft'] }),
      f('budgeted.adopted', 'amount', 'Adopted budget', 'Vastgestelde begroting', { aliases: ['stand vastgestelde begroting', 'adopted'] }),
      f('budgeted.firstSupplementary', 'amount', 'First supplementary', 'Eerste suppletoire', { aliases: ['stand eerste suppletoire', '1e suppletoire'] }),
      f('budgeted.secondSupplementary', 'amount', 'Second supplementary', 'Tweede suppletoire', { aliases: ['stand tweede suppletoire', '2e suppletoire'] }),
      f('commitments', 'amount', 'Commitments (x €1,000)', 'Verplichtingen (x € 1.000)', { aliases: ['commitments', 'verplichtingen', 'realisatie verplichtingen'] }),
      f('expenditureNotes', 'text', 'Notes on the year', 'Opmerkingen bij het jaar'),
      f('notes', 'text', 'Notes on the line', 'Opmerkingen bij de regel', { aliases: ['notes', 'opmerkingen', 'toelichting'] }),
    ],
    signature: ['line', 'name', 'year', 'amount', 'kind', 'budgeted.draft', 'budgeted.adopted'],
  },

  articleContext: {
    kind: 'articleContext',
    en: 'Article (context)',
    nl: 'Artikel (context)',
    names: ['article context', 'artikel context', 'context'],
    // The quantity first: its header tells this table from an expenditure table with an article column.
    fields: [
      f('quantity', 'enum', 'Expenditure or receipts', 'Uitgaven of ontvangsten', { required: true, values: { expenditures: ['uitgaven', 'expenditure', 'u'], receipts: ['ontvangsten', 'o'] } }),
      f('article', 'text', 'Article', 'Artikel', { required: true, aliases: ['artikelnummer'] }),
      f('chapter', 'text', 'Chapter', 'Hoofdstuk', { aliases: ['begrotingshoofdstuk', 'begrotingsnummer'] }),
      f('name', 'text', 'Article name', 'Naam artikel', { aliases: ['artikelnaam'] }),
      f('year', 'year', 'Year', 'Jaar', { required: true }),
      f('amount', 'amount', 'Realisation (x €1,000)', 'Realisatie (x € 1.000)', { aliases: ['realisatie', 'realisation'] }),
      f('budgeted.draft', 'amount', 'Draft budget', 'Ontwerpbegroting'),
      f('budgeted.adopted', 'amount', 'Adopted budget', 'Vastgestelde begroting'),
      f('budgeted.firstSupplementary', 'amount', 'First supplementary', 'Eerste suppletoire'),
      f('budgeted.secondSupplementary', 'amount', 'Second supplementary', 'Tweede suppletoire'),
      f('commitments', 'amount', 'Commitments (x €1,000)', 'Verplichtingen (x € 1.000)', { aliases: ['verplichtingen'] }),
      f('notes', 'text', 'Notes', 'Opmerkingen'),
    ],
    signature: ['quantity', 'chapter', 'name', 'article'],
  },

  register: {
    kind: 'register',
    en: 'Evaluation register',
    nl: 'Evaluatieregister',
    names: ['evaluatieregister', 'onderzoeksregister', 'evaluation register', 'register'],
    fields: [
      f('title', 'text', 'Title', 'Titel', { required: true, aliases: ['titel onderzoek', 'naam onderzoek'] }),
      f('department', 'text', 'Department', 'Departement', { aliases: ['ministerie', 'ministry'] }),
      f('article', 'text', 'Article', 'Artikel', { aliases: ['artikelnaam', 'begrotingsartikel'] }),
      f('studyType', 'text', 'Type of study', 'Type onderzoek', { aliases: ['soort onderzoek', 'type evaluatie', 'study type'] }),
      f('status', 'text', 'Status', 'Status'),
      f('delivered', 'date', 'Delivery date', 'Opleverdatum', { aliases: ['datum oplevering', 'opleverjaar', 'geplande opleverdatum', 'planned delivery'] }),
      f('chapterNumber', 'text', 'Chapter number', 'Hoofdstuknummer', { aliases: ['begrotingshoofdstuk', 'hoofdstuk', 'chapter'] }),
      f('articleNumber', 'text', 'Article number', 'Artikelnummer', { aliases: ['artikelnummers', 'article numbers'] }),
      f('seaLink', 'text', 'Link to the SEA', 'Link naar SEA', { aliases: ['sea', 'link sea', 'strategische evaluatie agenda'] }),
      f('expert', 'text', 'Independent expert', 'Onafhankelijke deskundige', { aliases: ['onafhankelijk deskundige', 'independent experts'] }),
      f('reportLink', 'text', 'Report link', 'Link naar rapport', { aliases: ['rapport', 'link rapport', 'report'] }),
      f('cabinetResponse', 'text', 'Cabinet response', 'Kabinetsreactie', { aliases: ['beleidsreactie', 'link naar kabinetsreactie'] }),
    ],
    signature: ['studyType', 'status', 'delivered', 'seaLink', 'expert', 'cabinetResponse', 'department'],
  },
};

/**
 * The amounts of a year: the realisation, the budget phases and the commitments (never added to the
 * others). A wide expenditure table carries them per year, under a (merged) header naming which.
 */
export const PHASE_KEYS = ['amount', 'budgeted.draft', 'budgeted.adopted', 'budgeted.firstSupplementary', 'budgeted.secondSupplementary', 'commitments'] as const;
