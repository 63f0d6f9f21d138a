import type { RpeVersionData } from '../types.js';

const ART = 'RPE 2015 (BWBR0035579), art. 3, tweede lid, onder';
// Questions 7–15 are quoted as the seed review (Beleidsdoorlichting artikel 36.2, ADR 2017) prints
// them (Inleiding p. 13 and 15; Hoofdstuk 4). Questions 1–6 stood on its lost p. 14: their Dutch
// wording is the standard one of the practice and is not checked against a text at hand.
const PRACTICE = 'Standard research question of reviews under RPE 2015 (the practice of the handreiking, not the regulation\'s articles)';
const SEED = (where: string) => `${PRACTICE}; wording as quoted in Beleidsdoorlichting artikel 36.2 (ADR, 2017), ${where}`;
const UNCHECKED = `${PRACTICE}; Dutch wording not checked against a text at hand (the seed's p. 14 is lost)`;

/**
 * RPE 2015, in force 1 January 2015 until RPE 2018 replaced it on 27 March 2018. Text:
 * statengeneraal/laws-markdown, BWBR0035579 (commit b9c3ad8a). The regulation requires the parts
 * a–g of art. 3(2); reviews answer the 15 research questions of the practice, which map onto
 * those parts as the seed's own RPE index gives: a ↔ 1–2, b ↔ 3–5, c ↔ 6–7, d ↔ 8–10, e ↔ 11–13,
 * f ↔ 14, g ↔ 15.
 */
