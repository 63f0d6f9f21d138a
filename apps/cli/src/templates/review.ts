/**
 * The scaffold `polev init` writes: a valid review with one commented example of each part, so
 * that `polev validate` and `polev analyze` work on it straight away.
 */
export const REVIEW_TEMPLATE = `# yaml-language-server: $schema=./review.schema.json
# A policy review (beleidsdoorlichting) for polev. Editors that speak the YAML language server
# complete and check this file against review.schema.json. Check it with: polev validate review.yaml
# Amounts are in euro x 1,000 (as in Dutch budget tables); write null when the source gives no
# figure, never 0. Ids are lower-case and unique in the whole file; other parts refer to them.
# What the source does not say, leave out or write null: polev reads it as unknown, never as none.
schemaVersion: 2
id: my-review
title: Beleidsdoorlichting artikel 1.1
language: nl                      # nl | en: the language of the review's own text
ministry: { name: Ministerie van Voorbeelden, abbreviation: MinVb }
budgetChapter: I
budgetArticles:
  - { number: "1.1", title: Voorbeeldbeleid }
period: { start: 2019, end: 2023 }   # null for a year the review does not state
rpeVersion: "2015"               # 2013 | 2015 (bundled) | 2018 | 2022 | any other, with its own questionSet
performedBy: null                 # who carried out the review
supervisoryCommittee: []          # - { organisation: FEZ, role: voorzitter }
independentExperts:
  - { name: Dr. A. Deskundige, affiliation: Universiteit Voorbeeld, verdict: null }   # verdict: the expert's judgement
method: synthesis                 # synthesis | new-research | mixed | null (not stated)
# How complete each list is: complete, partial (say what is missing) or unknown. A list left out
# here is unknown when empty and partial otherwise; only an empty list stated complete means none.
completeness:
  supervisoryCommittee: { status: complete } # the review had no committee: none, not unknown
  # instruments: { status: partial, expectedAtLeast: 40, missing: "the appendix pages 12-14 are lost" }
scopeExclusions: []               # - { id: excl-1, description: ..., reason: ... }  (why parts are not covered)

policyTree:
  mainGoal: { text: Het hoofddoel van het beleid }
  # A domain (taakveld) of the article.
  domains:
    - { id: d1, name: Eerste taakveld }
  # Objectives (beleidsdoelstellingen); a sub-objective names its objective as parent.
  # The smart fields are optional; polev's SMART check also reads the text.
  objectives:
    - id: d1-o1
      domain: d1
      text: Het aantal incidenten daalt met 10% in 2023 ten opzichte van 2019
      smart: { indicator: aantal incidenten per jaar, baseline: "120 (2019)", target: "108", deadline: "2023" }
      citation: { location: "§2.3" }

# Instruments (beleidsinstrumenten): what government deploys to reach an objective.
instruments:
  - id: d1-i1
    number: "1"                     # as printed in the review
    name: Subsidieregeling preventie
    objective: d1-o1
    role: facilitating              # directing | guiding | facilitating (sturend, richtinggevend, faciliterend)
    kind: financial                 # regulation | financial | communication | organisation | network | research | other
    realisation:
      status: realised              # realised | partly | not-realised | realised-after-period | pilot | ongoing | unknown
      evidence: De regeling is in 2020 opengesteld.
      date: "2020"

# Budget lines with their expenditure per year, and the instruments they finance.
budgetLines:
  - id: subsidie-preventie
    name: Subsidies preventie
    kind: programme                 # programme | apparatus | out-of-scope | receipts | unknown
    article: "1.1"
    instruments: [d1-i1]
    expenditures:
      - { year: 2022, amount: 1500 }
      - { year: 2023, amount: null }    # not given in the source: unknown, not 0

# Evaluations and other sources.
sources:
  - id: eval-subsidie
    title: Evaluatie subsidieregeling preventie
    type: process                   # effect | process | strategy | inspection | audit | incident | ex-ante | monitor | research (evaluations) | progress-report | policy-document | other | unknown (possibly an evaluation)
    design: qualitative             # randomised | quasi-experimental | controlled | uncontrolled | qualitative | monitoring | document
    author: Onderzoeksbureau
    date: "2023-05"
    classification: public          # public | restricted | confidential | secret | top-secret

# Findings: what a source says about instruments, objectives or domains, on one aspect.
findings:
  - id: f-subsidie-doeltreffend
    sources: [{ source: eval-subsidie, location: "§4.2" }]   # or origin: review (the review's own judgement) | unknown
    subjects: [d1-i1]
    aspect: effectiveness           # goal-achievement | realisation | effectiveness | efficiency | side-effects
    verdict: partly                 # positive | partly | negative | no-effect | inconclusive | not-assessed
    strength: process               # none | realisation | plausibility | process | effect
    statement: Deelnemers passen vaker preventieve maatregelen toe; een effect op incidenten is niet gemeten.

indicators: []                    # - { id: x1, name: ..., value: 7100000, unit: personen, referenceDate: "2015-12-07", subjects: [d1-o1] }
rpeAnswers: []                    # - { question: 1, status: report, location: "§1.1" }   (report | policy-response | elsewhere | not-answered)
conclusions: []
recommendations: []
`;
