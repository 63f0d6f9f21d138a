import type { RpeVersionData } from '../types.js';

const ARTICLES_NOT_AT_HAND =
  'the articles on the periodieke rapportage were not at hand in full (only art. 1, the definitions, could be read: wetten.nl BWBR0046970 and Stcrt. 2022, 19587)';

/**
 * RPE 2022 (Regeling periodiek evaluatieonderzoek 2022), signed 11 July 2022, in force from
 * 27 July 2022. The periodieke rapportage replaces the beleidsdoorlichting and reports on a theme of
 * the Strategische Evaluatie Agenda. Its definitions (art. 1) could be checked, the articles that
 * say what a periodieke rapportage contains could not: polev bundles no questions and no rules for
 * it. A review under it lists its questions in its own `questionSet`.
 */
export const RPE_2022: RpeVersionData = {
  version: '2022',
  title: 'Regeling periodiek evaluatieonderzoek 2022',
  reference: 'BWBR0046970; Stcrt. 2022, 19587',
  inForce: { from: '2022-07-27', to: null },
  origin:
    'Stcrt. 2022, 19587 (zoek.officielebekendmakingen.nl/stcrt-2022-19587.html) and wetten.nl BWBR0046970: title, date, entry into force and art. 1 (definitions, among them "onafhankelijk deskundige": a methodological and substantive expert who bears no responsibility for the policy)',
  questions: null,
  questionNoun: 'question',
  parts: null,
  rules: {
    savingsVariantRequired: { value: null, origin: ARTICLES_NOT_AT_HAND },
    independentExpertRequired: { value: null, origin: `art. 1 defines the onafhankelijk deskundige; ${ARTICLES_NOT_AT_HAND}` },
    reviewCycleYears: { value: null, origin: ARTICLES_NOT_AT_HAND },
  },
};
