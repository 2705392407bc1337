import type { Entry, EntryKind } from '../../catalog/schema.ts';
import type { Field, Reply } from '../reply.ts';
import { composeText, maxFieldLength } from './entry-reply.ts';

const plurals: Record<EntryKind, string> = {
  law: 'Laws',
  capability: 'Capabilities',
  primitive: 'Primitives',
  pattern: 'Patterns',
  pitfall: 'Pitfalls',
  'case-study': 'Case studies',
  obligation: 'Proof obligations',
  path: 'Learning paths',
};
const maxChoices = 4;

/** Packs lines into as few fields as needed, each under the platform's field length. */
function chunkFields(label: string, lines: readonly string[]): Field[] {
  const fields: Field[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    fields.push({ label: fields.length === 0 ? label : `${label} (continued)`, value: current.join('\n') });
    current = [];
  };
  for (const line of lines) {
    if ([...current, line].join('\n').length > maxFieldLength) flush();
    current.push(line.slice(0, maxFieldLength));
  }
  flush();
  return fields;
}

/** A reply listing every entry of one kind in catalog order, each with its id. */
export function listReply(kind: EntryKind, entries: readonly Entry[]): Reply {
  const lines = entries.map((e) => {
    const number = e.kind === 'law' || e.kind === 'pattern' ? `${e.number} ` : '';
    return `${number}${e.name} (${e.id})`;
  });
  const parts = {
    title: `${plurals[kind]} (${entries.length})`,
    summary: `Say "show <id>" for any of them.`,
    fields: chunkFields(plurals[kind], lines),
    choices: entries.slice(0, maxChoices).map((e) => ({ label: `Show ${e.id}`, value: `show ${e.id}` })),
  };
  return { kind: 'list', text: composeText(parts), ...parts };
}
