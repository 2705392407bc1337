import type { DiagramModel, DiagramNode } from './diagram-model.ts';

/** One box in words: role, technology, count and sizing, and its primitives. */
export function nodeSummary(node: DiagramNode): string {
  const tech = node.technology ? `: ${node.technology}` : '';
  const count = node.count > 1 ? ` ×${node.count.toLocaleString('en-US')}` : '';
  const details = node.details.filter((d) => !/^[\d,]+ nodes?$/.test(d)).map((d) => d.replace(/^[\d,]+ nodes? · /, ''));
  const sizing = details.length > 0 ? ` · ${details.join(' · ')}` : '';
  const primitives = node.primitives.length > 0 ? ` [${node.primitives.join(' ')}]` : '';
  return `${node.role}${tech}${count}${sizing}${primitives}`;
}

/**
 * The architecture as a tree of arrows for a terminal: each component once, reached from the clients
 * (or whatever has no arrow into it); a component reached again is named, not repeated.
 */
export function textSketch(model: DiagramModel): string[] {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const targets = new Set(model.edges.map((e) => e.to));
  const roots = model.nodes.filter((n) => !targets.has(n.id));
  const seen = new Set<string>();
  const lines = [`${model.title} — ${model.regions > 1 ? `${model.regions} regions, each running every part below but the clients` : 'one region'}`];
  const visit = (node: DiagramNode, prefix: string, branch: string, label: string | undefined) => {
    const via = label ? ` (${label})` : '';
    if (seen.has(node.id)) {
      lines.push(`${prefix}${branch}${node.role}, as above${via}`);
      return;
    }
    seen.add(node.id);
    lines.push(`${prefix}${branch}${nodeSummary(node)}${via}`);
    const out = model.edges.filter((e) => e.from === node.id);
    const inner = prefix + (branch === '' ? '' : branch.startsWith('└') ? '    ' : '│   ');
    out.forEach((e, i) => visit(byId.get(e.to)!, inner, i === out.length - 1 ? '└─▶ ' : '├─▶ ', e.label));
  };
  for (const root of roots.length > 0 ? roots : model.nodes.slice(0, 1)) visit(root, '', '', undefined);
  for (const node of model.nodes) if (!seen.has(node.id)) visit(node, '', '', undefined);
  return lines;
}