export const RPE_2015: RpeVersionData = {
  version: '2015',
  title: 'Regeling Periodiek Evaluatieonderzoek (2015)',
  reference: 'BWBR0035579',
  inForce: { from: '2015-01-01', to: '2018-03-26' },
  origin: 'Text of BWBR0035579 as in statengeneraal/laws-markdown (commit b9c3ad8a2888bf0135df467aace4e8839237ac16), art. 1–3; the 15 questions from the review practice',
  questions: [
    { number: 1, label: '1', topic: 'scope', nl: 'Welk(e) artikel(onderdelen) wordt/worden behandeld in de beleidsdoorlichting?', en: 'Which budget article(s) or parts does the review cover?', origin: UNCHECKED, parts: ['a'], subjects: ['articles'] },
    { number: 2, label: '2', topic: 'scope', nl: 'Indien van toepassing: wat is de reden waarom bepaalde artikel(onderdelen) niet worden meegenomen?', en: 'Where relevant: why are certain parts of the article not covered?', origin: UNCHECKED, parts: ['a'], subjects: ['exclusions'] },
    { number: 3, label: '3', topic: 'policy', nl: 'Wat is de aanleiding voor het beleid? Is deze aanleiding nog actueel?', en: 'What is the reason for the policy, and is it still current?', origin: UNCHECKED, parts: ['b'], subjects: ['reason'] },
    { number: 4, label: '4', topic: 'policy', nl: 'Wat is de verantwoordelijkheid van de rijksoverheid?', en: 'What is the responsibility of central government?', origin: UNCHECKED, parts: ['b'], subjects: ['responsibility'] },
    { number: 5, label: '5', topic: 'policy', nl: 'Wat zijn de doelen van het beleid?', en: 'What are the objectives of the policy?', origin: UNCHECKED, parts: ['b'], subjects: ['objectives'] },
    { number: 6, label: '6', topic: 'instruments', nl: 'Welke instrumenten worden ingezet? Wat is de samenhang tussen de ingezette instrumenten?', en: 'Which instruments are used, and how do they relate to each other?', origin: UNCHECKED, parts: ['c'], subjects: ['instruments'] },
    { number: 7, label: '7', topic: 'instruments', nl: 'Wat is de onderbouwing van de uitgaven? Hoe zijn deze te relateren aan de componenten volume/gebruik en aan prijzen/tarieven?', en: 'What underpins the expenditure, and how does it relate to volume/use and to prices/tariffs?', origin: SEED('Inleiding (p. 13)'), parts: ['c'], subjects: ['expenditure'] },
    { number: 8, label: '8', topic: 'research', nl: 'Welke evaluaties (met bronvermelding) zijn uitgevoerd, op welke manier is het beleid geëvalueerd en om welke redenen?', en: 'Which evaluations (with references) were carried out, how was the policy evaluated, and why?', origin: SEED('Inleiding (p. 13); Hoofdstuk 4'), parts: ['d'], subjects: ['evaluations'] },
    { number: 9, label: '9', topic: 'research', nl: 'Welke beleidsonderdelen zijn (nog) niet geëvalueerd? Inclusief uitleg over de (on)mogelijkheid om de doeltreffendheid en doelmatigheid van het beleid in de toekomst te evalueren.', en: 'Which parts of the policy have not (yet) been evaluated, and could their effectiveness and efficiency be evaluated in future?', origin: SEED('Inleiding (p. 13); Hoofdstuk 4'), parts: ['d'], subjects: ['not-evaluated'] },
    { number: 10, label: '10', topic: 'research', nl: 'In hoeverre maakt het beschikbare onderzoeksmateriaal uitspraken over de doeltreffendheid en doelmatigheid van het beleidsterrein mogelijk?', en: 'To what extent does the available research allow statements on the effectiveness and efficiency of the policy field?', origin: SEED('Inleiding (p. 13); Hoofdstuk 4'), parts: ['d'], subjects: ['research-use'] },
    { number: 11, label: '11', topic: 'effects', nl: 'Welke effecten heeft het beleid gehad? Zijn er positieve en/of negatieve neveneffecten?', en: 'What effects has the policy had? Are there positive and/or negative side effects?', origin: SEED('Inleiding (p. 13); Hoofdstuk 4'), parts: ['e'], subjects: ['effects'] },
    { number: 12, label: '12', topic: 'effects', nl: 'Hoe doeltreffend is het beleid geweest?', en: 'How effective has the policy been?', origin: SEED('Inleiding (p. 13); Hoofdstuk 4'), parts: ['e'], subjects: ['effectiveness'] },
    { number: 13, label: '13', topic: 'effects', nl: 'Hoe doelmatig is het beleid geweest?', en: 'How efficient has the policy been?', origin: SEED('Inleiding (p. 13); Hoofdstuk 4'), parts: ['e'], subjects: ['efficiency'] },
    { number: 14, label: '14', topic: 'options', nl: 'Welke maatregelen kunnen worden genomen om de doelmatigheid en doeltreffendheid verder te verhogen?', en: 'Which measures could further raise efficiency and effectiveness?', origin: SEED('Inleiding (p. 15)'), parts: ['f'], subjects: ['measures'] },
    { number: 15, label: '15', topic: 'options', nl: 'In het geval dat er significant minder middelen beschikbaar zijn (-/- circa 20% van de middelen op het (de) beleidsartikel(en)), welke beleidsopties zijn dan mogelijk?', en: 'If significantly less money is available (about 20% less on the budget article(s)), which policy options are there?', origin: SEED('Inleiding (p. 15)'), parts: ['g'], subjects: ['savings'] },
  ],
  questionNoun: 'question',
  parts: [
    { label: 'a', topic: 'scope', nl: 'een afbakening van het te onderzoeken beleidsterrein', en: 'a delimitation of the policy field under review', origin: `${ART} a` },
    { label: 'b', topic: 'policy', nl: 'de gehanteerde motivering voor het beleid en de met het beleid beoogde doelen', en: 'the reasons for the policy and its objectives', origin: `${ART} b` },
    { label: 'c', topic: 'instruments', nl: 'een beschrijving van het beleidsterrein en de onderbouwing van de daarmee gemoeide uitgaven', en: 'a description of the policy field and what underpins its expenditure', origin: `${ART} c` },
    { label: 'd', topic: 'research', nl: 'een overzicht van eerder uitgevoerd onderzoek naar doeltreffendheid en doelmatigheid en een onderbouwing van de gekozen evaluatieprogrammering', en: 'earlier research into effectiveness and efficiency, and the evaluation programme chosen', origin: `${ART} d` },
    { label: 'e', topic: 'effects', nl: 'de effecten van het gevoerde beleid en een analyse en beoordeling van de doeltreffendheid en doelmatigheid van het gevoerde beleid, dat wil zeggen alle instrumenten in hun onderlinge samenhang, en – indien relevant – de effecten van het beleid op economische groei en regeldruk', en: 'the effects of the policy and an assessment of its effectiveness and efficiency, and where relevant its effects on economic growth and regulatory burden', origin: `${ART} e` },
    { label: 'f', topic: 'options', nl: 'een beschouwing over de maatregelen die genomen kunnen worden ter verdere verhoging van de doelmatigheid en de doeltreffendheid van het beleid', en: 'a discussion of measures that could further raise efficiency and effectiveness', origin: `${ART} f` },
    { label: 'g', topic: 'options', nl: 'een beschrijving van beleidsopties indien er significant minder middelen (-/- 20%) beschikbaar zijn', en: 'policy options if significantly less money (-20%) is available', origin: `${ART} g` },
  ],
  rules: {
    savingsVariantRequired: { value: true, origin: 'RPE 2015, art. 3, tweede lid, onder g' },
    independentExpertRequired: { value: true, origin: 'RPE 2015, art. 2, tweede tot vierde lid; art. 3, vierde en vijfde lid (not from a ministry; inspectorates, ADR and independent departmental research institutes allowed)' },
    reviewCycleYears: { value: { min: 4, max: 7 }, origin: 'RPE 2015, art. 3, eerste lid: "bijvoorbeeld eens per vier jaar en ten minste eens in de zeven jaar"' },
  },
};
