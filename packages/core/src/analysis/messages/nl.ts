import type { Aspect, EvidenceStrength, RealisationStatus, Verdict } from '../../model/review.js';
import { eurosNl, pct } from '../numbers.js';
import type { EffectivenessValue, RealisationValue, ScopeKind } from '../types.js';
import type { Messages } from './en.js';
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
  verdict: VERDICT,
  realisation: REALISATION,
  effectiveness: EFFECTIVENESS,
} = termsFor('nl');

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
const linesFinance = (lines: string, count: number) => (count === 1 ? `De programmaregel ${lines} financiert` : `De programmaregels ${lines} financieren`);

/** "Aan 3 van de 5 instrumenten zijn geen uitgaven toe te rekenen." */
const withoutCost = (count: number, total: number) =>
  total === 1
    ? 'Aan het instrument zijn geen uitgaven toe te rekenen.'
    : count === total
      ? `Aan geen van de ${total} instrumenten zijn uitgaven toe te rekenen.`
      : `Aan ${count} van de ${total} instrumenten zijn geen uitgaven toe te rekenen.`;

const onbekend = (share: number | null) => pct(share, 'onbekend');
/** 12.5 → "12,5%". */
const percentNl = (percent: number) => `${String(percent).replace('.', ',')}%`;

export const nl = {
  // ---- opmaak ---------------------------------------------------------------------------------
  more: (shown: string, rest: number) => `${shown} en nog ${rest}`,
  euros: eurosNl,
  pct: onbekend,

  // ---- getrapte oordelen ----------------------------------------------------------------------
  goal: {
    noObjectives: 'Dit onderdeel omvat geen doelstellingen.',
    notMeasurable: (count: number, total: number, ids: string) =>
      total === 1
        ? `De doelstelling heeft geen meetbare streefwaarde (${ids}).`
        : count === total
          ? `Geen van de ${total} doelstellingen heeft een meetbare streefwaarde (${ids}).`
          : `${count} van de ${total} doelstellingen ${n1(count, 'heeft', 'hebben')} geen meetbare streefwaarde (${ids}).`,
    noInformation: (count: number, total: number, ids: string) =>
      total === 1
        ? `Geen bevinding of indicator geeft aan in hoeverre de doelstelling is bereikt (${ids}).`
        : count === total
          ? `Voor geen van de ${total} doelstellingen geeft een bevinding of indicator aan in hoeverre die is bereikt (${ids}).`
          : `Voor ${count} van de ${total} doelstellingen geeft geen bevinding of indicator aan in hoeverre ${n1(count, 'die is', 'die zijn')} bereikt (${ids}).`,
    determinable: (ids: string) => `De doelbereiking is vast te stellen voor ${ids}: meetbaar geformuleerd en met informatie over het resultaat.`,
  },

  realisation: {
    noInstruments: 'Aan dit onderdeel zijn geen beleidsinstrumenten gekoppeld.',
    undecided: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `Met ${unknown} ${unknown === 1 ? 'instrument' : 'instrumenten'} met onbekende status kan het oordeel uiteenlopen van ${REALISATION[worst]} tot ${REALISATION[best]}; het is daarom onbekend.`,
    atLeast: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `Ten minste ${REALISATION[worst]}: met ${unknown === 1 ? 'het instrument' : `de ${unknown} instrumenten`} met onbekende status kan het ${REALISATION[best]} zijn.`,
    counts: (realised: number, total: number, partly: number, ongoing: number, pilot: number, notRealised: number, unknown: number) => {
      const head =
        total === 1 ? `${realised} van 1 instrument is in de periode gerealiseerd` : `${realised} van de ${total} instrumenten ${n1(realised, 'is', 'zijn')} in de periode gerealiseerd`;
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
    noMoney: 'Aan geen van deze instrumenten zijn programma-uitgaven gekoppeld.',
    moneyPartlyUnknown: (lines: string, lineCount: number, known: number, unknownParts: number) =>
      `${linesFinance(lines, lineCount)} deze instrumenten; ${known > 0 ? `bekend is ten minste ${eurosNl(known)}, maar ` : ''}${unknownParts} ${n1(unknownParts, 'bedrag wordt', 'bedragen worden')} in de bron niet vermeld.`,
    money: (lines: string, lineCount: number, amount: number) => `${linesFinance(lines, lineCount)} deze instrumenten: ${eurosNl(amount)} over de periode.`,
  },

  effectiveness: {
    counts: (total: number, demonstrated: number, plausible: number, negative: number, notDeterminable: number) => {
      if (total === 1) {
        const value = demonstrated ? 'aangetoond' : plausible ? 'plausibel' : negative ? 'negatief' : 'niet vast te stellen';
        return `De doeltreffendheid van het instrument is ${value}.`;
      }
      if (notDeterminable === total) return `Van geen van de ${total} instrumenten is de doeltreffendheid vast te stellen.`;
      return `Van de ${total} instrumenten is de doeltreffendheid ${andJoin(
        demonstrated ? `bij ${demonstrated} aangetoond` : '',
        plausible ? `bij ${plausible} plausibel` : '',
        negative ? `bij ${negative} negatief` : '',
        notDeterminable ? `bij ${notDeterminable} niet vast te stellen` : '',
        '',
      )}.`;
    },
    demonstrated: (ids: string) => `Uit een effectevaluatie blijkt een bijdrage van ${ids}.`,
    plausible: (ids: string) => `Zonder effectonderzoek maken aanwijzingen een bijdrage plausibel voor ${ids}.`,
    negative: (ids: string) => `Het bewijs wijst op geen of een negatieve bijdrage van ${ids}.`,
    own: (scope: ScopeKind, value: EffectivenessValue, ids: string) =>
      `Volgens de bevindingen over ${scope === 'objective' ? 'de doelstelling en haar subdoelstellingen' : scope === 'domain' ? 'het taakveld en zijn doelstellingen' : 'de taakvelden en doelstellingen'} is de doeltreffendheid ${EFFECTIVENESS[value]} (${ids}).`,
    noFinding: 'Geen enkele bevinding doet een uitspraak over de doeltreffendheid die berust op effectonderzoek of op aanwijzingen voor plausibiliteit.',
    noEffectEvaluation: 'Voor geen van de instrumenten is er een effectevaluatie van de doeltreffendheid.',
  },

  efficiency: {
    stated: (count: number, ids: string, strength: EvidenceStrength, verdict: Verdict | null) =>
      `${count} ${n1(count, 'evaluatiebevinding doet', 'evaluatiebevindingen doen')} een uitspraak over de doelmatigheid (${ids}); de sterkste berust op ${STRENGTH[strength]} en is ${verdict === null ? 'zonder oordeel' : VERDICT[verdict]}.`,
    noInstruments: 'Er zijn geen instrumenten waarvan kosten en effecten aan elkaar kunnen worden gerelateerd.',
    withoutCost,
    noJudgement: (ids: string) => `Geen enkele evaluatie doet een uitspraak over de doelmatigheid (de bevindingen ${ids} geven geen oordeel).`,
    noEvaluation: 'Geen enkele evaluatie doet een uitspraak over de doelmatigheid.',
    noEffect: 'Voor geen enkel instrument is de doeltreffendheid aangetoond of plausibel; er is dus geen effect waartegen de uitgaven kunnen worden afgezet.',
    noCostAndEffect: 'Geen enkel instrument heeft zowel bekende kosten als een bevinding over de doeltreffendheid.',
    notRelated: (ids: string) =>
      `Voor ${ids} zijn zowel de kosten als een bevinding over de doeltreffendheid bekend, maar geen evaluatie brengt die twee met elkaar in verband.`,
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
    noBase: 'Geen enkele programmaregel heeft een bekend bedrag; er is dus geen basis om op te besparen.',
    base: (year: number, base: number, percent: number, target: number) =>
      `Basis: de bekende programma-uitgaven in ${year}, ${eurosNl(base)}; ${percentNl(percent)} daarvan is ${eurosNl(target)}.`,
    protectedLines: (ids: string, amount: number) => `Ontziene regels worden niet gekort: ${ids} (${eurosNl(amount)}).`,
    unknownLines: (year: number | null, ids: string) => `Regels zonder bedrag voor ${year ?? 'het basisjaar'} blijven buiten beschouwing: ${ids}.`,
    acrossTheBoard: 'Elke niet-ontziene regel met een bekend bedrag levert hetzelfde aandeel in.',
    acrossTheBoardCut: (share: number) => `Elke niet-ontziene regel wordt met ${onbekend(share)} gekort.`,
    evidenceRanked:
      'Regels worden gekort in volgorde van het minste bewijs voor de doeltreffendheid van de instrumenten die zij financieren; bij gelijk bewijs gaat de grootste regel voor.',
    evidenceRankedCut: (strength: EvidenceStrength) => `Bewijs van doeltreffendheid: ${STRENGTH_SHORT[strength]}; regels met minder bewijs worden eerst gekort.`,
    shortfall: (cuttable: number, shortfall: number) =>
      `De niet-ontziene regels met een bekend bedrag omvatten samen slechts ${eurosNl(cuttable)}: ${eurosNl(shortfall)} van de taakstelling kan niet worden ingevuld.`,
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
    registerCostNoLines: (total: number) =>
      `De gegevens bevatten geen begrotingsregels, zodat aan geen van de ${total} ${n1(total, 'instrument', 'instrumenten')} uitgaven zijn toe te rekenen.`,
    planEvaluations: 'Leg in een evaluatieprogrammering vast welke instrumenten wanneer worden geëvalueerd.',
    planEvaluationsReason: (count: number, total: number) =>
      total === 1
        ? 'Het instrument valt onder geen enkele evaluatie.'
        : count === total
          ? `Geen van de ${total} instrumenten valt onder een evaluatie.`
          : `${count} van de ${total} instrumenten ${n1(count, 'valt', 'vallen')} onder geen enkele evaluatie.`,
    planEvaluationsPartial: (count: number, total: number) =>
      `${count} van de ${total} ${n1(total, 'instrument', 'instrumenten')} ${n1(count, 'valt', 'vallen')} onder geen van de vermelde evaluaties; de lijst van evaluaties is onvolledig, dus een deel ervan kan toch zijn geëvalueerd.`,
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
