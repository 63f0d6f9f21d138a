import { escapeXml, FONT_FAMILY, n, textWidth, wrapText } from './text.js';

/**
 * The policy tree (beleidsboom) as a left-to-right tidy tree: one column per level (main goal or
 * domain, objective, sub-objective, instrument), every subtree in its own horizontal band. Boxes
 * never overlap by construction:
 * - boxes of different columns are separated by the column gap;
 * - within a column, every node lies inside the band of its own subtree, and sibling bands are
 *   stacked without overlap, so two boxes of one column are always in disjoint bands.
 * Labels are wrapped to the box width with a conservative width estimate, so they fit.
 */

export type TreeNodeKind = 'goal' | 'domain' | 'objective' | 'sub-objective' | 'instrument';

export interface PolicyTreeNode {
  id: string;
  kind: TreeNodeKind;
  label: string;
  /** Printed before the label, e.g. the instrument number. */
  number?: string | null;
  /** A marker line in the box, e.g. the classification of a classified instrument. */
  marker?: string | null;
  /** The classification behind the marker, for renderers that style it. */
  classification?: string | null;
  children?: PolicyTreeNode[];
}

export interface TreeLayoutOptions {
  fontSize: number;
  lineHeight: number;
  padX: number;
  padY: number;
  /** Horizontal gap between columns; the connectors run in it. */
  colGap: number;
  /** Vertical gap between sibling subtrees. */
  rowGap: number;
  margin: number;
  widths: Record<TreeNodeKind, number>;
}

export const DEFAULT_TREE_OPTIONS: TreeLayoutOptions = {
  fontSize: 11,
  lineHeight: 14,
  padX: 7,
  padY: 5,
  colGap: 30,
  rowGap: 7,
  margin: 10,
  widths: { goal: 220, domain: 160, objective: 200, 'sub-objective': 200, instrument: 250 },
};

export interface LaidOutNode {
  id: string;
  kind: TreeNodeKind;
  parent: string | null;
  depth: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The wrapped label lines, the marker lines (if any) first. */
  lines: string[];
  /** How many of the first lines are the marker (set in bold). */
  markerLines: number;
  bold: boolean;
}

export interface TreeEdge {
  from: string;
  to: string;
  /** Polyline points: parent's right edge, the elbow column, the child's left edge. */
  points: [number, number][];
}

export interface TreeLayout {
  nodes: LaidOutNode[];
  edges: TreeEdge[];
  width: number;
  height: number;
  options: TreeLayoutOptions;
}

const isBold = (kind: TreeNodeKind) => kind === 'goal' || kind === 'domain' || kind === 'objective';

interface Measured {
  node: PolicyTreeNode;
  lines: string[];
  markerLines: number;
  height: number;
  /** Height of the band the subtree needs. */
  extent: number;
  children: Measured[];
}

function columnWidths(root: PolicyTreeNode, o: TreeLayoutOptions): number[] {
  const widths: number[] = [];
  const stack: [PolicyTreeNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    widths[depth] = Math.max(widths[depth] ?? 0, o.widths[node.kind]);
    for (const c of node.children ?? []) stack.push([c, depth + 1]);
  }
  return widths;
}

function measure(node: PolicyTreeNode, depth: number, colW: number[], o: TreeLayoutOptions): Measured {
  const width = colW[depth]!;
  const inner = width - 2 * o.padX;
  const bold = isBold(node.kind);
  const text = node.number ? `${node.number}. ${node.label}` : node.label;
  const lines = wrapText(text, inner, o.fontSize, bold);
  const marker = node.marker ? wrapText(node.marker, inner, o.fontSize, true) : [];
  lines.unshift(...marker);
  const height = lines.length * o.lineHeight + 2 * o.padY;
  const children = (node.children ?? []).map((c) => measure(c, depth + 1, colW, o));
  const childrenExtent = children.reduce((sum, c, i) => sum + c.extent + (i > 0 ? o.rowGap : 0), 0);
  return { node, lines, markerLines: marker.length, height, extent: Math.max(height, childrenExtent), children };
}

/** Lays out a policy tree; coordinates in px, origin top left. */
export function layoutPolicyTree(root: PolicyTreeNode, options: Partial<TreeLayoutOptions> = {}): TreeLayout {
  const o: TreeLayoutOptions = { ...DEFAULT_TREE_OPTIONS, ...options, widths: { ...DEFAULT_TREE_OPTIONS.widths, ...options.widths } };
  const colW = columnWidths(root, o);
  const colX: number[] = [];
  let x = o.margin;
  for (const w of colW) {
    colX.push(x);
    x += w + o.colGap;
  }
  const width = x - o.colGap + o.margin;
  const measured = measure(root, 0, colW, o);

  const nodes: LaidOutNode[] = [];
  const edges: TreeEdge[] = [];
  const place = (m: Measured, depth: number, top: number, parent: string | null): LaidOutNode => {
    const childrenExtent = m.children.reduce((sum, c, i) => sum + c.extent + (i > 0 ? o.rowGap : 0), 0);
    const laid: LaidOutNode = {
      id: m.node.id,
      kind: m.node.kind,
      parent,
      depth,
      x: colX[depth]!,
      y: top + (m.extent - m.height) / 2,
      width: colW[depth]!,
      height: m.height,
      lines: m.lines,
      markerLines: m.markerLines,
      bold: isBold(m.node.kind),
    };
    nodes.push(laid);
    let cursor = top + (m.extent - childrenExtent) / 2;
    const placed: LaidOutNode[] = [];
    for (const c of m.children) {
      placed.push(place(c, depth + 1, cursor, m.node.id));
      cursor += c.extent + o.rowGap;
    }
    const px = laid.x + laid.width;
    const py = laid.y + laid.height / 2;
    const mx = px + o.colGap / 2;
    for (const child of placed) {
      const cy = child.y + child.height / 2;
      edges.push({ from: laid.id, to: child.id, points: [[px, py], [mx, py], [mx, cy], [child.x, cy]] });
    }
    return laid;
  };
  place(measured, 0, o.margin, null);
  return { nodes, edges, width, height: measured.extent + 2 * o.margin, options: o };
}

