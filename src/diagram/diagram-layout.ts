import dagre, { type Edge, type EdgeLabel, type GraphLabel, type NodeLabel, type Point } from '@dagrejs/dagre';
import type { DiagramModel, DiagramNode } from './diagram-model.ts';
import type { FontMetrics } from './font-metrics.ts';

/** The metrics of the regular and the bold face: a bold title is wider than the same words in regular. */
export interface DiagramFonts {
  regular: FontMetrics;
  bold: FontMetrics;
}

/** One line of text inside a box. */
export interface TextLine {
  text: string;
  size: number;
  bold: boolean;
  tone: 'strong' | 'normal' | 'muted';
}

export interface PlacedBox {
  node: DiagramNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: TextLine[];
}

export interface PlacedEdge {
  points: Array<{ x: number; y: number }>;
  label?: { text: string; x: number; y: number; width: number; height: number };
}

export interface PlacedFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  regions: number;
}

/** A diagram with every box, arrow and frame placed; coordinates in px, origin at the top left. */
export interface DiagramLayout {
  width: number;
  height: number;
  title: TextLine;
  boxes: PlacedBox[];
  edges: PlacedEdge[];
  frame?: PlacedFrame;
  legend: string;
}

const padX = 14;
const padY = 10;
const lineGap = 4;
const maxTextWidth = 230;
const minBoxWidth = 150;
const margin = 28;
const titleHeight = 44;
const legendHeight = 30;
/** Room for the copies drawn behind a box with several nodes. */
export const stackOffset = 6;
const edgeLabelSize = 12;
const regionId = '__region';

/** Splits text into lines no wider than `max` px, breaking at spaces (a single long word is cut). */
export function wrap(text: string, size: number, metrics: FontMetrics, max = maxTextWidth): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (metrics.width(next, size) <= max || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => {
    if (metrics.width(line, size) <= max) return line;
    let cut = line;
    while (cut.length > 1 && metrics.width(`${cut}…`, size) > max) cut = cut.slice(0, -1);
    return `${cut}…`;
  });
}

function boxLines(node: DiagramNode, fonts: DiagramFonts): TextLine[] {
  const lines: TextLine[] = [];
  const add = (text: string, size: number, bold: boolean, tone: TextLine['tone']) => {
    for (const line of wrap(text, size, bold ? fonts.bold : fonts.regular)) lines.push({ text: line, size, bold, tone });
  };
  add(node.role, 15, true, 'strong');
  if (node.technology) add(node.technology, 14, false, 'normal');
  for (const detail of node.details) add(detail, 13, false, 'muted');
  if (node.primitives.length > 0) add(node.primitives.join(' · '), 12, false, 'muted');
  return lines;
}

function textHeight(lines: TextLine[]): number {
  return lines.reduce((h, l) => h + l.size + lineGap, -lineGap);
}

function frameLabel(regions: number): string {
  return regions > 1 ? `${regions} regions, each running everything in this frame` : 'One region';
}

/** Lays the model out left to right with dagre: clients on the left, stores on the right. */
export function layoutDiagram(model: DiagramModel, fonts: DiagramFonts): DiagramLayout {
  const metrics = fonts.regular;
  const measure = (l: TextLine) => (l.bold ? fonts.bold : fonts.regular).width(l.text, l.size);
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, edgesep: 16, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map<string, TextLine[]>();
  const inFrame = model.nodes.filter((n) => !n.global);
  if (inFrame.length > 0) g.setNode(regionId, { label: frameLabel(model.regions), paddingTop: 40, paddingX: 24, paddingY: 24 });
  for (const node of model.nodes) {
    const text = boxLines(node, fonts);
    lines.set(node.id, text);
    const textWidth = Math.max(...text.map(measure));
    const stack = node.count > 1 ? 2 * stackOffset : 0;
    g.setNode(node.id, { width: Math.max(minBoxWidth, Math.ceil(textWidth) + 2 * padX) + stack, height: textHeight(text) + 2 * padY + stack });
    if (!node.global) g.setParent(node.id, regionId);
  }
  model.edges.forEach((edge, i) => {
    const label = edge.label ? { width: Math.ceil(metrics.width(edge.label, edgeLabelSize)) + 10, height: edgeLabelSize + 8, labelpos: 'c' as const } : {};
    g.setEdge(edge.from, edge.to, { ...label, minlen: 1 }, `e${i}`);
  });
  dagre.layout(g);

  const top = margin + titleHeight;
  const boxes: PlacedBox[] = model.nodes.map((node) => {
    const n = g.node(node.id);
    return { node, x: margin + n.x! - n.width / 2, y: top + n.y! - n.height / 2, width: n.width, height: n.height, lines: lines.get(node.id)! };
  });
  const edges: PlacedEdge[] = g.edges().map((e: Edge) => {
    const label = g.edge(e);
    const index = Number(e.name?.slice(1));
    const text = model.edges[index]?.label;
    const points = (label.points ?? []).map((p: Point) => ({ x: margin + p.x, y: top + p.y }));
    return text && label.x !== undefined && label.y !== undefined
      ? { points, label: { text, x: margin + label.x, y: top + label.y!, width: label.width ?? 0, height: label.height ?? 0 } }
      : { points };
  });
  let frame: PlacedFrame | undefined;
  if (inFrame.length > 0) {
    const r = g.node(regionId);
    frame = { x: margin + r.x! - r.width / 2, y: top + r.y! - r.height / 2, width: r.width, height: r.height, label: frameLabel(model.regions), regions: model.regions };
  }
  const graph = g.graph();
  const legend = 'Stacked box: several nodes (count shown) · P#: the primitives each part provides';
  const contentWidth = Math.max(graph.width ?? 0, fonts.bold.width(model.title, 20), metrics.width(legend, 12));
  return {
    width: Math.ceil(contentWidth + 2 * margin),
    height: Math.ceil(top + (graph.height ?? 0) + legendHeight + margin / 2),
    title: { text: model.title, size: 20, bold: true, tone: 'strong' },
    boxes,
    edges,
    ...(frame && { frame }),
    legend,
  };
}
