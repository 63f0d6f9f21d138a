import type { Labels } from '../labels/index.js';
import type { ReferenceLabels } from '../labels/references.js';
import { walkSections, type Inline, type Row, type Run, type Section, type TableBlock } from './document.js';

/**
 * Tables whose rows repeat the same reasons (the SMART check of twenty objectives, the parts not
 * evaluated, the verdicts per objective) say each distinct reason once: the table keeps its
 * verdict columns and numbers its rows, and a reasons table below it lists every reason with the
 * numbers of the rows it applies to, each linked to its row. A table whose reasons are all
 * different is left as it is.
 */

export interface CondensedTable {
  table: TableBlock;
  reasons: TableBlock;
}

const plain = (p: Inline) => p.map((r) => r.text).join('').trim();

/** Condenses every table with a reasons column and repeated reasons; returns the pairs made. */
export function condenseReasonTables(sections: Section[], L: Labels, R: ReferenceLabels): CondensedTable[] {
  const made: CondensedTable[] = [];
  for (const s of walkSections(sections)) {
    for (let k = 0; k < s.blocks.length; k++) {
      const b = s.blocks[k]!;
      if (b.kind !== 'table') continue;
      const reasons = condense(b, L, R);
      if (!reasons) continue;
      s.blocks.splice(k + 1, 0, reasons);
      made.push({ table: b, reasons });
      k++;
    }
  }
  return made;
}

/** After numbering: the reasons tables name the table they belong to. */
export function captionReasonTables(made: CondensedTable[], L: Labels, R: ReferenceLabels): void {
  for (const { table, reasons } of made) reasons.caption = R.reasonsCaption(`${L.tableLabel.toLowerCase()} ${table.number}`);
}

function condense(b: TableBlock, L: Labels, R: ReferenceLabels): TableBlock | null {
  const ci = b.columns.findIndex((c) => c.label === L.effects.reasonsCol);
  if (ci < 0 || b.columns.length < 2) return null;
  const body = b.rows.filter((r) => r.kind !== 'group' && r.kind !== 'total' && r.cells.length === b.columns.length);
  const distinct = new Map<string, { content: Inline; rows: number[] }>();
  let occurrences = 0;
  body.forEach((r, i) => {
    for (const p of r.cells[ci]!.content) {
      const key = plain(p);
      if (!key) continue;
      occurrences++;
      const entry = distinct.get(key) ?? { content: p, rows: [] };
      if (!entry.rows.includes(i + 1)) entry.rows.push(i + 1);
      distinct.set(key, entry);
    }
  });
  if (distinct.size === 0 || distinct.size === occurrences) return null;

  // The table without its reasons column, each row numbered and anchored.
  const numbered = b.columns[0]?.align === 'right' && body.every((r) => /^\s*[\w.]+\s*$/.test(plain(r.cells[0]!.content[0] ?? [])));
  const widthOfReasons = b.columns[ci]!.width ?? 1;
  b.columns.splice(ci, 1);
  if (!numbered) b.columns.unshift({ label: R.rowNumberCol, align: 'right', width: 0.5 });
  // The freed width goes to the other text columns (not the narrow verdict columns).
  const wide = b.columns.filter((c) => (c.width ?? 1) >= 2);
  for (const c of wide) c.width = (c.width ?? 1) + (widthOfReasons - (numbered ? 0 : 0.5)) / wide.length;
  const anchors = new Map<number, string>();
  let n = 0;
  const full = b.columns.length + (numbered ? 1 : 0);
  for (const r of b.rows) {
    if (r.kind === 'group') {
      const last = r.cells[r.cells.length - 1];
      if (numbered && last?.colSpan) last.colSpan--;
      continue;
    }
    if (r.cells.length !== full) continue;
    r.cells.splice(ci, 1);
    if (r.kind === 'total') {
      if (!numbered) r.cells.unshift({ content: [[]] });
      continue;
    }
    n++;
    if (!numbered) r.cells.unshift({ content: [[{ text: String(n) }]] });
    r.anchor ??= `${b.id}-row-${n}`;
    anchors.set(n, r.anchor);
  }
  b.note = b.note ? `${b.note} ${R.reasonsIntro}` : R.reasonsIntro;

  const rows: Row[] = [...distinct.values()].map((d) => ({ cells: [{ content: [d.content] }, { content: [rowList(d.rows, anchors)] }] }));
  return {
    kind: 'table',
    id: `${b.id}-reasons`,
    number: 0,
    caption: '',
    columns: [
      { label: R.reasonCol, width: 6 },
      { label: R.appliesToCol, width: 2 },
    ],
    rows,
  };
}

/** "1–4, 7, 9" with each number or range linked to the first row it names. */
function rowList(rows: number[], anchors: Map<number, string>): Run[] {
  const sorted = [...rows].sort((x, y) => x - y);
  const out: Run[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = sorted[i]!;
    const to = sorted[j]!;
    if (out.length) out.push({ text: ', ' });
    const anchor = anchors.get(from);
    // Word joiners keep a row range such as 73–74 on one line: Word and LibreOffice break after a dash.
    const text = to > from ? `${from}\u2060–\u2060${to}` : String(from);
    out.push(anchor ? { text, ref: anchor } : { text });
    i = j + 1;
  }
  return out;
}
