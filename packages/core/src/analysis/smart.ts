import type { Objective } from '../model/review.js';
import type { Messages } from './messages/index.js';
import { flat } from './flat.js';
import { instrumentList } from './realisation.js';
import type { ReviewIndex } from './review-index.js';
import type { SmartCheck, SmartCriterion, SmartResult } from './types.js';

/**
 * The SMART check of an objective, from its structured fields and from its text in Dutch or
 * English. Text heuristics only ever add evidence that a criterion is met or name what is missing;
 * what cannot be judged from data (achievability) says so instead of guessing.
 */

// Verbs that name a direction but no end state: "versterken", "strengthen", …
const VAGUE =
  /\b(versterk\w*|verbeter\w*|vergrot\w*|verhog\w*|bevorder\w*|stimuler\w*|bijdragen|bijdrage|ondersteun\w*|strengthen\w*|improv\w*|enhanc\w*|increas\w*|promot\w*|foster\w*|support\w*|contribut\w*|encourag\w*|boost\w*)\b/i;
// A quantity to measure against: a percentage, a number that follows a word of change or
// comparison ("to 500", "met 20", "at least 3") and is not a year, or a proportion in words. A bare
// number ("the 25 safety regions") or a year ("by 2015") is not a target.
const NOT_A_YEAR = String.raw`(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)?\b`;
const NUMBER = new RegExp(
  String.raw`\d+(?:[.,]\d+)?\s*(?:%|procent\b|percent\b|per ?cent\b)` +
    String.raw`|\b(?:to|by|from|with|tot|met|naar|van|at least|at most|ten minste|tenminste|minimaal|maximaal|minder dan|meer dan|fewer than|more than|less than|under|below|above|onder|boven)\s+` +
    NOT_A_YEAR +
    String.raw`|\b(?:half|helft|twice|double|verdubbel\w*|halver\w*)\b`,
  'i',
);
const COMPARATIVE = /\b(minder|meer|lager|hoger|fewer|less|more|lower|higher|at least|ten minste|minimaal|maximaal|at most)\b/i;
const DEADLINE =
  /\b((in|by|before|uiterlijk|voor|vóór|per|eind|end of|tot)\s+(\d{1,2}\s+\w+\s+)?(19|20)\d{2}|(19|20)\d{2}\s*(-|–|tot|to)\s*(19|20)\d{2}|(in|within|binnen)\s+\d+\s+(jaar|jaren|years?|maanden|months?))\b/i;

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

/**
 * The sentence a message makes of one word or count, made once per analysis and shared by every
 * objective that says it, flat (flat.ts): most objectives' reasons differ only in their direction
 * word or their number of instruments.
 */
function sharedSentence<K extends string | number>(ix: ReviewIndex, make: (key: K) => string, key: K): string {
  let ofIndex = shared.get(ix);
  if (!ofIndex) shared.set(ix, (ofIndex = new Map()));
  let byKey = ofIndex.get(make) as Map<K, string> | undefined;
  if (!byKey) ofIndex.set(make, (byKey = new Map<K, string>()));
  let sentence = byKey.get(key);
  if (sentence === undefined) byKey.set(key, (sentence = flat(make(key))));
  return sentence;
}
const shared = new WeakMap<ReviewIndex, Map<object, Map<string | number, string>>>();

const ORDER: readonly SmartCriterion[] = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'];

export function smartCheck(ix: ReviewIndex, objective: Objective, M: Messages): SmartCheck {
  const smart = objective.smart;
  const text = [objective.text, smart?.target ?? ''].join(' ');
  const criteria = {} as SmartCheck['criteria'];
  const set = (c: SmartCriterion, result: SmartResult, reason: string) => {
    criteria[c] = { result, reason };
  };

  const vague = VAGUE.exec(objective.text)?.[0];
  const quantified = NUMBER.test(text) || present(smart?.target);
  if (present(smart?.target) || present(smart?.indicator)) {
    set('specific', 'pass', M.smart.specificTarget);
  } else if (vague && !quantified) {
    set('specific', 'fail', sharedSentence(ix, M.smart.specificVague, vague));
  } else if (objective.text.trim().split(/\s+/).length < 4) {
    set('specific', 'fail', M.smart.specificShort);
  } else {
    set('specific', 'pass', M.smart.specificText);
  }

  if (present(smart?.indicator)) set('measurable', 'pass', M.smart.measurableIndicator(smart.indicator));
  else if (quantified) set('measurable', 'pass', M.smart.measurableQuantity);
  else if (COMPARATIVE.test(objective.text)) set('measurable', 'fail', M.smart.measurableComparative);
  else set('measurable', 'fail', M.smart.measurableNone);

  if (present(smart?.baseline) && (present(smart?.target) || quantified)) {
    set('achievable', 'pass', M.smart.achievableBoth(smart.baseline));
  } else if (!present(smart?.baseline) && (present(smart?.target) || quantified)) {
    set('achievable', 'unknown', M.smart.achievableNoBaseline);
  } else {
    set('achievable', 'unknown', M.smart.achievableNone);
  }

  const instruments = ix.instrumentsUnder.get(objective.id) ?? [];
  if (instruments.length === 0) {
    // With rows missing from the instrument list, the objective's instruments may be among them.
    const list = instrumentList(ix.review, M);
    if (list.status === 'complete') set('relevant', 'fail', M.smart.relevantNone);
    else set('relevant', 'unknown', M.smart.relevantNoneListed(list.counted));
  } else {
    set('relevant', 'pass', sharedSentence(ix, M.smart.relevant, instruments.length));
  }

  if (present(smart?.deadline)) set('timeBound', 'pass', M.smart.deadline(smart.deadline));
  else if (DEADLINE.test(text)) set('timeBound', 'pass', M.smart.dateInText(DEADLINE.exec(text)![0]));
  else set('timeBound', 'fail', M.smart.noDeadline);

  let passed = 0;
  const failed: SmartCriterion[] = [];
  for (let k = 0; k < ORDER.length; k++) {
    const { result } = criteria[ORDER[k]!];
    if (result === 'pass') passed++;
    else if (result === 'fail') failed.push(ORDER[k]!);
  }
  return { objective: objective.id, criteria, passed, failed };
}
