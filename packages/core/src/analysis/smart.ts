import type { Objective } from '../model/review.js';
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
const NUMBER = /(\d+([.,]\d+)?\s*(%|procent|percent|per ?cent)|\b\d{2,}\b(?!\s*-\s*\d{4})|\b(half|helft|twice|double|verdubbel\w*|halver\w*)\b)/i;
const COMPARATIVE = /\b(minder|meer|lager|hoger|fewer|less|more|lower|higher|at least|ten minste|minimaal|maximaal|at most)\b/i;
const DEADLINE =
  /\b((in|by|before|uiterlijk|voor|vóór|per|eind|end of|tot)\s+(\d{1,2}\s+\w+\s+)?(19|20)\d{2}|(19|20)\d{2}\s*(-|–|tot|to)\s*(19|20)\d{2}|(in|within|binnen)\s+\d+\s+(jaar|jaren|years?|maanden|months?))\b/i;

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

export function smartCheck(ix: ReviewIndex, objective: Objective): SmartCheck {
  const smart = objective.smart;
  const text = [objective.text, smart?.target ?? ''].join(' ');
  const criteria = {} as SmartCheck['criteria'];
  const set = (c: SmartCriterion, result: SmartResult, reason: string) => {
    criteria[c] = { result, reason };
  };

  const vague = VAGUE.exec(objective.text)?.[0];
  const quantified = NUMBER.test(text) || present(smart?.target);
  if (present(smart?.target) || present(smart?.indicator)) {
    set('specific', 'pass', 'It names a target or indicator, which pins down what is to be achieved.');
  } else if (vague && !quantified) {
    set('specific', 'fail', `It is phrased as a direction ("${vague}") without the end state to be reached.`);
  } else if (objective.text.trim().split(/\s+/).length < 4) {
    set('specific', 'fail', 'The text is too short to say what is to be achieved, for whom or where.');
  } else {
    set('specific', 'pass', 'The text names what is to be achieved.');
  }

  if (present(smart?.indicator)) set('measurable', 'pass', `Indicator: ${smart.indicator}.`);
  else if (quantified) set('measurable', 'pass', 'The text contains a quantity to measure against.');
  else if (COMPARATIVE.test(objective.text)) set('measurable', 'fail', 'It compares ("more", "fewer") but gives no indicator or quantity.');
  else set('measurable', 'fail', 'No indicator and no quantity: there is nothing to measure achievement against.');

  if (present(smart?.baseline) && (present(smart?.target) || quantified)) {
    set('achievable', 'pass', `Baseline (${smart.baseline}) and target are both given, so the distance to cover can be judged.`);
  } else if (!present(smart?.baseline) && (present(smart?.target) || quantified)) {
    set('achievable', 'unknown', 'A target is given but no baseline, so whether it is within reach cannot be judged.');
  } else {
    set('achievable', 'unknown', 'Without a baseline and a target, achievability cannot be judged from the review.');
  }

  const instruments = ix.instrumentsUnder.get(objective.id) ?? [];
  if (instruments.length === 0) {
    set('relevant', 'fail', 'No instrument is linked to it, so nothing in the policy works towards it.');
  } else {
    set('relevant', 'pass', `It sits in the policy tree under the main goal and ${instruments.length} instrument${instruments.length === 1 ? ' serves' : 's serve'} it.`);
  }

  if (present(smart?.deadline)) set('timeBound', 'pass', `Deadline: ${smart.deadline}.`);
  else if (DEADLINE.test(text)) set('timeBound', 'pass', `The text gives a date ("${DEADLINE.exec(text)![0]}").`);
  else set('timeBound', 'fail', 'No deadline or period is given.');

  const order: SmartCriterion[] = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'];
  return {
    objective: objective.id,
    criteria,
    passed: order.filter((c) => criteria[c].result === 'pass').length,
    failed: order.filter((c) => criteria[c].result === 'fail'),
  };
}
