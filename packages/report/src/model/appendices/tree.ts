import type { Classification, Domain, Objective } from '@polev/core';
import { layoutPolicyTree, paginatePolicyTree, renderTreeSvg, type PolicyTreeNode } from '../../figures/tree.js';
import { figure } from '../blocks.js';
import type { ReportContext } from '../context.js';
import { t, type FigureBlock, type ListItem } from '../document.js';
import { plainLostText } from '../references.js';

/** Maximum height of one printed part of a policy tree, in px (96 dpi): A4 landscape, 2 cm margins, less heading and caption. */
export const TREE_PAGE_HEIGHT = 520;

/** The overview of the policy tree: main goal, domains and objectives, without instruments. */
export function treeOverviewFigures(ctx: ReportContext): FigureBlock[] {
  const { L, review: r } = ctx;
  const tree: PolicyTreeNode = {
    id: 'main-goal',
    kind: 'goal',
    label: r.policyTree.mainGoal.text ?? L.unknown,
    children: ctx.domains.map((d) => ({ id: `domain-${d.id}`, kind: 'domain', label: d.name, children: rootsOf(ctx, d).map((o) => objectiveNode(ctx, o, 0, false)) })),
  };
  return treeFigures(ctx, 'figure-tree-overview', tree, r.policyTree.mainGoal.text ?? r.title, L.appendix.treeOverviewTitle, null);
}

/** A domain's policy tree: its objectives with their instruments. */
export function domainTreeFigures(ctx: ReportContext, d: Domain): FigureBlock[] {
  const tree: PolicyTreeNode = { id: `domain-${d.id}`, kind: 'domain', label: d.name, children: rootsOf(ctx, d).map((o) => objectiveNode(ctx, o, 0, true)) };
  return treeFigures(ctx, `figure-tree-${d.id}`, tree, d.name, ctx.L.appendix.treeTitle(d.name), (ctx.instrumentsOfDomain.get(d.id) ?? []).length);
}

const rootsOf = (ctx: ReportContext, d: Domain) => (ctx.objectivesOfDomain.get(d.id) ?? []).filter((e) => e.depth === 0).map((e) => e.objective);

function objectiveNode(ctx: ReportContext, o: Objective, depth: number, withInstruments: boolean): PolicyTreeNode {
  return {
    id: o.id,
    kind: depth === 0 ? 'objective' : 'sub-objective',
    label: o.text,
    // The objective's own instruments first, then its sub-objectives with theirs.
    children: [
      ...(withInstruments
        ? ctx.instrumentsOf(o.id).map((i): PolicyTreeNode => ({
            id: i.id,
            kind: 'instrument',
            label: i.name,
            number: ctx.instrumentNumber(i.id) ?? null,
            marker: i.classification !== 'public' ? ctx.L.classification[i.classification] : null,
            classification: i.classification,
          }))
        : []),
      ...(ctx.index.childrenOf.get(o.id) ?? []).map((c) => objectiveNode(ctx, c, depth + 1, withInstruments)),
    ],
  };
}

/** `instruments` null: the tree shows no instruments (the overview of domains and objectives). */
function treeFigures(ctx: ReportContext, idBase: string, tree: PolicyTreeNode, scopeName: string, captionBase: string, instruments: number | null): FigureBlock[] {
  const { L, lang } = ctx;
  // Figures hold plain text: the source's lost-text markers are written as such, translated.
  const relabel = (node: PolicyTreeNode): PolicyTreeNode => ({ ...node, label: plainLostText(node.label, ctx.refs.labels), ...(node.children ? { children: node.children.map(relabel) } : {}) });
  const parts = paginatePolicyTree(relabel(tree), TREE_PAGE_HEIGHT);
  return parts.map((part, pi) => {
    const layout = layoutPolicyTree(part);
    const caption = parts.length > 1 ? `${captionBase} (${lang === 'nl' ? 'deel' : 'part'} ${pi + 1}/${parts.length})` : captionBase;
    const desc = L.figure.treeDesc(scopeName, instruments);
    const svg = renderTreeSvg(layout, { title: caption, description: desc });
    const items: ListItem[] = [];
    const walk = (node: PolicyTreeNode, level: number) => {
      items.push({
        content: [
          ...(node.marker ? [t(node.marker, { classified: node.classification as Classification }), t(' ')] : []),
          t(node.number ? `${node.number}. ${node.label}` : node.label, node.kind === 'instrument' ? {} : { bold: true }),
        ],
        level,
      });
      for (const c of node.children ?? []) walk(c, level + 1);
    };
    walk(part, 0);
    return figure('tree', `${idBase}-${pi + 1}`, caption, svg, layout.width, layout.height, desc, { landscape: true, fallback: [{ kind: 'list', ordered: false, items }] });
  });
}
