import type { RpeVersion } from '../model/review.js';

/**
 * The research questions of a policy review, per version of the Regeling Periodiek
 * Evaluatieonderzoek. Kept as data so that the rule sets of other versions can sit beside 2015.
 */
export type RpeTopic = 'scope' | 'policy' | 'instruments' | 'research' | 'effects' | 'options';

export interface RpeQuestion {
  number: number;
  topic: RpeTopic;
  nl: string;
  en: string;
}

export interface RpeQuestionSet {
  version: RpeVersion;
  title: string;
  questions: readonly RpeQuestion[];
}

const RPE_2015: RpeQuestionSet = {
  version: '2015',
  title: 'Regeling Periodiek Evaluatieonderzoek 2015',
  questions: [
    { number: 1, topic: 'scope', nl: 'Welk(e) artikel(onderdelen) wordt/worden behandeld in de beleidsdoorlichting?', en: 'Which budget article(s) or parts does the review cover?' },
    { number: 2, topic: 'scope', nl: 'Indien van toepassing: wat is de reden waarom bepaalde artikel(onderdelen) niet worden meegenomen?', en: 'Where relevant: why are certain parts of the article not covered?' },
    { number: 3, topic: 'policy', nl: 'Wat is de aanleiding voor het beleid? Is deze aanleiding nog actueel?', en: 'What is the reason for the policy, and is it still current?' },
    { number: 4, topic: 'policy', nl: 'Wat is de verantwoordelijkheid van de rijksoverheid?', en: 'What is the responsibility of central government?' },
    { number: 5, topic: 'policy', nl: 'Wat zijn de doelen van het beleid?', en: 'What are the objectives of the policy?' },
    { number: 6, topic: 'instruments', nl: 'Welke instrumenten worden ingezet? Wat is de samenhang tussen de ingezette instrumenten?', en: 'Which instruments are used, and how do they relate to each other?' },
    { number: 7, topic: 'instruments', nl: 'Wat is de onderbouwing van de uitgaven? Hoe zijn deze te relateren aan de componenten volume/gebruik en aan prijzen/tarieven?', en: 'What underpins the expenditure, and how does it relate to volume/use and to prices/tariffs?' },
    { number: 8, topic: 'research', nl: 'Welke evaluaties (met bronvermelding) zijn uitgevoerd, op welke manier is het beleid geëvalueerd en om welke redenen?', en: 'Which evaluations (with references) were carried out, how was the policy evaluated, and why?' },
    { number: 9, topic: 'research', nl: 'Welke beleidsonderdelen zijn (nog) niet geëvalueerd?', en: 'Which parts of the policy have not (yet) been evaluated, and why could their effectiveness or efficiency be evaluated in future or not?' },
    { number: 10, topic: 'research', nl: 'In hoeverre maakt het beschikbare onderzoeksmateriaal uitspraken over de doeltreffendheid en doelmatigheid van het beleidsterrein mogelijk?', en: 'To what extent does the available research allow statements on the effectiveness and efficiency of the policy field?' },
    { number: 11, topic: 'effects', nl: 'Wat zijn de effecten van het beleid? Wat zijn de positieve en negatieve neveneffecten?', en: 'What are the effects of the policy, and its positive and negative side effects?' },
    { number: 12, topic: 'effects', nl: 'Hoe doeltreffend is het beleid geweest?', en: 'How effective has the policy been?' },
    { number: 13, topic: 'effects', nl: 'Hoe doelmatig is het beleid geweest?', en: 'How efficient has the policy been?' },
    { number: 14, topic: 'options', nl: 'Welke maatregelen kunnen worden genomen om de doelmatigheid en doeltreffendheid verder te verhogen?', en: 'Which measures could further raise effectiveness and efficiency?' },
    { number: 15, topic: 'options', nl: 'Welke beleidsopties zijn er indien er significant minder middelen (circa 20% van de middelen op het beleidsterrein) beschikbaar zijn?', en: 'Which policy options are there if significantly less money (about 20% of the budget of the policy field) is available?' },
  ],
};

const QUESTION_SETS: Partial<Record<RpeVersion, RpeQuestionSet>> = { '2015': RPE_2015 };

/** The question set of an RPE version, or undefined where polev does not bundle that version yet. */
export function rpeQuestionSet(version: RpeVersion): RpeQuestionSet | undefined {
  return Object.hasOwn(QUESTION_SETS, version) ? QUESTION_SETS[version] : undefined;
}

export function bundledRpeVersions(): RpeVersion[] {
  return Object.keys(QUESTION_SETS) as RpeVersion[];
}
