/**
 * What every drawing of a design (the PNG, the terminal sketch, the export's Mermaid) is made from, so
 * all three show the same architecture: boxes with their technology and counts, arrows, regions.
 */

/** The part of `assessment.architecture` a drawing reads (interface.md "assess output"). */
export interface ArchitectureView {
  components: Array<{
    id: string;
    role: string;
    technology: string;
    count: number;
    primitives: string[];
    sizing: Record<string, number | string>;
  }>;
  edges: Array<{ from: string; to: string; label?: string }>;
}

/** How a box is coloured: what kind of part of the system it is. */
export type NodeGroup = 'client' | 'edge' | 'compute' | 'store' | 'cache' | 'log' | 'analytics' | 'coordination' | 'other';

export interface DiagramNode {
  id: string;
  role: string;
  technology: string;
  /** Count and sizing in words ("20 partitions · 5 replicas"). */
  details: string[];
  primitives: string[];
  count: number;
  group: NodeGroup;
  /** Outside every region (clients, a CDN): drawn outside the region frame. */
  global: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
}

export interface DiagramModel {
  title: string;
  regions: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Words in a role or id that say which group a component belongs to, checked in this order. */
const groupWords: Array<[NodeGroup, RegExp]> = [
  ['client', /\b(clients?|users?|browsers?|devices?|callers?)\b/],
  ['edge', /\b(cdn|dns|load.?balancers?|gateway|entry|ingress|edge|lb)\b/],
  ['cache', /\bcach(e|es|ing)\b/],
  ['log', /\b(log|logs|stream|streams|queue|queues|kafka|kinesis|broker|topics?|event bus)\b/],
  ['analytics', /\b(analytics?|warehouse|olap|columnar|time.?series)\b/],
  ['coordination', /\b(coordinat\w*|consensus|locks?|election|etcd|zookeeper)\b/],
  ['store', /\b(stores?|database|db|storage|index|search|object|table|replicas?|\w+-db)\b/],
  ['compute', /\b(app|apps|service|services|api|workers?|tier|servers?|processors?|consumers?|compute|functions?)\b/],
];

function groupOf(role: string, id: string): NodeGroup {
  const text = `${role} ${id}`.toLowerCase();
  return groupWords.find(([, words]) => words.test(text))?.[0] ?? 'other';
}

/** Units said by a sizing key's suffix ("memoryGb" is "GB memory"). */
const unitSuffixes: Array<[RegExp, string]> = [
  [/Gb$/, 'GB'],
  [/Tb$/, 'TB'],
  [/Mb$/, 'MB'],
  [/UsdPerMonth$/, '$/month'],
  [/PerSec$/, '/s'],
  [/Days$/, 'days'],
  [/Hours$/, 'h'],
  [/Sec$/, 's'],
  [/Ms$/, 'ms'],
];

const words = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

function number(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Number(n.toPrecision(3)).toLocaleString('en-US');
}

/** One sizing entry in words: `partitions: 20` is "20 partitions", `memoryGb: 64` is "64 GB memory". */
export function sizingText(key: string, value: number | string): string {
  if (value === 'yes' || value === 'true') return words(key);
  if (typeof value === 'string') return `${words(key)}: ${value}`;
  for (const [suffix, unit] of unitSuffixes) {
    if (suffix.test(key)) {
      const rest = words(key.replace(suffix, ''));
      if (unit === '/s') return `${number(value)} ${rest}/s`;
      return unit === 's' || unit === 'ms' || unit === 'h' ? `${rest} ${number(value)} ${unit}`.trim() : `${number(value)} ${unit} ${rest}`.trim();
    }
  }
  return `${number(value)} ${words(key)}`;
}

/** Sizing keys that repeat the count or say nothing to a reader of the picture. */
const hiddenSizing = new Set(['count', 'nodes']);

/** Count and sizing in lines of about 34 characters; a client or CDN shows no node count (it runs none of ours). */
function detailsOf(count: number, sizing: Record<string, number | string>, counted: boolean): string[] {
  const entries = Object.entries(sizing).filter(([k, v]) => !hiddenSizing.has(k) && v !== 'no' && v !== 'false');
  const nodes = counted ? [`${number(count)} ${count === 1 ? 'node' : 'nodes'}`] : [];
  const parts = [...nodes, ...entries.map(([k, v]) => sizingText(k, v))];
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + part.length + 3 <= 34) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines.slice(0, 3);
}

/**
 * The drawing's model of an architecture: components whose every primitive is optional are left out
 * (the picture shows essential and recommended items), as are the arrows to them.
 */
export function diagramModel(
  architecture: ArchitectureView,
  options: { title: string; regions?: number; optional?: ReadonlySet<string> },
): DiagramModel {
  const optional = options.optional ?? new Set<string>();
  const kept = architecture.components.filter((c) => c.primitives.length === 0 || c.primitives.some((p) => !optional.has(p)));
  const regions = Math.max(1, Math.floor(options.regions ?? 1));
  const nodes = kept.map((c): DiagramNode => {
    const group = groupOf(c.role, c.id);
    const global = group === 'client' || /\b(cdn|dns)\b/i.test(`${c.role} ${c.id}`);
    return {
      id: c.id,
      role: c.role.charAt(0).toUpperCase() + c.role.slice(1),
      technology: c.technology,
      details: detailsOf(c.count, c.sizing, !global),
      primitives: c.primitives.filter((p) => !optional.has(p)),
      count: global ? 1 : c.count,
      group,
      global,
    };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = architecture.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  return { title: options.title, regions, nodes, edges };
}
