import type { AnalysisLang } from '../types.js';
import { en, type Messages } from './en.js';
import { nl } from './nl.js';

export type { Messages } from './en.js';

type SameParameters<A extends unknown[], B extends unknown[]> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The dotted paths of the messages of catalogue `T` that are missing or take other parameters
 * than those of the reference catalogue `E` (by default the English one); `never` when `T`
 * defines every message with exactly the same parameters. `satisfies Messages` alone would let a
 * translation drop a parameter (a function with fewer parameters is assignable); this does not.
 */
export type CatalogueMismatches<T, E = Messages, P extends string = ''> = {
  [K in keyof E & string]: K extends keyof T
    ? E[K] extends (...args: infer A) => string
      ? T[K] extends (...args: infer B) => string
        ? SameParameters<A, B> extends true
          ? never
          : `${P}${K}`
        : `${P}${K}`
      : E[K] extends string
        ? T[K] extends string
          ? never
          : `${P}${K}`
        : CatalogueMismatches<T[K], E[K], `${P}${K}.`>
    : `${P}${K}`;
}[keyof E & string];

/** Accepts a catalogue only when it has no mismatches; otherwise the compile error names them. */
const checked = <T extends Messages>(catalogue: T & ([CatalogueMismatches<T>] extends [never] ? unknown : { mismatched: CatalogueMismatches<T> })): Messages =>
  catalogue;

const NL: Messages = checked(nl);

/**
 * The message catalogue of a language (English when none is given); a TypeError for any other
 * value, which only JavaScript callers can pass. Chosen once per analysis, never per sentence.
 */
export function messagesFor(lang: AnalysisLang | undefined): Messages {
  if (lang === undefined || lang === 'en') return en;
  if (lang === 'nl') return NL;
  throw new TypeError(`lang must be "nl" or "en", not ${JSON.stringify(lang)}`);
}
