/**
 * An RPE version as data: which questions a review under it answers, where each comes from, and
 * the rules that decide what polev may ask of the review (a savings variant, an independent expert,
 * how often). Where polev does not have a version's text, the field is null: "not known", never
 * "not required".
 */

/** The topics of the bundled question sets; a review's own question set may use any topic. */
export const RPE_TOPICS = ['scope', 'policy', 'instruments', 'research', 'effects', 'options'] as const;
export type RpeTopic = (typeof RPE_TOPICS)[number];

export type RpeQuestionNoun = 'question' | 'part';

/**
 * What a question asks about, in terms of the parts of a review polev knows. It ties a question
 * to the data that speaks to it and to the report's sections, whatever the version numbers it:
 * 2015's question 7 and 2013's part c both ask about `expenditure`.
 */
export const RPE_SUBJECTS = [
  'articles',
  'exclusions',
  'reason',
  'responsibility',
  'objectives',
  'instruments',
  'expenditure',
  'evaluations',
  'not-evaluated',
  'research-use',
  'effects',
  'effectiveness',
  'efficiency',
  'measures',
  'savings',
] as const;
export type RpeSubject = (typeof RPE_SUBJECTS)[number];

/** The subjects of a topic: what a question of a review's own set is taken to ask about. */
export const SUBJECTS_OF_TOPIC: Readonly<Record<RpeTopic, readonly RpeSubject[]>> = {
  scope: ['articles', 'exclusions'],
  policy: ['reason', 'responsibility', 'objectives'],
  instruments: ['instruments', 'expenditure'],
  research: ['evaluations', 'not-evaluated', 'research-use'],
  effects: ['effects', 'effectiveness', 'efficiency'],
  options: ['measures', 'savings'],
};

export interface RpeQuestion {
  /** The number an RPE answer refers to (`rpeAnswers[].question`). */
  number: number;
  /** How the version itself names the question: "7" for the 15 questions of 2015, "a" for a part of art. 3(3) of 2013. */
  label: string;
  /** One of RPE_TOPICS for the bundled sets; free text in a review's own set. */
  topic: string;
  /** The question's text; in a review's own set the review's own text, in both fields. */
  nl: string;
  en: string;
  /** Where the question comes from, e.g. "RPE 2013, art. 3, derde lid, onder a". */
  origin: string;
  /** The part(s) of the regulation's article the question serves, e.g. ["a"] (2015: art. 3(2)). */
  parts?: readonly string[];
  /** What it asks about; empty for a question of a review's own set whose topic polev does not know. */
  subjects: readonly RpeSubject[];
}

/** A rule of a version, with where it comes from; `value` null: polev does not know. */
export interface RpeRule<T> {
  value: T | null;
  origin: string | null;
}

export interface RpeRules {
  /** Whether a review must describe policy options with significantly less money (the -20% savings variant). */
  savingsVariantRequired: RpeRule<boolean>;
  /** Whether at least one independent expert (onafhankelijk deskundige) must be involved and give a verdict. */
  independentExpertRequired: RpeRule<boolean>;
  /** How often each article (2022: each theme) is reviewed, e.g. at least once in 7 years, for example every 4. */
  reviewCycleYears: RpeRule<{ min?: number; max: number }>;
}

export interface RpeVersionData {
  /** The version id a review names in `rpeVersion`, e.g. "2015". */
  version: string;
  title: string;
  /** Official identifiers, e.g. "BWBR0035579; Stcrt. 2014, 24200". */
  reference: string | null;
  inForce: { from: string | null; to: string | null };
  /** Where the bundled text comes from. */
  origin: string;
  /**
   * The questions a review under this version answers, or null where polev does not have the
   * text: then polev lists no questions and reports the recorded answers by number.
   */
  questions: readonly RpeQuestion[] | null;
  /** How the version names its questions in a sentence: "question 7" (2015) or "part c" (2013, art. 3(3)). */
  questionNoun: RpeQuestionNoun;
  /** The parts the regulation itself requires of a review (2013: art. 3(3) a–e; 2015: art. 3(2) a–g), or null. */
  parts: readonly { label: string; topic: RpeTopic; nl: string; en: string; origin: string }[] | null;
  rules: RpeRules;
}

/** The question set and rules that apply to one review: its own set where it gives one, else the bundled version. */
export interface EffectiveRpe {
  version: string;
  title: string;
  /** 'review': the review's own question set; 'bundled': polev's data for the version; 'none': polev knows no questions. */
  basis: 'review' | 'bundled' | 'none';
  questions: readonly RpeQuestion[] | null;
  questionNoun: RpeQuestionNoun;
  rules: RpeRules;
  /** The bundled data of the version, where polev has it. */
  bundled: RpeVersionData | undefined;
}
