import type { Review } from '@polev/core';
import type { Lang } from '../labels/index.js';
import { referenceLabels, type ReferenceLabels } from '../labels/references.js';
import { walkSections, type Block, type Inline, type Run, type Section } from './document.js';

/**
 * The report's reference apparatus. Findings and sources are numbered in the order of their
 * appendices; every record id the analysis writes into a reason ("… plausible (f-ct-i49-pdm)") becomes
 * a reference the reader can follow ("… plausible (finding 12)", linked to its row), and text the
 * source did not preserve ("[Kop niet bewaard]") becomes a translated, styled marker.
 */

export interface RefTarget {
  /** The text shown in place of the id. */
  text: string;
  /** Where it links to, when the report has a place for it. */
  anchor: string;
  /** What it is, in full (a tooltip). */
  title: string;
}

/** Anchors of the rows and places references lead to. */
export const anchorOf = {
  finding: (n: number) => `ref-finding-${n}`,
  source: (n: number) => `ref-source-${n}`,
  instrument: (id: string) => `ref-instrument-${id}`,
  objective: (id: string) => `ref-objective-${id}`,
};

const SHORT = 48;

/** A name cut at a word boundary to at most `SHORT` characters, for a reference in running text. */
export function shortName(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= SHORT) return clean;
  const cut = clean.slice(0, SHORT);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export class References {
  readonly labels: ReferenceLabels;
  readonly findingNumber = new Map<string, number>();
  readonly sourceNumber = new Map<string, number>();
  private readonly targets = new Map<string, RefTarget>();

  constructor(review: Review, lang: Lang, instrumentNumber: (id: string) => string | undefined) {
    const R = referenceLabels(lang);
    this.labels = R;
    review.sources.forEach((s, i) => {
      this.sourceNumber.set(s.id, i + 1);
      this.targets.set(s.id, { text: R.source(i + 1), anchor: anchorOf.source(i + 1), title: s.title });
    });
    review.findings.forEach((f, i) => {
      this.findingNumber.set(f.id, i + 1);
      this.targets.set(f.id, { text: R.finding(i + 1), anchor: anchorOf.finding(i + 1), title: f.statement });
    });
    // A reference shows a short name without the source's lost-text markers; its tooltip the whole name.
    const short = (text: string) => shortName(withoutLostText(text));
    const full = (text: string) => plainLostText(text, R);
    for (const i of review.instruments) {
      const number = instrumentNumber(i.id);
      this.targets.set(i.id, { text: short(i.name), anchor: anchorOf.instrument(i.id), title: full(number ? `${number}. ${i.name}` : i.name) });
    }
    for (const o of review.policyTree.objectives) this.targets.set(o.id, { text: short(o.text), anchor: anchorOf.objective(o.id), title: full(o.text) });
    for (const d of review.policyTree.domains) this.targets.set(d.id, { text: d.name, anchor: `appendix-instruments-${d.id}`, title: d.name });
    for (const l of review.budgetLines) this.targets.set(l.id, { text: shortName(l.name), anchor: 'expenditure-overview', title: l.name });
    for (const x of review.indicators) this.targets.set(x.id, { text: shortName(x.name), anchor: 'appendix-indicators', title: x.name });
    for (const x of review.conclusions) this.targets.set(x.id, { text: shortName(x.text), anchor: 'effects', title: x.text });
    for (const x of review.recommendations) this.targets.set(x.id, { text: shortName(x.text), anchor: 'options-recommendations', title: x.text });
  }

  target(id: string): RefTarget | undefined {
    return this.targets.get(id);
  }

  /** A run linking to a record, or its plain name when the report has no place for it. */
  link(id: string, anchors: ReadonlySet<string>, extra: Omit<Run, 'text'> = {}): Run {
    const target = this.targets.get(id);
    if (!target) return { text: id, ...extra };
    return anchors.has(target.anchor) ? { text: target.text, ref: target.anchor, refTitle: target.title, ...extra } : { text: target.text, ...extra };
  }

  /**
   * Replaces the ids in one run's text by references. An id with a digit, hyphen, dot or underscore
   * in it is always one; an id of letters only ("ct", "bdur") only where it stands in a list of
   * ids or beside another id, so that a word of the review's own text is never taken for one.
   */
  linkRun(run: Run, anchors: ReadonlySet<string>): Run[] {
    if (run.ref || run.classified || run.lost) return [run];
    const text = run.text;
    const hits: { start: number; end: number; id: string; strong: boolean }[] = [];
    for (const m of text.matchAll(ID_TOKEN)) {
      const id = m[0];
      if (!this.targets.has(id)) continue;
      hits.push({ start: m.index, end: m.index + id.length, id, strong: /[0-9._-]/.test(id) });
    }
    if (hits.length === 0) return [run];
    const anyStrong = hits.some((h) => h.strong);
    const inList = (h: (typeof hits)[number]) => {
      const before = text.slice(0, h.start).trimEnd();
      const after = text.slice(h.end).trimStart();
      return /(^|[(,])$/.test(before) && /^($|[,)]|and\b|en\b)/.test(after);
    };
    const chosen = hits.filter((h) => h.strong || anyStrong || inList(h));
    if (chosen.length === 0) return [run];
    const { text: _text, ...style } = run;
    const out: Run[] = [];
    let at = 0;
    for (const h of chosen) {
      if (h.start > at) out.push({ ...style, text: text.slice(at, h.start) });
      out.push(this.link(h.id, anchors, style));
      at = h.end;
    }
    if (at < text.length) out.push({ ...style, text: text.slice(at) });
    return out;
  }
}

