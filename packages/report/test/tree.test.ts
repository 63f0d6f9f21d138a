import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  DEFAULT_TREE_OPTIONS,
  layoutPolicyTree,
  paginatePolicyTree,
  renderTreeSvg,
  textWidth,
  TREE_PAGE_HEIGHT,
  walkSections,
  type LaidOutNode,
  type PolicyTreeNode,
  type TreeLayout,
} from '../src/index.js';
import { generatedReview } from './helpers.js';

/** Every pair of overlapping boxes, by a sweep over x then an interval check on y (n log n + k). */
function overlaps(nodes: LaidOutNode[]): [string, string][] {
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  const found: [string, string][] = [];
  const active: LaidOutNode[] = [];
  for (const n of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.x + active[i]!.width <= n.x) active.splice(i, 1);
    for (const m of active) if (n.y < m.y + m.height && m.y < n.y + n.height) found.push([m.id, n.id]);
    active.push(n);
  }
  return found;
}

function labelsFit(layout: TreeLayout): string[] {
  const o = layout.options;
  const bad: string[] = [];
  for (const n of layout.nodes) {
    n.lines.forEach((line, i) => {
      const w = textWidth(line, o.fontSize, n.bold || i < n.markerLines);
      if (w > n.width - 2 * o.padX + 0.001) bad.push(`${n.id}: "${line}" is ${w.toFixed(1)} px in ${n.width - 2 * o.padX} px`);
    });
    if (n.lines.length * o.lineHeight + 2 * o.padY > n.height + 0.001) bad.push(`${n.id}: ${n.lines.length} lines do not fit ${n.height} px`);
    if (n.x < 0 || n.y < 0 || n.x + n.width > layout.width + 0.001 || n.y + n.height > layout.height + 0.001) bad.push(`${n.id} lies outside the drawing`);
  }
  return bad;
}

/** The policy tree of one domain of a review, as buildReport makes it (instruments included). */
function domainTree(review: ReturnType<typeof generatedReview>, domain: string): PolicyTreeNode {
  const objectives = review.policyTree.objectives.filter((o) => o.domain === domain);
  const node = (id: string, depth: number): PolicyTreeNode => {
    const o = objectives.find((x) => x.id === id)!;
    return {
      id,
      kind: depth === 0 ? 'objective' : 'sub-objective',
      label: o.text,
      children: [
        ...review.instruments.filter((i) => i.objective === id).map((i): PolicyTreeNode => ({ id: i.id, kind: 'instrument', label: i.name, number: i.number ?? null, marker: i.classification !== 'public' ? 'Stg. Geheim' : null })),
        ...objectives.filter((c) => c.parent === id).map((c) => node(c.id, depth + 1)),
      ],
    };
  };
  return { id: domain, kind: 'domain', label: domain, children: objectives.filter((o) => !o.parent).map((o) => node(o.id, 0)) };
}

