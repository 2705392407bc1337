import type { DesignSummary } from '../ports/design-store.ts';
import type { Choice, Reply } from '../reply.ts';
import { errorReply, infoReply } from './basic-replies.ts';

/** One design as a choice that opens it. */
export function openChoice(d: DesignSummary): Choice {
  return { label: `Open "${d.title}" (${d.id})`, value: `open ${d.id}` };
}

/** Switching away now would drop answers the interview has not saved: say so and offer the ways out. */
export function unsavedReply(lost: number, retry: string): Reply {
  const answers = lost === 1 ? 'one answer' : `${lost} answers`;
  return {
    ...errorReply('unsaved_answers', `This thread's interview has ${answers} not saved yet, so I stayed on this design.`, `Type assess to save them (or cancel to drop them), then ${retry} again.`),
    choices: [{ label: 'Assess and save', value: 'assess' }, { label: 'Cancel the interview', value: 'cancel' }],
  };
}

/** `design <name>` with a name the channel already has. */
export function nameTakenReply(taken: DesignSummary): Reply {
  return {
    ...errorReply('design_name_taken', `This channel already has a design called "${taken.title}" (${taken.id}).`, 'Open it, or choose another name.'),
    choices: [openChoice(taken)],
  };
}

/** `open <words>` matched several designs: which one? */
export function severalReply(query: string, designs: DesignSummary[]): Reply {
  const shown = designs.slice(0, 10);
  const lines = shown.map((d) => `${d.title} (${d.id}) · v${d.latestVersion} · by ${d.savedBy}`);
  return infoReply([`${designs.length} designs of this channel match "${query}"; which one? Type open <id>, or pick:`, ...lines].join('\n'), shown.map(openChoice));
}

/** `open <words>` matched no design of this channel: what there is. */
export function noMatchReply(query: string, recent: DesignSummary[]): Reply {
  if (recent.length === 0) {
    return { ...errorReply('design_not_found', 'This channel has no saved designs yet.', 'Type design <name> to start one.'), choices: [{ label: 'Start a design', value: 'design' }] };
  }
  const names = recent.map((d) => `"${d.title}" (${d.id})`).join(', ');
  return { ...errorReply('design_not_found', `No design of this channel is called "${query}".`, `Its latest: ${names}. Type designs for all of them.`), choices: recent.map(openChoice) };
}
