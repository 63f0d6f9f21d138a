import type { QuestionSet } from '../model/review.js';
import { RPE_TOPICS, SUBJECTS_OF_TOPIC, type EffectiveRpe, type RpeQuestion, type RpeRule, type RpeRules, type RpeSubject, type RpeTopic, type RpeVersionData } from './types.js';
import { RPE_2013 } from './versions/rpe-2013.js';
import { RPE_2015 } from './versions/rpe-2015.js';
import { RPE_2018 } from './versions/rpe-2018.js';
import { RPE_2022 } from './versions/rpe-2022.js';

export type { EffectiveRpe, RpeQuestion, RpeQuestionNoun, RpeRule, RpeRules, RpeSubject, RpeTopic, RpeVersionData } from './types.js';
export { RPE_SUBJECTS, RPE_TOPICS, SUBJECTS_OF_TOPIC } from './types.js';

/**
 * The RPE versions polev knows, in order. 2013 and 2015 come with their questions and rules from
 * their texts; of 2018 and 2022 polev records only what it could verify, and no questions.
 */
const VERSIONS: readonly RpeVersionData[] = [RPE_2013, RPE_2015, RPE_2018, RPE_2022];
const BY_ID = new Map(VERSIONS.map((v) => [v.version, v]));

/** The bundled data of an RPE version: its questions (or null), its parts and rules, with their origins. */
export function rpeVersionData(version: string): RpeVersionData | undefined {
  return BY_ID.get(version);
}

/** The version ids polev bundles data for (with or without questions). */
export function bundledRpeVersions(): string[] {
  return VERSIONS.map((v) => v.version);
}

export interface RpeQuestionSet {
  version: string;
  title: string;
  questions: readonly RpeQuestion[];
}

/** The bundled question set of an RPE version, or undefined where polev has no questions for it. */
export function rpeQuestionSet(version: string): RpeQuestionSet | undefined {
  const v = BY_ID.get(version);
  return v?.questions ? { version: v.version, title: v.title, questions: v.questions } : undefined;
}

/** A review's own question set, as the model holds it (`review.questionSet`). */
export type OwnQuestionSet = QuestionSet;

const UNKNOWN_RULES: RpeRules = {
  savingsVariantRequired: { value: null, origin: null },
  independentExpertRequired: { value: null, origin: null },
  reviewCycleYears: { value: null, origin: null },
};

/**
 * The questions and rules that apply to a review: its own question set where it gives one (any
 * version, or another country's regime), else the bundled data of its `rpeVersion`. A rule the
 * review's set leaves out is taken from the bundled version of the same id; one it sets to null
 * is unknown.
 */
export function effectiveRpe(review: { rpeVersion: string; questionSet?: OwnQuestionSet | null | undefined }): EffectiveRpe {
  const own = review.questionSet ?? undefined;
  const bundled = BY_ID.get(own?.version ?? review.rpeVersion);
  const base = bundled?.rules ?? UNKNOWN_RULES;
  if (!own) {
    return {
      version: review.rpeVersion,
      title: bundled?.title ?? `RPE ${review.rpeVersion}`,
      basis: bundled?.questions ? 'bundled' : 'none',
      questions: bundled?.questions ?? null,
      questionNoun: bundled?.questionNoun ?? 'question',
      rules: base,
      bundled,
    };
  }
  const origin = `the review's own question set (${own.version})`;
  const rule = <T>(given: T | null | undefined, fallback: RpeRule<T>): RpeRule<T> =>
    given === undefined ? fallback : { value: given, origin };
  const questions: RpeQuestion[] = own.questions.map((q) => ({
    number: q.number,
    label: String(q.number),
    topic: q.topic,
    nl: q.text,
    en: q.text,
    origin: q.origin ?? origin,
    subjects: isTopic(q.topic) ? SUBJECTS_OF_TOPIC[q.topic] : [],
  }));
  const cycle = own.reviewCycleYears;
  return {
    version: own.version,
    title: own.title ?? bundled?.title ?? own.version,
    basis: 'review',
    questions,
    questionNoun: 'question',
    rules: {
      savingsVariantRequired: rule(own.savingsVariantRequired, base.savingsVariantRequired),
      independentExpertRequired: rule(own.independentExpertRequired, base.independentExpertRequired),
      reviewCycleYears: rule(cycle === undefined ? undefined : cycle === null ? null : { ...(typeof cycle.min === 'number' ? { min: cycle.min } : {}), max: cycle.max }, base.reviewCycleYears),
    },
    bundled,
  };
}

const isTopic = (t: string): t is RpeTopic => (RPE_TOPICS as readonly string[]).includes(t);

/** The questions of a set that ask about a subject, in their order. */
export function questionsAbout(questions: readonly RpeQuestion[] | null, subject: RpeSubject): RpeQuestion[] {
  return (questions ?? []).filter((q) => q.subjects.includes(subject));
}

/**
 * The questions an RPE answer in raw (not yet validated) review data may refer to: the review's
 * own question set where it gives a usable one, else the bundled set of its version; undefined
 * where neither is known, so that any number is accepted.
 */
export function questionSetOfData(data: Record<string, unknown>): RpeQuestionSet | undefined {
  const own = data.questionSet;
  if (typeof own === 'object' && own !== null && Array.isArray((own as { questions?: unknown }).questions)) {
    const { version, title, questions } = own as { version?: unknown; title?: unknown; questions: unknown[] };
    const numbers = questions.flatMap((q) => (typeof q === 'object' && q !== null && typeof (q as { number?: unknown }).number === 'number' ? [(q as { number: number }).number] : []));
    const v = typeof version === 'string' ? version : String(data.rpeVersion ?? '');
    return { version: v, title: typeof title === 'string' ? title : v, questions: numbers.map((n) => ({ number: n, label: String(n), topic: '', nl: '', en: '', origin: '', subjects: [] })) };
  }
  return typeof data.rpeVersion === 'string' ? rpeQuestionSet(data.rpeVersion) : undefined;
}

/** The problem of an answer to a question its version does not have, in the version's own terms. */
export function unknownQuestion(set: RpeQuestionSet, question: number): { message: string; hint: string } {
  const part = BY_ID.get(set.version)?.questionNoun === 'part' && set.questions === BY_ID.get(set.version)?.questions;
  const labels = set.questions.map((q) => (part ? `${q.number} (${q.label})` : String(q.number)));
  return {
    message: `RPE ${set.version} has no ${part ? 'part' : 'question'} ${question}`,
    hint: part ? `its parts are numbered ${labels.join(', ')}` : `its questions are numbered ${compactRange(set.questions.map((q) => q.number))}`,
  };
}

/** "1–15", or "1–3, 7" for a set with gaps. */
function compactRange(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return out.join(', ');
}
