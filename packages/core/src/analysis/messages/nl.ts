import type { Aspect, EvidenceStrength, RealisationStatus, StudyDesign } from '../../model/review.js';
import { eurosNl, pct, type CountBound } from '../numbers.js';
import type { EffectivenessRank, EffectivenessValue, GoalAchievementValue, RealisationValue, ScopeKind, Weighed } from '../types.js';
import type { Messages } from './en.js';
import { sentence } from '../../util/text.js';
import { termsFor } from './terms.js';

/**
 * De Nederlandse berichtencatalogus van de analyse. Zij moet `Messages` (afgeleid van de Engelse
 * catalogus) volgen: dezelfde berichten met dezelfde parameters (zie ./index.ts). Bedragen in
 * woorden als "€ 1,2 miljoen", aandelen als "69%", opsommingen met "en".
 */

const {
  strengthPhrase: STRENGTH,
  strength: STRENGTH_SHORT,
  aspect: ASPECT,
  realisationStatus: STATUS,
  realisation: REALISATION,
  effectiveness: EFFECTIVENESS,
  goalAchievement: GOAL,
  weighed: WEIGHED,
  design: DESIGN,
} = termsFor('nl');

const GOAL_ORDER: readonly GoalAchievementValue[] = ['reached', 'partly', 'not-reached', 'mixed', 'not-determinable'];
const EFFECTIVENESS_ORDER: readonly EffectivenessValue[] = ['demonstrated', 'plausible', 'mixed', 'not-demonstrated', 'negative', 'not-determinable', 'not-applicable'];
const SCOPE_OWN: Record<ScopeKind, string> = { objective: 'de doelstelling en haar subdoelstellingen', domain: 'het taakveld en zijn doelstellingen', article: 'de taakvelden en doelstellingen' };
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "plausibel bij 2 (9% van het bekende geld) en niet vast te stellen bij 19". */
function spreadList<V extends string>(counts: Record<V, number>, words: Record<V, string>, order: readonly V[], money?: (v: V) => string): string {
  const parts: string[] = [];
  for (const v of order) {
    if (!counts[v]) continue;
    const m = money?.(v);
    parts.push(`${words[v]} bij ${counts[v]}${m ? ` (${m})` : ''}`);
  }
  return parts.length ? andList(parts) : 'geen';
}

/** De oordelen van de besparingsvariant in woorden. */
const RANK: Record<EffectivenessRank, string> = {
  negative: 'aantoonbaar niet werkzaam',
  'not-demonstrated': 'een effectonderzoek vond geen effect',
  'no-evidence': 'geen bewijs',
  mixed: 'omstreden (tegenstrijdige bevindingen)',
  plausible: 'plausibel',
  demonstrated: 'aangetoond',
};

const n1 = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Appends `last` to a comma list. */
const grow = (list: string, last: string): string => (last ? (list ? `${list}, ${last}` : last) : list);

/** The non-empty parts joined as "a, b en c"; written out so that no array is allocated. */
function andJoin(a: string, b: string, c: string, d: string, e: string): string {
  let list = '';
  let last = a;
  if (b) {
    list = grow(list, last);
    last = b;
  }
  if (c) {
    list = grow(list, last);
    last = c;
  }
  if (d) {
    list = grow(list, last);
    last = d;
  }
  if (e) {
    list = grow(list, last);
    last = e;
  }
  return list && last ? `${list} en ${last}` : list || last;
}

/** "a, b en c" for a short list of values. */
function andList<T extends string | number>(items: readonly T[], label: (x: T) => string = String): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const x = label(items[i]!);
    out += i === 0 ? x : i === items.length - 1 ? ` en ${x}` : `, ${x}`;
  }
  return out;
}
const aspectName = (a: Aspect) => ASPECT[a];

/** "De programmaregel bdur financiert" / "De programmaregels bdur, nl-alert financieren". */
const linesFinance = (lines: string, count: number, programmeOnly: boolean) => {
  const noun = programmeOnly ? 'programmaregel' : 'begrotingsregel';
  return count === 1 ? `De ${noun} ${lines} financiert` : `De ${noun}s ${lines} financieren`;
};

/**
 * Een aantal, geteld over de lijsten van de doorlichting en begrensd zoals `countOver` beslist:
 * "de 26 ingezette instrumenten", "ten minste 26 ingezette instrumenten", of, over een onbekende
 * lijst, die in de gegevens.
 */
const counted = (n: number, bound: CountBound, one: string, many: string) =>
  bound === 'exact'
    ? n === 1 ? `1 ${one}` : `de ${n} ${many}`
    : bound === 'at-least'
      ? `ten minste ${n} ${n1(n, one, many)}`
      : `${n === 1 ? `het ${one}` : `de ${n} ${many}`} in de gegevens (hoeveel er zijn is niet bekend)`;