describe('policy tree layout', () => {
  const review = generatedReview(1000);
  const whole: PolicyTreeNode = {
    id: 'goal',
    kind: 'goal',
    label: review.policyTree.mainGoal.text ?? '',
    children: review.policyTree.domains.map((d) => domainTree(review, d.id)),
  };

  it('lays out a generated 1,000-instrument review with no two boxes overlapping and every label inside its box', () => {
    const layout = layoutPolicyTree(whole);
    expect(layout.nodes.filter((n) => n.kind === 'instrument')).toHaveLength(1000);
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(layout.nodes.length);
    expect(overlaps(layout.nodes)).toEqual([]);
    expect(labelsFit(layout)).toEqual([]);
    // Long labels really were wrapped.
    expect(Math.max(...layout.nodes.map((n) => n.lines.length))).toBeGreaterThan(3);
  });

  it('draws every connector from the right edge of the parent to the left edge of the child, inside the column gap', () => {
    const layout = layoutPolicyTree(whole);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.edges).toHaveLength(layout.nodes.length - 1);
    for (const e of layout.edges) {
      const from = byId.get(e.from)!;
      const to = byId.get(e.to)!;
      const [start, , , end] = e.points;
      expect(start![0]).toBeCloseTo(from.x + from.width);
      expect(end![0]).toBeCloseTo(to.x);
      expect(end![1]).toBeGreaterThanOrEqual(to.y);
      expect(end![1]).toBeLessThanOrEqual(to.y + to.height);
      expect(to.x - (from.x + from.width)).toBeCloseTo(layout.options.colGap);
    }
  });

  it('splits a tall tree into page-sized parts that together hold every instrument once, each part free of overlaps', () => {
    const tree = domainTree(review, 'd1');
    const parts = paginatePolicyTree(tree, TREE_PAGE_HEIGHT);
    const expected = review.instruments.filter((i) => review.policyTree.objectives.find((o) => o.id === i.objective)!.domain === 'd1').map((i) => i.id).sort();
    const seen: string[] = [];
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      const layout = layoutPolicyTree(part);
      expect(layout.height).toBeLessThanOrEqual(TREE_PAGE_HEIGHT);
      expect(overlaps(layout.nodes)).toEqual([]);
      expect(labelsFit(layout)).toEqual([]);
      seen.push(...layout.nodes.filter((n) => n.kind === 'instrument').map((n) => n.id));
      // Every part starts from the domain, so it reads on its own.
      expect(layout.nodes[0]!.id).toBe('d1');
    }
    expect(seen.sort()).toEqual(expected);
  });

  it('never overlaps, for arbitrary trees and labels (property)', () => {
    const label = fc.string({ minLength: 0, maxLength: 140, unit: fc.constantFrom('a', 'm', 'W', 'i', ' ', 'é', '€', '-', '<', '&', '漢', 'x') });
    const leaf = fc.record({ label, marker: fc.option(fc.constant('Stg. Geheim'), { nil: null }) });
    const tree = fc.array(fc.record({ label, subs: fc.array(fc.record({ label, leaves: fc.array(leaf, { maxLength: 6 }) }), { maxLength: 4 }), leaves: fc.array(leaf, { maxLength: 5 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(tree, (objectives) => {
        let k = 0;
        const root: PolicyTreeNode = {
          id: 'root',
          kind: 'domain',
          label: 'Domein',
          children: objectives.map((o) => ({
            id: `o${k++}`,
            kind: 'objective' as const,
            label: o.label,
            children: [
              ...o.leaves.map((l) => ({ id: `i${k++}`, kind: 'instrument' as const, label: l.label, marker: l.marker })),
              ...o.subs.map((s) => ({ id: `s${k++}`, kind: 'sub-objective' as const, label: s.label, children: s.leaves.map((l) => ({ id: `i${k++}`, kind: 'instrument' as const, label: l.label, marker: l.marker })) })),
            ],
          })),
        };
        const layout = layoutPolicyTree(root);
        expect(overlaps(layout.nodes)).toEqual([]);
        expect(labelsFit(layout)).toEqual([]);
        for (const part of paginatePolicyTree(root, 300)) expect(overlaps(layoutPolicyTree(part).nodes)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('renders the layout as SVG with escaped labels and one box per node', () => {
    const layout = layoutPolicyTree({ id: 'd', kind: 'domain', label: 'A <b>&"x"</b>', children: [{ id: 'i', kind: 'instrument', label: '<script>alert(1)</script>', marker: 'Stg. Geheim' }] });
    const svg = renderTreeSvg(layout, { title: 'T <x>', description: 'D & E' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg.match(/<rect /g)).toHaveLength(3); // background + 2 boxes
    expect(svg).toContain('stroke-dasharray'); // the classified box is marked
  });

  it('puts the trees of the report on pages no taller than a landscape A4 page', () => {
    const doc = buildReport(generatedReview(300, 3), null, { audience: 'confidential' });
    const trees = [...walkSections(doc.sections)].flatMap((s) => s.blocks).filter((b) => b.kind === 'figure' && b.figure === 'tree');
    expect(trees.length).toBeGreaterThan(4);
    for (const t of trees) if (t.kind === 'figure') expect(t.height).toBeLessThanOrEqual(TREE_PAGE_HEIGHT);
    expect(DEFAULT_TREE_OPTIONS.fontSize).toBeGreaterThanOrEqual(10);
  });
});