/**
 * Splits a tree that would be taller than `maxHeight` px into parts, each a copy of the tree
 * with a subset of the leaves and the full chain of their ancestors, so every part reads on its
 * own (one printed page each).
 */
export function paginatePolicyTree(root: PolicyTreeNode, maxHeight: number, options: Partial<TreeLayoutOptions> = {}): PolicyTreeNode[] {
  const o: TreeLayoutOptions = { ...DEFAULT_TREE_OPTIONS, ...options, widths: { ...DEFAULT_TREE_OPTIONS.widths, ...options.widths } };
  const colW = columnWidths(root, o);
  const limit = maxHeight - 2 * o.margin;
  const heights = new Map<PolicyTreeNode, number>();
  const ownHeight = (node: PolicyTreeNode, depth: number): number => {
    let h = heights.get(node);
    if (h === undefined) {
      h = measure({ ...node, children: [] }, depth, colW, o).height;
      heights.set(node, h);
    }
    return h;
  };
  const extents = new Map<PolicyTreeNode, number>();
  const extentOf = (node: PolicyTreeNode, depth: number): number => {
    let e = extents.get(node);
    if (e === undefined) {
      const kids = node.children ?? [];
      const sum = kids.reduce((s, c, i) => s + extentOf(c, depth + 1) + (i > 0 ? o.rowGap : 0), 0);
      e = Math.max(ownHeight(node, depth), sum);
      extents.set(node, e);
    }
    return e;
  };
  const split = (node: PolicyTreeNode, depth: number): PolicyTreeNode[] => {
    const kids = node.children ?? [];
    if (extentOf(node, depth) <= limit || kids.length === 0) return [node];
    const groups: PolicyTreeNode[][] = [];
    let current: PolicyTreeNode[] = [];
    let used = 0;
    for (const child of kids) {
      for (const part of split(child, depth + 1)) {
        const e = extentOf(part, depth + 1);
        if (current.length > 0 && used + o.rowGap + e > limit) {
          groups.push(current);
          current = [];
          used = 0;
        }
        used += (current.length > 0 ? o.rowGap : 0) + e;
        current.push(part);
      }
    }
    if (current.length > 0) groups.push(current);
    return groups.map((children) => ({ ...node, children }));
  };
  return split(root, 0);
}

const STYLE: Record<TreeNodeKind, { fill: string; stroke: string; text: string }> = {
  goal: { fill: '#154273', stroke: '#154273', text: '#ffffff' },
  domain: { fill: '#01689b', stroke: '#01689b', text: '#ffffff' },
  objective: { fill: '#dce9f5', stroke: '#01689b', text: '#0b2540' },
  'sub-objective': { fill: '#f1f6fb', stroke: '#7ba7cc', text: '#0b2540' },
  instrument: { fill: '#ffffff', stroke: '#8c8c8c', text: '#1a1a1a' },
};

export interface TreeSvgOptions {
  title: string;
  description: string;
}

/** Renders a laid-out tree as a standalone SVG document (no external references). */
export function renderTreeSvg(layout: TreeLayout, { title, description }: TreeSvgOptions): string {
  const o = layout.options;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" role="img" font-family="${escapeXml(FONT_FAMILY)}" font-size="${o.fontSize}">`,
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g fill="none" stroke="#6b7b8c" stroke-width="1">`,
  );
  for (const e of layout.edges) out.push(`<polyline points="${e.points.map(([px, py]) => `${n(px)},${n(py)}`).join(' ')}"/>`);
  out.push('</g>');
  for (const node of layout.nodes) {
    const s = STYLE[node.kind];
    const classified = node.markerLines > 0;
    const dashed = classified ? ' stroke-dasharray="4 2"' : '';
    const stroke = classified ? '#b00020' : s.stroke;
    out.push(
      `<g><rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="3" fill="${s.fill}" stroke="${stroke}" stroke-width="${classified ? 1.5 : 1}"${dashed}/>`,
    );
    node.lines.forEach((line, i) => {
      const marker = i < node.markerLines;
      const y = node.y + o.padY + i * o.lineHeight + o.fontSize * 0.95;
      const weight = node.bold || marker ? ' font-weight="bold"' : '';
      const fill = marker ? (node.kind === 'goal' || node.kind === 'domain' ? '#ffd7dc' : '#b00020') : s.text;
      out.push(`<text x="${n(node.x + o.padX)}" y="${n(y)}" fill="${fill}"${weight}>${escapeXml(line)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The label lines of a laid-out node, with the estimated width of its widest line. */
export function widestLine(node: LaidOutNode, fontSize: number): number {
  return Math.max(0, ...node.lines.map((l, i) => textWidth(l, fontSize, node.bold || i < node.markerLines)));
}
