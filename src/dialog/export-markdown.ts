import type { Catalog } from '../catalog/catalog.ts';
import { mermaidFlowchart } from '../diagram/mermaid.ts';
import type { Design, DesignVersion } from './ports/design-store.ts';
import { formatValue } from './format-value.ts';
import { designStatus } from './plan/plan-status.ts';
import { versionDiagram } from './replies/diagram-reply.ts';

/** A file-name-safe form of a title: lowercase words joined by dashes. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '')
    .slice(0, 60)
    .replace(/(?<!-)-+$/, '');
  return slug === '' ? 'design' : slug;
}

const cell = (v: unknown): string => String(v ?? '—').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const nodeId = (prefix: string, id: string): string => `${prefix}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
const label = (text: string): string => text.replace(/"/g, "'");

/** The Mermaid of the design: its architecture, the same boxes and arrows as the `diagram` picture. */
function mermaid(title: string, version: DesignVersion, catalog: Catalog): string[] {
  const model = versionDiagram(title, version.assessment, version.requirements);
  if (model) return ['```mermaid', ...mermaidFlowchart(model), '```'];
  return itemGraph(version, catalog);
}

/** For a version saved before architectures existed: how its capabilities, primitives and patterns connect. */
function itemGraph(version: DesignVersion, catalog: Catalog): string[] {
  const a = version.assessment;
  const primitives = new Set(a.primitives.map((p) => p.id));
  const lines = ['```mermaid', 'graph LR'];
  for (const c of a.capabilities) lines.push(`  ${nodeId('cap', c.id)}(["${label(c.id)}"])`);
  for (const p of a.primitives) lines.push(`  ${nodeId('prim', p.id)}["${label(`${p.id} ${p.name}`)}"]`);
  for (const p of a.patterns) lines.push(`  ${nodeId('pat', p.id)}{{"${label(p.name)}"}}`);
  for (const c of a.capabilities) {
    const entry = catalog.get(c.id);
    const providers = entry?.kind === 'capability' ? entry.providedBy.filter((id) => primitives.has(id)) : [];
    for (const p of providers) lines.push(`  ${nodeId('cap', c.id)} --> ${nodeId('prim', p)}`);
  }
  for (const pattern of a.patterns) {
    const entry = catalog.get(pattern.id);
    const used = entry?.kind === 'pattern' ? entry.primitives.filter((id) => primitives.has(id)) : [];
    for (const p of used) lines.push(`  ${nodeId('prim', p)} --> ${nodeId('pat', pattern.id)}`);
  }
  lines.push('```');
  return lines;
}

function tradeoffs(version: DesignVersion, catalog: Catalog): string[] {
  const out: string[] = [];
  for (const item of [...version.assessment.primitives, ...version.assessment.patterns]) {
    const entry = catalog.get(item.id);
    if (!entry) continue;
    const first = entry.details.tradeoffs[0];
    if (entry.kind === 'pattern') out.push(`- **${entry.name}**: costs ${entry.cost}${first ? `; ${first}` : ''}`);
    else if (first) out.push(`- **${item.id} ${entry.name}**: ${first}`);
  }
  return out.length > 0 ? out : ['- No trade-offs recorded for the chosen items.'];
}

const reasoned = (items: Array<{ id: string; name?: string; reasons: string[] }>): string[] =>
  items.length === 0 ? ['- (none)'] : items.map((i) => `- **${i.name ? `${i.id} ${i.name}` : i.id}**: ${i.reasons.join('; ')}`);

/**
 * The design record of one version in the MADR layout: context (requirements and who gave them),
 * decision (capabilities, primitives, patterns with reasons), consequences (trade-offs, warnings,
 * figures with formulas), proof obligations as a checklist, technologies and a Mermaid diagram.
 */
export function exportMarkdown(design: Design, version: DesignVersion, catalog: Catalog): string {
  const a = version.assessment;
  const status = designStatus(design, version);
  const req = Object.entries(version.requirements).filter(([, v]) => v !== undefined);
  const lines = [
    `# ${design.title}`,
    '',
    `* Status: ${status.status}: ${status.reason} (version ${version.version} of ${design.versions.length})`,
    `* Design: ${design.id}`,
    `* Date: ${version.savedAt}`,
    `* Saved by: ${version.savedBy} (${version.cause})`,
    '',
    '## Context and Problem Statement',
    '',
    'The requirements this decision answers:',
    '',
    '| Requirement | Value | Answered by |',
    '| --- | --- | --- |',
    ...req.map(([f, v]) => `| ${f} | ${cell(formatValue(f, v))} | ${cell(version.answeredBy[f])} |`),
    '',
    '## Decision Outcome',
    '',
    '### Capabilities',
    ...reasoned(a.capabilities),
    '',
    '### Primitives',
    ...reasoned(a.primitives),
    '',
    '### Patterns',
    ...reasoned(a.patterns),
    ...(a.nearMisses.length > 0 ? ['', 'Near misses: ' + a.nearMisses.map((n) => `${n.pattern} (missing ${n.missing.join(', ')})`).join('; ')] : []),
    '',
    '## Consequences',
    '',
    '### Trade-offs',
    ...tradeoffs(version, catalog),
    '',
    '### Warnings',
    ...(a.warnings.length > 0 ? a.warnings.map((w) => `- **${w.severity}** ${w.id}: ${w.message}`) : ['- None.']),
    '',
    `### Validation (${a.validation.pass ? 'passes' : 'fails'})`,
    '',
    '| Check | Required | Calculated | Unit | Result |',
    '| --- | --- | --- | --- | --- |',
    ...a.validation.checks.map((c) => `| ${c.id} | ${cell(c.required)} | ${cell(c.calculated)} | ${cell(c.unit)} | ${c.pass === null ? 'not judged' : c.pass ? 'pass' : 'FAIL'} |`),
    '',
    'Formulas:',
    ...a.validation.checks.map((c) => `- ${c.id}: \`${c.explain.replace(/`/g, "'")}\``),
    '',
    '## Proof Obligations',
    ...(a.obligations.length > 0 ? a.obligations.map((o) => `- [ ] ${o.pattern}: ${o.text}`) : ['- [ ] (none for this design)']),
    '',
    '## Technologies',
    '',
    '| For | Pick | Why |',
    '| --- | --- | --- |',
    ...a.technologies.map((t) => `| ${cell(t.for)} | ${cell(t.pick)} | ${cell(t.why)} |`),
    '',
    '## Diagram',
    '',
    ...mermaid(design.title, version, catalog),
    '',
  ];
  return lines.join('\n');
}
