import type {
  Aspect,
  AspectEvidence,
  Assessment,
  EffectivenessValue,
  EfficiencyValue,
  EvidenceStrength,
  Explanation,
  GoalAchievementValue,
  RealisationValue,
  Review,
  SavingsOption,
  SavingsVariant,
  SmartCriterion,
  SmartResult,
  SteppedVerdicts,
  Sum,
  Verdict,
  Weighed,
  RealisationStatus,
  EffectStudyValue,
  PlausibilityValue,
} from '@polev/core';
import { termsFor } from '@polev/core';
import type { Style } from './io.js';
import { markdownLine } from './markdown.js';

/** A small document of headings, lines and bullets, printed as terminal text or as Markdown. */
type Block = { kind: 'h'; level: 1 | 2; text: string } | { kind: 'p'; text: string } | { kind: 'li'; text: string; depth: number };

export type SummaryFormat = 'text' | 'md';

/**
 * In Markdown every block's text is escaped whole: it mixes fixed words with review text (titles,
 * names, objective texts, and reasons that quote them), and none of it is meant as Markdown, so
 * nothing a review says can become a link, an image or raw HTML.
 */
function render(blocks: Block[], format: SummaryFormat, s: Style): string {
  if (format === 'md') {
    const out: string[] = [];
    for (const b of blocks) {
      const text = markdownLine(b.text);
      if (b.kind === 'h') out.push('', `${'#'.repeat(b.level)} ${text}`, '');
      else if (b.kind === 'p') out.push('', text, '');
      else out.push(`${'  '.repeat(b.depth)}- ${text}`);
    }
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  }
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'h') {
      out.push(b.level === 1 ? s.bold(b.text) : `\n${s.bold(b.text)}`);
    } else if (b.kind === 'p') out.push(`\n${b.text}`);
    else out.push(`${'  '.repeat(b.depth)}• ${b.text}`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

type Lang = 'nl' | 'en';

/**
 * The fixed words of the summary, per language. The sentences under them (reasons, recommendation
 * texts) come from the assessment, which `analyze` wrote in the same language.
 */
interface Phrases {
  na: string;
  unknown: string;
  none: string;
  yes: string;
  no: string;
  /** Amounts in euro x 1,000 as printed in lines and bullets. */
  kEur: (x: number) => string;
  overview: (articles: string, period: string, rpe: string, instruments: string, sources: number, findings: number) => string;
  realisation: string;
  articleRealised: (count: number, total: number, share: string, deployed: number, afterPeriod: number) => string;
  domainRealised: (label: string, count: number, total: number, share: string) => string;
  expenditure: string;
  programme: string;
  apparatus: string;
  dominantLine: string;
  outOfScope: string;
  unknownAmounts: (n: number) => string;
  cost: (count: number, total: number, share: string, without: number) => string;
  /** When the review gives no budget lines and does not say there are none. */
  costUnknown: (instruments: number) => string;
  /** When the review does not list its evaluations: coverage and "not evaluated" are unknown. */
  coverageUnknown: (known: number) => string;
  coverage: string;
  article: string;
  coverageLine: (scope: string, evaluated: number, instruments: number, share: string, effectiveness: number, efficiency: number, sideEffects: number, byMoney: string) => string;
  noKnownAmounts: string;
  notEvaluated: (instruments: number, objectives: number) => string;
  verdicts: string;
  steps: [string, string, string, string];
  evidence: string;
  checklist: (version: string) => string;
  answeredInReport: string;
  answeredElsewhere: string;
  notAnswered: string;
  notRecorded: string;
  /** How a version names its questions in a list: "questions 1, 2" or "parts a, c". */
  questionRefs: (noun: 'question' | 'part', labels: string[]) => string;
  topRecommendations: (shown: number, total: number) => string;
  explainHint: string;
  /** `question`: the RPE question that asks for the savings variant ("question 15"), where the version has one. */
  savingsTitle: (question: string | null) => string;
  /** `apparatus`: the base holds staff (apparatus) lines too (`--include-apparatus`). */
  savingsBase: (year: number, base: string, percent: string, target: string, apparatus: boolean) => string;
  savingsNoBase: (percent: string, apparatus: boolean) => string;
  savingsProtected: (lines: string) => string;
  savingsMethod: Record<SavingsOption['method'] | 'review', string>;
  savingsUnknownBase: (year: number, percent: string, apparatus: boolean) => string;
  atLeast: (x: string) => string;
  savingsSideBySide: (method: string, target: string, saved: string, shortfall: string) => string;
  outsideArticle: (name: string, article: string, total: string) => string;
  joint: (n: number) => string;
  staffTime: (attributable: string, total: string) => string;
  costJoint: (lines: string) => string;
  savingsResult: (method: string, saved: string, shortfall: string | null) => string;
  savingsCut: (line: string, name: string, cut: string, base: string, share: string, why: string | null) => string;
  savingsNoCuts: string;
  savingsMore: (n: number) => string;
  kind: Record<Explanation['kind'], string>;
  view: (level: string, containsClassified: boolean, leftOut: number) => string;
  scopeExclusions: string;
  sideEffects: string;
  headline: (asAWhole: boolean, threshold: string) => string;
  steps5: Record<'realisation' | 'effectiveness' | 'plausibility' | 'contribution' | 'efficiency', string>;
  feeds: string;
  feedLine: (kind: string, id: string, step: string, value: string) => string;
  itemFacts: string;
  evidenceTitle: string;
  strengthLine: (strength: string, classifiedOnly: boolean) => string;
  aspectLine: (aspect: string, strength: string, verdict: string | null, findings: string, sources: string) => string;
  coverageAndCost: string;
  coverageFlags: (evaluated: string, effectiveness: string, efficiency: string, sideEffects: string) => string;
  costNone: string;
  costWithoutAmounts: (lines: string) => string;
  costAmount: (money: string, lines: string) => string;
  steppedVerdicts: string;
  smart: (passed: number) => string;
  criterion: (criterion: string, result: string, reason: string) => string;
  /** A percentage as given (20, 12.5), in the language's notation. */
  percent: (x: number) => string;
}

/**
 * The values of each enum in words, from @polev/core's terms (the same words as the analysis and
 * the report): one typed map per enum, since enums share values (`realisation` is an aspect and an
 * evidence strength, `negative` a finding and a stepped verdict).
 */
interface Words extends Phrases {
  aspect: Record<Aspect, string>;
  strength: Record<EvidenceStrength, string>;
  findingVerdict: Record<Verdict, string>;
  stepped: Record<SteppedValue, string>;
  weighed: Record<Weighed, string>;
  status: Record<RealisationStatus, string>;
  smartCriterion: Record<SmartCriterion, string>;
  smartResult: Record<SmartResult, string>;
}

/** Every value a step of the stepped approach can take. */
export type SteppedValue = GoalAchievementValue | RealisationValue | EffectivenessValue | EffectStudyValue | PlausibilityValue | EfficiencyValue;

/** A count with its noun, singular for exactly one: "1 source", "2 sources"; "1 bron", "2 bronnen". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const groupThousands = (x: number, separator: string) => String(Math.round(Math.abs(x))).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

const EN: Phrases = {
  na: 'n/a',
  unknown: 'unknown',
  none: 'none',
  yes: 'yes',
  no: 'no',
  kEur: (x) => `€${Math.round(x).toLocaleString('en-GB')}k`,
  overview: (articles, period, rpe, instruments, sources, findings) =>
    `Article ${articles} · ${period} · RPE ${rpe} · ${instruments}, ${count(sources, 'source', 'sources')}, ${count(findings, 'finding', 'findings')}`,
  realisation: 'Realisation',
  articleRealised: (n, total, share, deployed, after) =>
    `Article: ${n} of ${count(total, 'instrument', 'instruments')} realised (${share}), ${deployed} deployed at least in part${after ? `, ${after} only after the period` : ''}`,
  domainRealised: (label, count, total, share) => `${label}: ${count} of ${total} realised (${share})`,
  expenditure: 'Expenditure (€ x1,000)',
  programme: 'Programme',
  apparatus: 'Apparatus',
  dominantLine: 'Dominant line',
  outOfScope: 'Out of scope',
  unknownAmounts: (n) => `${n === 1 ? '1 line-year amount is' : `${n} line-year amounts are`} not given in the source (kept unknown, not 0)`,
  cost: (n, total, share, without) => `Cost attributed to ${n} of ${count(total, 'instrument', 'instruments')} (${share}); ${without} without cost`,
  costUnknown: (n) => `Cost per instrument unknown for ${count(n, 'instrument', 'instruments')}: the review gives no budget lines`,
  coverageUnknown: (known) => `Unknown: the review does not list its evaluations${known ? ` (the file names ${count(known, 'evaluation', 'evaluations')})` : ''}, so which instruments are evaluated, and which not, is unknown`,
  coverage: 'Evaluation coverage',
  article: 'Article',
  coverageLine: (scope, evaluated, instruments, share, effectiveness, efficiency, sideEffects, byMoney) =>
    `${scope}: evaluated ${evaluated}/${instruments} (${share}), effectiveness ${effectiveness}, efficiency ${efficiency}, side effects ${sideEffects}; by money ${byMoney}`,
  noKnownAmounts: 'n/a (no known amounts)',
  notEvaluated: (instruments, objectives) => `Not evaluated: ${count(instruments, 'instrument', 'instruments')}, ${count(objectives, 'objective', 'objectives')}`,
  verdicts: 'Verdicts per domain (stepped approach)',
  steps: ['Goal achievement', 'Realisation', 'Effectiveness', 'Efficiency'],
  evidence: 'evidence',
  checklist: (version) => `RPE ${version} checklist`,
  answeredInReport: 'Answered in the report',
  answeredElsewhere: 'Answered elsewhere',
  notAnswered: 'Not answered',
  notRecorded: 'Not recorded in the review data (unknown)',
  questionRefs: (noun, labels) => (labels.length ? `${noun === 'part' ? (labels.length === 1 ? 'part' : 'parts') : labels.length === 1 ? 'question' : 'questions'} ${labels.join(', ')}` : 'none'),
  topRecommendations: (shown, total) => `Top recommendations (${shown} of ${total})`,
  explainHint: 'Run with --explain <id> for the reasons and evidence behind an objective, domain or instrument.',
  savingsTitle: (question) => `Savings variant${question ? ` (RPE ${question})` : ''}`,
  savingsBase: (year, base, percent, target, apparatus) => `Base year ${year}: ${apparatus ? 'programme and apparatus' : 'programme'} expenditure ${base}; ${percent} of it is ${target}`,
  savingsNoBase: (percent, apparatus) => `No base: the review gives no ${apparatus ? 'programme or apparatus' : 'programme'} amounts, so the ${percent} savings variant cannot be worked out`,
  savingsProtected: (lines) => `Protected lines: ${lines}`,
  savingsMethod: { 'across-the-board': 'Across the board', 'evidence-ranked': 'Evidence-ranked (what is shown not to work cut first)', review: "The review's own chapter" },
  savingsUnknownBase: (year, percent, apparatus) => `Base year ${year}: no ${apparatus ? 'programme or apparatus' : 'programme'} line has a known figure, so the base, the target and the shortfall of the ${percent} savings variant are unknown`,
  atLeast: (x) => `at least ${x}`,
  savingsSideBySide: (method, target, saved, shortfall) => `${method}: target ${target}, saved ${saved}, shortfall ${shortfall}`,
  outsideArticle: (name, article, total) => `Booked on article ${article}, which the review does not cover (kept out of every total): ${name}, ${total}`,
  joint: (n) => `${n} instrument${n === 1 ? ' has' : 's have'} only joint costs (shared with other instruments; never counted in full for each)`,
  staffTime: (attributable, total) => `Staff time (apparatus) linked to instruments: ${attributable} of ${total}`,
  costJoint: (lines) => `Cost: only joint with other instruments, on ${lines}`,
  savingsResult: (method, saved, shortfall) => `${method}: saves ${saved}${shortfall === null ? ', no shortfall' : `, shortfall ${shortfall}`}`,
  savingsCut: (line, name, cut, base, share, why) => `${line} ${name}: cut ${cut} of ${base} (${share})${why ? ` — ${why}` : ''}`,
  savingsNoCuts: 'no line is cut',
  savingsMore: (n) => `… and ${count(n, 'more line', 'more lines')} (--format json lists them all)`,
  kind: {
    instrument: 'instrument',
    objective: 'objective',
    domain: 'domain',
    article: 'article',
    finding: 'finding',
    source: 'source',
    'budget-line': 'budget line',
    indicator: 'indicator',
    conclusion: 'conclusion',
    recommendation: 'recommendation',
  },
  view: (level, classified, leftOut) =>
    level === 'full'
      ? `View: full${classified ? ' — contains classified material; not for a public audience' : ''}`
      : `View: ${level} — ${leftOut} ${leftOut === 1 ? 'item' : 'items'} above this clearance left out (counts only)${classified ? '; contains classified material up to this level' : ''}`,
  scopeExclusions: 'Out of scope',
  sideEffects: 'Side effects',
  headline: (asAWhole, threshold) => (asAWhole ? `headline holds for at least ${threshold} of the deployed instruments` : `not determinable as a whole (a headline needs ${threshold})`),
  steps5: { realisation: 'Realisation (gate)', effectiveness: '3. Effectiveness (effect studies)', plausibility: '4. Plausibility', contribution: '3–4. Contribution', efficiency: '5. Efficiency' },
  feeds: 'Feeds the verdicts',
  feedLine: (kind, id, step, value) => `${kind} ${id}, ${step}: ${value}`,
  itemFacts: 'What it is',
  evidenceTitle: 'Evidence',
  strengthLine: (strength, classifiedOnly) => `Strength: ${strength}${classifiedOnly ? ' (classified evaluations only)' : ''}`,
  aspectLine: (aspect, strength, verdict, findings, sources) => `${aspect}: ${strength}, verdict ${verdict ?? 'none'} — findings ${findings}${sources ? `; sources ${sources}` : ''}`,
  coverageAndCost: 'Coverage and cost',
  coverageFlags: (evaluated, effectiveness, efficiency, sideEffects) =>
    `Evaluated: ${evaluated}; effectiveness ${effectiveness}; efficiency ${efficiency}; side effects ${sideEffects}`,
  costNone: 'Cost: no budget line linked',
  costWithoutAmounts: (lines) => `Cost: lines ${lines} without amounts`,
  costAmount: (money, lines) => `Cost: ${money} on ${lines}`,
  steppedVerdicts: 'Stepped verdicts',
  smart: (passed) => `SMART (${passed} of 5 pass)`,
  criterion: (criterion, result, reason) => `${criterion}: ${result} — ${reason}`,
  percent: (x) => `${x}%`,
};

const NL: Phrases = {
  na: 'n.v.t.',
  unknown: 'onbekend',
  none: 'geen',
  yes: 'ja',
  no: 'nee',
  kEur: (x) => `${x < 0 ? '-' : ''}${groupThousands(x, '.')}`,
  overview: (articles, period, rpe, instruments, sources, findings) =>
    `Artikel ${articles} · ${period} · RPE ${rpe} · ${instruments}, ${count(sources, 'bron', 'bronnen')}, ${count(findings, 'bevinding', 'bevindingen')}`,
  realisation: 'Realisatie',
  articleRealised: (n, total, share, deployed, after) =>
    `Artikel: ${n} van ${count(total, 'instrument', 'instrumenten')} gerealiseerd (${share}), ${deployed} ten minste deels ingezet${after ? `, ${after} pas na de periode` : ''}`,
  domainRealised: (label, count, total, share) => `${label}: ${count} van ${total} gerealiseerd (${share})`,
  expenditure: 'Uitgaven (x € 1.000)',
  programme: 'Programma-uitgaven',
  apparatus: 'Apparaatsuitgaven',
  dominantLine: 'Grootste regel',
  outOfScope: 'Buiten de scope',
  unknownAmounts: (n) => `${n === 1 ? '1 bedrag (regel en jaar) ontbreekt' : `${n} bedragen (regel en jaar) ontbreken`} in de bron (als onbekend behandeld, niet als 0)`,
  cost: (n, total, share, without) => `Uitgaven toe te rekenen aan ${n} van ${count(total, 'instrument', 'instrumenten')} (${share}); ${without} zonder toe te rekenen uitgaven`,
  costUnknown: (n) => `Uitgaven per instrument onbekend voor ${count(n, 'instrument', 'instrumenten')}: de doorlichting geeft geen begrotingsregels`,
  coverageUnknown: (known) => `Onbekend: de doorlichting geeft geen lijst van haar evaluaties${known ? ` (het bestand noemt ${count(known, 'evaluatie', 'evaluaties')})` : ''}, dus welke instrumenten wel en niet geëvalueerd zijn, is onbekend`,
  coverage: 'Dekking door evaluaties',
  article: 'Artikel',
  coverageLine: (scope, evaluated, instruments, share, effectiveness, efficiency, sideEffects, byMoney) =>
    `${scope}: geëvalueerd ${evaluated}/${instruments} (${share}), doeltreffendheid ${effectiveness}, doelmatigheid ${efficiency}, neveneffecten ${sideEffects}; naar geld ${byMoney}`,
  noKnownAmounts: 'n.v.t. (geen bekende bedragen)',
  notEvaluated: (instruments, objectives) => `Niet geëvalueerd: ${count(instruments, 'instrument', 'instrumenten')}, ${count(objectives, 'doelstelling', 'doelstellingen')}`,
  verdicts: 'Oordelen per taakveld (getrapte aanpak)',
  steps: ['Doelbereiking', 'Realisatie', 'Doeltreffendheid', 'Doelmatigheid'],
  evidence: 'bewijs',
  checklist: (version) => `Checklist RPE ${version}`,
  answeredInReport: 'Beantwoord in het rapport',
  answeredElsewhere: 'Elders beantwoord',
  notAnswered: 'Niet beantwoord',
  notRecorded: 'Niet vastgelegd in de gegevens (onbekend)',
  questionRefs: (noun, labels) => (labels.length ? `${noun === 'part' ? (labels.length === 1 ? 'onderdeel' : 'onderdelen') : labels.length === 1 ? 'vraag' : 'vragen'} ${labels.join(', ')}` : 'geen'),
  topRecommendations: (shown, total) => `Belangrijkste aanbevelingen (${shown} van ${total})`,
  explainHint: 'Gebruik --explain <id> voor de onderbouwing en het bewijs achter een doelstelling, taakveld of instrument.',
  savingsTitle: (question) => `Besparingsvariant (${question ? `RPE-${question}; ` : ''}x € 1.000)`,
  savingsBase: (year, base, percent, target, apparatus) => `Basisjaar ${year}: ${apparatus ? 'programma- en apparaatsuitgaven' : 'programma-uitgaven'} ${base}; ${percent} daarvan is ${target}`,
  savingsNoBase: (percent, apparatus) => `Geen basis: de doorlichting geeft geen ${apparatus ? 'programma- of apparaatsbedragen' : 'programmabedragen'}, dus de besparingsvariant van ${percent} is niet uit te werken`,
  savingsProtected: (lines) => `Ontziene regels: ${lines}`,
  savingsMethod: { 'across-the-board': 'Gelijke korting op alle regels', 'evidence-ranked': 'Naar bewijs (wat aantoonbaar niet werkt eerst gekort)', review: 'Eigen hoofdstuk van de doorlichting' },
  savingsUnknownBase: (year, percent, apparatus) => `Basisjaar ${year}: geen ${apparatus ? 'programma- of apparaatsregel' : 'programmaregel'} heeft een bekend bedrag; de basis, de taakstelling en het tekort van de besparingsvariant van ${percent} zijn onbekend`,
  atLeast: (x) => `ten minste ${x}`,
  savingsSideBySide: (method, target, saved, shortfall) => `${method}: taakstelling ${target}, bespaard ${saved}, tekort ${shortfall}`,
  outsideArticle: (name, article, total) => `Geboekt op artikel ${article}, dat de doorlichting niet betreft (buiten alle totalen): ${name}, ${total}`,
  joint: (n) => `${n} ${n === 1 ? 'instrument heeft' : 'instrumenten hebben'} alleen gezamenlijke kosten (gedeeld met andere instrumenten; nooit bij elk volledig meegeteld)`,
  staffTime: (attributable, total) => `Personele inzet (apparaatsuitgaven) gekoppeld aan instrumenten: ${attributable} van ${total}`,
  costJoint: (lines) => `Uitgaven: alleen gezamenlijk met andere instrumenten, op ${lines}`,
  savingsResult: (method, saved, shortfall) => `${method}: bespaart ${saved}${shortfall === null ? ', geen tekort' : `, tekort ${shortfall}`}`,
  savingsCut: (line, name, cut, base, share, why) => `${line} ${name}: ${cut} gekort van ${base} (${share})${why ? ` — ${why}` : ''}`,
  savingsNoCuts: 'geen regel gekort',
  savingsMore: (n) => `… en nog ${count(n, 'regel', 'regels')} (--format json geeft ze alle)`,
  kind: {
    instrument: 'instrument',
    objective: 'doelstelling',
    domain: 'taakveld',
    article: 'artikel',
    finding: 'bevinding',
    source: 'bron',
    'budget-line': 'begrotingsregel',
    indicator: 'indicator',
    conclusion: 'conclusie',
    recommendation: 'aanbeveling',
  },
  view: (level, classified, leftOut) =>
    level === 'full'
      ? `Weergave: volledig${classified ? ' — bevat gerubriceerd materiaal; niet voor een openbaar publiek' : ''}`
      : `Weergave: ${level} — ${leftOut} ${leftOut === 1 ? 'onderdeel' : 'onderdelen'} boven dit rubriceringsniveau weggelaten (alleen aantallen)${classified ? '; bevat gerubriceerd materiaal tot dit niveau' : ''}`,
  scopeExclusions: 'Buiten de scope',
  sideEffects: 'Neveneffecten',
  headline: (asAWhole, threshold) => (asAWhole ? `het oordeel geldt voor ten minste ${threshold} van de ingezette instrumenten` : `als geheel niet vast te stellen (een oordeel vraagt ${threshold})`),
  steps5: { realisation: 'Realisatie (poort)', effectiveness: '3. Doeltreffendheid (effectonderzoek)', plausibility: '4. Plausibiliteit', contribution: '3–4. Bijdrage', efficiency: '5. Doelmatigheid' },
  feeds: 'Voedt de oordelen',
  feedLine: (kind, id, step, value) => `${kind} ${id}, ${step}: ${value}`,
  itemFacts: 'Wat het is',
  evidenceTitle: 'Bewijs',
  strengthLine: (strength, classifiedOnly) => `Bewijskracht: ${strength}${classifiedOnly ? ' (alleen gerubriceerde evaluaties)' : ''}`,
  aspectLine: (aspect, strength, verdict, findings, sources) =>
    `${aspect}: ${strength}, oordeel ${verdict ?? 'geen'} — bevindingen ${findings}${sources ? `; bronnen ${sources}` : ''}`,
  coverageAndCost: 'Dekking en uitgaven',
  coverageFlags: (evaluated, effectiveness, efficiency, sideEffects) =>
    `Geëvalueerd: ${evaluated}; doeltreffendheid ${effectiveness}; doelmatigheid ${efficiency}; neveneffecten ${sideEffects}`,
  costNone: 'Uitgaven: geen begrotingsregel gekoppeld',
  costWithoutAmounts: (lines) => `Uitgaven: regels ${lines} zonder bedragen`,
  costAmount: (money, lines) => `Uitgaven: ${money} op ${lines}`,
  steppedVerdicts: 'Getrapte oordelen',
  smart: (passed) => `SMART (${passed} van 5 criteria voldaan)`,
  criterion: (criterion, result, reason) => `${criterion}: ${result} — ${reason}`,
  percent: (x) => `${String(x).replace('.', ',')}%`,
};

function withTerms(phrases: Phrases, lang: Lang): Words {
  const t = termsFor(lang);
  return {
    ...phrases,
    aspect: t.aspect,
    strength: t.strength,
    findingVerdict: t.verdict,
    // The steps share values (`not-determinable`), each with the same words.
    stepped: { ...t.goalAchievement, ...t.realisation, ...t.effectStudy, ...t.plausibility, ...t.effectiveness, ...t.efficiency },
    weighed: t.weighed,
    status: t.realisationStatus,
    smartCriterion: t.smartCriterion,
    smartResult: t.smartResult,
  };
}

const WORDS: Record<Lang, Words> = { en: withTerms(EN, 'en'), nl: withTerms(NL, 'nl') };
/** The words of a language; an assessment that does not say its language is English. */
const wordsFor = (lang: Lang | undefined): Words => WORDS[lang ?? 'en'] ?? EN;

/** A value of the stepped approach (e.g. `not-determinable`) in words, for other commands' output. */
export const steppedWord = (value: SteppedValue, lang: Lang): string => wordsFor(lang).stepped[value];

const pct = (x: number | null, w: Words) => (x === null ? w.na : `${Math.round(x * 100)}%`);
function money(s: Sum, w: Words): string {
  if (s.amount !== null) return w.kEur(s.amount);
  return s.known > 0 ? `≥ ${w.kEur(s.known)} (${s.unknownParts} ${w.unknown})` : w.unknown;
}

function verdictBlocks(v: SteppedVerdicts, s: Style, withReasons: boolean, w: Words): Block[] {
  const steps: [string, { value: SteppedValue; reasons: string[]; evidence: string[] }][] = [
    [w.steps[0], v.goalAchievement],
    [w.steps[1], v.realisation],
    [w.steps[2], v.effectiveness],
    [w.steps[3], v.efficiency],
  ];
  return steps.flatMap(([name, step]) => [
    {
      kind: 'li' as const,
      text: `${name}: ${s.bold(w.stepped[step.value])}${step === v.effectiveness ? s.dim(` (${w.headline(v.effectiveness.headline.asAWhole, pct(v.effectiveness.headline.threshold, w))})`) : ''}`,
      depth: 0,
    },
    ...(withReasons ? step.reasons.map((r) => ({ kind: 'li' as const, text: r, depth: 1 })) : []),
    ...(withReasons && step.evidence.length ? [{ kind: 'li' as const, text: s.dim(`${w.evidence}: ${list(step.evidence)}`), depth: 1 }] : []),
  ]);
}

const list = (ids: string[], max = 12) => (ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (+${ids.length - max})`);

/** The savings variant (RPE question 15): its base, protected lines, and per option the lines cut. */
function savingsBlocks(v: SavingsVariant, s: Style, w: Words, question: string | null, maxCuts = 12): Block[] {
  const b: Block[] = [{ kind: 'h', level: 2, text: w.savingsTitle(question) }];
  const reasons = v.reasons.map((r) => ({ kind: 'li' as const, depth: 1, text: r }));
  const amount = (x: number | null) => (x === null ? w.unknown : w.kEur(x));
  if (v.baseYear === null || v.base === null) {
    b.push({ kind: 'li', depth: 0, text: s.bold(v.baseYear === null ? w.savingsNoBase(w.percent(v.percent), v.includesApparatus) : w.savingsUnknownBase(v.baseYear, w.percent(v.percent), v.includesApparatus)) }, ...reasons);
    if (v.protectedLines.length) b.push({ kind: 'li', depth: 0, text: w.savingsProtected(list(v.protectedLines)) });
  } else {
    const bound = (x: string) => (v.baseLowerBound ? w.atLeast(x) : x);
    b.push({ kind: 'li', depth: 0, text: w.savingsBase(v.baseYear, bound(w.kEur(v.base)), w.percent(v.percent), s.bold(bound(amount(v.target))), v.includesApparatus) }, ...reasons);
    b.push({ kind: 'li', depth: 0, text: w.savingsProtected(v.protectedLines.length ? list(v.protectedLines) : w.none) });
    for (const o of v.options) {
      b.push({ kind: 'li', depth: 0, text: w.savingsResult(s.bold(w.savingsMethod[o.method]), amount(o.saved), o.shortfall === null ? w.unknown : o.shortfall > 0 ? w.kEur(o.shortfall) : null) });
      for (const r of o.reasons) b.push({ kind: 'li', depth: 1, text: s.dim(r) });
      if (!o.cuts.length) b.push({ kind: 'li', depth: 1, text: w.savingsNoCuts });
      for (const c of o.cuts.slice(0, maxCuts)) {
        const why = o.method === 'evidence-ranked' ? c.reason : null;
        b.push({ kind: 'li', depth: 1, text: w.savingsCut(c.line, c.name, w.kEur(c.cut), w.kEur(c.base), pct(c.cutShare, w), why) });
      }
      if (o.cuts.length > maxCuts) b.push({ kind: 'li', depth: 1, text: w.savingsMore(o.cuts.length - maxCuts) });
    }
  }
  if (v.review) {
    b.push({ kind: 'li', depth: 0, text: s.bold(w.savingsMethod.review) });
    for (const r of v.review.reasons) b.push({ kind: 'li', depth: 1, text: r });
    for (const o of v.review.options.slice(0, maxCuts)) b.push({ kind: 'li', depth: 1, text: `${o.text}: ${amount(o.amount)} — ${o.reasons.join(' ')}` });
  }
  // Side by side only when there is a third to set beside polev's two: each of those has its line above.
  if (v.review) for (const c of v.comparison) b.push({ kind: 'li', depth: 0, text: w.savingsSideBySide(w.savingsMethod[c.method], amount(c.target), amount(c.saved), amount(c.shortfall)) });
  return b;
}

/** The readable summary of `polev analyze`, in the language the assessment was written in. */
export function summary(review: Review, a: Assessment, format: SummaryFormat, s: Style, top = 5): string {
  const w = wordsFor(a.lang);
  const b: Block[] = [];
  const art = a.realisation.article;
  b.push({ kind: 'h', level: 1, text: review.title });
  b.push({
    kind: 'p',
    text: w.overview(review.budgetArticles.map((x) => x.number).join(', '), review.period?.start == null && review.period?.end == null ? w.unknown : `${review.period?.start ?? w.unknown}–${review.period?.end ?? w.unknown}`, review.rpeVersion, a.realisation.article.list.counted, review.sources.length, review.findings.length),
  });

  if (a.audience) b.push({ kind: 'p', text: s.bold(w.view(a.audience.level, a.audience.containsClassified, a.audience.leftOutTotal)) });
  if (review.scopeExclusions.length) {
    b.push({ kind: 'h', level: 2, text: w.scopeExclusions });
    for (const x of review.scopeExclusions) b.push({ kind: 'li', depth: 0, text: `${x.description} — ${x.reason}` });
  }

  b.push({ kind: 'h', level: 2, text: w.realisation });
  b.push({ kind: 'li', depth: 0, text: w.articleRealised(art.realised.count, art.realised.total, pct(art.realised.share, w), art.deployed.count, art.realisedAfterPeriod.length) });
  // The counts are of the instruments in the data: a list known to miss rows says so.
  if (art.list.stated && art.list.status !== 'complete') b.push({ kind: 'li', depth: 1, text: `${art.list.counted}. ${art.list.note ?? ''}`.trim() });
  for (const d of a.realisation.domains) {
    b.push({ kind: 'li', depth: 1, text: w.domainRealised(d.scope.label, d.realised.count, d.realised.total, pct(d.realised.share, w)) });
  }

  const e = a.expenditure;
  b.push({ kind: 'h', level: 2, text: w.expenditure });
  if (e.programmeByYear.length) b.push({ kind: 'li', depth: 0, text: `${w.programme}: ${e.programmeByYear.map((y) => `${y.year} ${money(y.total, w)}`).join(' · ')}` });
  else b.push({ kind: 'li', depth: 0, text: `${w.programme}: ${money(e.byKind.programme, w)}` });
  const apparatus = e.byKindAndYear.filter((k) => k.kind === 'apparatus');
  if (apparatus.length) b.push({ kind: 'li', depth: 0, text: `${w.apparatus}: ${apparatus.map((y) => `${y.year} ${money(y.total, w)}`).join(' · ')}` });
  if (e.dominantLine) b.push({ kind: 'li', depth: 0, text: `${w.dominantLine}: ${e.dominantLine.name}${e.dominantLine.share !== null ? ` (${pct(e.dominantLine.share, w)})` : ''} — ${e.dominantLine.reasons[0]}` });
  for (const o of e.outOfScope) b.push({ kind: 'li', depth: 0, text: `${w.outOfScope}: ${o.name}, ${money(o.total, w)} — ${o.reason}` });
  for (const o of e.outsideArticle) b.push({ kind: 'li', depth: 0, text: w.outsideArticle(o.name, o.article, money(o.total, w)) });
  if (e.unknownAmounts.length) b.push({ kind: 'li', depth: 0, text: w.unknownAmounts(e.unknownAmounts.length) });
  const c = a.costAttribution;
  if (e.completeness.budgetLines === 'unknown' && review.budgetLines.length === 0) b.push({ kind: 'li', depth: 0, text: w.costUnknown(c.withCost.total) });
  else b.push({ kind: 'li', depth: 0, text: w.cost(c.withCost.count, c.withCost.total, pct(c.withCost.share, w), c.withoutCost.length) });
  if (c.jointOnly.length) b.push({ kind: 'li', depth: 1, text: w.joint(c.jointOnly.length) });
  if (c.staffTime.attributable !== 0) b.push({ kind: 'li', depth: 1, text: w.staffTime(w.kEur(c.staffTime.attributable), w.kEur(c.staffTime.total)) });

  b.push({ kind: 'h', level: 2, text: w.coverage });
  const evaluationsUnknown = a.coverage.article.evaluationList.status === 'unknown';
  if (evaluationsUnknown) b.push({ kind: 'li', depth: 0, text: w.coverageUnknown(a.coverage.article.evaluationList.known) });
  else for (const cov of [a.coverage.article, ...a.coverage.domains]) {
    const m = cov.money;
    b.push({
      kind: 'li',
      depth: cov.scope.kind === 'article' ? 0 : 1,
      text: w.coverageLine(
        cov.scope.kind === 'article' ? w.article : cov.scope.label,
        cov.evaluated.count,
        cov.instruments,
        pct(cov.evaluated.share, w),
        cov.effectiveness.count,
        cov.efficiency.count,
        cov.sideEffects.count,
        m.total > 0 ? pct(m.evaluatedShare, w) : w.noKnownAmounts,
      ),
    });
  }
  const ne = a.coverage.notEvaluated;
  if (!evaluationsUnknown) b.push({ kind: 'li', depth: 0, text: w.notEvaluated(ne.filter((n) => n.kind === 'instrument').length, ne.filter((n) => n.kind === 'objective').length) });

  const sideEffects = review.findings.filter((f) => f.aspect === 'side-effects');
  if (sideEffects.length) {
    b.push({ kind: 'h', level: 2, text: w.sideEffects });
    for (const f of sideEffects) b.push({ kind: 'li', depth: 0, text: `${f.subjects.join(', ')} (${w.findingVerdict[f.verdict]}): ${f.statement} ${s.dim(`[${f.id}]`)}` });
  }

  b.push({ kind: 'h', level: 2, text: w.verdicts });
  for (const v of a.verdicts.domains) {
    b.push({ kind: 'p', text: s.bold(v.scope.label) });
    b.push(...verdictBlocks(v, s, true, w));
  }
  b.push({ kind: 'p', text: s.bold(w.article) });
  b.push(...verdictBlocks(a.verdicts.article, s, false, w));

  const rpe = a.rpe;
  const refs = (numbers: number[]) => w.questionRefs(rpe.questionNoun, rpe.items.filter((i) => numbers.includes(i.question)).map((i) => i.label));
  if (rpe.known) {
    b.push({ kind: 'h', level: 2, text: w.checklist(rpe.version) });
    b.push({ kind: 'li', depth: 0, text: `${w.answeredInReport}: ${refs(rpe.answeredInReport)}` });
    b.push({ kind: 'li', depth: 0, text: `${w.answeredElsewhere}: ${refs(rpe.answeredElsewhere)}` });
    // Known to be unanswered, and not recorded (unknown), are never one list.
    if (rpe.notAnswered.length) b.push({ kind: 'li', depth: 0, text: `${w.notAnswered}: ${refs(rpe.notAnswered)}` });
    if (rpe.notRecorded.length) b.push({ kind: 'li', depth: 0, text: `${w.notRecorded}: ${refs(rpe.notRecorded)}` });
  }

  b.push(...savingsBlocks(a.savings, s, w, rpe.savingsQuestions.length ? refs(rpe.savingsQuestions) : null));

  b.push({ kind: 'h', level: 2, text: w.topRecommendations(Math.min(top, a.recommendations.length), a.recommendations.length) });
  for (const r of a.recommendations.slice(0, top)) {
    b.push({ kind: 'li', depth: 0, text: `${r.text} ${s.dim(`[${r.id}]`)}` });
    for (const reason of r.reasons) b.push({ kind: 'li', depth: 1, text: reason });
  }
  b.push({ kind: 'p', text: s.dim(`\n${w.explainHint}`) });
  return render(b, format, s);
}

/** `polev analyze --explain <id>`, in `lang` (the language of the assessment the explanation comes from). */
export function explanation(x: Explanation, format: SummaryFormat, s: Style, lang: Lang = 'en'): string {
  const w = wordsFor(lang);
  const yesNo = (v: boolean) => (v ? w.yes : w.no);
  const b: Block[] = [{ kind: 'h', level: 1, text: `${w.kind[x.kind]} ${x.id}: ${x.label}` }];
  const facts = (...lines: string[]) => {
    b.push({ kind: 'h', level: 2, text: w.itemFacts });
    for (const l of lines) b.push({ kind: 'li', depth: 0, text: l });
  };
  if (x.kind === 'instrument') {
    b.push({ kind: 'h', level: 2, text: w.steppedVerdicts });
    const st = x.steps;
    const rows: [string, string, { reasons: string[]; evidence: string[] }][] = [
      [w.steps5.realisation, w.status[st.realisation.status], st.realisation],
      [w.steps5.effectiveness, w.stepped[st.effectiveness.value], st.effectiveness],
      [w.steps5.plausibility, w.stepped[st.plausibility.value], st.plausibility],
      [w.steps5.contribution, w.stepped[st.contribution.value], st.contribution],
      [w.steps5.efficiency, w.stepped[st.efficiency.value], st.efficiency],
    ];
    for (const [name, value, step] of rows) {
      b.push({ kind: 'li', depth: 0, text: `${name}: ${s.bold(value)}` });
      for (const r of step.reasons) b.push({ kind: 'li', depth: 1, text: r });
      if (step.evidence.length) b.push({ kind: 'li', depth: 1, text: s.dim(`${w.evidence}: ${list(step.evidence)}`) });
    }
    b.push({ kind: 'h', level: 2, text: w.evidenceTitle });
    b.push({ kind: 'li', depth: 0, text: w.strengthLine(s.bold(w.strength[x.evidence.strength]), x.evidence.classifiedOnly) });
    for (const r of x.evidence.reasons) b.push({ kind: 'li', depth: 1, text: r });
    for (const [aspect, ev] of Object.entries(x.evidence.aspects) as [Aspect, AspectEvidence][]) {
      if (!ev.findings.length) continue;
      const verdict = ev.verdict === null ? null : w.weighed[ev.verdict];
      b.push({ kind: 'li', depth: 0, text: w.aspectLine(w.aspect[aspect], w.strength[ev.strength], verdict, list(ev.findings), ev.sources.length ? list(ev.sources) : '') });
    }
    b.push({ kind: 'h', level: 2, text: w.coverageAndCost });
    b.push({ kind: 'li', depth: 0, text: w.coverageFlags(yesNo(x.coverage.evaluated), yesNo(x.coverage.effectiveness), yesNo(x.coverage.efficiency), yesNo(x.coverage.sideEffects)) });
    b.push({
      kind: 'li',
      depth: 0,
      text:
        x.cost.status === 'none'
          ? w.costNone
          : x.cost.status === 'line-without-amount'
            ? w.costWithoutAmounts(x.cost.lines.join(', '))
            : x.cost.status === 'joint'
              ? w.costJoint(x.cost.lines.join(', '))
              : x.cost.amount
                ? w.costAmount(money(x.cost.amount, w), x.cost.lines.join(', '))
                : w.costNone,
    });
    for (const r of x.notEvaluated ?? []) b.push({ kind: 'li', depth: 1, text: r });
  } else if (x.kind === 'objective' || x.kind === 'domain' || x.kind === 'article') {
    b.push({ kind: 'h', level: 2, text: w.steppedVerdicts });
    b.push(...verdictBlocks(x.verdicts, s, true, w));
    if (x.smart) {
      b.push({ kind: 'h', level: 2, text: w.smart(x.smart.passed) });
      for (const [criterion, r] of Object.entries(x.smart.criteria) as [SmartCriterion, { result: SmartResult; reason: string }][]) {
        b.push({ kind: 'li', depth: 0, text: w.criterion(w.smartCriterion[criterion], s.bold(w.smartResult[r.result]), r.reason) });
      }
    }
  } else if (x.kind === 'finding') {
    facts(
      `${w.aspect[x.aspect]}: ${s.bold(w.findingVerdict[x.verdict])}`,
      `${w.strengthLine(s.bold(w.strength[x.strength.used]), false)}${x.strength.capped || x.strength.used !== x.strength.declared ? ` (${x.strength.declared} → ${x.strength.used}${x.strength.design ? `, ${x.strength.design}` : ''}; max ${x.strength.cap})` : ''}`,
      `${x.subjects.join(', ')}${x.sources.length ? ` ← ${x.sources.join(', ')}` : ` (${x.origin})`}`,
    );
  } else if (x.kind === 'source') {
    facts(`${x.type}${x.design ? `, ${x.design}` : ''} · ${x.classification} · max ${w.strength[x.cap]}`, `${w.evidence}: ${x.findings.length ? list(x.findings) : w.none}`);
  } else if (x.kind === 'budget-line') {
    facts(`${x.lineKind}: ${money(x.total, w)}`, `${x.instruments.length ? list(x.instruments) : w.none}`);
  } else if (x.kind === 'indicator') {
    facts(`${x.value === null ? w.unknown : x.value}${x.unit ? ` ${x.unit}` : ''}${x.referenceDate ? ` (${x.referenceDate})` : ''}`, x.subjects.join(', ') || w.none);
  } else if (x.kind === 'conclusion') {
    facts(x.subjects.join(', ') || w.none, `${w.evidence}: ${x.findings.length ? list(x.findings) : w.none}`);
  } else if (x.kind === 'recommendation') {
    facts(x.addresses.join(', ') || w.none);
  }
  if (x.kind !== 'instrument' && x.kind !== 'objective' && x.kind !== 'domain' && x.kind !== 'article' || x.feeds.length) {
    b.push({ kind: 'h', level: 2, text: w.feeds });
    if (!x.feeds.length) b.push({ kind: 'li', depth: 0, text: w.none });
    for (const f of x.feeds) b.push({ kind: 'li', depth: 0, text: w.feedLine(w.kind[f.kind], f.id, f.step, w.stepped[f.value as SteppedValue] ?? f.value) });
  }
  return render(b, format, s);
}
