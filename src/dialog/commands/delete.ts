import { errorReply, infoReply, noDesignReply } from '../replies/basic-replies.ts';
import { answered, defineCommand, type CommandContext, type CommandOutcome } from './command.ts';

/** `delete`: asks for a confirmation; the core calls deleteConfirmed when the answer is yes. */
export const deleteCommand = defineCommand({
  name: 'delete',
  phrases: ['delete'],
  run(ctx) {
    const { design, state } = ctx;
    const latest = ctx.snapshot?.latestVersion;
    if (!design) return answered(errorReply('no_design', 'This thread has no saved design to delete.'));
    return {
      state: { ...state, mode: 'awaiting-delete-confirmation', resumeMode: state.mode === 'interviewing' ? 'interviewing' : 'idle' },
      replies: [{
        kind: 'question',
        text: `Delete the design "${design.title}" with all ${latest} version(s)? This cannot be undone. Answer yes or no.`,
        choices: [{ label: 'Yes, delete it', value: 'yes' }, { label: 'No, keep it', value: 'no' }],
      }],
    };
  },
});

/** The confirmed delete: the thread's design and its history are gone. */
export async function deleteConfirmed(ctx: CommandContext): Promise<CommandOutcome> {
  const design = ctx.design;
  if (!design) return answered(noDesignReply());
  await ctx.store.deleteDesign(ctx.key);
  return answered(infoReply(`Deleted the design "${design.title}" (${design.id}) and its history.`, [
    { label: 'Start a new design', value: 'design' },
    { label: "This channel's designs", value: 'designs' },
  ]));
}
