import type { DiagramModel, NodeGroup } from './diagram-model.ts';

/** Colours of the Mermaid classes, the same as the PNG's. */
const classes: Record<NodeGroup, string> = {
  client: 'fill:#f1f3f5,stroke:#868e96',
  edge: 'fill:#e7f5ff,stroke:#1c7ed6',
  compute: 'fill:#edf2ff,stroke:#4c6ef5',
  store: 'fill:#ebfbee,stroke:#2f9e44',
  cache: 'fill:#fff4e6,stroke:#e8590c',
  log: 'fill:#f3f0ff,stroke:#7048e8',
  analytics: 'fill:#e6fcf5,stroke:#0c8599',
  coordination: 'fill:#fff9db,stroke:#f08c00',
  other: 'fill:#f8f9fa,stroke:#495057',
};

const safeId = (id: string): string => `c_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
/** Mermaid labels are quoted strings: quotes become entities, and markup characters are escaped. */
const quoted = (text: string): string => text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

/** The architecture as a Mermaid flowchart: the same boxes, counts, arrows and region frame as the PNG. */
export function mermaidFlowchart(model: DiagramModel): string[] {
  const lines = ['flowchart LR'];
  const nodeLine = (n: DiagramModel['nodes'][number], indent: string) => {
    const parts = [`<b>${quoted(n.role)}</b>`, quoted(n.technology), ...n.details.map(quoted)];
    if (n.primitives.length > 0) parts.push(n.primitives.join(' · '));
    lines.push(`${indent}${safeId(n.id)}["${parts.filter(Boolean).join('<br/>')}"]:::${n.group}`);
  };
  for (const n of model.nodes.filter((x) => x.global)) nodeLine(n, '  ');
  const inside = model.nodes.filter((x) => !x.global);
  if (inside.length > 0) {
    const label = model.regions > 1 ? `${model.regions} regions, each running everything here` : 'One region';
    lines.push(`  subgraph region["${label}"]`);
    for (const n of inside) nodeLine(n, '    ');
    lines.push('  end');
  }
  for (const e of model.edges) {
    lines.push(`  ${safeId(e.from)} -->${e.label ? `|"${quoted(e.label)}"|` : ''} ${safeId(e.to)}`);
  }
  const used = new Set(model.nodes.map((n) => n.group));
  for (const [group, style] of Object.entries(classes)) if (used.has(group as NodeGroup)) lines.push(`  classDef ${group} ${style}`);
  return lines;
}
