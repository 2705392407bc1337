import type { Catalog } from '../catalog/catalog.ts';
import type { Choice } from '../dialog/reply.ts';
import { formatValue } from '../dialog/format-value.ts';
import { label, type Answer, type DesignInView } from './answer.ts';

/** What an answer means for the thread's design: one line, and the change as a one-click what-if when there is one. */
export interface DesignAdvice {
  line: string;
  choice?: Choice;
}

/** The value as `set` reads it back: booleans as true/false, numbers plainly, words as they are. */
function setValue(value: unknown): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
}

/**
 * "For your ledger: …": whether the entry the answer leads with is already in the design, and if
 * not, the requirement that brings it in, offered as `set <field> <value>` (or, for a pattern or
 * primitive no requirement brings in, `add <id>`).
 */
export function adviseDesign(answer: Answer, design: DesignInView, catalog: Catalog): DesignAdvice | undefined {
  const entry = answer.entries.map((id) => catalog.get(id)).find((e) => e !== undefined);
  const title = design.title;
  const inDesign = entry !== undefined && design.recommended.includes(entry.id);
  const df = answer.designField;
  if (df) {
    const current = design.requirements[df.field];
    const shown = `${df.field} = ${formatValue(df.field, df.value)}`;
    if (JSON.stringify(current) === JSON.stringify(df.value)) {
      const why = entry && inDesign ? { label: `Why ${entry.id}?`, value: `why ${entry.id}` } : undefined;
      return { line: `For your ${title}: ${shown} is already in its requirements${entry && inDesign ? `, which is why ${label(entry)} is in the design` : ''}.`, ...(why ? { choice: why } : {}) };
    }
    const now = current === undefined ? 'not set' : formatValue(df.field, current);
    const brings = entry && answer.kind !== 'sizing' && !inDesign ? ` (it brings ${label(entry)} into the design)` : '';
    return {
      line: `For your ${title}: ${df.field} is ${now}; setting ${shown}${brings} shows what changes, as a new version you can compare.`,
      choice: { label: `What if ${shown}?`, value: `set ${df.field} ${setValue(df.value)}` },
    };
  }
  if (entry && inDesign) return { line: `For your ${title}: ${label(entry)} is already in the design.`, choice: { label: `Why ${entry.id}?`, value: `why ${entry.id}` } };
  if (entry && (entry.kind === 'pattern' || entry.kind === 'primitive')) {
    return {
      line: `For your ${title}: ${label(entry)} is not in the design; adding it re-validates the design as a new version you can compare.`,
      choice: { label: `What if we add ${entry.id}?`, value: `add ${entry.id}` },
    };
  }
  return undefined;
}
