import { termsFor } from '@polev/core';
import type { Labels, Lang } from './types.js';

/** The labels that name the values of the domain's enums: their words come from @polev/core. */
export type TermLabels = Pick<
  Labels,
  'realisationStatus' | 'aspect' | 'verdict' | 'strength' | 'goalAchievement' | 'realisationValue' | 'effectivenessValue' | 'efficiencyValue' | 'smartCriterion'
>;

/** The text with its first letter in upper case, for a sentence that begins with a word made elsewhere. */
export const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** A copy of a value→word table with each word's first letter in upper case, for table headers and legends. */
function capitalised<K extends string>(words: Readonly<Record<K, string>>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(words) as K[]) out[k] = capitalise(words[k]);
  return out;
}

/** The enum-value labels of a language; `general` is the report's own word for findings on no single aspect. */
export function termLabels(lang: Lang, general: string): TermLabels {
  const t = termsFor(lang);
  return {
    realisationStatus: t.realisationStatus,
    aspect: { ...t.aspect, general },
    verdict: t.verdict,
    strength: t.strength,
    goalAchievement: t.goalAchievement,
    realisationValue: t.realisation,
    effectivenessValue: t.effectiveness,
    efficiencyValue: t.efficiency,
    smartCriterion: capitalised(t.smartCriterion),
  };
}
