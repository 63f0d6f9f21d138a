import type { RpeVersionData } from '../types.js';

const NOT_AT_HAND = 'the text of RPE 2018 is not at hand (looked for in December 2026; not found in the sources polev can check)';

/**
 * RPE 2018. polev does not have its text, so it bundles no questions and no rules: a review under
 * it lists its questions in its own `questionSet`, or its recorded answers are reported by number.
 * What is recorded here comes from the project's notes on the regulations (shared/rpe/README.md).
 */
export const RPE_2018: RpeVersionData = {
  version: '2018',
  title: 'Regeling Periodiek Evaluatieonderzoek (2018)',
  reference: 'BWBR0040754; Stcrt. 2018, 16632',
  inForce: { from: '2018-03-27', to: '2022-07-26' },
  origin: `Identifiers and dates from polev's notes on the regulations; ${NOT_AT_HAND}`,
  questions: null,
  questionNoun: 'question',
  parts: null,
  rules: {
    savingsVariantRequired: { value: null, origin: NOT_AT_HAND },
    independentExpertRequired: { value: null, origin: NOT_AT_HAND },
    reviewCycleYears: { value: null, origin: NOT_AT_HAND },
  },
};
