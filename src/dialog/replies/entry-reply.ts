import type { Catalog } from '../../catalog/catalog.ts';
import { referencedIds } from '../../catalog/referenced-ids.ts';
import type { Entry } from '../../catalog/schema.ts';
import type { Choice, Field, RelatedEntry, Reply } from '../reply.ts';

/** Platforms cap field lengths (Discord embeds at 1024); every field value stays under this. */
export const maxFieldLength = 1000;
const maxChoices = 4;

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max = maxFieldLength): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A field from a value or a list of values (one per line), or nothing when there is nothing to say. */
export function field(label: string, value: string | readonly string[] | undefined, inline = false): Field[] {
  const list = typeof value === 'string' ? [value.trim()] : (value ?? []);
  const text = list.length === 1 ? list[0]! : list.map((v) => `- ${v}`).join('\n');
  return text === '' ? [] : [{ label, value: clip(text), ...(inline ? { inline } : {}) }];
}

/** "Retry Logic (P8)" for a known id, the bare id otherwise. */
export function nameWithId(catalog: Catalog, id: string): string {
  const entry = catalog.get(id);
  return entry ? `${entry.name} (${entry.id})` : id;
}

/** The complete plain-text version of a reply: title, summary, fields, related entries, choices. */
export function composeText(parts: Pick<Reply, 'title' | 'summary' | 'fields' | 'related' | 'choices'>): string {
  const blocks: string[] = [];
  const head = [parts.title, parts.summary].filter((s): s is string => !!s);
  if (head.length > 0) blocks.push(head.join('\n'));
  const fields = (parts.fields ?? []).map((f) => (f.value.includes('\n') ? `${f.label}:\n${f.value}` : `${f.label}: ${f.value}`));
  if (fields.length > 0) blocks.push(fields.join('\n'));
  if (parts.related?.length) blocks.push(`Related: ${parts.related.map((r) => `${r.name} (${r.id})`).join(', ')}`);
  if (parts.choices?.length) blocks.push(`Try: ${parts.choices.map((c) => c.value).join(' | ')}`);
  return blocks.join('\n\n');
}

function kindFields(entry: Entry, catalog: Catalog): Field[] {
  const names = (ids: readonly string[]): string => ids.map((id) => nameWithId(catalog, id)).join(', ');
  switch (entry.kind) {
    case 'law':
      return [...field('Law', entry.number, true), ...field('Constrains', names(entry.constrains))];
    case 'capability':
      return [
        ...field('Category', entry.category, true),
        ...field('Measured by', entry.measurement),
        ...field('Provided by', names(entry.providedBy)),
        ...field('Requires', names(entry.requires)),
        ...field('Excludes', names(entry.excludes)),
      ];
    case 'primitive': {
      const usedBy = catalog.list('pattern').filter((p) => p.primitives.includes(entry.id));
      return [
        ...field('Plane', entry.plane, true),
        ...field('Use when', entry.trigger),
        ...field('Provides', names(entry.provides)),
        ...field('Requires', entry.requires.map((group) => group.map((id) => nameWithId(catalog, id)).join(' or ')).join('; ')),
        ...field('Conflicts with', entry.conflicts.map((c) => `${nameWithId(catalog, c.with)}: ${c.reason}`)),
        ...field('Capacity', entry.capacity),
        ...field('Implementations', entry.implementations.join(', ')),
        ...field('Proof', entry.proof),
        ...field('Anti-patterns', entry.antiPatterns),
        ...field('Used by patterns', names(usedBy.map((p) => p.id))),
      ];
    }
    case 'pattern':
      return [
        ...field('Pattern', entry.number, true),
        ...field('Primitives', entry.primitives.map((id) => nameWithId(catalog, id)).join(' + ')),
        ...field('Problem', entry.problem),
        ...field('Guarantee', entry.guarantee),
        ...field('Proof obligation', entry.proofObligation),
        ...field('Cost', entry.cost),
      ];
    case 'pitfall':
      return [...field('Severity', entry.severity, true), ...field('Symptoms', entry.symptoms), ...field('Fix', entry.fix)];
    case 'case-study':
      return field('Scale', entry.scale);
    case 'obligation':
      return [...field('Method', entry.method), ...field('Frequency', entry.frequency, true), ...field('Alert', entry.alert, true)];
    case 'path':
      return [
        ...field('Duration', entry.duration, true),
        ...field('Outcome', entry.outcome),
        ...entry.steps.map((step, i) => ({
          label: `Step ${i + 1}: ${step.title}${step.weeks ? ` (weeks ${step.weeks})` : ''}`,
          value: clip(names(step.entries)),
        })),
      ];
  }
}

/** The ids an entry points to directly, most important first. */
function linkedIds(entry: Entry): readonly string[] {
  switch (entry.kind) {
    case 'law':
      return entry.constrains;
    case 'capability':
      return [...entry.providedBy, ...entry.requires, ...entry.excludes];
    case 'primitive':
      return [...entry.requires.flat(), ...entry.conflicts.map((c) => c.with), ...entry.provides];
    case 'pattern':
      return entry.primitives;
    default:
      return referencedIds(entry);
  }
}

/** Everything the entry links to plus the pitfalls, case studies, obligations and paths that name it. */
export function relatedEntries(entry: Entry, catalog: Catalog): RelatedEntry[] {
  const seen = new Set<string>([entry.id]);
  const related: RelatedEntry[] = [];
  const linked = linkedIds(entry).map((id) => catalog.get(id)).filter((e): e is Entry => !!e);
  for (const e of [...linked, ...catalog.referencing(entry.id)]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    related.push({ kind: e.kind, id: e.id, name: e.name });
  }
  return related;
}

/** A reply presenting one catalog entry: its facts as fields, its neighbours, and follow-up choices. */
export function entryReply(entry: Entry, catalog: Catalog): Reply {
  const d = entry.details;
  const fields = [
    ...kindFields(entry, catalog),
    ...entry.formulas.map((f) => ({ label: `Formula: ${f.name}`, value: clip(f.where ? `${f.expression} (${f.where})` : f.expression) })),
    ...field('Thresholds', entry.thresholds.map((t) => `${t.metric}: ${t.value}${t.note ? ` (${t.note})` : ''}`)),
    ...field('When to use', d.whenToUse),
    ...field('When not to use', d.whenNotToUse),
    ...field('Trade-offs', d.tradeoffs),
    ...field('Failure modes', d.failureModes),
    ...field('Notes', d.notes),
    ...field('Also known as', entry.aliases.join(', ')),
  ];
  const related = relatedEntries(entry, catalog);
  const choices: Choice[] = related.slice(0, maxChoices).map((r) => ({ label: `Show ${r.id}`, value: `show ${r.id}` }));
  const number = entry.kind === 'law' || entry.kind === 'pattern' ? `${entry.number}, ` : '';
  const parts = { title: `${entry.name} (${number}${entry.id})`, summary: entry.summary, fields, related, choices };
  return { kind: 'entry', text: composeText(parts), ...parts };
}
