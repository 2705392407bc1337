import type { Design, DesignVersion } from '../ports/design-store.ts';
import { formatValue } from '../format-value.ts';
import type { Choice, Reply } from '../reply.ts';
import { assessmentReply } from './assessment-reply.ts';
import { formulasChoice } from './formulas-reply.ts';

/** Slack shows up to five choices as buttons and more as a menu; the card's buttons should stay buttons. */
const cardChoiceLimit = 5;

/**
 * The assessment card of a saved version, with export, history, formulas and what-if buttons; the
 * card's own `why <first>` button comes last and is left out when the five are taken.
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
  const own = card.choices ?? [];
  const why = own.filter((c) => c.value.startsWith('why '));
  const wanted: Choice[] = [
    { label: 'Export', value: 'export' },
    { label: 'History', value: 'history' },
    formulasChoice,
    ...whatIfs,
    ...own.filter((c) => !why.includes(c)),
    ...why,
  ];
  const choices: Choice[] = [];
  for (const c of wanted) if (!choices.some((x) => x.value === c.value)) choices.push(c);
  choices.splice(cardChoiceLimit);
  return { ...card, choices, ...(withDesign ? { design: { id: design.id, version: version.version } } : {}) };
}

