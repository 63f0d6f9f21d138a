import type { RpeSubject, RpeVersionData } from '../types.js';

const ART = 'RPE 2013 (BWBR0031959), art. 3, derde lid, onder';

/** Art. 3(3), verbatim: the parts every beleidsdoorlichting contains. */
const PARTS = [
  { label: 'a', topic: 'scope', nl: 'Een afbakening van het te onderzoeken beleidsterrein', en: 'A delimitation of the policy field under review', origin: `${ART} a` },
  { label: 'b', topic: 'policy', nl: 'De gehanteerde motivering voor het beleid en de met het beleid beoogde doelen', en: 'The reasons given for the policy and the objectives it pursues', origin: `${ART} b` },
  { label: 'c', topic: 'instruments', nl: 'Een beschrijving van het beleidsterrein en onderbouwing van de daarmee gemoeide uitgaven', en: 'A description of the policy field and what underpins the expenditure involved', origin: `${ART} c` },
  { label: 'd', topic: 'research', nl: 'Een overzicht van eerder uitgevoerd onderzoek naar doeltreffendheid en doelmatigheid en een onderbouwing van de gekozen evaluatieprogrammering', en: 'An overview of earlier research into effectiveness and efficiency, and the reasons for the evaluation programme chosen', origin: `${ART} d` },
  { label: 'e', topic: 'effects', nl: 'De effecten van het gevoerde beleid en een analyse en beoordeling van de doeltreffendheid en doelmatigheid van het gevoerde beleid, dat wil zeggen alle instrumenten in hun onderlinge samenhang', en: 'The effects of the policy, and an analysis and assessment of its effectiveness and efficiency: all instruments in their coherence', origin: `${ART} e` },
] as const;

const SUBJECTS: Record<string, readonly RpeSubject[]> = {
  a: ['articles', 'exclusions'],
  b: ['reason', 'objectives'],
  c: ['instruments', 'expenditure'],
  d: ['evaluations', 'not-evaluated', 'research-use'],
  e: ['effects', 'effectiveness', 'efficiency'],
};

/**
 * RPE 2013, in force 1 January 2013 until RPE 2015 replaced it on 1 January 2015. Text:
 * statengeneraal/laws-markdown, ministeriele-regeling/regeling/periodiek/evaluatieonderzoek/
 * BWBR0031959 (commit b9c3ad8a). A review under it contains at least the five parts of
 * art. 3(3); those are its questions, numbered 1–5 and labelled a–e as in the article. It asks no
 * savings variant (that came with RPE 2015, art. 3(2)(g)).
 */
export const RPE_2013: RpeVersionData = {
  version: '2013',
  title: 'Regeling Periodiek Evaluatieonderzoek (2013)',
  reference: 'BWBR0031959',
  inForce: { from: '2013-01-01', to: '2014-12-31' },
  origin: 'Text of BWBR0031959 as in statengeneraal/laws-markdown (commit b9c3ad8a2888bf0135df467aace4e8839237ac16), art. 3',
  questions: PARTS.map((p, i) => ({ number: i + 1, label: p.label, topic: p.topic, nl: p.nl, en: p.en, origin: p.origin, parts: [p.label], subjects: SUBJECTS[p.label]! })),
  questionNoun: 'part',
  parts: PARTS,
  rules: {
    savingsVariantRequired: { value: false, origin: 'RPE 2013, art. 3(3) lists parts a–e only; the savings variant (-/- 20%) came with RPE 2015, art. 3(2)(g)' },
    independentExpertRequired: { value: true, origin: 'RPE 2013, art. 2, tweede lid; art. 3, vijfde en zesde lid (not from a ministry; inspectorates, ADR and independent departmental research institutes allowed)' },
    reviewCycleYears: { value: { min: 4, max: 7 }, origin: 'RPE 2013, art. 3, eerste lid: "bijvoorbeeld eens per vier jaar en ten minste eens in de zeven jaar"' },
  },
};