/** A lower-case id token standing alone (not part of a longer word, number or id). */
const ID_TOKEN = /(?<![\p{L}\p{N}._-])[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?(?![\p{L}\p{N}_-])/gu;

/** "[Kop niet bewaard]", "[rest niet bewaard]", "[Vervolg van de opsomming niet bewaard.]", "[name not preserved]". */
const LOST = /\[([^[\]]{0,60}?)\s*(?:niet bewaard|not preserved)(?: in de bron| in the source)?\.?\]/giu;

/** Splits a run at the source's markers of lost text, which become styled, translated marker runs. */
export function markLostText(run: Run, R: ReferenceLabels): Run[] {
  if (run.ref || run.classified || run.lost || !run.text.includes('[')) return [run];
  const out: Run[] = [];
  let at = 0;
  const { text: _text, ...style } = run;
  for (const m of run.text.matchAll(LOST)) {
    const part = m[1]!.trim().toLowerCase();
    if (m.index > at) out.push({ ...style, text: run.text.slice(at, m.index) });
    out.push({ text: R.lost(part ? (R.lostParts[part] ?? part) : null), lost: true });
    at = m.index + m[0].length;
  }
  if (out.length === 0) return [run];
  if (at < run.text.length) out.push({ ...style, text: run.text.slice(at) });
  return out;
}

/** The text without the source's markers of lost text (for short references). */
export function withoutLostText(text: string): string {
  return text.replace(LOST, ' ').replace(/^[\s.…]+/, '').replace(/\s+/g, ' ').trim() || text;
}

/** The marker text as plain text, for places that hold no styled runs (figure labels). */
export function plainLostText(text: string, R: ReferenceLabels): string {
  return text.replace(LOST, (_m, part: string) => {
    const p = part.trim().toLowerCase();
    return `[${R.lost(p ? (R.lostParts[p] ?? p) : null)}]`;
  });
}

/** Every anchor a link can lead to: sections, tables, figures and anchored rows. */
export function collectAnchors(sections: Section[]): Set<string> {
  const anchors = new Set<string>();
  for (const s of walkSections(sections)) {
    anchors.add(s.id);
    for (const b of s.blocks) {
      if (b.kind === 'table' || b.kind === 'figure') anchors.add(b.id);
      if (b.kind === 'table') for (const r of b.rows) if (r.anchor) anchors.add(r.anchor);
    }
  }
  return anchors;
}

/**
 * The last pass over the document: ids become references, lost-text markers become markers. It
 * runs after numbering, so every anchor is final.
 */
export function resolveReferences(sections: Section[], refs: References): void {
  const anchors = collectAnchors(sections);
  const fix = (content: Inline): Inline => content.flatMap((r) => markLostText(r, refs.labels)).flatMap((r) => refs.linkRun(r, anchors));
  const visitBlock = (b: Block) => {
    switch (b.kind) {
      case 'paragraph':
        b.content = fix(b.content);
        break;
      case 'list':
        for (const i of b.items) i.content = fix(i.content);
        break;
      case 'definitions':
        for (const i of b.items) i.value = fix(i.value);
        break;
      case 'table':
        for (const r of b.rows) for (const c of r.cells) c.content = c.content.map(fix);
        break;
      case 'figure':
        for (const f of b.fallback ?? []) visitBlock(f);
        break;
    }
  };
  for (const s of walkSections(sections)) {
    s.title = plainLostText(s.title, refs.labels);
    for (const b of s.blocks) visitBlock(b);
  }
}
