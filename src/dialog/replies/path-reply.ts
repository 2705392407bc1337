import type { Catalog } from '../../catalog/catalog.ts';
import type { LearningPath } from '../../catalog/schema.ts';
import type { Reply } from '../reply.ts';
import { composeText, entryReply } from './entry-reply.ts';

const maxChoices = 4;

/** A reply presenting a learning path step by step, with the first step's entries as choices. */
export function pathReply(path: LearningPath, catalog: Catalog): Reply {
  const base = entryReply(path, catalog);
  const first = path.steps[0]?.entries ?? [];
  const choices = first.slice(0, maxChoices).map((id) => {
    const entryId = catalog.get(id)?.id ?? id;
    return { label: `Show ${entryId}`, value: `show ${entryId}` };
  });
  const parts = { title: base.title, summary: base.summary, fields: base.fields, related: base.related, choices };
  return { ...base, text: composeText(parts), choices };
}