/** Waarom een aantal instrumenten met kosten te laag kan zijn: de begrotingsregels en bedragen waarover het geteld is. */
const COST_LISTS: Record<CountBound, string> = {
  exact: '',
  'at-least': '; de begrotingsregels en hun bedragen zijn niet alle bekend, dus meer instrumenten kunnen kosten hebben',
  unknown: '; de begrotingsregels en hun bedragen zijn niet bekend',
};

/** "Aan 3 van de 5 instrumenten zijn geen uitgaven toe te rekenen." */
const withoutCost = (count: number, total: number, instruments: CountBound, cost: CountBound) =>
  `${
    total === 1 && instruments === 'exact'
      ? 'Aan het instrument zijn geen uitgaven toe te rekenen'
      : count === total
        ? `Aan geen van ${counted(total, instruments, 'instrument', 'instrumenten')} zijn uitgaven toe te rekenen`
        : `Aan ${count} van ${counted(total, instruments, 'instrument', 'instrumenten')} zijn geen uitgaven toe te rekenen`
  }${COST_LISTS[cost]}.`;

const onbekend = (share: number | null) => pct(share, 'onbekend');
/** 12.5 → "12,5%". */
const percentNl = (percent: number) => `${String(percent).replace('.', ',')}%`;

export const nl = {
  // ---- opmaak ---------------------------------------------------------------------------------
  more: (shown: string, rest: number) => `${shown} en nog ${rest}`,
  euros: eurosNl,
  pct: onbekend,

  // ---- getrapte oordelen ----------------------------------------------------------------------
  // steps/goal-achievement.ts
  goal: {
    noObjectives: 'Dit onderdeel omvat geen doelstellingen.',
    notMeasurable: (count: number, total: number, ids: string) =>
      total === 1
        ? `De doelstelling heeft geen meetbare streefwaarde; in hoeverre zij is bereikt, is moeilijk te beoordelen (${ids}).`
        : count === total
          ? `Geen van de ${total} doelstellingen heeft een meetbare streefwaarde; in hoeverre zij zijn bereikt, is moeilijk te beoordelen (${ids}).`
          : `${count} van de ${total} doelstellingen ${n1(count, 'heeft', 'hebben')} geen meetbare streefwaarde; de doelbereiking daarvan is moeilijk te beoordelen (${ids}).`,
    value: (value: GoalAchievementValue, ids: string) =>
      value === 'mixed' ? `Bevindingen van gelijke sterkte spreken elkaar tegen over de mate van doelbereiking (${ids}).` : `Volgens de bevindingen is de doelstelling ${GOAL[value]} (${ids}).`,
    noJudgement: (ids: string) => `Bevindingen over de doelbereiking (${ids}) zeggen niet in hoeverre de doelstelling is bereikt.`,
    noFinding: 'Geen bevinding over de doelstelling, haar subdoelstellingen of het taakveld zegt in hoeverre zij is bereikt.',
    indicatorsOnly: (ids: string) => `Er zijn indicatoren (${ids}), maar geen bevinding legt ze naast een streefwaarde.`,
    spread: (total: number, counts: Record<GoalAchievementValue, number>) => `Van de ${total} doelstellingen: ${spreadList(counts, GOAL, GOAL_ORDER)}.`,
    headline: (value: GoalAchievementValue, threshold: number) => `Dat is ${GOAL[value]} voor ten minste ${pct(threshold)} ervan, genoeg voor een oordeel over het geheel.`,
    notAsAWhole: (threshold: number) => `Geen waarde geldt voor ten minste ${pct(threshold)} van de doelstellingen; de doelbereiking is als geheel niet vast te stellen.`,
  },

  // steps/realisation-gate.ts
  gate: {
    status: (status: RealisationStatus) => `Realisatie: ${STATUS[status]}.`,
    notApplicable: (status: RealisationStatus) =>
      status === 'realised-after-period'
        ? 'Niet van toepassing: het instrument is pas na de periode ingezet en kon daarin dus geen effect hebben.'
        : 'Niet van toepassing: het instrument is niet ingezet en kon dus geen effect hebben.',
    pilot: 'Het instrument is alleen als pilot ingezet: het oordeel geldt voor de pilot.',
    unknown: 'Of het instrument is ingezet, is niet gedocumenteerd; het oordeel berust alleen op de bevindingen.',
  },

  realisation: {
    noInstruments: 'Aan dit onderdeel zijn geen beleidsinstrumenten gekoppeld.',
    undecided: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `Met ${unknown} ${unknown === 1 ? 'instrument' : 'instrumenten'} met onbekende status kan het oordeel uiteenlopen van ${REALISATION[worst]} tot ${REALISATION[best]}; het is daarom onbekend.`,
    atLeast: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `Ten minste ${REALISATION[worst]}: met ${unknown === 1 ? 'het instrument' : `de ${unknown} instrumenten`} met onbekende status kan het ${REALISATION[best]} zijn.`,
    counts: (realised: number, total: number, partly: number, ongoing: number, pilot: number, notRealised: number, unknown: number, instruments: CountBound) => {
      const head = `${realised === 0 ? 'Geen' : realised} van ${counted(total, instruments, 'instrument', 'instrumenten')} ${realised <= 1 || total === 1 ? 'is' : 'zijn'} in de periode gerealiseerd`;
      const rest = andJoin(
        partly ? `${partly} deels` : '',
        ongoing ? `${ongoing} ${n1(ongoing, 'loopt', 'lopen')} nog` : '',
        pilot ? `${pilot} alleen als pilot` : '',
        notRealised ? `${notRealised} niet` : '',
        unknown ? `${unknown} met onbekende status` : '',
      );
      return rest ? `${head}, ${rest}.` : `${head}.`;
    },
    afterPeriod: (count: number, ids: string) =>
      `${count} ${n1(count, 'instrument is', 'instrumenten zijn')} pas na de periode gerealiseerd en ${n1(count, 'wordt', 'worden')} apart gehouden (${ids}).`,
    noMoney: 'Aan geen van deze instrumenten is een begrotingsregel (programma-uitgaven of personele inzet) gekoppeld: het bedrag is onbekend.',
    moneyPartlyUnknown: (lines: string, lineCount: number, known: number, unknownParts: number, programmeOnly: boolean) =>
      `${linesFinance(lines, lineCount, programmeOnly)} deze instrumenten; ${known > 0 ? `bekend is ten minste ${eurosNl(known)}, maar ` : ''}${unknownParts} ${n1(unknownParts, 'bedrag wordt', 'bedragen worden')} in de bron niet vermeld.`,
    money: (lines: string, lineCount: number, amount: number, programmeOnly: boolean) => `${linesFinance(lines, lineCount, programmeOnly)} deze instrumenten: ${eurosNl(amount)} over de periode.`,
    sharedWithOtherScopes: (lines: string, lineCount: number, known: number, alsoOwn: boolean) =>
      `${alsoOwn ? '' : 'Geen regel financiert deze instrumenten alleen. '}${lineCount === 1 ? `De regel ${lines} financiert` : `De regels ${lines} financieren`} ze samen met instrumenten buiten dit onderdeel, zonder verdeling${known > 0 ? ` (samen ${eurosNl(known)})` : ''}: die gezamenlijke kosten zijn niet verdeeld, dus hoort een onbekend deel ervan bij dit onderdeel, nooit het geheel.`,
  },

  // steps/effectiveness.ts en steps/plausibility.ts, per instrument
  contribution: {
    demonstrated: (ids: string) => `Effectonderzoek met een vergelijking toont aan dat het instrument heeft bijgedragen (${ids}).`,
    plausible: (strength: EvidenceStrength, ids: string) => `Zonder effectonderzoek maakt het bewijs, ${STRENGTH[strength]}, een bijdrage plausibel (${ids}).`,
    mixed: (strength: EvidenceStrength, ids: string) => `Gunstige en ongunstige bevindingen die berusten op ${STRENGTH[strength]} spreken elkaar tegen: het bewijs is omstreden (${ids}).`,
    negative: (strength: EvidenceStrength, ids: string) => `Bevindingen die berusten op ${STRENGTH[strength]} wijzen op geen of een negatieve bijdrage (${ids}).`,
    nullResult: (strength: EvidenceStrength, ids: string) => `Onderzoek dat berust op ${STRENGTH[strength]} vond geen significant effect: een bijdrage is niet aangetoond (${ids}).`,
    tooWeak: (strength: EvidenceStrength, ids: string) => `De enige oordelende bevindingen berusten op ${STRENGTH[strength]}, te zwak om een bijdrage plausibel te maken (${ids}).`,
    noJudgement: (ids: string) => `Bevindingen over de doeltreffendheid (${ids}) geven geen oordeel (niet eenduidig of niet beoordeeld).`,
    noFinding: 'Geen bevinding zegt iets over de doeltreffendheid.',
    noEffectStudy: 'Geen effectonderzoek met een vergelijking oordeelt over de doeltreffendheid.',
    outweighed: (ids: string) => `Zwakkere bevindingen (${ids}) wegen niet op tegen het sterkere bewijs.`,
    capped: (id: string, design: StudyDesign | null, declared: EvidenceStrength | null, used: EvidenceStrength) =>
      `${id}: ${design ? `een onderzoeksopzet '${DESIGN[design]}'` : `de opgegeven sterkte (${STRENGTH_SHORT[declared ?? used]})`} is meer dan de bron kan dragen; zij telt als ${STRENGTH_SHORT[used]}.`,
  },

  plausibility: {
    byEffectStudy: 'Een aangetoonde bijdrage is ook plausibel.',
  },

  // steps/effectiveness.ts, per onderdeel
  effectiveness: {
    noInstruments: 'Aan dit onderdeel zijn geen beleidsinstrumenten gekoppeld.',
    spread: (total: number, counts: Record<EffectivenessValue, number>, moneyShares: Record<EffectivenessValue, number | null>, withMoney: number, instruments: CountBound) =>
      `Van ${counted(total, instruments, 'instrument', 'instrumenten')} is de doeltreffendheid ${spreadList(counts, EFFECTIVENESS, EFFECTIVENESS_ORDER, withMoney > 0 ? (v) => (moneyShares[v] === null ? '' : `${pct(moneyShares[v])} van het bekende geld`) : undefined)}.`,
    headline: (value: EffectivenessValue, support: number, applicable: number, threshold: number, instruments: CountBound) =>
      `Dat is ${EFFECTIVENESS[value]} voor ${support} van ${counted(applicable, instruments, 'ingezet instrument', 'ingezette instrumenten')}, ten minste ${pct(threshold)}: genoeg voor een oordeel over het geheel.`,
    notAsAWhole: (threshold: number) => `Geen waarde geldt voor ten minste ${pct(threshold)} van de ingezette instrumenten; de doeltreffendheid is als geheel niet vast te stellen.`,
    contested: (scope: ScopeKind, ids: string) => `Bevindingen over ${SCOPE_OWN[scope]} wijzen de andere kant op; het geheel is omstreden (${ids}).`,
    instruments: (value: EffectivenessValue, ids: string) => `${capitalise(EFFECTIVENESS[value])}: ${ids}.`,
    own: (scope: ScopeKind, value: Weighed, ids: string) => `Bevindingen over ${SCOPE_OWN[scope]} zelf zijn ${WEIGHED[value]} (${ids}).`,
  },

  // steps/efficiency.ts
  efficiency: {
    noInstruments: 'Er zijn geen instrumenten waarvan kosten en effecten aan elkaar kunnen worden gerelateerd.',
    noneDeployed: 'Geen van de instrumenten is ingezet: er is geen doelmatigheid te beoordelen.',
    spread: (determinable: number, applicable: number, instruments: CountBound) =>
      `De doelmatigheid is vast te stellen voor ${determinable === 0 ? 'geen' : determinable} van ${counted(applicable, instruments, 'ingezet instrument', 'ingezette instrumenten')}.`,
    determinable: (verdict: Weighed, strength: EvidenceStrength, ids: string) =>
      `Kosten zijn toegerekend, het effect is ten minste plausibel en een evaluatie die berust op ${STRENGTH[strength]} verbindt die twee: ${WEIGHED[verdict]} (${ids}).`,
    missingCost: '(a) Er zijn geen kosten toegerekend (geen programma- of apparaatsgeld met een bekend bedrag).',
    missingCostOf: (withCost: number, applicable: number, instruments: CountBound, cost: CountBound) =>
      withCost === 0
        ? `(a) Aan geen van ${counted(applicable, instruments, 'ingezet instrument', 'ingezette instrumenten')} zijn kosten toegerekend${COST_LISTS[cost]}.`
        : `(a) Aan ${withCost} van ${counted(applicable, instruments, 'ingezet instrument', 'ingezette instrumenten')} zijn kosten toegerekend: te weinig${COST_LISTS[cost]}.`,
    missingEffect: (value: EffectivenessValue) => `(b) De doeltreffendheid is ${EFFECTIVENESS[value]}, niet ten minste plausibel: er is geen effect waartegen de uitgaven kunnen worden afgezet.`,
    missingStudy: (minimum: EvidenceStrength) => `(c) Geen evaluatie die berust op ten minste ${STRENGTH[minimum]} verbindt kosten met effect.`,
    indications: (ids: string) => `De bevindingen over doelmatigheid ${ids} zijn aanwijzingen, geen oordeel.`,
  },

  // ---- bewijs en dekking ----------------------------------------------------------------------
  instrumentEvidence: {
    strongest: (strength: EvidenceStrength, aspects: readonly Aspect[], ids: string) =>
      `Het sterkste bewijs bestaat uit ${STRENGTH[strength]}, over ${andList(aspects, aspectName)} (${ids}).`,
    onlyRealisation: (status: RealisationStatus) => `Alleen de realisatie is gedocumenteerd (status: ${STATUS[status]}); geen bevinding zegt iets over de effecten.`,
    nothing: 'Niets in de doorlichting documenteert de realisatie of de effecten van dit instrument.',
    notEvaluated: 'Geen enkele evaluatie heeft betrekking op dit instrument.',
  },

  notEvaluated: {
    instrument: 'Geen van de evaluaties die de doorlichting aanhaalt, heeft betrekking op dit instrument.',
    status: (status: 'not-realised' | 'pilot' | 'realised-after-period') =>
      status === 'pilot'
        ? 'Het instrument was in de periode alleen een pilot; er viel dus nog weinig te evalueren.'
        : status === 'not-realised'
          ? 'Het instrument is in de periode niet gerealiseerd; er viel dus nog weinig te evalueren.'
          : 'Het instrument is pas na de periode gerealiseerd; er viel dus nog weinig te evalueren.',
    nonEvaluative: (ids: string) => `Alleen niet-evaluatief materiaal zegt er iets over (${ids}).`,
    noExpenditure: 'Er zijn geen uitgaven aan gekoppeld, zodat ook de doelmatigheid niet kon worden geëvalueerd.',
    objectiveWithoutInstruments: 'Geen evaluatie zegt iets over deze doelstelling, en er is geen instrument aan gekoppeld.',
    objective: (instruments: number) =>
      instruments === 1
        ? 'Geen evaluatie zegt iets over deze doelstelling of over het instrument dat eraan bijdraagt.'
        : `Geen evaluatie zegt iets over deze doelstelling of over een van de ${instruments} instrumenten die eraan bijdragen.`,
  },

  // ---- uitgaven -------------------------------------------------------------------------------
  dominantLine: {
    share: (name: string, share: number, amount: number, programme: number) =>
      `${name} beslaat ${onbekend(share)} van de bekende programma-uitgaven (${eurosNl(amount)} van ${eurosNl(programme)}).`,
    knownOnly: (unknownParts: number) =>
      `${unknownParts} ${n1(unknownParts, 'bedrag', 'bedragen')} aan programma-uitgaven ${n1(unknownParts, 'is', 'zijn')} onbekend; het aandeel is daarom alleen over de bekende bedragen berekend.`,
    stated: (name: string, text: string, location: string | null) =>
      `De doorlichting geeft geen bedragen voor de programma-uitgaven, maar stelt over ${name}: "${text}"${location ? ` (${location})` : ''}.`,
    fromText: 'Het aandeel is daarom aan de tekst ontleend en niet berekend.',
  },

  // ---- besparingsvariant ----------------------------------------------------------------------
  savings: {
    noLines: 'De doorlichting heeft geen programmaregels op het artikel met uitgaven per jaar; er is dus geen basis om op te besparen.',
    allUnknown: (year: number, ids: string) =>
      `Geen enkele programmaregel heeft een bekend bedrag voor ${year} (${ids}); de basis, de taakstelling en het tekort zijn daarom onbekend. Er wordt niets berekend uit bedragen die de doorlichting niet geeft.`,
    figuresWhere: (where: string) => `Waar de bedragen zouden staan: ${where}.`,
    missing: (missing: string) => `De doorlichting vermeldt wat ontbreekt: ${sentence(missing)}`,
    base: (year: number, base: number, percent: number, target: number, lowerBound: boolean, apparatus: boolean) =>
      `Basis: de ${apparatus ? 'programma- en apparaatsuitgaven' : 'programma-uitgaven'} in ${year} (de vastgestelde begroting waar die gegeven is, anders de realisatie), ${lowerBound ? 'ten minste ' : ''}${eurosNl(base)}; ${percentNl(percent)} daarvan is ${lowerBound ? 'ten minste ' : ''}${eurosNl(target)}.`,
    protectedLines: (ids: string, amount: number | null) => `Ontziene regels worden niet gekort: ${ids}${amount === null ? '' : ` (${eurosNl(amount)})`}.`,
    fixedLines: (ids: string, amount: number | null) =>
      `Wettelijk of contractueel vastgelegde regels tellen mee in de basis maar worden niet gekort: ${ids}${amount === null ? '' : ` (${eurosNl(amount)} bekend)`}.`,
    unknownLines: (year: number | null, ids: string) => `Regels zonder bedrag voor ${year ?? 'het basisjaar'}, zodat de basis een ondergrens is: ${ids}.`,
    unknownKind: (ids: string) => `Regels waarvan de doorlichting de soort niet geeft, kunnen programma-uitgaven zijn; zij worden genoemd, niet meegeteld: ${ids}.`,
    acrossTheBoard: 'Elke regel die niet ontzien of vastgelegd is en een bekend bedrag heeft, levert hetzelfde aandeel in.',
    acrossTheBoardCut: (share: number) => `Elke regel die niet ontzien of vastgelegd is, wordt met ${onbekend(share)} gekort.`,
    evidenceRanked:
      'Regels worden gekort in volgorde van wat het bewijs zegt over de doeltreffendheid van de instrumenten die zij financieren: eerst wat aantoonbaar niet werkt, dan niet aangetoond, geen bewijs, omstreden, plausibel, en aangetoond als laatste; een regel telt als zijn beste instrument; binnen een oordeel beslist de sterkte van het bewijs, dan de grootte van de regel.',
    evidenceRankedCut: (verdict: EffectivenessRank, strength: EvidenceStrength, instruments: number) =>
      instruments === 0
        ? 'De regel financiert geen instrument dat de doorlichting noemt; er is dus geen bewijs dat ervoor pleit.'
        : `Doeltreffendheid van ${instruments === 1 ? 'het instrument dat de regel financiert' : 'het beste van de instrumenten die de regel financiert'}: ${RANK[verdict]}${strength === 'none' ? '' : ` (${STRENGTH[strength]})`}.`,
    unknownTarget: 'De taakstelling is onbekend; de besparing en het tekort zijn daarom niet te geven.',
    shortfall: (cuttable: number, shortfall: number) =>
      `De regels die gekort mogen worden, omvatten samen slechts ${eurosNl(cuttable)}: ${eurosNl(shortfall)} van de taakstelling kan niet worden ingevuld.`,
    noChapter: 'Het bestand bevat geen eigen besparingshoofdstuk van de doorlichting om naast deze varianten te zetten.',
    chapter: (percent: number | null, base: number | null, year: number | null, author: string | null) =>
      `Het eigen besparingshoofdstuk van de doorlichting${author ? ` (door ${author})` : ''}: ${percent === null ? 'een onbekend percentage' : percentNl(percent)} van ${base === null ? 'een basis die het niet geeft' : eurosNl(base)}${year === null ? '' : ` (${year})`}.`,
    chapterNoOptions: 'Het bestand legt geen van de opties uit het hoofdstuk vast: welke opties het beschrijft en wat die besparen, is hier onbekend.',
    chapterTotalUnknown: (known: number, unknownParts: number) =>
      `De opties tellen op tot ${known > 0 ? `ten minste ${eurosNl(known)}` : 'een onbekend bedrag'}: ${unknownParts} ${n1(unknownParts, 'optie geeft', 'opties geven')} geen bedrag.`,
    optionAmountUnknown: 'De optie geeft geen bedrag.',
    optionNoInstruments: 'De optie noemt geen regel of instrument; polev kan dus niet zeggen wat het bewijs zegt over wat zij kort.',
    optionVerdict: (ids: string, verdict: EffectivenessRank, strength: EvidenceStrength) =>
      `De optie raakt ${ids}; het beste daarvan: ${RANK[verdict]}${strength === 'none' ? '' : ` (${STRENGTH[strength]})`}.`,
  },

  // ---- aanbevelingen --------------------------------------------------------------------------
  recommendations: {
    smart:
      'Formuleer de doelstellingen SMART: geef elke doelstelling een indicator, een nulmeting, een streefwaarde en een termijn, zodat de doelbereiking kan worden vastgesteld.',
    smartReason: (count: number, total: number, ids: string) =>
      total === 1
        ? `De doelstelling mist een meetbare streefwaarde of een termijn (${ids}).`
        : count === total
          ? `Alle ${total} doelstellingen missen een meetbare streefwaarde of een termijn (${ids}).`
          : `${count} van de ${total} doelstellingen ${n1(count, 'mist', 'missen')} een meetbare streefwaarde of een termijn (${ids}).`,
    domainEfficiency: (domain: string) =>
      `Maak de doelmatigheid van "${domain}" beoordeelbaar: relateer de uitgaven aan de beleidsinstrumenten en plan een evaluatie die kosten afzet tegen effecten.`,
    registerCost:
      'Registreer de uitgaven (inclusief de inzet van personeel) per beleidsinstrument, zodat kosten kunnen worden toegerekend en de doelmatigheid kan worden beoordeeld.',
    registerCostReason: withoutCost,
    registerCostNoLines: (total: number, instruments: CountBound) =>
      `De gegevens bevatten geen begrotingsregels, zodat aan geen van ${counted(total, instruments, 'instrument', 'instrumenten')} uitgaven zijn toe te rekenen.`,
    planEvaluations: 'Leg in een evaluatieprogrammering vast welke instrumenten wanneer worden geëvalueerd.',
    planEvaluationsReason: (count: number, total: number, instruments: CountBound) =>
      total === 1 && instruments === 'exact'
        ? 'Het instrument valt onder geen enkele evaluatie.'
        : count === total
          ? `Geen van ${counted(total, instruments, 'instrument', 'instrumenten')} valt onder een evaluatie.`
          : `${count} van ${counted(total, instruments, 'instrument', 'instrumenten')} ${n1(count, 'valt', 'vallen')} onder geen enkele evaluatie.`,
    planEvaluationsPartial: (count: number, total: number, instruments: CountBound) =>
      `${count} van ${counted(total, instruments, 'instrument', 'instrumenten')} ${n1(count, 'valt', 'vallen')} onder geen van de vermelde evaluaties; de lijst van evaluaties is onvolledig, dus een deel ervan kan toch zijn geëvalueerd.`,
    policyTheory:
      'Maak de beleidstheorie expliciet waar de doeltreffendheid alleen op plausibiliteit of procesevaluaties berust, en overweeg effectonderzoek of experimenten bij nieuwe initiatieven.',
    policyTheoryReason: (count: number, ids: string) =>
      `Voor ${count} ${n1(count, 'instrument', 'instrumenten')} is het sterkste bewijs van doeltreffendheid een aanwijzing voor plausibiliteit of een procesevaluatie (${ids}).`,
    evaluateDominant: (name: string) => `Evalueer het effect van "${name}", de grootste programmaregel.`,
    dominantNoEffect: 'Geen van de instrumenten die deze regel financiert, heeft een effectevaluatie.',
    dominantNoInstruments: 'De regel is aan geen enkel instrument gekoppeld, zodat er geen evaluatie aan kan worden toegeschreven.',
    linkObjectives: 'Koppel elke doelstelling aan de instrumenten die eraan bijdragen, of laat doelstellingen vervallen waaraan geen instrument bijdraagt.',
    linkObjectivesReason: (count: number, ids: string) => `${count} ${n1(count, 'doelstelling heeft', 'doelstellingen hebben')} geen instrument (${ids}).`,
    checkObjectives: 'Ga na of de doelstellingen zonder instrument in de gegevens instrumenten hebben in de ontbrekende rijen; koppel die, en maak de andere expliciet.',
    linkObjectivesPartial: (count: number, ids: string, list: string) =>
      `${count} ${n1(count, 'doelstelling heeft', 'doelstellingen hebben')} geen instrument in de gegevens (${ids}); de lijst van instrumenten bevat ${list}, dus een ontbrekende rij kan er best bij horen.`,
    answerRpe: (version: string, noun: 'question' | 'part', labels: readonly string[]) =>
      `Beantwoord de ${noun === 'part' ? n1(labels.length, 'onderdeel', 'onderdelen') : n1(labels.length, 'vraag', 'vragen')} uit de RPE ${version} die de doorlichting openlaat: ${andList(labels)}.`,
    answerRpeReason: (noun: 'question' | 'part', labels: readonly string[]) =>
      labels.length === 1
        ? `${noun === 'part' ? 'Onderdeel' : 'Vraag'} ${labels[0]} wordt noch in het rapport noch elders beantwoord.`
        : `De ${noun === 'part' ? 'onderdelen' : 'vragen'} ${andList(labels)} worden noch in het rapport noch elders beantwoord.`,
  },

  // ---- SMART-toets ----------------------------------------------------------------------------
  smart: {
    specificTarget: 'De doelstelling noemt een streefwaarde of indicator, die vastlegt wat moet worden bereikt.',
    specificVague: (word: string) => `De doelstelling is geformuleerd als een richting ("${word}"), zonder de eindsituatie die moet worden bereikt.`,
    specificShort: 'De tekst is te kort om te zeggen wat er voor wie of waar moet worden bereikt.',
    specificText: 'De tekst benoemt wat moet worden bereikt.',
    measurableIndicator: (indicator: string) => `Er is een indicator benoemd: ${indicator}.`,
    measurableQuantity: 'De tekst noemt een hoeveelheid waaraan het resultaat kan worden afgemeten.',
    measurableComparative: 'De doelstelling vergelijkt ("meer", "minder"), maar noemt geen indicator of hoeveelheid.',
    measurableNone: 'Geen indicator en geen hoeveelheid: er is niets waaraan de doelbereiking kan worden afgemeten.',
    achievableBoth: (baseline: string) => `Zowel een nulmeting (${baseline}) als een streefwaarde is gegeven, zodat de af te leggen afstand kan worden beoordeeld.`,
    achievableNoBaseline: 'Er is een streefwaarde maar geen nulmeting; of het doel binnen bereik ligt, is daarom niet te beoordelen.',
    achievableNone: 'Zonder nulmeting en streefwaarde is uit de doorlichting niet te beoordelen of het doel haalbaar is.',
    relevantNone: 'Er is geen instrument aan gekoppeld; niets in het beleid werkt eraan toe.',
    relevantNoneListed: (list: string) => `Geen instrument in de gegevens is eraan gekoppeld, maar de lijst van instrumenten bevat ${list}: een ontbrekende rij kan eraan bijdragen.`,
    relevant: (instruments: number) =>
      `De doelstelling maakt deel uit van de beleidsboom onder de hoofddoelstelling en ${instruments} ${n1(instruments, 'instrument draagt', 'instrumenten dragen')} eraan bij.`,
    deadline: (deadline: string) => `Termijn: ${deadline}.`,
    dateInText: (date: string) => `De tekst noemt een datum of periode ("${date}").`,
    noDeadline: 'Er is geen termijn of periode vastgelegd.',
  },

  // ---- RPE-checklist --------------------------------------------------------------------------
  rpe: {
    articles: (count: number, numbers: string) => `${count} ${n1(count, 'begrotingsartikel', 'begrotingsartikelen')}: ${numbers}.`,
    exclusions: (count: number) => `${count} buiten beschouwing gelaten ${n1(count, 'onderdeel', 'onderdelen')}, met motivering.`,
    objectives: (objectives: number, domains: number) =>
      `${objectives} ${n1(objectives, 'doelstelling', 'doelstellingen')} in ${domains} ${n1(domains, 'taakveld', 'taakvelden')}.`,
    instruments: (counted: string) => `${counted}.`,
    budgetLines: (count: number) => `${count} ${n1(count, 'begrotingsregel', 'begrotingsregels')}.`,
    evaluations: (count: number) => `${count} ${n1(count, 'evaluatie', 'evaluaties')} vermeld.`,
    evaluationsPartial: (count: number) => `${count} ${n1(count, 'evaluatie', 'evaluaties')} vermeld; de lijst is onvolledig.`,
    notEvaluated: 'polev somt de instrumenten zonder evaluatie op (dekking).',
    findings: (count: number) => `${count} ${n1(count, 'bevinding', 'bevindingen')} over realisatie, doeltreffendheid en doelmatigheid.`,
  },

  // ---- wat de lijsten bevatten (volledigheid) -------------------------------------------------
  lists: {
    countedOver: (counted: string) => `Geteld over de instrumenten in de gegevens: ${counted}.`,
    instruments: (known: number, status: 'complete' | 'partial' | 'unknown', stated: boolean, expectedAtLeast: number | null) =>
      known === 0 && status !== 'complete'
        ? 'geen instrumenten in de gegevens (of de doorlichting er heeft, is onbekend)'
        : status === 'complete' || !stated
          ? `${known} ${n1(known, 'instrument', 'instrumenten')}`
          : expectedAtLeast !== null && expectedAtLeast > known
            ? `${known} van ten minste ${expectedAtLeast} instrumentrijen`
            : `${known} ${n1(known, 'instrument', 'instrumenten')} (de lijst is ${status === 'partial' ? 'onvolledig' : 'van onbekende volledigheid'})`,
    instrumentsPartial: (missing: string | null) => `De lijst van instrumenten is onvolledig${missing ? `: ${missing.replace(/[.\s]+$/, '')}` : ''}.`,
    instrumentsUnstated: 'De gegevens zeggen niet of de lijst van instrumenten volledig is.',
    unknownTypeSources: (count: number, ids: string) =>
      `${count} ${n1(count, 'bron is', 'bronnen zijn')} van onbekend type en ${n1(count, 'is', 'zijn')} mogelijk een evaluatie (${ids}).`,
  },

  // ---- vergelijking van twee doorlichtingen ---------------------------------------------------
  compare: {
    differentArticles: (before: string, after: string) =>
      `De doorlichtingen betreffen verschillende begrotingsartikelen (${before} en ${after}); onderdelen worden alleen op hun id gekoppeld.`,
  },
} satisfies Messages;
