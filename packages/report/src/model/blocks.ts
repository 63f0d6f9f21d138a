import type { Classification, EvidenceStrength, Review } from '@polev/core';
import type { SteppedVerdicts } from '../assessment.js';
import type { Labels, Lang } from '../labels/index.js';
import { t, txt, type Cell, type CellTone, type Column, type FigureBlock, type Inline, type Row, type Run, type TableBlock } from './document.js';
import type { References } from './references.js';

/** Building blocks shared by the report's chapter and appendix modules. */

/** What the findings and sources appendices need from the report they are part of. */
export interface AppendixContext {
  review: Review;
  L: Labels;
  lang: Lang;
  refs: References;
  confidential: boolean;
  /** The classification badge of a record (nothing for public records). */
  badge: (c: Classification | undefined | null) => Run[];
}

/** The evidence strengths from weakest to strongest, as the report's tables and legends order them. */
export const STRENGTHS: readonly EvidenceStrength[] = ['none', 'realisation', 'plausibility', 'process', 'effect'];

export { capitalise } from '../labels/terms.js';

/** Indentation of a nested objective in a table cell (one em space per level). */
export const indent = (depth: number) => '\u2003'.repeat(depth);

export const cell = (...paragraphs: Inline[]): Cell => ({ content: paragraphs.length ? paragraphs : [[]] });

/** A cell of one paragraph. */
export function textCell(content: Inline | string, tone?: CellTone): Cell {
  return { content: [typeof content === 'string' ? txt(content) : content], ...(tone ? { tone } : {}) };
}

/** A cell of several paragraphs (an empty list gives one empty paragraph). */
export function parasCell(paragraphs: (Inline | string)[], tone?: CellTone): Cell {
  const content = paragraphs.length ? paragraphs : [''];
  return { content: content.map((p) => (typeof p === 'string' ? txt(p) : p)), ...(tone ? { tone } : {}) };
}

/** The row marking of a classified record (nothing for public records). */
export const classifiedRow = (c: Classification): Pick<Row, 'classified'> => (c !== 'public' ? { classified: c } : {});

/** A column of a table whose rows are one item each: its header and the item's cell. */
export interface ItemColumn<T> extends Column {
  cell: (item: T) => Cell | string;
}

/** A table; numbered later, in reading order (`numberBlocks`). */
export function table(id: string, caption: string, columns: Column[], rows: Row[], note?: string): TableBlock {
  return { kind: 'table', id, number: 0, caption, columns, rows, ...(note ? { note } : {}) };
}

/**
 * A table of one row per item, each column naming its header and how an item fills it; `row` adds
 * to an item's row (its classification marking), `after` rows such as a total.
 */
export function itemTable<T>(
  id: string,
  caption: string,
  columns: ItemColumn<T>[],
  items: readonly T[],
  extra: { row?: (item: T) => Partial<Row>; after?: Row[]; note?: string } = {},
): TableBlock {
  const rows: Row[] = items.map((item) => ({
    ...extra.row?.(item),
    cells: columns.map((c) => {
      const x = c.cell(item);
      return typeof x === 'string' ? textCell(x) : x;
    }),
  }));
  return table(id, caption, columns.map(({ cell: _, ...column }) => column), [...rows, ...(extra.after ?? [])], extra.note);
}

export function figure(
  kind: FigureBlock['figure'],
  id: string,
  caption: string,
  svg: string,
  width: number,
  height: number,
  alt: string,
  extra: { landscape?: boolean; fallback?: FigureBlock['fallback'] } = {},
): FigureBlock {
  return { kind: 'figure', figure: kind, id, number: 0, caption, svg, width, height, alt, ...extra };
}

/** The review's own words, marked with their language when the report is written in another. */
export function quoteRun(text: string, ctx: Pick<AppendixContext, 'review' | 'lang'>, extra: Omit<Run, 'text'> = {}): Run {
  return ctx.review.language !== ctx.lang ? t(text, { ...extra, lang: ctx.review.language }) : t(text, extra);
}

type VerdictStep = 'goal' | 'realisation' | 'effectiveness' | 'efficiency';

/** How a verdict cell is shaded: muted when nothing could be said, coloured by strength when favourable. */
function verdictTone(step: VerdictStep, value: string): CellTone | undefined {
  if (value === 'not-determinable' || value === 'unknown' || value === 'no-instruments') return 'muted';
  if (step === 'effectiveness') return value === 'demonstrated' ? 'strength-effect' : value === 'plausible' ? 'strength-plausibility' : undefined;
  if (step === 'efficiency') return value === 'determinable' ? 'strength-effect' : undefined;
  return undefined;
}

/** The four stepped verdicts of a scope as labelled, shaded cells, in the order of the steps. */
export function verdictCells(L: Labels, v: SteppedVerdicts): Cell[] {
  return [
    textCell(L.goalAchievement[v.goalAchievement.value], verdictTone('goal', v.goalAchievement.value)),
    textCell(L.realisationValue[v.realisation.value], verdictTone('realisation', v.realisation.value)),
    textCell(L.effectivenessValue[v.effectiveness.value], verdictTone('effectiveness', v.effectiveness.value)),
    textCell(L.efficiencyValue[v.efficiency.value], verdictTone('efficiency', v.efficiency.value)),
  ];
}

/** The header of a table with one scope per row and its four verdicts. */
export function verdictColumns(L: Labels, scopeLabel: string, scopeWidth: number, verdictWidth: number): Column[] {
  return [
    { label: scopeLabel, width: scopeWidth },
    { label: L.steps.goalAchievement, width: verdictWidth },
    { label: L.steps.realisation, width: verdictWidth },
    { label: L.steps.effectiveness, width: verdictWidth },
    { label: L.steps.efficiency, width: verdictWidth },
  ];
}
