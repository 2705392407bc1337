import type { Design, DesignVersion } from '../ports/design-store.ts';
import { formatValue } from '../format-value.ts';
import type { Choice, Reply } from '../reply.ts';
import { assessmentReply } from './assessment-reply.ts';

/** The most what-if buttons a card offers beside its commands. */
const whatIfLimit = 2;

/**
 * The assessment card of a saved version: its one-word commands (diagram, risks, checks …) as buttons,
 * then up to two what-ifs and the history.
 */
export function cardReply(design: Design, version: DesignVersion, withDesign: boolean): Reply {
  const card = assessmentReply(version.assessment, { title: design.title });
  const req = version.requirements;
  const whatIfs: Choice[] = [];
  if (req.writesPerSec !== undefined) whatIfs.push({ label: 'What if writes double?', value: `set writesPerSec ${req.writesPerSec * 2}` });
  if (req.availability !== undefined && req.availability < 0.99999) {
    const more = 1 - (1 - req.availability) / 10;
    whatIfs.push({ label: `What if ${formatValue('availability', more)}?`, value: `set availability ${Number((more * 100).toPrecision(10))}%` });
  }
  const choices = [...(card.choices ?? []), ...whatIfs.slice(0, whatIfLimit), { label: 'History', value: 'history' }];
  return { ...card, choices, ...(withDesign ? { design: { id: design.id, version: version.version } } : {}) };
}
